package dev.shopwright.stores;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.shopwright.testing.ApiClient;
import dev.shopwright.testing.ShopwrightTest;
import tools.jackson.databind.JsonNode;

@ShopwrightTest
class StoresApiTests {

	@LocalServerPort
	int port;

	ApiClient owner;

	@BeforeEach
	void logIn() {
		owner = ApiClient.at(port).loggedIn(ShopwrightTest.OWNER_EMAIL, ShopwrightTest.OWNER_PASSWORD);
	}

	@Test
	void firstStartCreatesTheDemoStoresWithTheDefaultStoreFirst() {
		JsonNode stores = owner.get("/api/admin/v1/stores").json().get("items");
		assertThat(stores.get(0).get("handle").asString()).isEqualTo("demo");
		assertThat(stores.get(0).get("id").isString()).as("ids are opaque strings").isTrue();
		assertThat(stores.findValuesAsString("handle")).contains("demo", "outlet");
	}

	@Test
	void ownerCreatesAStoreAndReadsItBack() {
		String handle = ApiClient.unique("shop");
		ApiClient.Response created = owner.post("/api/admin/v1/stores", Map.of("name", "Alpine Goods", "handle", handle,
				"defaultCurrency", "CHF", "currencies", List.of("EUR"), "defaultLocale", "de-CH", "timezone",
				"Europe/Zurich", "pricesIncludeTax", true));
		assertThat(created.status()).isEqualTo(201);
		JsonNode store = created.json();
		assertThat(store.get("currencies").findValuesAsString("")).isEmpty();
		assertThat(store.get("currencies").toString()).isEqualTo("[\"CHF\",\"EUR\"]");
		assertThat(store.get("locales").toString()).isEqualTo("[\"de-CH\"]");
		assertThat(created.header("location")).endsWith("/api/admin/v1/stores/" + store.get("id").asString());

		JsonNode read = owner.get("/api/admin/v1/stores/" + store.get("id").asString()).json();
		assertThat(read.get("name").asString()).isEqualTo("Alpine Goods");
		assertThat(read.get("timezone").asString()).isEqualTo("Europe/Zurich");
		assertThat(read.get("pricesIncludeTax").asBoolean()).isTrue();
	}

	@Test
	void patchChangesOnlyTheGivenFieldsOfTheStoreNamedByXStore() {
		String handle = ApiClient.unique("patch");
		String id = owner.post("/api/admin/v1/stores", Map.of("name", "Before", "handle", handle, "defaultCurrency", "EUR"))
			.json().get("id").asString();
		ApiClient.Response patched = owner.store(handle).patch("/api/admin/v1/stores/" + id,
				Map.of("name", "After", "address", Map.of("city", "Vienna", "country", "AT")));
		assertThat(patched.status()).isEqualTo(200);
		assertThat(patched.json().get("name").asString()).isEqualTo("After");
		assertThat(patched.json().get("handle").asString()).isEqualTo(handle);
		assertThat(patched.json().get("address").get("city").asString()).isEqualTo("Vienna");
	}

	@Test
	void patchingAStoreOtherThanTheOneActedOnIsRefused() {
		String id = owner.post("/api/admin/v1/stores",
				Map.of("name", "Other", "handle", ApiClient.unique("other"), "defaultCurrency", "EUR")).json().get("id").asString();
		ApiClient.Response response = owner.patch("/api/admin/v1/stores/" + id, Map.of("name", "Hijacked"));
		assertThat(response.status()).isEqualTo(403);
		assertThat(response.json().get("code").asString()).isEqualTo("STORE_NOT_CURRENT");
		assertThat(owner.get("/api/admin/v1/stores/" + id).json().get("name").asString()).isEqualTo("Other");
	}

	@Test
	void aTakenHandleIsA422NamingTheField() {
		ApiClient.Response response = owner.post("/api/admin/v1/stores",
				Map.of("name", "Dup", "handle", "demo", "defaultCurrency", "EUR"));
		assertThat(response.status()).isEqualTo(422);
		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat(response.json().get("code").asString()).isEqualTo("STORE_HANDLE_TAKEN");
		assertThat(response.json().get("errors").get(0).get("pointer").asString()).isEqualTo("/handle");
	}

	@Test
	void invalidSettingsAreRefusedFieldByFieldAndNothingIsWritten() {
		String handle = ApiClient.unique("bad");
		ApiClient.Response response = owner.post("/api/admin/v1/stores", Map.of("name", "Bad", "handle", handle,
				"defaultCurrency", "XYZ", "timezone", "Mars/Olympus"));
		assertThat(response.status()).isEqualTo(422);
		assertThat(response.json().get("errors").findValuesAsString("field")).contains("defaultCurrency", "timezone");
		assertThat(owner.get("/api/admin/v1/stores").json().get("items").findValuesAsString("handle")).doesNotContain(handle);
	}

	@Test
	void missingRequiredFieldsAreNamed() {
		ApiClient.Response response = owner.post("/api/admin/v1/stores", Map.of("name", "No handle"));
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.json().get("errors").findValuesAsString("field")).contains("handle", "defaultCurrency");
	}

	@Test
	void theStoreListPagesWithACursorInAStableOrder() {
		java.util.List<String> all = owner.get("/api/admin/v1/stores?limit=200").json().get("items").findValuesAsString("id");
		java.util.List<String> paged = new java.util.ArrayList<>();
		String cursor = null;
		do {
			JsonNode page = owner.get("/api/admin/v1/stores?limit=1" + (cursor == null ? "" : "&cursor=" + cursor)).json();
			assertThat(page.get("items")).hasSize(1);
			paged.addAll(page.get("items").findValuesAsString("id"));
			cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asString();
		}
		while (cursor != null);
		assertThat(paged).isEqualTo(all);
		assertThat(owner.get("/api/admin/v1/stores?cursor=bm9wZQ").status()).isEqualTo(400);
	}

	@Test
	void storeApiDescribesTheStoreByXStoreOrTheDefault() {
		ApiClient anonymous = ApiClient.at(port);
		assertThat(anonymous.get("/api/store/v1/store").json().get("handle").asString()).isEqualTo("demo");
		assertThat(anonymous.store("outlet").get("/api/store/v1/store").json().get("defaultCurrency").asString())
			.isEqualTo("USD");
		ApiClient.Response unknown = anonymous.store("no-such-store").get("/api/store/v1/store");
		assertThat(unknown.status()).isEqualTo(404);
		assertThat(unknown.json().get("code").asString()).isEqualTo("STORE_NOT_FOUND");
	}

	@Test
	void creatingAStoreIsAudited() {
		String handle = ApiClient.unique("audited");
		owner.post("/api/admin/v1/stores", Map.of("name", "Audited", "handle", handle, "defaultCurrency", "EUR"));
		JsonNode entries = owner.store(handle).get("/api/admin/v1/audit-log?action=store.created").json().get("items");
		assertThat(entries).hasSize(1);
		assertThat(entries.get(0).get("actorName").asString()).isEqualTo(ShopwrightTest.OWNER_EMAIL);
		assertThat(entries.get(0).get("summary").asString()).contains(handle);
		assertThat(entries.get(0).get("ipAddress").asString()).isNotBlank();
	}
}
