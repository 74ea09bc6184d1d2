package dev.shopwright.storefront;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.shopwright.testing.ApiClient;
import dev.shopwright.testing.ShopwrightTest;

@ShopwrightTest
class StorefrontTests {

	@LocalServerPort
	int port;

	@Test
	void theHomePageShowsTheDefaultStore() {
		ApiClient.Response home = ApiClient.at(port).with("Accept", "text/html").get("/");
		assertThat(home.status()).isEqualTo(200);
		assertThat(home.body()).contains("Welcome to Northwind Outfitters").contains("Prices in EUR");
	}

	@Test
	void eachStoreHasItsHomePageByHandle() {
		ApiClient.Response outlet = ApiClient.at(port).with("Accept", "text/html").get("/stores/outlet");
		assertThat(outlet.status()).isEqualTo(200);
		assertThat(outlet.body()).contains("Northwind Outlet US").contains("Prices in USD");
	}

	@Test
	void aStoreIsFoundByTheHostNameItServes() {
		ApiClient owner = ApiClient.at(port).loggedIn(ShopwrightTest.OWNER_EMAIL, ShopwrightTest.OWNER_PASSWORD);
		String handle = ApiClient.unique("hosted");
		String id = owner.post("/api/admin/v1/stores", Map.of("name", "Hosted Shop", "handle", handle, "defaultCurrency", "GBP"))
			.json().get("id").asString();
		ApiClient.Response patched = owner.store(handle).patch("/api/admin/v1/stores/" + id,
				Map.of("domains", List.of(handle + ".shop.test")));
		assertThat(patched.status()).isEqualTo(200);
		ApiClient.Response byHost = ApiClient.at(port).with("Host", handle + ".shop.test").get("/api/store/v1/store");
		assertThat(byHost.json().get("handle").asString()).isEqualTo(handle);
		ApiClient.Response page = ApiClient.at(port).with("Host", handle + ".shop.test").with("Accept", "text/html").get("/");
		assertThat(page.body()).contains("Welcome to Hosted Shop");
		assertThat(ApiClient.at(port).get("/api/store/v1/store").json().get("handle").asString())
			.as("other hosts still get the default store").isEqualTo("demo");
	}

	@Test
	void aHostNameServesOneStoreOnly() {
		ApiClient owner = ApiClient.at(port).loggedIn(ShopwrightTest.OWNER_EMAIL, ShopwrightTest.OWNER_PASSWORD);
		String first = ApiClient.unique("first");
		String second = ApiClient.unique("second");
		String firstId = owner.post("/api/admin/v1/stores", Map.of("name", "F", "handle", first, "defaultCurrency", "EUR"))
			.json().get("id").asString();
		String secondId = owner.post("/api/admin/v1/stores", Map.of("name", "S", "handle", second, "defaultCurrency", "EUR"))
			.json().get("id").asString();
		owner.store(first).patch("/api/admin/v1/stores/" + firstId, Map.of("domains", List.of(first + ".example")));
		ApiClient.Response clash = owner.store(second).patch("/api/admin/v1/stores/" + secondId,
				Map.of("domains", List.of(first + ".example")));
		assertThat(clash.status()).isEqualTo(422);
		assertThat(clash.json().get("errors").get(0).get("field").asString()).isEqualTo("domains");
	}

	@Test
	void anUnknownPageIsAProper404Page() {
		ApiClient.Response missing = ApiClient.at(port).with("Accept", "text/html").get("/no/such/page");
		assertThat(missing.status()).isEqualTo(404);
		assertThat(missing.contentType()).startsWith("text/html");
		assertThat(missing.body()).contains("Page not found");
		assertThat(ApiClient.at(port).with("Accept", "text/html").get("/stores/no-such-store").status()).isEqualTo(404);
	}
}
