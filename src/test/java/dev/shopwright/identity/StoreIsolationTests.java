package dev.shopwright.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.shopwright.testing.ApiClient;
import dev.shopwright.testing.ShopwrightTest;

/** Staff of store A can neither read nor change store B, whichever way they ask. */
@ShopwrightTest
class StoreIsolationTests {

	@LocalServerPort
	int port;

	ApiClient owner;

	String storeA;
	String storeB;
	String idB;
	ApiClient staffOfA;

	@BeforeEach
	void twoStoresAndAnAdminOfTheFirst() {
		owner = ApiClient.at(port).loggedIn(ShopwrightTest.OWNER_EMAIL, ShopwrightTest.OWNER_PASSWORD);
		storeA = ApiClient.unique("a");
		storeB = ApiClient.unique("b");
		owner.post("/api/admin/v1/stores", Map.of("name", "Store A", "handle", storeA, "defaultCurrency", "EUR"));
		idB = owner.post("/api/admin/v1/stores", Map.of("name", "Store B", "handle", storeB, "defaultCurrency", "EUR")).json()
			.get("id").asString();
		owner.store(storeB).patch("/api/admin/v1/stores/" + idB, Map.of("email", "b@test.local"));
		String email = ApiClient.unique("admin-a") + "@test.local";
		assertThat(owner.store(storeA).post("/api/admin/v1/staff",
				Map.of("email", email, "name", "Admin A", "password", "admin-of-a-password", "role", "ADMIN")).status())
			.isEqualTo(201);
		staffOfA = ApiClient.at(port).loggedIn(email, "admin-of-a-password");
	}

	@Test
	void staffSeeOnlyTheirOwnStores() {
		var handles = staffOfA.get("/api/admin/v1/stores").json().get("items").findValuesAsString("handle");
		assertThat(handles).containsExactly(storeA);
	}

	@Test
	void withoutXStoreStaffActOnTheirOwnStoreNotTheDefault() {
		assertThat(staffOfA.get("/api/admin/v1/audit-log?action=staff.added").json().get("items").get(0).get("storeId")
			.asString()).isNotEqualTo(owner.get("/api/admin/v1/stores").json().get("items").get(0).get("id").asString());
	}

	@Test
	void readingAnotherStoreIsA404AndNamingItIsA403() {
		assertThat(staffOfA.get("/api/admin/v1/stores/" + idB).status()).isEqualTo(404);
		ApiClient.Response named = staffOfA.store(storeB).get("/api/admin/v1/staff");
		assertThat(named.status()).isEqualTo(403);
		assertThat(named.json().get("code").asString()).isEqualTo("STORE_NOT_PERMITTED");
		assertThat(staffOfA.store(storeB).get("/api/admin/v1/audit-log").status()).isEqualTo(403);
	}

	@Test
	void changingAnotherStoreIsRefusedAndChangesNothing() {
		assertThat(staffOfA.patch("/api/admin/v1/stores/" + idB, Map.of("name", "Taken over")).status()).isEqualTo(404);
		assertThat(staffOfA.store(storeB).patch("/api/admin/v1/stores/" + idB, Map.of("name", "Taken over")).status())
			.isEqualTo(403);
		assertThat(staffOfA.store(storeB).post("/api/admin/v1/staff", Map.of("email", "intruder@test.local", "name",
				"Intruder", "password", "intruder-password", "role", "ADMIN")).status()).isEqualTo(403);
		assertThat(owner.store(storeB).get("/api/admin/v1/stores/" + idB).json().get("name").asString()).isEqualTo("Store B");
		assertThat(owner.store(storeB).get("/api/admin/v1/staff").json().get("items").findValuesAsString("email"))
			.doesNotContain("intruder@test.local");
	}

	@Test
	void anApiTokenActsOnItsOwnStoreOnly() {
		String secret = owner.store(storeA).post("/api/admin/v1/api-tokens", Map.of("name", "A only", "role", "ADMIN"))
			.json().get("secret").asString();
		ApiClient token = ApiClient.at(port).bearer(secret);
		assertThat(token.get("/api/admin/v1/stores").json().get("items").findValuesAsString("handle"))
			.containsExactly(storeA);
		assertThat(token.store(storeB).get("/api/admin/v1/staff").status()).isEqualTo(403);
		assertThat(token.get("/api/admin/v1/stores/" + idB).status()).isEqualTo(404);
	}

	@Test
	void theAuditLogOfOneStoreShowsNothingOfAnother() {
		var actions = staffOfA.get("/api/admin/v1/audit-log?limit=200").json().get("items").findValuesAsString("summary");
		assertThat(actions).noneMatch(summary -> summary.contains(storeB));
		var ownerViewOfB = owner.store(storeB).get("/api/admin/v1/audit-log?limit=200").json().get("items")
			.findValuesAsString("summary");
		assertThat(ownerViewOfB).anyMatch(summary -> summary.contains(storeB));
	}

	@Test
	void anAdminOfOneStoreCannotDeactivateAnAccountThatWorksInAnother() {
		String email = ApiClient.unique("shared") + "@test.local";
		String id = owner.store(storeA).post("/api/admin/v1/staff",
				Map.of("email", email, "name", "Shared", "password", "shared-password-1", "role", "SUPPORT")).json()
			.get("id").asString();
		owner.store(storeB).post("/api/admin/v1/staff", Map.of("email", email, "name", "Shared", "role", "SUPPORT"));

		ApiClient.Response refused = staffOfA.patch("/api/admin/v1/staff/" + id, Map.of("active", false));
		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.json().get("code").asString()).isEqualTo("STAFF_IN_OTHER_STORES");
		assertThat(ApiClient.at(port).loggedIn(email, "shared-password-1").store(storeB).get("/api/admin/v1/stores")
			.status()).isEqualTo(200);
		assertThat(owner.store(storeA).patch("/api/admin/v1/staff/" + id, Map.of("active", false)).status())
			.as("the owner may").isEqualTo(200);
	}

	@Test
	void withoutCredentialsNamingAStoreStillGivesTheLoginError() {
		assertThat(ApiClient.at(port).store("no-such-store").get("/api/admin/v1/staff").status()).isEqualTo(401);
	}

	@Test
	void anUnknownStoreIsA404() {
		ApiClient.Response response = owner.store("no-such-store").get("/api/admin/v1/staff");
		assertThat(response.status()).isEqualTo(404);
		assertThat(response.json().get("code").asString()).isEqualTo("STORE_NOT_FOUND");
	}
}
