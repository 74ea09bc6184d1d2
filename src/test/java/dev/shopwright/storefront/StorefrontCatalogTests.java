package dev.shopwright.storefront;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.shopwright.testing.ApiClient;
import dev.shopwright.testing.ShopwrightTest;

/** The demo catalog as shoppers see it in the default store: listings, product pages, SEO markup, sitemap. */
@ShopwrightTest
class StorefrontCatalogTests {

	@LocalServerPort
	int port;

	ApiClient html() {
		return ApiClient.at(port).with("Accept", "text/html");
	}

	@Test
	void theProductPageHasCanonicalOpenGraphAndJsonLd() {
		ApiClient.Response page = html().get("/products/alpine-rain-jacket");
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("<link rel=\"canonical\" href=\"http://localhost:" + port + "/products/alpine-rain-jacket\">")
			.contains("<meta property=\"og:title\" content=\"Alpine Rain Jacket\">")
			.contains("<script type=\"application/ld+json\">")
			.contains("\"@type\":\"Product\"").contains("\"name\":\"Alpine Rain Jacket\"")
			.contains("\"priceCurrency\":\"EUR\"").contains("\"availability\":\"https://schema.org/InStock\"")
			.contains("\"sku\":\"NW-001-")
			.contains("<select name=\"option1\"").contains("/js/variant-picker.js")
			.contains("href=\"/categories/jackets\"");
		assertThat(page.body()).doesNotContain("onclick").doesNotContain("style=\"");
	}

	@Test
	void unknownOrHiddenHandlesAre404() {
		assertThat(html().get("/products/no-such-product").status()).isEqualTo(404);
		assertThat(html().get("/categories/no-such-category").status()).isEqualTo(404);
		assertThat(html().get("/collections/no-such-collection").status()).isEqualTo(404);
		ApiClient owner = ApiClient.at(port).loggedIn(ShopwrightTest.OWNER_EMAIL, ShopwrightTest.OWNER_PASSWORD).store("demo");
		String handle = ApiClient.unique("hidden-boot");
		var created = owner.post("/api/admin/v1/products", java.util.Map.of("title", "Hidden Boot", "handle", handle,
				"status", "ACTIVE", "published", false, "variants",
				java.util.List.of(java.util.Map.of("price", java.util.Map.of("amount", "10.00", "currency", "EUR")))));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		assertThat(html().get("/products/" + handle).status()).isEqualTo(404);
	}

	@Test
	void categoryAndCollectionPagesListTheirProductsWithFacetsAndBreadcrumbs() {
		ApiClient.Response jackets = html().get("/categories/jackets");
		assertThat(jackets.status()).isEqualTo(200);
		assertThat(jackets.body()).contains("Alpine Rain Jacket").contains("href=\"/categories/clothing\"")
			.contains("data-facet=\"vendor\"").contains("data-facet=\"option.Size\"").doesNotContain("Daypack");
		ApiClient.Response sale = html().get("/collections/summer-sale");
		assertThat(sale.status()).isEqualTo(200);
		assertThat(sale.body()).contains("Summer Sale").contains("product-card");
		ApiClient.Response filtered = html().get("/categories/clothing?type=Fleece");
		assertThat(filtered.body()).contains("Fleece Pullover").doesNotContain("Rain Jacket</a>");
	}

	@Test
	void searchPageAndHomeListProducts() {
		assertThat(html().get("/search?q=jacket").body()).contains("Rain Jacket").contains("Down Jacket");
		assertThat(html().get("/").body()).contains("Welcome to Northwind Outfitters").contains("product-card");
		assertThat(html().get("/search?minPrice=abc").status()).isEqualTo(400);
	}

	@Test
	void theSitemapListsProductsCategoriesAndCollections() {
		ApiClient.Response sitemap = ApiClient.at(port).get("/sitemap.xml");
		assertThat(sitemap.status()).isEqualTo(200);
		assertThat(sitemap.contentType()).contains("xml");
		assertThat(sitemap.body()).contains("<loc>http://localhost:" + port + "/products/alpine-rain-jacket</loc>")
			.contains("/categories/jackets</loc>").contains("/collections/summer-sale</loc>");
		assertThat(sitemap.body().split("/products/").length - 1).isGreaterThanOrEqualTo(140);
	}

	@Test
	void aChangedProductPageShowsTheChangeAtOnce() {
		ApiClient owner = ApiClient.at(port).loggedIn(ShopwrightTest.OWNER_EMAIL, ShopwrightTest.OWNER_PASSWORD).store("demo");
		String handle = ApiClient.unique("lantern");
		var created = owner.post("/api/admin/v1/products", java.util.Map.of("title", "Storm Lantern", "handle", handle,
				"status", "ACTIVE", "published", true, "variants",
				java.util.List.of(java.util.Map.of("price", java.util.Map.of("amount", "30.00", "currency", "EUR")))));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		String id = created.json().get("id").asString();
		assertThat(html().get("/products/" + handle).body()).contains("Storm Lantern");
		assertThat(owner.patch("/api/admin/v1/products/" + id, java.util.Map.of("title", "Gale Lantern")).status()).isEqualTo(200);
		assertThat(html().get("/products/" + handle).body()).contains("Gale Lantern").doesNotContain("Storm Lantern");
		assertThat(owner.patch("/api/admin/v1/products/" + id, java.util.Map.of("published", false)).status()).isEqualTo(200);
		assertThat(html().get("/products/" + handle).status()).isEqualTo(404);
	}

	@Test
	void aCachedProductPageRevalidatesWithItsETagAndChangesWithItsStore() {
		ApiClient root = ApiClient.at(port).loggedIn(ShopwrightTest.OWNER_EMAIL, ShopwrightTest.OWNER_PASSWORD);
		String storeHandle = ApiClient.unique("lamps");
		var store = root.post("/api/admin/v1/stores", java.util.Map.of("name", "Lamp Shop", "handle", storeHandle,
				"defaultCurrency", "EUR", "defaultLocale", "en", "locales", java.util.List.of("en")));
		assertThat(store.status()).as(store.body()).isEqualTo(201);
		ApiClient owner = root.store(storeHandle);
		String handle = ApiClient.unique("desk-lamp");
		var created = owner.post("/api/admin/v1/products", java.util.Map.of("title", "Desk Lamp", "handle", handle,
				"status", "ACTIVE", "published", true, "variants",
				java.util.List.of(java.util.Map.of("price", java.util.Map.of("amount", "40.00", "currency", "EUR")))));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		ApiClient shopper = html().store(storeHandle);

		ApiClient.Response first = shopper.get("/products/" + handle);
		assertThat(first.body()).contains("Desk Lamp").contains("Lamp Shop");
		String etag = first.header("ETag");
		assertThat(etag).isNotBlank();
		ApiClient.Response again = shopper.with("If-None-Match", etag).get("/products/" + handle);
		assertThat(again.status()).isEqualTo(304);
		assertThat(again.body()).isEmpty();

		var renamed = owner.patch("/api/admin/v1/stores/" + store.json().get("id").asString(),
				java.util.Map.of("name", "Light House"));
		assertThat(renamed.status()).as(renamed.body()).isEqualTo(200);
		ApiClient.Response afterRename = shopper.with("If-None-Match", etag).get("/products/" + handle);
		assertThat(afterRename.status()).as("the store's new name is a new page").isEqualTo(200);
		assertThat(afterRename.body()).contains("Light House").doesNotContain("Lamp Shop");
		assertThat(afterRename.header("ETag")).isNotEqualTo(etag);

		var changed = owner.patch("/api/admin/v1/products/" + created.json().get("id").asString(),
				java.util.Map.of("title", "Reading Lamp"));
		assertThat(changed.status()).as(changed.body()).isEqualTo(200);
		ApiClient.Response afterChange = shopper.with("If-None-Match", afterRename.header("ETag")).get("/products/" + handle);
		assertThat(afterChange.status()).isEqualTo(200);
		assertThat(afterChange.body()).contains("Reading Lamp").doesNotContain("Desk Lamp");
	}
}
