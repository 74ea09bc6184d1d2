package dev.shopwright.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.shopwright.testing.ApiClient;
import dev.shopwright.testing.ShopwrightTest;

/** Stripe's Idempotency-Key semantics, including duplicates that arrive at the same time. */
@ShopwrightTest
class IdempotencyTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	ApiClient owner;

	@BeforeEach
	void logIn() {
		owner = ApiClient.at(port).loggedIn(ShopwrightTest.OWNER_EMAIL, ShopwrightTest.OWNER_PASSWORD);
	}

	@Test
	void theSameKeyAndBodyReplayTheFirstResponseWithoutDoingItAgain() {
		String handle = ApiClient.unique("idem");
		Map<String, String> body = Map.of("name", "Once", "handle", handle, "defaultCurrency", "EUR");
		ApiClient keyed = owner.with("Idempotency-Key", ApiClient.unique("key"));

		ApiClient.Response first = keyed.post("/api/admin/v1/stores", body);
		ApiClient.Response second = keyed.post("/api/admin/v1/stores", body);

		assertThat(first.status()).isEqualTo(201);
		assertThat(second.status()).isEqualTo(201);
		assertThat(second.body()).isEqualTo(first.body());
		assertThat(second.header("idempotent-replayed")).isEqualTo("true");
		assertThat(second.header("location")).isEqualTo(first.header("location"));
		assertThat(storesWithHandle(handle)).isEqualTo(1);
	}

	@Test
	void theSameKeyWithAnotherBodyIsA422() {
		ApiClient keyed = owner.with("Idempotency-Key", ApiClient.unique("key"));
		String handle = ApiClient.unique("idem");
		keyed.post("/api/admin/v1/stores", Map.of("name", "A", "handle", handle, "defaultCurrency", "EUR"));
		ApiClient.Response reused = keyed.post("/api/admin/v1/stores",
				Map.of("name", "B", "handle", ApiClient.unique("idem"), "defaultCurrency", "EUR"));
		assertThat(reused.status()).isEqualTo(422);
		assertThat(reused.json().get("code").asString()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
	}

	@Test
	void errorsOfTheClientAreReplayedToo() {
		ApiClient keyed = owner.with("Idempotency-Key", ApiClient.unique("key"));
		Map<String, String> taken = Map.of("name", "Dup", "handle", "demo", "defaultCurrency", "EUR");
		assertThat(keyed.post("/api/admin/v1/stores", taken).status()).isEqualTo(422);
		ApiClient.Response replay = keyed.post("/api/admin/v1/stores", taken);
		assertThat(replay.status()).isEqualTo(422);
		assertThat(replay.header("idempotent-replayed")).isEqualTo("true");
	}

	@Test
	void keysBelongToTheCallerNotToEveryone() throws Exception {
		String key = ApiClient.unique("shared-key");
		String handle = ApiClient.unique("mine");
		owner.with("Idempotency-Key", key).post("/api/admin/v1/stores",
				Map.of("name", "Mine", "handle", handle, "defaultCurrency", "EUR"));
		String token = owner.post("/api/admin/v1/api-tokens", Map.of("name", "other caller", "role", "ADMIN")).json()
			.get("secret").asString();
		ApiClient other = ApiClient.at(port).bearer(token).with("Idempotency-Key", key);
		// another caller's identical key does not replay the owner's response
		ApiClient.Response response = other.post("/api/admin/v1/stores",
				Map.of("name", "Mine", "handle", handle, "defaultCurrency", "EUR"));
		assertThat(response.header("idempotent-replayed")).isNull();
		assertThat(response.status()).isEqualTo(403); // an ADMIN token may not create stores at all
	}

	@Test
	void concurrentDuplicatesRunOnceAndTheOthersGetAConflictOrTheReplay() throws Exception {
		String handle = ApiClient.unique("race");
		Map<String, String> body = Map.of("name", "Race", "handle", handle, "defaultCurrency", "EUR");
		ApiClient keyed = owner.with("Idempotency-Key", ApiClient.unique("key"));
		int requests = 16;
		CountDownLatch start = new CountDownLatch(1);
		List<Future<ApiClient.Response>> futures = new ArrayList<>();
		try (ExecutorService pool = Executors.newFixedThreadPool(requests)) {
			for (int i = 0; i < requests; i++) {
				futures.add(pool.submit(() -> {
					start.await();
					return keyed.post("/api/admin/v1/stores", body);
				}));
			}
			start.countDown();
			List<ApiClient.Response> responses = new ArrayList<>();
			for (Future<ApiClient.Response> future : futures) {
				responses.add(future.get());
			}
			long executed = responses.stream()
				.filter(r -> r.status() == 201 && r.header("idempotent-replayed") == null).count();
			long replayed = responses.stream()
				.filter(r -> r.status() == 201 && "true".equals(r.header("idempotent-replayed"))).count();
			long conflicts = responses.stream().filter(r -> r.status() == 409).count();
			assertThat(executed).isEqualTo(1);
			assertThat(replayed + conflicts).isEqualTo(requests - 1);
			responses.stream().filter(r -> r.status() == 409)
				.forEach(r -> assertThat(r.json().get("code").asString()).isEqualTo("IDEMPOTENT_REQUEST_IN_PROGRESS"));
		}
		assertThat(storesWithHandle(handle)).isEqualTo(1);
	}

	@Test
	void aResponseHoldingASecretIsNeverStoredAndItsReplayIsAConflict() {
		ApiClient keyed = owner.with("Idempotency-Key", ApiClient.unique("key"));
		Map<String, String> body = Map.of("name", ApiClient.unique("integration"), "role", "ANALYST");
		ApiClient.Response first = keyed.post("/api/admin/v1/api-tokens", body);
		assertThat(first.status()).isEqualTo(201);
		assertThat(first.header("cache-control")).contains("no-store");
		String secret = first.json().get("secret").asString();

		ApiClient.Response replay = keyed.post("/api/admin/v1/api-tokens", body);
		assertThat(replay.status()).isEqualTo(409);
		assertThat(replay.json().get("code").asString()).isEqualTo("IDEMPOTENT_RESPONSE_WITHHELD");
		assertThat(replay.body()).doesNotContain(secret);
		int stored = jdbc.sql("select count(*) from platform.idempotency_key where convert_from(coalesce(response_body, ''), 'UTF8') like ?")
			.param("%" + secret + "%").query(Integer.class).single();
		assertThat(stored).isZero();
		assertThat(owner.get("/api/admin/v1/api-tokens?limit=200").json().get("items").findValuesAsString("name"))
			.as("the token was created once").containsOnlyOnce(body.get("name"));
	}

	@Test
	void anOverlongKeyIsA400() {
		ApiClient.Response response = owner.with("Idempotency-Key", "k".repeat(300)).post("/api/admin/v1/stores",
				Map.of("name", "X", "handle", ApiClient.unique("x"), "defaultCurrency", "EUR"));
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.json().get("code").asString()).isEqualTo("INVALID_IDEMPOTENCY_KEY");
	}

	private int storesWithHandle(String handle) {
		return jdbc.sql("select count(*) from stores.store where handle = ?").param(handle).query(Integer.class).single();
	}
}
