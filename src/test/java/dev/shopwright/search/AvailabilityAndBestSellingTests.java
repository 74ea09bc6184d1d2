package dev.shopwright.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.Supplier;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.shopwright.orders.OrderFixtures;
import dev.shopwright.orders.OrderId;
import dev.shopwright.orders.OrderManagement;
import dev.shopwright.orders.PlaceOrder;
import dev.shopwright.payments.PaymentManagement;
import dev.shopwright.shared.StoreId;
import dev.shopwright.stores.StoreManagement;
import dev.shopwright.testing.ApiClient;
import dev.shopwright.testing.ShopwrightTest;
import tools.jackson.databind.JsonNode;

/**
 * Availability and best-selling, fed by the real inventory and orders modules through their events: stock changed
 * through the Admin API, orders placed and cancelled through the orders façade. Also what the storefront shows of
 * it (sold out on cards, the product page's picker data and JSON-LD), languages and popular-query suggestions.
 */
@ShopwrightTest
class AvailabilityAndBestSellingTests {

	@LocalServerPort
	int port;

	@Autowired
	OrderManagement orders;

	@Autowired
	StoreManagement stores;

	@Autowired
	PaymentManagement payments;

	@Autowired
	SearchManagement search;

	ApiClient owner;

	ApiClient shopper;

	String store;

	@BeforeEach
	void freshStore() {
		ApiClient root = ApiClient.at(port).loggedIn(ShopwrightTest.OWNER_EMAIL, ShopwrightTest.OWNER_PASSWORD);
		store = ApiClient.unique("avail");
		var created = root.post("/api/admin/v1/stores", Map.of("name", "Availability " + store, "handle", store,
				"defaultCurrency", "EUR", "defaultLocale", "en", "locales", List.of("en", "de")));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		owner = root.store(store);
		shopper = ApiClient.at(port).store(store);
	}

	static Map<String, Object> eur(String amount) {
		return Map.of("amount", amount, "currency", "EUR");
	}

	static Map<String, Object> variant(String sku, String policy, Object... more) {
		Map<String, Object> v = new HashMap<>(Map.of("price", eur("20.00"), "inventoryPolicy", policy));
		if (sku != null) {
			v.put("sku", sku);
		}
		for (int i = 0; i < more.length; i += 2) {
			v.put((String) more[i], more[i + 1]);
		}
		return v;
	}

	JsonNode product(String title, List<Map<String, Object>> variants, Map<String, Object> more) {
		Map<String, Object> draft = new HashMap<>(Map.of("title", title, "status", "ACTIVE", "published", true,
				"variants", variants));
		draft.putAll(more);
		var created = owner.post("/api/admin/v1/products", draft);
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return created.json();
	}

	void stock(String sku, int delta) {
		var adjusted = owner.post("/api/admin/v1/inventory/adjustments", Map.of("sku", sku, "delta", delta));
		assertThat(adjusted.status()).as(adjusted.body()).isIn(200, 201);
	}

	JsonNode search(String query) {
		var response = shopper.get("/api/store/v1/products?" + query);
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		return response.json();
	}

	static <T> T eventually(Supplier<T> read, Predicate<T> until) {
		long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
		T value = read.get();
		while (!until.test(value) && System.nanoTime() < deadline) {
			try {
				Thread.sleep(100);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			value = read.get();
		}
		return value;
	}

	JsonNode eventually(String query, Predicate<JsonNode> until) {
		return eventually(() -> search(query), until);
	}

	static List<String> titles(JsonNode result) {
		List<String> titles = new ArrayList<>();
		result.get("items").forEach(item -> titles.add(item.get("title").asString()));
		return titles;
	}

	static long inStockCount(JsonNode result) {
		JsonNode availability = result.get("facets").get("availability");
		return availability.isEmpty() ? 0 : availability.get(0).get("count").asLong();
	}

	static boolean available(JsonNode result, String title) {
		for (JsonNode item : result.get("items")) {
			if (item.get("title").asString().equals(title)) {
				return item.get("available").asBoolean();
			}
		}
		throw new AssertionError(title + " not in " + titles(result));
	}

	@Test
	void inStockFiltersAndTheFacetCountsFollowStockChangesMadeInInventory() {
		String k1 = ApiClient.unique("K1").toUpperCase(), k2 = ApiClient.unique("K2").toUpperCase(),
				k3 = ApiClient.unique("K3").toUpperCase();
		product("Stocked Kettle", List.of(variant(k1, "DENY")), Map.of("tags", List.of("steel")));
		product("Empty Kettle", List.of(variant(k2, "DENY")), Map.of("tags", List.of("steel")));
		product("Backorder Kettle", List.of(variant(k3, "CONTINUE")), Map.of("tags", List.of("copper")));
		product("Untracked Kettle", List.of(variant(null, "DENY")), Map.of("tags", List.of("copper")));
		stock(k1, 5);

		// in stock: units available (k1), a policy that keeps selling (k3), no SKU to track (untracked)
		JsonNode filtered = eventually("q=kettle&inStock=true",
				r -> r.get("total").asLong() == 3 && titles(r).contains("Stocked Kettle"));
		assertThat(titles(filtered)).containsExactlyInAnyOrder("Stocked Kettle", "Backorder Kettle", "Untracked Kettle");
		assertThat(inStockCount(filtered)).isEqualTo(3);
		JsonNode all = search("q=kettle");
		assertThat(all.get("total").asLong()).isEqualTo(4);
		assertThat(inStockCount(all)).as("the facet counts what inStock=true would give").isEqualTo(3);
		assertThat(available(all, "Empty Kettle")).isFalse();
		assertThat(available(all, "Stocked Kettle")).isTrue();
		// consistent with the other filters: the tag facet counts only in-stock products under inStock=true
		assertThat(SearchApiTests.count(filtered.get("facets").get("tag"), "steel")).isEqualTo(1);
		assertThat(inStockCount(search("q=kettle&tag=steel"))).isEqualTo(1);

		// the last units sell out, another SKU arrives: both show without a reindex
		stock(k1, -5);
		stock(k2, 2);
		JsonNode after = eventually("q=kettle&inStock=true",
				r -> titles(r).contains("Empty Kettle") && !titles(r).contains("Stocked Kettle"));
		assertThat(titles(after)).containsExactlyInAnyOrder("Empty Kettle", "Backorder Kettle", "Untracked Kettle");
		assertThat(available(search("q=kettle"), "Stocked Kettle")).isFalse();

		// a full reindex reads the same figures from inventory (one batch query) and keeps them
		assertThat(owner.post("/api/admin/v1/search/reindex", Map.of()).status()).isEqualTo(200);
		assertThat(titles(search("q=kettle&inStock=true"))).containsExactlyInAnyOrder("Empty Kettle",
				"Backorder Kettle", "Untracked Kettle");
	}

	@Test
	void theProductPageShowsEachVariantsAvailabilityAndFollowsStockChanges() {
		String small = ApiClient.unique("S").toUpperCase(), medium = ApiClient.unique("M").toUpperCase(),
				large = ApiClient.unique("L").toUpperCase(), other = ApiClient.unique("O").toUpperCase();
		JsonNode created = product("Picker Jacket", List.of(variant(small, "DENY", "options", List.of("S")),
				variant(medium, "DENY", "options", List.of("M")),
				variant(large, "PREORDER", "options", List.of("L"), "preorderLimit", 5)),
				Map.of("options", List.of(Map.of("name", "Size", "values", List.of("S", "M", "L")))));
		product("Gone Jacket", List.of(variant(other, "DENY")), Map.of());
		stock(small, 2);
		String path = "/products/" + created.get("handle").asString();
		ApiClient html = shopper.with("Accept", "text/html");
		eventually(() -> search("q=jacket&inStock=true"), r -> titles(r).equals(List.of("Picker Jacket")));

		String page = eventually(() -> html.get(path).body(), b -> variantAvailable(b, "S"));
		assertThat(jsonLdAvailability(page, small)).isEqualTo("https://schema.org/InStock");
		assertThat(jsonLdAvailability(page, medium)).isEqualTo("https://schema.org/OutOfStock");
		assertThat(jsonLdAvailability(page, large)).isEqualTo("https://schema.org/PreOrder");
		assertThat(page).contains("id=\"availability\"").contains(">In stock</p>").doesNotContain("disabled=\"disabled\"");
		assertThat(variantAvailable(page, "M")).isFalse();
		assertThat(variantAvailable(page, "S")).isTrue();

		// the cached page changes within a second or two of the stock change
		stock(small, -2);
		String sold = eventually(() -> html.get(path).body(),
				b -> jsonLdAvailability(b, small).equals("https://schema.org/OutOfStock"));
		assertThat(jsonLdAvailability(sold, small)).isEqualTo("https://schema.org/OutOfStock");
		assertThat(variantAvailable(sold, "S")).isFalse();

		// listings: a sold-out product's card says so
		String listing = html.get("/search?q=jacket").body();
		assertThat(listing).contains("Gone Jacket");
		assertThat(card(listing, "Gone Jacket")).contains("product-card sold-out").contains("Sold out");
		assertThat(card(listing, "Picker Jacket")).doesNotContain("sold-out");
		String onlyInStock = html.get("/search?q=jacket&inStock=true").body();
		assertThat(onlyInStock).contains("Picker Jacket").doesNotContain("Gone Jacket").contains("data-facet=\"inStock\"");
	}

	/** The product card (its {@code <li>}) that names this product. */
	static String card(String listing, String title) {
		int at = listing.indexOf(">" + title + "</a>");
		int start = listing.lastIndexOf("<li class=\"product-card", at);
		return listing.substring(start, listing.indexOf("</li>", at));
	}

	/** The availability of the JSON-LD offer with this SKU. */
	static String jsonLdAvailability(String page, String sku) {
		int start = page.indexOf("<script type=\"application/ld+json\">") + "<script type=\"application/ld+json\">".length();
		JsonNode ld = ApiClient.JSON.readTree(page.substring(start, page.indexOf("</script>", start)));
		for (JsonNode offer : ld.get("offers")) {
			if (offer.get("sku").asString().equals(sku)) {
				return offer.get("availability").asString();
			}
		}
		throw new AssertionError("no offer for " + sku);
	}

	/** Whether the picker data (data-variants) marks the variant with this option value sellable. */
	static boolean variantAvailable(String page, String option) {
		int start = page.indexOf("data-variants=\"") + "data-variants=\"".length();
		String json = page.substring(start, page.indexOf('"', start)).replace("&quot;", "\"").replace("&#39;", "'");
		for (JsonNode variant : ApiClient.JSON.readTree(json)) {
			if (variant.get("options").get(0).asString().equals(option)) {
				return variant.get("available").asBoolean();
			}
		}
		throw new AssertionError("no variant " + option + " in " + json);
	}

	@Test
	void bestSellingOrdersByUnitsSoldAndACancellationTakesThemOut() {
		String a = ApiClient.unique("A").toUpperCase(), b = ApiClient.unique("B").toUpperCase(),
				c = ApiClient.unique("C").toUpperCase();
		product("Alpha Mug", List.of(variant(a, "DENY")), Map.of());
		product("Beta Mug", List.of(variant(b, "DENY")), Map.of());
		product("Gamma Mug", List.of(variant(c, "DENY")), Map.of());
		eventually("q=mug", r -> r.get("total").asLong() == 3);
		StoreId id = stores.findByReference(store).orElseThrow().id();
		OrderFixtures fixtures = new OrderFixtures(stores, payments);
		orders.place(id, order(fixtures, List.of(new OrderFixtures.Item(a, 2, "20.00"), new OrderFixtures.Item(c, 1, "20.00"))));
		OrderId big = OrderId.random();
		orders.place(id, order(fixtures, big, List.of(new OrderFixtures.Item(b, 5, "20.00"))));

		// the counts arrive asynchronously; once they are in the table, this node's index is made to catch up
		assertThat(unitsSold(id, Map.of("Beta Mug", 5, "Alpha Mug", 2, "Gamma Mug", 1))).isTrue();
		JsonNode ranked = search("q=mug&sort=best-selling");
		assertThat(titles(ranked)).containsExactly("Beta Mug", "Alpha Mug", "Gamma Mug");
		// paging keeps the order without repeats
		JsonNode first = search("q=mug&sort=best-selling&limit=2");
		assertThat(titles(first)).containsExactly("Beta Mug", "Alpha Mug");
		JsonNode second = search("q=mug&sort=best-selling&limit=2&cursor=" + first.get("nextCursor").asString());
		assertThat(titles(second)).containsExactly("Gamma Mug");

		orders.cancel(id, big, "changed their mind", false);
		assertThat(unitsSold(id, Map.of("Alpha Mug", 2, "Gamma Mug", 1))).isTrue();
		assertThat(titles(search("sort=best-selling"))).containsExactly("Alpha Mug", "Gamma Mug", "Beta Mug");
		assertThat(search.bestSellers(id, 10)).extracting(BestSeller::title).containsExactly("Alpha Mug", "Gamma Mug");
		assertThat(shopper.get("/api/store/v1/products?sort=bestselling").status()).isEqualTo(400);
	}

	/** Waits until the store's units sold are these, then makes this node's index catch up (a reindex waits for it). */
	boolean unitsSold(StoreId store, Map<String, Integer> expected) {
		Map<String, Integer> now = eventually(() -> {
			Map<String, Integer> units = new HashMap<>();
			search.bestSellers(store, 10).forEach(b -> units.put(b.title(), b.unitsSold()));
			return units;
		}, expected::equals);
		assertThat(owner.post("/api/admin/v1/search/reindex", Map.of()).status()).isEqualTo(200);
		return now.equals(expected);
	}

	PlaceOrder order(OrderFixtures fixtures, List<OrderFixtures.Item> items) {
		return order(fixtures, OrderId.random(), items);
	}

	PlaceOrder order(OrderFixtures fixtures, OrderId id, List<OrderFixtures.Item> items) {
		return fixtures.order(id, "EUR", items, PlaceOrder.Risk.NOT_ASSESSED, null, null, null, null);
	}

	@Test
	void popularPastQueriesAreSuggestedOnlyWhenTheyFoundSomethingOftenEnough() {
		product("Thermos Flask", List.of(variant(null, "DENY")), Map.of());
		eventually("q=thermos", r -> r.get("total").asLong() == 1);
		for (int i = 0; i < 3; i++) {
			search("q=thermos+flask"); // found something, three times
			search("q=thermostat"); // found nothing
		}
		search("q=thermos+flask+jane%40example.com");
		search("q=thermos+flask+jane%40example.com");
		search("q=thermos+flask+jane%40example.com");
		search("q=thermos+tea"); // found something once only
		var suggested = shopper.get("/api/store/v1/search/suggest?q=therm");
		assertThat(suggested.status()).isEqualTo(200);
		List<String> queries = new ArrayList<>();
		List<String> products = new ArrayList<>();
		suggested.json().forEach(s -> (s.get("kind").asString().equals("query") ? queries : products)
			.add(s.get("title").asString()));
		assertThat(queries).containsExactly("thermos flask");
		assertThat(products).containsExactly("Thermos Flask");
		assertThat(suggested.json().get(0).get("kind").asString()).isEqualTo("query");
	}

	@Test
	void aShopperPicksAStoreLanguageAndTextFallsBackToTheDefault() {
		product("Rain Coat", List.of(variant(null, "DENY")), Map.of("descriptionHtml", "<p>Keeps you dry.</p>",
				"translations", Map.of("de", Map.of("title", "Regenmantel", "descriptionHtml", "<p>Hält dich trocken.</p>"))));
		JsonNode untranslated = product("Wool Socks", List.of(variant(null, "DENY")), Map.of());
		eventually("q=socks", r -> r.get("total").asLong() == 1);

		// the Store API: German stemming first ("Regenmänteln" → regenmantel), titles in German where translated
		JsonNode german = eventually("q=regenmanteln&locale=de", r -> r.get("total").asLong() == 1);
		assertThat(titles(german)).containsExactly("Regenmantel");
		assertThat(titles(search("q=socks&lang=de"))).as("untranslated: found and shown in English")
			.containsExactly("Wool Socks");
		assertThat(titles(search("q=rain&lang=en"))).containsExactly("Rain Coat");

		ApiClient html = shopper.with("Accept", "text/html");
		var plain = html.get("/products/" + untranslated.get("handle").asString() + "?lang=de");
		assertThat(plain.status()).isEqualTo(200);
		assertThat(plain.body()).contains("<html lang=\"de\"").contains("Wool Socks") // fallback to the default text
			.contains("hreflang=\"de\"").contains("hreflang=\"x-default\"")
			.contains("<link rel=\"canonical\" href=\"http://localhost:" + port + "/products/"
					+ untranslated.get("handle").asString() + "?lang=de\">");
		assertThat(plain.header("Set-Cookie")).startsWith("sw_lang=de");

		String coat = eventually(() -> search("q=rain"), r -> r.get("total").asLong() == 1).get("items").get(0)
			.get("handle").asString();
		var translated = html.get("/products/" + coat + "?lang=de");
		assertThat(translated.body()).contains("<h1>Regenmantel</h1>").contains("Hält dich trocken.")
			.contains(">Auf Lager</p>");
		var english = html.get("/products/" + coat);
		assertThat(english.body()).contains("<h1>Rain Coat</h1>").contains("<html lang=\"en\"");

		// the remembered choice: a plain URL redirects to the chosen language's URL
		var remembered = html.with("Cookie", "sw_lang=de").get("/products/" + coat);
		assertThat(remembered.status()).isEqualTo(302);
		assertThat(remembered.header("Location")).endsWith("/products/" + coat + "?lang=de");
		assertThat(html.with("Cookie", "sw_lang=xx").get("/products/" + coat).status()).isEqualTo(200);

		var listing = html.get("/search?q=regenmantel&lang=de");
		assertThat(listing.body()).contains("Regenmantel").contains("id=\"languages\"");

		String sitemap = html.get("/sitemap.xml").body();
		assertThat(sitemap).contains("/products/" + coat + "</loc>").contains("/products/" + coat + "?lang=de</loc>")
			.contains("hreflang=\"de\" href=\"http://localhost:" + port + "/products/" + coat + "?lang=de\"");
	}
}
