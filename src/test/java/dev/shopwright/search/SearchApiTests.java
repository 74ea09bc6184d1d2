package dev.shopwright.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.shopwright.testing.ApiClient;
import dev.shopwright.testing.ShopwrightTest;
import tools.jackson.databind.JsonNode;

/** Storefront search through the Store API, fed by catalog changes made through the Admin API. */
@ShopwrightTest
class SearchApiTests {

	@LocalServerPort
	int port;

	ApiClient owner;

	ApiClient shopper;

	String store;

	@BeforeEach
	void freshStore() {
		ApiClient root = ApiClient.at(port).loggedIn(ShopwrightTest.OWNER_EMAIL, ShopwrightTest.OWNER_PASSWORD);
		store = ApiClient.unique("search");
		var created = root.post("/api/admin/v1/stores", Map.of("name", "Search " + store, "handle", store,
				"defaultCurrency", "EUR", "defaultLocale", "en", "locales", List.of("en")));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		owner = root.store(store);
		shopper = ApiClient.at(port).store(store);
	}

	static Map<String, Object> eur(String amount) {
		return Map.of("amount", amount, "currency", "EUR");
	}

	String product(String title, String description, List<String> tags, String price, Map<String, Object> more) {
		Map<String, Object> draft = new HashMap<>(Map.of("title", title, "descriptionHtml", description, "tags", tags,
				"status", "ACTIVE", "published", true, "variants",
				List.of(Map.of("price", eur(price)))));
		draft.putAll(more);
		var created = owner.post("/api/admin/v1/products", draft);
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return created.json().get("id").asString();
	}

	JsonNode search(String query) {
		var response = shopper.get("/api/store/v1/products?" + query);
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		return response.json();
	}

	/** The index is fed asynchronously after commit: wait until the answer satisfies the test. */
	JsonNode eventually(String query, Predicate<JsonNode> until) {
		long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
		JsonNode result = search(query);
		while (!until.test(result) && System.nanoTime() < deadline) {
			try {
				Thread.sleep(100);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			result = search(query);
		}
		return result;
	}

	static List<String> titles(JsonNode result) {
		List<String> titles = new ArrayList<>();
		result.get("items").forEach(item -> titles.add(item.get("title").asString()));
		return titles;
	}

	static long count(JsonNode facet, String value) {
		for (JsonNode v : facet) {
			if (v.get("value").asString().equals(value)) {
				return v.get("count").asLong();
			}
		}
		return 0;
	}

	@Test
	void aTitleMatchRanksAboveATagMatchAboveADescriptionMatch() {
		product("Plain Socks", "Warm socks made of <b>merino</b> wool.", List.of("winter"), "9.00", Map.of());
		product("Merino Sweater", "Soft and warm.", List.of("knit"), "89.00", Map.of());
		product("Wool Beanie", "A hat.", List.of("merino"), "25.00", Map.of());
		JsonNode result = eventually("q=merino", r -> r.get("total").asLong() == 3);
		assertThat(titles(result)).containsExactly("Merino Sweater", "Wool Beanie", "Plain Socks");
	}

	@Test
	void typosAccentsAndStemmingAreForgiven() {
		product("Organic T-Shirt", "Cotton.", List.of(), "19.00", Map.of());
		product("Crème Brûlée Candle", "Smells sweet.", List.of(), "12.00", Map.of());
		product("Hiking Jackets Pack", "Two jackets.", List.of(), "150.00", Map.of());
		eventually("q=candle", r -> r.get("total").asLong() == 1);
		assertThat(titles(search("q=creme+brulee"))).containsExactly("Crème Brûlée Candle");
		JsonNode typo = eventually("q=tshrit", r -> r.get("total").asLong() == 1);
		assertThat(titles(typo)).containsExactly("Organic T-Shirt");
		assertThat(typo.get("correctedQuery").asString()).isEqualTo("tshirt");
		assertThat(titles(search("q=tshirt"))).containsExactly("Organic T-Shirt");
		assertThat(titles(eventually("q=jacket", r -> r.get("total").asLong() == 1))).as("english stemming")
			.containsExactly("Hiking Jackets Pack");
	}

	@Test
	void aGermanStoreStemsGerman() {
		ApiClient root = ApiClient.at(port).loggedIn(ShopwrightTest.OWNER_EMAIL, ShopwrightTest.OWNER_PASSWORD);
		String handle = ApiClient.unique("laden");
		assertThat(root.post("/api/admin/v1/stores", Map.of("name", "Laden", "handle", handle, "defaultCurrency", "EUR",
				"defaultLocale", "de", "locales", List.of("de"))).status()).isEqualTo(201);
		owner = root.store(handle);
		shopper = ApiClient.at(port).store(handle);
		product("Wasserdichte Jacken für Damen", "Leicht und warm.", List.of(), "120.00", Map.of());
		eventually("q=Jacke", r -> r.get("total").asLong() == 1);
		assertThat(titles(search("q=wasserdicht+jacke"))).containsExactly("Wasserdichte Jacken für Damen");
		assertThat(titles(search("q=fur+damen"))).as("umlaut folded").hasSize(1);
	}

	@Test
	void synonymsWorkBothWays() {
		product("Graphic T-Shirt", "Printed.", List.of(), "25.00", Map.of());
		product("Basic Tee", "Plain.", List.of(), "15.00", Map.of());
		eventually("q=tee", r -> r.get("total").asLong() == 1);
		var added = owner.post("/api/admin/v1/search/synonyms", Map.of("terms", List.of("Tee", "T-Shirt")));
		assertThat(added.status()).as(added.body()).isEqualTo(201);
		assertThat(search("q=tee").get("total").asLong()).isEqualTo(2);
		assertThat(search("q=t-shirt").get("total").asLong()).isEqualTo(2);
		assertThat(owner.get("/api/admin/v1/search/synonyms").json().get("items")).hasSize(1);
		assertThat(owner.delete("/api/admin/v1/search/synonyms/" + added.json().get("id").asString()).status()).isEqualTo(204);
		assertThat(search("q=tee").get("total").asLong()).isEqualTo(1);
		assertThat(shopper.post("/api/admin/v1/search/synonyms", Map.of("terms", List.of("a", "b"))).status())
			.as("shoppers cannot edit synonyms").isIn(401, 403);
	}

	@Test
	void facetCountsApplyEveryFilterButTheirOwn() {
		Map<String, Object> sizes = Map.of("options", List.of(Map.of("name", "Size")));
		String[][] products = { { "Alpine Jacket", "Peak", "Jacket", "120.00" }, { "Alpine Vest", "Peak", "Vest", "60.00" },
				{ "Alpine Shell", "Summit", "Jacket", "210.00" }, { "Alpine Fleece", "Summit", "Fleece", "45.00" } };
		for (String[] p : products) {
			Map<String, Object> more = new HashMap<>(sizes);
			more.put("vendor", p[1]);
			more.put("productType", p[2]);
			more.put("variants", List.of(Map.of("price", eur(p[3]), "options", List.of("M")),
					Map.of("price", eur(p[3]), "options", List.of(p[2].equals("Vest") ? "L" : "S"))));
			product(p[0], "", List.of("alpine"), p[3], more);
		}
		eventually("q=alpine", r -> r.get("total").asLong() == 4);
		JsonNode filtered = search("q=alpine&vendor=Peak");
		assertThat(filtered.get("total").asLong()).isEqualTo(2);
		JsonNode facets = filtered.get("facets");
		assertThat(count(facets.get("vendor"), "Peak")).as("own facet ignores its filter").isEqualTo(2);
		assertThat(count(facets.get("vendor"), "Summit")).isEqualTo(2);
		assertThat(count(facets.get("type"), "Jacket")).as("other facets apply it").isEqualTo(1);
		assertThat(count(facets.get("type"), "Fleece")).isZero();
		assertThat(count(facets.get("options").get("Size"), "L")).isEqualTo(1);
		assertThat(count(facets.get("options").get("Size"), "S")).isEqualTo(1);

		JsonNode two = search("q=alpine&vendor=Peak&vendor=Summit&type=Jacket&option.Size=S");
		assertThat(titles(two)).containsExactlyInAnyOrder("Alpine Jacket", "Alpine Shell");
		assertThat(count(two.get("facets").get("type"), "Vest")).as("no Vest in size S").isZero();
		assertThat(count(two.get("facets").get("type"), "Fleece")).isEqualTo(1);
		assertThat(count(two.get("facets").get("price"), "100-200")).isEqualTo(1);

		JsonNode cheap = search("q=alpine&minPrice=40&maxPrice=100&sort=price_asc");
		assertThat(titles(cheap)).containsExactly("Alpine Fleece", "Alpine Vest");
		assertThat(count(cheap.get("facets").get("price"), "200-")).as("price facet ignores the price filter").isEqualTo(1);
		assertThat(titles(search("q=alpine&sort=price_desc"))).containsExactly("Alpine Shell", "Alpine Jacket",
				"Alpine Vest", "Alpine Fleece");
		assertThat(cheap.get("facets").get("availability").get(0).get("count").asLong()).isEqualTo(2);
		assertThat(cheap.get("items").get(0).get("price").get("amount").asString()).isEqualTo("45.00");
	}

	@Test
	void pagesNeitherRepeatNorSkip() {
		for (int i = 0; i < 7; i++) {
			product("Paging Lamp " + i, "", List.of("lamp"), (10 + i % 3) + ".00", Map.of());
		}
		eventually("q=lamp", r -> r.get("total").asLong() == 7);
		for (String sort : List.of("relevance", "price_asc", "price_desc", "newest")) {
			List<String> seen = new ArrayList<>();
			String cursor = null;
			do {
				JsonNode page = search("q=lamp&limit=3&sort=" + sort + (cursor == null ? "" : "&cursor=" + cursor));
				page.get("items").forEach(item -> seen.add(item.get("id").asString()));
				cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asString();
			}
			while (cursor != null);
			assertThat(seen).as(sort).hasSize(7).doesNotHaveDuplicates();
		}
	}

	@Test
	void draftsUnpublishedAndOtherStoresNeverShow() {
		String id = product("Secret Prototype Boot", "", List.of(), "99.00", Map.of());
		product("Draft Prototype Boot", "", List.of(), "99.00", Map.of("status", "DRAFT"));
		product("Hidden Prototype Boot", "", List.of(), "99.00", Map.of("published", false));
		eventually("q=prototype", r -> r.get("total").asLong() == 1);
		assertThat(titles(search("q=prototype"))).containsExactly("Secret Prototype Boot");
		assertThat(ApiClient.at(port).store("demo").get("/api/store/v1/products?q=prototype").json().get("total").asLong())
			.as("another store's shoppers").isZero();

		owner.patch("/api/admin/v1/products/" + id, Map.of("published", false));
		assertThat(eventually("q=prototype", r -> r.get("total").asLong() == 0).get("total").asLong()).isZero();
		owner.patch("/api/admin/v1/products/" + id, Map.of("published", true, "title", "Renamed Prototype Boot"));
		assertThat(titles(eventually("q=renamed", r -> r.get("total").asLong() == 1))).containsExactly("Renamed Prototype Boot");
		owner.delete("/api/admin/v1/products/" + id);
		assertThat(eventually("q=renamed", r -> r.get("total").asLong() == 0).get("total").asLong()).isZero();
	}

	@Test
	void aRuleBasedCollectionChangeReindexesItsProducts() {
		product("Rule Lantern", "", List.of("sale"), "30.00", Map.of());
		product("Rule Torch", "", List.of("new"), "30.00", Map.of());
		eventually("q=rule", r -> r.get("total").asLong() == 2);
		String handle = ApiClient.unique("sale");
		var collection = owner.post("/api/admin/v1/collections", Map.of("title", "Sale", "handle", handle, "kind", "RULE",
				"matchAll", true, "rules", List.of(Map.of("field", "TAG", "operator", "EQUALS", "value", "sale")),
				"published", true));
		assertThat(collection.status()).as(collection.body()).isEqualTo(201);
		assertThat(titles(eventually("q=rule&collection=" + handle, r -> r.get("total").asLong() == 1)))
			.containsExactly("Rule Lantern");
		var changed = owner.patch("/api/admin/v1/collections/" + collection.json().get("id").asString(), Map.of("title",
				"Sale", "handle", handle, "kind", "RULE", "matchAll", true, "published", true, "rules",
				List.of(Map.of("field", "TAG", "operator", "EQUALS", "value", "new"))));
		assertThat(changed.status()).as(changed.body()).isEqualTo(200);
		assertThat(titles(eventually("q=rule&collection=" + handle,
				r -> titles(r).equals(List.of("Rule Torch"))))).containsExactly("Rule Torch");
	}

	@Test
	void suggestionsPreferTitlesThatStartWithWhatWasTyped() {
		product("Suggest Parka", "", List.of(), "10.00", Map.of());
		product("Warm Suggest Gloves", "", List.of(), "10.00", Map.of());
		eventually("q=suggest", r -> r.get("total").asLong() == 2);
		JsonNode suggestions = shopper.get("/api/store/v1/search/suggest?q=sugg").json();
		assertThat(suggestions).hasSize(2);
		assertThat(suggestions.get(0).get("title").asString()).isEqualTo("Suggest Parka");
		assertThat(shopper.get("/api/store/v1/search/suggest?q=sugest").json()).as("typo").isNotEmpty();
	}

	@Test
	void badParametersAreA400NamingTheField() {
		for (String[] bad : new String[][] { { "minPrice=abc", "minPrice" }, { "limit=100000", "limit" },
				{ "sort=cheapest", "sort" }, { "inStock=maybe", "inStock" }, { "category=no-such", "category" },
				{ "cursor=zzz", "cursor" } }) {
			var response = shopper.get("/api/store/v1/products?" + bad[0]);
			assertThat(response.status()).as(bad[0]).isEqualTo(400);
			assertThat(response.contentType()).contains("application/problem+json");
			assertThat(response.json().get("errors").findValuesAsString("field")).as(bad[0]).contains(bad[1]);
		}
	}

	@Test
	void queriesAndClicksAreCounted() {
		String id = product("Analytics Kettle", "", List.of(), "10.00", Map.of());
		eventually("q=kettle", r -> r.get("total").asLong() == 1);
		search("q=Kettle");
		search("q=nothing-matches-this-zzzz");
		assertThat(shopper.post("/api/store/v1/search/clicks", Map.of("query", "kettle", "productId", id)).status())
			.isEqualTo(204);
		JsonNode report = owner.get("/api/admin/v1/search/report").json();
		assertThat(report.get("clicks").asLong()).isEqualTo(1);
		JsonNode top = report.get("topQueries").get(0);
		assertThat(top.get("query").asString()).isEqualTo("kettle");
		assertThat(top.get("searches").asLong()).isGreaterThanOrEqualTo(2);
		assertThat(report.get("zeroResultQueries").findValuesAsString("query")).contains("nothing-matches-this-zzzz");
	}

	@Test
	void movingACategoryReindexesTheProductsBelowIt() {
		String outdoors = owner.post("/api/admin/v1/categories", Map.of("name", "Outdoors", "handle", ApiClient.unique("outdoors")))
			.json().get("id").asString();
		var indoors = owner.post("/api/admin/v1/categories", Map.of("name", "Indoors", "handle", ApiClient.unique("indoors")))
			.json();
		var stoves = owner.post("/api/admin/v1/categories", Map.of("name", "Stoves", "handle", ApiClient.unique("stoves"),
				"parentId", outdoors)).json();
		product("Camp Stove", "", List.of(), "40.00", Map.of("categoryIds", List.of(stoves.get("id").asString())));
		String indoorsHandle = indoors.get("handle").asString();
		eventually("q=stove", r -> r.get("total").asLong() == 1);
		assertThat(search("q=stove&category=" + indoorsHandle).get("total").asLong()).isZero();
		var moved = owner.patch("/api/admin/v1/categories/" + stoves.get("id").asString(), Map.of("move", true, "parentId",
				indoors.get("id").asString()));
		assertThat(moved.status()).as(moved.body()).isEqualTo(200);
		JsonNode found = eventually("q=stove&category=" + indoorsHandle, r -> r.get("total").asLong() == 1);
		assertThat(titles(found)).containsExactly("Camp Stove");
		assertThat(count(found.get("facets").get("category"), indoorsHandle)).isEqualTo(1);
	}

	@Test
	void aFullReindexRebuildsTheIndexFromTheCatalog() {
		product("Reindex Kayak", "", List.of(), "500.00", Map.of());
		eventually("q=kayak", r -> r.get("total").asLong() == 1);
		var rebuilt = owner.post("/api/admin/v1/search/reindex", Map.of());
		assertThat(rebuilt.status()).as(rebuilt.body()).isEqualTo(200);
		assertThat(rebuilt.json().get("indexed").asInt()).isEqualTo(1);
		assertThat(titles(search("q=kayak"))).containsExactly("Reindex Kayak");
		assertThat(shopper.post("/api/admin/v1/search/reindex", Map.of()).status()).isIn(401, 403);
	}
}
