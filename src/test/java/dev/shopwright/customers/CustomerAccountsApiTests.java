package dev.shopwright.customers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.shopwright.testing.ApiClient;
import dev.shopwright.testing.ShopwrightTest;
import dev.shopwright.testing.TestMail;
import tools.jackson.databind.JsonNode;

/** Shopper accounts through the Store API, over HTTP against the running platform. */
@ShopwrightTest
class CustomerAccountsApiTests {

	static final String PASSWORD = "shopper-password-1";

	static final Pattern RESET_LINK = Pattern.compile("(http://\\S+/account/reset/([A-Za-z0-9_-]+))");

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	ApiClient demo() {
		return ApiClient.at(port).store("demo");
	}

	static Map<String, Object> registration(String email) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("email", email);
		body.put("password", PASSWORD);
		body.put("firstName", "Ada");
		body.put("lastName", "Lovelace");
		body.put("phone", "+49 30 1234567");
		body.put("acceptsMarketing", true);
		return body;
	}

	static String uniqueEmail() {
		return ApiClient.unique("shopper") + "@test.local";
	}

	ApiClient loggedIn(ApiClient store, String email, String password) {
		ApiClient.Response login = store.post("/api/store/v1/customers/login", Map.of("email", email, "password", password));
		assertThat(login.status()).as(login.body()).isEqualTo(200);
		assertThat(login.json().get("token").asString()).startsWith("swc_");
		return store.bearer(login.json().get("token").asString());
	}

	@Test
	void aShopperRegistersLogsInReadsAndChangesTheProfileAndLogsOut() {
		String email = uniqueEmail();
		ApiClient.Response created = demo().post("/api/store/v1/customers", registration(email));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		assertThat(created.json().get("email").asString()).isEqualTo(email);
		assertThat(created.json().get("phone").asString()).isEqualTo("+49301234567");
		assertThat(created.json().has("passwordHash")).isFalse();
		assertThat(created.json().has("notes")).as("staff notes are not shown to shoppers").isFalse();

		ApiClient shopper = loggedIn(demo(), email.toUpperCase(), PASSWORD);
		ApiClient.Response login = demo().post("/api/store/v1/customers/login", Map.of("email", email, "password", PASSWORD));
		assertThat(login.header("cache-control")).contains("no-store");
		JsonNode me = shopper.get("/api/store/v1/customers/me").json();
		assertThat(me.get("firstName").asString()).isEqualTo("Ada");
		assertThat(me.get("taxExempt").asBoolean()).isFalse();

		ApiClient.Response changed = shopper.patch("/api/store/v1/customers/me", Map.of("firstName", "Augusta", "phone", ""));
		assertThat(changed.status()).as(changed.body()).isEqualTo(200);
		assertThat(changed.json().get("firstName").asString()).isEqualTo("Augusta");
		assertThat(changed.json().get("lastName").asString()).as("absent: unchanged").isEqualTo("Lovelace");
		assertThat(changed.json().get("phone").isNull()).as("empty: cleared").isTrue();

		ApiClient.Response badPhone = shopper.patch("/api/store/v1/customers/me", Map.of("phone", "12"));
		assertThat(badPhone.status()).isEqualTo(422);
		assertThat(badPhone.json().get("code").asString()).isEqualTo("INVALID_PHONE_NUMBER");

		assertThat(shopper.post("/api/store/v1/customers/logout", Map.of()).status()).isEqualTo(204);
		ApiClient.Response afterLogout = shopper.get("/api/store/v1/customers/me");
		assertThat(afterLogout.status()).isEqualTo(401);
		assertThat(afterLogout.json().get("code").asString()).isEqualTo("INVALID_TOKEN");
		assertThat(demo().get("/api/store/v1/customers/me").json().get("code").asString()).isEqualTo("UNAUTHENTICATED");
	}

	@Test
	void registrationIsCheckedAndTheEmailIsUniquePerStoreInAnyCaseButFreeInAnotherStore() {
		String email = uniqueEmail();
		assertThat(demo().post("/api/store/v1/customers", registration(email)).status()).isEqualTo(201);
		ApiClient.Response again = demo().post("/api/store/v1/customers", registration(email.toUpperCase()));
		assertThat(again.status()).isEqualTo(409);
		assertThat(again.json().get("code").asString()).isEqualTo("CUSTOMER_EMAIL_TAKEN");
		assertThat(ApiClient.at(port).store("outlet").post("/api/store/v1/customers", registration(email)).status())
			.as("another store, another account").isEqualTo(201);

		Map<String, Object> shortPassword = registration(uniqueEmail());
		shortPassword.put("password", "short");
		ApiClient.Response refused = demo().post("/api/store/v1/customers", shortPassword);
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.json().get("errors").toString()).contains("password");
		Map<String, Object> badEmail = registration("not-an-email");
		assertThat(demo().post("/api/store/v1/customers", badEmail).status()).isEqualTo(400);

		// the outlet account has its own password and cannot log in at demo with demo's token
		ApiClient outletShopper = loggedIn(ApiClient.at(port).store("outlet"), email, PASSWORD);
		ApiClient.Response elsewhere = outletShopper.store("demo").get("/api/store/v1/customers/me");
		assertThat(elsewhere.status()).isEqualTo(403);
		assertThat(elsewhere.json().get("code").asString()).isEqualTo("STORE_NOT_PERMITTED");
	}

	@Test
	void wrongPasswordsAreThrottledEvenWhenTheRightOneFollows() {
		String email = uniqueEmail();
		demo().post("/api/store/v1/customers", registration(email));
		for (int attempt = 0; attempt < 10; attempt++) {
			ApiClient.Response wrong = demo().post("/api/store/v1/customers/login",
					Map.of("email", email, "password", "wrong-password-" + attempt));
			assertThat(wrong.status()).isEqualTo(401);
			assertThat(wrong.json().get("code").asString()).isEqualTo("INVALID_CREDENTIALS");
		}
		ApiClient.Response throttled = demo().post("/api/store/v1/customers/login", Map.of("email", email, "password", PASSWORD));
		assertThat(throttled.status()).isEqualTo(429);
		assertThat(throttled.json().get("code").asString()).isEqualTo("TOO_MANY_LOGIN_ATTEMPTS");
		assertThat(Long.parseLong(throttled.header("retry-after"))).isPositive();
		ApiClient.Response unknown = demo().post("/api/store/v1/customers/login",
				Map.of("email", uniqueEmail(), "password", PASSWORD));
		assertThat(unknown.status()).as("an unknown email looks like a wrong password").isEqualTo(401);
	}

	@Test
	void addressesAreSavedEditedMadeDefaultAndDeleted() {
		String email = uniqueEmail();
		demo().post("/api/store/v1/customers", registration(email));
		ApiClient shopper = loggedIn(demo(), email, PASSWORD);
		ApiClient.Response first = shopper.post("/api/store/v1/customers/me/addresses", address("Unter den Linden 1", "DE"));
		assertThat(first.status()).as(first.body()).isEqualTo(201);
		assertThat(first.json().get("defaultShipping").asBoolean()).as("the first address is the default").isTrue();
		assertThat(first.json().get("defaultBilling").asBoolean()).isTrue();
		String firstId = first.json().get("id").asString();

		Map<String, Object> second = address("Rue de Rivoli 5", "FR");
		second.put("defaultShipping", true);
		String secondId = shopper.post("/api/store/v1/customers/me/addresses", second).json().get("id").asString();
		JsonNode me = shopper.get("/api/store/v1/customers/me").json();
		assertThat(me.get("addresses")).hasSize(2);
		assertThat(defaultOf(me, "defaultShipping")).isEqualTo(secondId);
		assertThat(defaultOf(me, "defaultBilling")).isEqualTo(firstId);

		Map<String, Object> edited = address("Unter den Linden 2", "DE");
		edited.put("defaultShipping", true);
		ApiClient.Response patched = shopper.patch("/api/store/v1/customers/me/addresses/" + firstId, edited);
		assertThat(patched.status()).as(patched.body()).isEqualTo(200);
		assertThat(patched.json().get("address").get("line1").asString()).isEqualTo("Unter den Linden 2");
		assertThat(patched.json().get("defaultShipping").asBoolean()).isTrue();

		ApiClient.Response incomplete = shopper.post("/api/store/v1/customers/me/addresses", Map.of("address", Map.of("city", "Berlin")));
		assertThat(incomplete.status()).isEqualTo(422);
		assertThat(incomplete.json().get("code").asString()).isEqualTo("ADDRESS_INCOMPLETE");
		ApiClient.Response badCountry = shopper.post("/api/store/v1/customers/me/addresses", address("x", "Germany"));
		assertThat(badCountry.status()).isEqualTo(400);

		assertThat(shopper.delete("/api/store/v1/customers/me/addresses/" + firstId).status()).isEqualTo(204);
		me = shopper.get("/api/store/v1/customers/me").json();
		assertThat(me.get("addresses")).hasSize(1);
		assertThat(defaultOf(me, "defaultBilling")).as("the deleted default is cleared").isNull();

		// another shopper cannot touch this address
		String otherEmail = uniqueEmail();
		demo().post("/api/store/v1/customers", registration(otherEmail));
		ApiClient other = loggedIn(demo(), otherEmail, PASSWORD);
		assertThat(other.patch("/api/store/v1/customers/me/addresses/" + secondId, address("Mine now", "DE")).status())
			.isEqualTo(404);
		assertThat(other.delete("/api/store/v1/customers/me/addresses/" + secondId).status()).isEqualTo(404);
		assertThat(shopper.get("/api/store/v1/customers/me").json().get("addresses")).hasSize(1);
	}

	@Test
	void aStaffTokenIsNoShopperAndACustomerTokenOpensNoAdminDoor() {
		String email = uniqueEmail();
		demo().post("/api/store/v1/customers", registration(email));
		ApiClient shopper = loggedIn(demo(), email, PASSWORD);
		ApiClient staff = ApiClient.at(port).loggedIn(ShopwrightTest.OWNER_EMAIL, ShopwrightTest.OWNER_PASSWORD).store("demo");

		ApiClient.Response staffAsShopper = staff.get("/api/store/v1/customers/me");
		assertThat(staffAsShopper.status()).isEqualTo(401);
		assertThat(staff.get("/api/store/v1/store").status()).as("the public Store API still answers").isEqualTo(200);

		for (String path : new String[] { "/api/admin/v1/stores", "/api/admin/v1/customers", "/api/admin/v1/products" }) {
			ApiClient.Response response = shopper.get(path);
			assertThat(response.status()).as(path).isEqualTo(401);
		}
		assertThat(staff.get("/api/admin/v1/stores").status()).as("staff tokens still work on the Admin API").isEqualTo(200);
	}

	@Test
	void aPasswordIsResetWithTheEmailedLinkOnceAndOnlyWithinTheHour() throws Exception {
		String email = uniqueEmail();
		demo().post("/api/store/v1/customers", registration(email));
		ApiClient oldSession = loggedIn(demo(), email, PASSWORD);

		ApiClient.Response unknown = demo().post("/api/store/v1/customers/password-reset", Map.of("email", uniqueEmail()));
		assertThat(unknown.status()).as("the same answer for an unknown email").isEqualTo(202);
		assertThat(demo().post("/api/store/v1/customers/password-reset", Map.of("email", email)).status()).isEqualTo(202);

		var message = TestMail.await(email, 1).getFirst();
		assertThat(message.getSubject()).contains("Reset your password");
		Matcher link = RESET_LINK.matcher(TestMail.body(message));
		assertThat(link.find()).as(TestMail.body(message)).isTrue();
		String token = link.group(2);
		assertThat(jdbc.sql("select count(*) from customers.password_reset where token_hash = ?").param(token)
			.query(Long.class).single()).as("the secret is not stored in clear").isZero();
		assertThat(jdbc.sql("select count(*) from event_publication where serialized_event like ?").param("%" + token + "%")
			.query(Long.class).single()).as("nor in the outbox").isZero();

		String newPassword = "a-brand-new-password";
		ApiClient.Response reset = demo().post("/api/store/v1/customers/password-reset/confirm",
				Map.of("token", token, "password", newPassword));
		assertThat(reset.status()).as(reset.body()).isEqualTo(204);
		loggedIn(demo(), email, newPassword);
		assertThat(demo().post("/api/store/v1/customers/login", Map.of("email", email, "password", PASSWORD)).status())
			.isEqualTo(401);
		assertThat(oldSession.get("/api/store/v1/customers/me").status()).as("earlier tokens end").isEqualTo(401);

		ApiClient.Response reused = demo().post("/api/store/v1/customers/password-reset/confirm",
				Map.of("token", token, "password", "yet-another-password"));
		assertThat(reused.status()).isEqualTo(422);
		assertThat(reused.json().get("code").asString()).isEqualTo("PASSWORD_RESET_TOKEN_INVALID");

		// a second link, left to expire
		demo().post("/api/store/v1/customers/password-reset", Map.of("email", email));
		Matcher second = RESET_LINK.matcher(TestMail.body(TestMail.await(email, 2).get(1)));
		assertThat(second.find()).isTrue();
		jdbc.sql("update customers.password_reset set expires_at = now() - interval '1 second' where used_at is null "
				+ "and customer_id = (select id from customers.customer where email = ?)").param(email).update();
		ApiClient.Response expired = demo().post("/api/store/v1/customers/password-reset/confirm",
				Map.of("token", second.group(2), "password", "yet-another-password"));
		assertThat(expired.status()).isEqualTo(422);
		loggedIn(demo(), email, newPassword);
	}

	@Test
	void resetRequestsForOneEmailAreCappedSoNobodyCanFloodAMailbox() throws Exception {
		String email = uniqueEmail();
		demo().post("/api/store/v1/customers", registration(email));
		for (int request = 0; request < 12; request++) {
			assertThat(demo().post("/api/store/v1/customers/password-reset", Map.of("email", email)).status())
				.as("always the same answer").isEqualTo(202);
		}
		TestMail.await(email, 10);
		Thread.sleep(2000); // time for any further email to arrive
		assertThat(TestMail.to(email)).hasSize(10);
	}

	@Test
	void racingRegistrationsAndRacingUsesOfOneResetLinkHaveExactlyOneWinner() throws Exception {
		String email = uniqueEmail();
		ExecutorService pool = Executors.newFixedThreadPool(6);
		try {
			List<Future<Integer>> registrations = new ArrayList<>();
			for (int i = 0; i < 6; i++) {
				registrations.add(pool.submit(() -> demo().post("/api/store/v1/customers", registration(email)).status()));
			}
			List<Integer> statuses = new ArrayList<>();
			for (Future<Integer> result : registrations) {
				statuses.add(result.get());
			}
			assertThat(statuses).containsOnly(201, 409);
			assertThat(statuses).filteredOn(status -> status == 201).hasSize(1);

			demo().post("/api/store/v1/customers/password-reset", Map.of("email", email));
			Matcher link = RESET_LINK.matcher(TestMail.body(TestMail.await(email, 1).getFirst()));
			assertThat(link.find()).isTrue();
			String token = link.group(2);
			List<Future<Integer>> uses = new ArrayList<>();
			for (int i = 0; i < 6; i++) {
				String password = "racing-password-" + i;
				uses.add(pool.submit(() -> demo().post("/api/store/v1/customers/password-reset/confirm",
						Map.of("token", token, "password", password)).status()));
			}
			List<Integer> outcomes = new ArrayList<>();
			for (Future<Integer> result : uses) {
				outcomes.add(result.get());
			}
			assertThat(outcomes).containsOnly(204, 422);
			assertThat(outcomes).filteredOn(status -> status == 204).hasSize(1);
		}
		finally {
			pool.shutdownNow();
		}
	}

	@Test
	void theOpenApiDocumentDescribesTheCustomerOperationsAndTheirToken() {
		JsonNode doc = ApiClient.at(port).get("/api/openapi.json").json();
		assertThat(doc.get("components").get("securitySchemes").has("customer")).isTrue();
		JsonNode me = doc.get("paths").get("/api/store/v1/customers/me").get("get");
		assertThat(me.get("security").toString()).contains("customer");
		assertThat(me.get("responses").has("401")).isTrue();
		assertThat(me.path("parameters").toString()).as("the principal is no request parameter").doesNotContain("shopper");
		assertThat(doc.get("paths").get("/api/store/v1/customers/login").get("post").get("responses").has("429")).isTrue();
		assertThat(doc.get("paths").has("/api/store/v1/customers/me/addresses/{id}")).isTrue();
		assertThat(doc.get("paths").get("/api/admin/v1/customers").get("get").get("security").toString()).contains("bearer");
		assertThat(doc.get("paths").get("/api/admin/v1/customers/{id}").has("patch")).isTrue();
	}

	static Map<String, Object> address(String line1, String country) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("firstName", "Ada");
		body.put("lastName", "Lovelace");
		body.put("company", "Analytical Engines");
		body.put("phone", "030 1234567");
		Map<String, Object> address = new LinkedHashMap<>();
		address.put("line1", line1);
		address.put("city", "Berlin");
		address.put("postalCode", "10117");
		address.put("country", country);
		body.put("address", address);
		return body;
	}

	static String defaultOf(JsonNode customer, String flag) {
		for (JsonNode address : customer.get("addresses")) {
			if (address.get(flag).asBoolean()) {
				return address.get("id").asString();
			}
		}
		return null;
	}
}
