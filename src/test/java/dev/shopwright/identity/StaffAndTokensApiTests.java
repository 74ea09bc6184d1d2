package dev.shopwright.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.shopwright.testing.ApiClient;
import dev.shopwright.testing.ShopwrightTest;
import tools.jackson.databind.JsonNode;

@ShopwrightTest
class StaffAndTokensApiTests {

	@LocalServerPort
	int port;

	ApiClient owner;

	@BeforeEach
	void logIn() {
		owner = ApiClient.at(port).loggedIn(ShopwrightTest.OWNER_EMAIL, ShopwrightTest.OWNER_PASSWORD);
	}

	@Test
	void anApiTokenIsShownOnceWorksAndStopsWorkingWhenRevoked() {
		ApiClient.Response created = owner.post("/api/admin/v1/api-tokens", Map.of("name", "ERP sync", "role", "ANALYST"));
		assertThat(created.status()).isEqualTo(201);
		String secret = created.json().get("secret").asString();
		String id = created.json().get("token").get("id").asString();
		assertThat(secret).startsWith("swt_");

		ApiClient token = ApiClient.at(port).bearer(secret);
		assertThat(token.get("/api/admin/v1/stores").status()).isEqualTo(200);
		assertThat(token.get("/api/admin/v1/staff").status()).as("ANALYST may not manage staff").isEqualTo(403);

		String listing = owner.get("/api/admin/v1/api-tokens").body();
		assertThat(listing).contains("ERP sync").doesNotContain(secret);

		assertThat(owner.delete("/api/admin/v1/api-tokens/" + id).status()).isEqualTo(204);
		assertThat(token.get("/api/admin/v1/stores").status()).isEqualTo(401);
		JsonNode revoked = owner.get("/api/admin/v1/api-tokens").json().get("items");
		assertThat(revoked.findValuesAsString("id")).contains(id);
		assertThat(owner.get("/api/admin/v1/audit-log?entityType=api-token").json().get("items").findValuesAsString("action"))
			.contains("api-token.created", "api-token.revoked");
	}

	@Test
	void tokensCannotBeOwnersOrExpireInThePast() {
		ApiClient.Response owner_ = owner.post("/api/admin/v1/api-tokens", Map.of("name", "God mode", "role", "OWNER"));
		assertThat(owner_.status()).isEqualTo(422);
		assertThat(owner_.json().get("code").asString()).isEqualTo("ROLE_NOT_ASSIGNABLE");
		ApiClient.Response past = owner.post("/api/admin/v1/api-tokens",
				Map.of("name", "Old", "role", "ADMIN", "expiresAt", Instant.now().minusSeconds(60).toString()));
		assertThat(past.status()).isEqualTo(422);
		ApiClient.Response badRole = owner.post("/api/admin/v1/api-tokens", Map.of("name", "X", "role", "WIZARD"));
		assertThat(badRole.status()).isEqualTo(400);
	}

	@Test
	void revokingAnUnknownTokenIsA404() {
		assertThat(owner.delete("/api/admin/v1/api-tokens/00000000-0000-0000-0000-000000000001").status()).isEqualTo(404);
	}

	@Test
	void staffAreAddedWithARoleChangedAndRemoved() {
		String email = ApiClient.unique("Picker") + "@Test.local";
		ApiClient.Response added = owner.post("/api/admin/v1/staff",
				Map.of("email", email, "name", "Pat Picker", "password", "picker-password-1", "role", "FULFILLMENT"));
		assertThat(added.status()).isEqualTo(201);
		String id = added.json().get("id").asString();
		assertThat(added.json().get("email").asString()).isEqualTo(email.toLowerCase());
		assertThat(added.json().get("role").asString()).isEqualTo("FULFILLMENT");

		assertThat(owner.patch("/api/admin/v1/staff/" + id, Map.of("role", "SUPPORT")).json().get("role").asString())
			.isEqualTo("SUPPORT");
		assertThat(owner.delete("/api/admin/v1/staff/" + id).status()).isEqualTo(204);
		assertThat(owner.get("/api/admin/v1/staff/" + id).status()).isEqualTo(404);
		assertThat(ApiClient.at(port).post("/api/admin/v1/auth/token",
				Map.of("email", email, "password", "picker-password-1")).status()).as("the account itself remains").isEqualTo(200);
	}

	@Test
	void aShortPasswordOrBadEmailIsRefusedAndNothingIsCreated() {
		String email = ApiClient.unique("weak") + "@test.local";
		ApiClient.Response weak = owner.post("/api/admin/v1/staff",
				Map.of("email", email, "name", "Weak", "password", "short", "role", "SUPPORT"));
		assertThat(weak.status()).isEqualTo(422);
		assertThat(weak.json().get("errors").get(0).get("field").asString()).isEqualTo("password");
		assertThat(owner.get("/api/admin/v1/staff").body()).doesNotContain(email);
		assertThat(owner.post("/api/admin/v1/staff",
				Map.of("email", "not-an-email", "name", "X", "password", "long-enough-password", "role", "SUPPORT")).status())
			.isEqualTo(400);
	}

	@Test
	void theOwnerCannotBeDemotedOrRemoved() {
		JsonNode ownerEntry = owner.get("/api/admin/v1/staff").json().get("items").get(0);
		assertThat(ownerEntry.get("owner").asBoolean()).isTrue();
		String id = ownerEntry.get("id").asString();
		assertThat(owner.patch("/api/admin/v1/staff/" + id, Map.of("role", "ANALYST")).status()).isEqualTo(422);
		assertThat(owner.delete("/api/admin/v1/staff/" + id).status()).isEqualTo(422);
		assertThat(owner.patch("/api/admin/v1/staff/" + id, Map.of("active", false)).status()).isEqualTo(422);
	}
}
