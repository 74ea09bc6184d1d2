package dev.shopwright.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.shopwright.testing.ApiClient;
import dev.shopwright.testing.ShopwrightTest;
import tools.jackson.databind.JsonNode;

@ShopwrightTest
class AuthenticationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theTokenEndpointGivesAShortLivedBearerToken() {
		ApiClient.Response response = ApiClient.at(port).post("/api/admin/v1/auth/token",
				Map.of("email", ShopwrightTest.OWNER_EMAIL, "password", ShopwrightTest.OWNER_PASSWORD));
		assertThat(response.status()).isEqualTo(200);
		JsonNode body = response.json();
		assertThat(body.get("token").asString()).startsWith("swt_").hasSizeGreaterThan(40);
		Instant expiresAt = Instant.parse(body.get("expiresAt").asString());
		assertThat(expiresAt).isBetween(Instant.now().plusSeconds(3000), Instant.now().plusSeconds(3700));
		assertThat(ApiClient.at(port).bearer(body.get("token").asString()).get("/api/admin/v1/stores").status())
			.isEqualTo(200);
	}

	@Test
	void tokensAreStoredOnlyAsHashes() {
		String token = ApiClient.at(port).post("/api/admin/v1/auth/token",
				Map.of("email", ShopwrightTest.OWNER_EMAIL, "password", ShopwrightTest.OWNER_PASSWORD)).json().get("token")
			.asString();
		int plain = jdbc.sql("select count(*) from identity.api_token where token_hash = ? or name like ?")
			.params(token, "%" + token + "%").query(Integer.class).single();
		assertThat(plain).isZero();
		String hash = jdbc.sql("select password_hash from identity.staff_user where email = ?")
			.param(ShopwrightTest.OWNER_EMAIL).query(String.class).single();
		assertThat(hash).startsWith("$argon2id$");
	}

	@Test
	void aWrongPasswordOrUnknownEmailIsThe401WithoutSayingWhich() {
		ApiClient.Response wrongPassword = ApiClient.at(port).post("/api/admin/v1/auth/token",
				Map.of("email", ShopwrightTest.OWNER_EMAIL, "password", "not the password"));
		ApiClient.Response unknown = ApiClient.at(port).post("/api/admin/v1/auth/token",
				Map.of("email", ApiClient.unique("nobody") + "@test.local", "password", "whatever-password"));
		assertThat(wrongPassword.status()).isEqualTo(401);
		assertThat(unknown.status()).isEqualTo(401);
		assertThat(wrongPassword.json().get("detail")).isEqualTo(unknown.json().get("detail"));
		assertThat(wrongPassword.json().get("code").asString()).isEqualTo("INVALID_CREDENTIALS");
	}

	@Test
	void repeatedFailuresAreThrottledEvenForTheRightPassword() {
		ApiClient owner = ApiClient.at(port).loggedIn(ShopwrightTest.OWNER_EMAIL, ShopwrightTest.OWNER_PASSWORD);
		String email = ApiClient.unique("victim") + "@test.local";
		String password = "the-right-password-123";
		owner.post("/api/admin/v1/staff", Map.of("email", email, "name", "Victim", "password", password, "role", "SUPPORT"));
		for (int i = 0; i < 10; i++) {
			assertThat(ApiClient.at(port).post("/api/admin/v1/auth/token", Map.of("email", email, "password", "guess-" + i))
				.status()).isEqualTo(401);
		}
		ApiClient.Response blocked = ApiClient.at(port).post("/api/admin/v1/auth/token",
				Map.of("email", email, "password", password));
		assertThat(blocked.status()).isEqualTo(429);
		assertThat(blocked.json().get("code").asString()).isEqualTo("TOO_MANY_LOGIN_ATTEMPTS");
		assertThat(Long.parseLong(blocked.header("retry-after"))).isPositive();
		// other accounts from the same address are not locked out by it
		assertThat(ApiClient.at(port).post("/api/admin/v1/auth/token",
				Map.of("email", ShopwrightTest.OWNER_EMAIL, "password", ShopwrightTest.OWNER_PASSWORD)).status())
			.isEqualTo(200);
	}

	@Test
	void deactivatingAnAccountEndsItsTokensAtOnce() {
		ApiClient owner = ApiClient.at(port).loggedIn(ShopwrightTest.OWNER_EMAIL, ShopwrightTest.OWNER_PASSWORD);
		String email = ApiClient.unique("leaver") + "@test.local";
		String id = owner.post("/api/admin/v1/staff",
				Map.of("email", email, "name", "Leaver", "password", "leaver-password-1", "role", "ADMIN")).json().get("id")
			.asString();
		ApiClient leaver = ApiClient.at(port).loggedIn(email, "leaver-password-1");
		assertThat(leaver.get("/api/admin/v1/staff").status()).isEqualTo(200);

		assertThat(owner.patch("/api/admin/v1/staff/" + id, Map.of("active", false)).status()).isEqualTo(200);

		assertThat(leaver.get("/api/admin/v1/staff").status()).isEqualTo(401);
		assertThat(ApiClient.at(port).post("/api/admin/v1/auth/token", Map.of("email", email, "password", "leaver-password-1"))
			.status()).isEqualTo(401);
	}

	@Test
	void anExpiredTokenIsRefused() {
		String token = ApiClient.at(port).post("/api/admin/v1/auth/token",
				Map.of("email", ShopwrightTest.OWNER_EMAIL, "password", ShopwrightTest.OWNER_PASSWORD)).json().get("token")
			.asString();
		jdbc.sql("update identity.api_token set expires_at = now() - interval '1 second' where token_hash = ?")
			.param(StaffManagement.hash(token)).update();
		ApiClient.Response response = ApiClient.at(port).bearer(token).get("/api/admin/v1/stores");
		assertThat(response.status()).isEqualTo(401);
		assertThat(response.json().get("code").asString()).isEqualTo("INVALID_TOKEN");
	}
}
