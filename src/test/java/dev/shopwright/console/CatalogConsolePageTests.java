package dev.shopwright.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.shopwright.console.AdminSession.Page;
import dev.shopwright.testing.ApiClient;
import dev.shopwright.testing.ShopwrightTest;
import tools.jackson.databind.JsonNode;

/** The catalog screens of the console over plain HTTP: product list, bulk actions, editor, categories, collections. */
@ShopwrightTest
class CatalogConsolePageTests {

	private static final String STAFF_PASSWORD = "a-long-staff-password";

	private static final Pattern PRODUCT_ROW = Pattern.compile("class=\"product-row\" data-product-id=\"([0-9a-f-]{36})\"");

	@LocalServerPort
	int port;

	ApiClient ownerApi;

	AdminSession owner;

	/** The Admin API acting on this test's own store, which the owner's console session acts on too. */
	ApiClient storeApi;

	@BeforeEach
	void freshStore() {
		ownerApi = ApiClient.at(port).loggedIn(ShopwrightTest.OWNER_EMAIL, ShopwrightTest.OWNER_PASSWORD);
		owner = AdminSession.at(port).logIn(ShopwrightTest.OWNER_EMAIL, ShopwrightTest.OWNER_PASSWORD);
		String handle = ApiClient.unique("catalog-console");
		ApiClient.Response created = ownerApi.post("/api/admin/v1/stores", Map.of("name", "Catalog Console Store",
				"handle", handle, "defaultCurrency", "EUR", "locales", List.of("en", "de"), "defaultLocale", "en"));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		String id = created.json().get("id").asString();
		storeId = id;
		assertThat(owner.follow(owner.post("/admin/stores/switch", Map.of("storeId", id))).body())
			.contains("Now working in Catalog Console Store.");
		storeApi = ownerApi.store(handle);
	}

	private String product(String title, Map<String, Object> extra, String... priceAndSku) {
		Map<String, Object> body = new LinkedHashMap<>(Map.of("title", title));
		body.putAll(extra);
		List<Map<String, Object>> variants = new ArrayList<>();
		for (int i = 0; i < priceAndSku.length; i += 2) {
			Map<String, Object> variant = new LinkedHashMap<>(Map.of("price", Map.of("amount", priceAndSku[i], "currency", "EUR")));
			if (i + 1 < priceAndSku.length) {
				variant.put("sku", priceAndSku[i + 1]);
			}
			variants.add(variant);
		}
		body.put("variants", variants);
		ApiClient.Response created = storeApi.post("/api/admin/v1/products", body);
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return created.json().get("id").asString();
	}

	private static List<String> rowIds(String html) {
		List<String> ids = new ArrayList<>();
		Matcher m = PRODUCT_ROW.matcher(html);
		while (m.find()) {
			ids.add(m.group(1));
		}
		return ids;
	}

	private JsonNode read(String productId) {
		return storeApi.get("/api/admin/v1/products/" + productId).json();
	}

	@Test
	void theNavigationOffersTheCatalogScreensAndEveryScreenOpens() {
		assertThat(owner.get("/admin").body()).contains("href=\"/admin/products\"", "href=\"/admin/categories\"",
				"href=\"/admin/collections\"", "href=\"/admin/attributes\"");
		Map<String, String> headings = Map.of("/admin/products", "<h1>Products</h1>", "/admin/products/new",
				"<h1>New product</h1>", "/admin/categories", "<h1>Categories</h1>", "/admin/collections",
				"<h1>Collections</h1>", "/admin/collections/new?kind=RULE", "<h1>New collection</h1>", "/admin/attributes",
				"<h1>Attributes</h1>");
		headings.forEach((path, heading) -> {
			Page page = owner.get(path);
			assertThat(page.status()).as(path).isEqualTo(200);
			assertThat(page.body()).as(path).contains(heading).doesNotContainPattern("<script(?![^>]*\\ssrc=)[^>]*>")
				.doesNotContain(" style=\"").doesNotContain(" onclick=");
		});
		assertThat(owner.get("/admin/products/new").body()).as("a place is kept for media").contains("id=\"media-section\"")
			.as("translations for the store's other language").contains("name=\"tr.de.title\"");
	}

	@Test
	void theListSearchesFiltersSortsAndPages() {
		String mug = product("Enamel Mug", Map.of("vendor", "Acme", "productType", "Mug", "tags", List.of("sale"),
				"status", "ACTIVE"), "12.00", "MUG-1");
		String shirt = product("Linen Shirt", Map.of("vendor", "Northwind", "productType", "Shirt", "status", "DRAFT"),
				"49.00", "SHIRT-1");
		String barcoded = storeApi.post("/api/admin/v1/products", Map.of("title", "Barcoded Bottle", "variants",
				List.of(Map.of("price", Map.of("amount", "5.00", "currency", "EUR"), "barcode", "4006381333931"))))
			.json().get("id").asString();

		Page all = owner.get("/admin/products");
		assertThat(all.body()).contains("id=\"products-table\"").contains("<option value=\"Acme\">Acme</option>")
			.contains("<option value=\"Mug\">Mug</option>").contains("<option value=\"sale\">sale</option>");
		assertThat(rowIds(all.body())).containsExactlyInAnyOrder(mug, shirt, barcoded);
		assertThat(AdminSession.unescape(all.body())).contains("12.00 EUR");

		assertThat(rowIds(owner.get("/admin/products?q=enamel").body())).containsExactly(mug);
		assertThat(rowIds(owner.get("/admin/products?q=SHIRT-1").body())).as("by SKU").containsExactly(shirt);
		assertThat(rowIds(owner.get("/admin/products?q=4006381333931").body())).as("by barcode").containsExactly(barcoded);
		assertThat(rowIds(owner.get("/admin/products?vendor=Acme").body())).containsExactly(mug);
		assertThat(rowIds(owner.get("/admin/products?type=Shirt").body())).containsExactly(shirt);
		assertThat(rowIds(owner.get("/admin/products?tag=sale").body())).containsExactly(mug);
		assertThat(rowIds(owner.get("/admin/products?status=DRAFT").body())).containsExactlyInAnyOrder(shirt, barcoded);
		assertThat(rowIds(owner.get("/admin/products?sort=TITLE").body())).containsExactly(barcoded, mug, shirt);
		Page none = owner.get("/admin/products?q=nothing-like-this");
		assertThat(rowIds(none.body())).isEmpty();
		assertThat(none.body()).contains("No products match.");
	}

	@Test
	void theListPagesWithACursor() {
		List<String> created = new ArrayList<>();
		for (int i = 0; i < 52; i++) {
			created.add(product(String.format("Paged %02d", i), Map.of(), "1.00"));
		}
		Page first = owner.get("/admin/products?sort=TITLE");
		assertThat(rowIds(first.body())).hasSize(50).containsExactlyElementsOf(created.subList(0, 50));
		Matcher more = Pattern.compile("id=\"load-more\"|href=\"(/admin/products\\?[^\"]*cursor=[^\"]+)\"[^>]*hx-get")
			.matcher(first.body());
		Matcher link = Pattern.compile("<a href=\"(/admin/products\\?[^\"]*cursor=[^\"]+)\"").matcher(first.body());
		assertThat(more.find()).isTrue();
		assertThat(link.find()).as("a next link that works without JavaScript too").isTrue();
		Page fragment = owner.getHtmx(AdminSession.unescape(link.group(1)));
		assertThat(fragment.status()).isEqualTo(200);
		assertThat(fragment.body()).as("htmx gets only the rows to append").doesNotContain("<html").doesNotContain("<h1>")
			.matches("(?s)\\s*<tr.*");
		assertThat(rowIds(fragment.body())).containsExactlyElementsOf(created.subList(50, 52));
		Page second = owner.get(AdminSession.unescape(link.group(1)));
		assertThat(second.status()).isEqualTo(200);
		assertThat(rowIds(second.body())).containsExactlyElementsOf(created.subList(50, 52));
		assertThat(second.body()).doesNotContain("id=\"load-more\"");
	}

	@Test
	void bulkPublishAndPriceChangesApplyToTheSelectionAndANegativePriceChangesNothing() {
		String cheap = product("Cheap Pen", Map.of(), "3.00", ApiClient.unique("PEN"));
		String dear = product("Dear Pen", Map.of(), "10.00", ApiClient.unique("PEN"));
		String untouched = product("Other Pen", Map.of(), "7.00");

		Page published = owner.postAll("/admin/products/bulk",
				List.of(Map.entry("ids", cheap), Map.entry("ids", dear), Map.entry("action", "publish")));
		assertThat(published.isRedirect()).as(published.toString()).isTrue();
		assertThat(owner.follow(published).body()).contains("Published: 2 of 2 selected products changed.");
		assertThat(read(cheap).get("published").asBoolean()).isTrue();
		assertThat(read(dear).get("published").asBoolean()).isTrue();
		assertThat(read(untouched).get("published").asBoolean()).isFalse();

		Page refused = owner.postAll("/admin/products/bulk", List.of(Map.entry("ids", cheap), Map.entry("ids", dear),
				Map.entry("action", "price"), Map.entry("amount", "-5"), Map.entry("mode", "amount")));
		String message = AdminSession.unescape(owner.follow(refused).body());
		assertThat(message).contains("class=\"alert\"").contains("Nothing was changed: would make the price of")
			.contains("negative");
		assertThat(read(cheap).get("variants").get(0).get("price").get("amount").asString()).isEqualTo("3.00");
		assertThat(read(dear).get("variants").get(0).get("price").get("amount").asString()).as("all or nothing")
			.isEqualTo("10.00");

		Page raised = owner.postAll("/admin/products/bulk", List.of(Map.entry("ids", cheap), Map.entry("ids", dear),
				Map.entry("action", "price"), Map.entry("amount", "10"), Map.entry("mode", "percent")));
		assertThat(owner.follow(raised).body()).contains("Changed prices by 10%: 2 of 2 selected products changed.");
		assertThat(read(cheap).get("variants").get(0).get("price").get("amount").asString()).isEqualTo("3.30");
		assertThat(read(dear).get("variants").get(0).get("price").get("amount").asString()).isEqualTo("11.00");

		Page tagged = owner.postAll("/admin/products/bulk", List.of(Map.entry("ids", cheap), Map.entry("action", "addTag"),
				Map.entry("bulkTag", "office")));
		assertThat(tagged.isRedirect()).isTrue();
		owner.follow(tagged);
		assertThat(read(cheap).get("tags").toString()).isEqualTo("[\"office\"]");
		owner.follow(owner.postAll("/admin/products/bulk", List.of(Map.entry("ids", cheap), Map.entry("action", "archive"))));
		assertThat(read(cheap).get("status").asString()).isEqualTo("ARCHIVED");

		Page nothingSelected = owner.postAll("/admin/products/bulk", List.of(Map.entry("action", "publish")));
		assertThat(owner.follow(nothingSelected).body()).as(nothingSelected.toString()).contains("Select at least one product first.");
	}

	private Map<String, String> twoVariantShirt(String sku) {
		Map<String, String> form = new LinkedHashMap<>();
		form.put("title", "Console Shirt " + sku);
		form.put("descriptionHtml", "<p>Soft <b>linen</b></p><script>alert(1)</script>");
		form.put("vendor", "Northwind");
		form.put("tags", "summer, linen");
		form.put("status", "ACTIVE");
		form.put("published", "true");
		form.put("seoTitle", "Linen shirt");
		form.put("options[0].name", "Size");
		form.put("options[0].values", "S, M");
		form.put("options[1].name", "Color");
		form.put("options[1].values", "Sand");
		form.put("variants[0].option0", "S");
		form.put("variants[0].option1", "Sand");
		form.put("variants[0].sku", sku + "-S");
		form.put("variants[0].price", "39.90");
		form.put("variants[0].weightGrams", "220");
		form.put("variants[1].option0", "M");
		form.put("variants[1].option1", "Sand");
		form.put("variants[1].sku", sku + "-M");
		form.put("variants[1].price", "41.00");
		form.put("variants[1].compareAtPrice", "50.00");
		form.put("variants[1].taxable", "false");
		form.put("variants[1].inventoryPolicy", "CONTINUE");
		form.put("tr.de.title", "Leinenhemd");
		form.put("action", "save");
		return form;
	}

	@Test
	void theEditorCreatesAProductWithOptionsAndVariantsThatTheApiReadsBack() {
		String related = product("Matching Belt", Map.of("handle", ApiClient.unique("belt")), "15.00");
		String relatedHandle = read(related).get("handle").asString();
		String upsell = product("Premium Belt", Map.of("handle", ApiClient.unique("premium-belt")), "45.00");
		String upsellHandle = read(upsell).get("handle").asString();
		String categoryId = storeApi.post("/api/admin/v1/categories", Map.of("name", "Shirts")).json().get("id").asString();
		assertThat(storeApi.post("/api/admin/v1/attributes", Map.of("code", "material", "name", "Material", "type", "CHOICE",
				"choices", List.of("linen", "cotton"))).status()).isEqualTo(201);

		Page generated = owner.post("/admin/products/new", Map.of("title", "Generated", "options[0].name", "Size",
				"options[0].values", "S, M", "options[1].name", "Color", "options[1].values", "Red, Blue",
				"variants[0].price", "9.00", "action", "generate"));
		assertThat(generated.status()).isEqualTo(200);
		assertThat(generated.body()).as("one row per combination, priced like the first")
			.contains("name=\"variants[3].option1\" value=\"Blue\"").doesNotContain("name=\"variants[4].sku\"");
		assertThat(AdminSession.inputValue(generated.body(), "v3-price")).isEqualTo("9.00");
		assertThat(generated.body()).contains("<option value=\"linen\">linen</option>").contains(">Shirts</option>");

		String sku = ApiClient.unique("CS");
		Map<String, String> form = twoVariantShirt(sku);
		form.put("categoryIds", categoryId);
		form.put("attr.material", "linen");
		form.put("related", relatedHandle);
		form.put("upsells", relatedHandle);
		Page twice = owner.post("/admin/products/new", form);
		assertThat(twice.status()).isEqualTo(200);
		assertThat(twice.body()).contains("is listed twice: a product is either a cross-sell or an up-sell");
		form.put("upsells", upsellHandle);
		Page saved = owner.post("/admin/products/new", form);
		assertThat(saved.isRedirect()).as(saved.toString()).isTrue();
		assertThat(saved.location()).matches(".*/admin/products/[0-9a-f-]{36}");
		String id = saved.location().replaceAll(".*/admin/products/", "");
		Page editor = owner.follow(saved);
		assertThat(editor.body()).contains("Product Console Shirt " + sku + " created.");
		assertThat(AdminSession.inputValue(editor.body(), "v1-sku")).isEqualTo(sku + "-M");

		JsonNode product = read(id);
		assertThat(product.get("title").asString()).isEqualTo("Console Shirt " + sku);
		assertThat(product.get("status").asString()).isEqualTo("ACTIVE");
		assertThat(product.get("published").asBoolean()).isTrue();
		assertThat(product.get("descriptionHtml").asString()).contains("<b>linen</b>").doesNotContain("script");
		assertThat(product.get("tags").toString()).isEqualTo("[\"summer\",\"linen\"]");
		assertThat(product.get("options").get(0).get("name").asString()).isEqualTo("Size");
		assertThat(product.get("options").get(0).get("values").toString()).isEqualTo("[\"S\",\"M\"]");
		assertThat(product.get("options").get(1).get("values").toString()).isEqualTo("[\"Sand\"]");
		JsonNode variants = product.get("variants");
		assertThat(variants).hasSize(2);
		assertThat(variants.get(0).get("sku").asString()).isEqualTo(sku + "-S");
		assertThat(variants.get(0).get("price").get("amount").asString()).isEqualTo("39.90");
		assertThat(variants.get(0).get("weightGrams").asInt()).isEqualTo(220);
		assertThat(variants.get(1).get("options").toString()).isEqualTo("[\"M\",\"Sand\"]");
		assertThat(variants.get(1).get("compareAtPrice").get("amount").asString()).isEqualTo("50.00");
		assertThat(variants.get(1).get("taxable").asBoolean()).isFalse();
		assertThat(variants.get(1).get("inventoryPolicy").asString()).isEqualTo("CONTINUE");
		assertThat(product.get("categoryIds").toString()).contains(categoryId);
		assertThat(product.get("attributes").get("material").asString()).isEqualTo("linen");
		assertThat(product.get("translations").get("de").get("title").asString()).isEqualTo("Leinenhemd");
		Map<String, String> kinds = new java.util.HashMap<>();
		product.get("related").forEach(r -> kinds.put(r.get("productId").asString(), r.get("kind").asString()));
		assertThat(kinds).containsExactlyInAnyOrderEntriesOf(Map.of(related, "CROSS_SELL", upsell, "UPSELL"));
		assertThat(AdminSession.inputValue(editor.body(), "upsells")).isEqualTo(upsellHandle);

		// editing keeps the variants' identity; removing a row removes that variant
		Map<String, String> edit = AdminSession.formFields(editor.body(), "product-form");
		edit.put("title", "Console Shirt renamed");
		edit.put("action", "save");
		edit.keySet().removeIf(key -> key.startsWith("variants[1]."));
		edit.put("status", "ACTIVE");
		Page updated = owner.post("/admin/products/" + id, edit);
		assertThat(updated.isRedirect()).as(updated.toString()).isTrue();
		JsonNode after = read(id);
		assertThat(after.get("title").asString()).isEqualTo("Console Shirt renamed");
		assertThat(after.get("variants")).hasSize(1);
		assertThat(after.get("variants").get(0).get("id").asString()).isEqualTo(variants.get(0).get("id").asString());

		// the SEO preview snippet
		Page preview = owner.post("/admin/products/seo-preview", Map.of("title", "Shirt", "handle", "the-shirt",
				"seoDescription", "Best shirt"));
		assertThat(preview.body()).contains("id=\"seo-preview\"").contains("/products/the-shirt").contains("Best shirt");

		// delete, with a confirmation step
		assertThat(owner.get("/admin/products/" + id + "/delete").body()).contains("id=\"delete-product\"")
			.contains("cannot be undone");
		Page deleted = owner.post("/admin/products/" + id + "/delete", Map.of());
		assertThat(owner.follow(deleted).body()).contains("Product Console Shirt renamed deleted.");
		assertThat(storeApi.get("/api/admin/v1/products/" + id).status()).isEqualTo(404);
	}

	@Test
	void refusedProductsShowFieldErrorsAndKeepTheInput() {
		String taken = ApiClient.unique("TAKEN");
		product("Has the SKU", Map.of(), "5.00", taken);
		String sku = ApiClient.unique("NEW");
		Map<String, String> form = twoVariantShirt(sku);
		form.put("variants[0].sku", taken);
		form.put("variants[1].barcode", "123");

		Page refused = owner.post("/admin/products/new", form);
		assertThat(refused.status()).isEqualTo(200);
		String body = AdminSession.unescape(refused.body());
		assertThat(body).contains("class=\"alert\"").contains("SKU already used by another product: " + taken)
			.contains("'123' is not a valid GTIN/EAN/UPC");
		assertThat(refused.body()).containsPattern("id=\"v1-barcode\"[^>]*aria-invalid=\"true\"");
		assertThat(AdminSession.inputValue(refused.body(), "v1-barcode")).isEqualTo("123");
		assertThat(AdminSession.inputValue(refused.body(), "v0-sku")).isEqualTo(taken);
		assertThat(AdminSession.inputValue(refused.body(), "title")).isEqualTo("Console Shirt " + sku);
		assertThat(rowIds(owner.get("/admin/products?q=" + sku + "-M").body())).as("nothing written").isEmpty();

		Map<String, String> badPrice = twoVariantShirt(ApiClient.unique("P"));
		badPrice.put("variants[1].price", "abc");
		Page priceRefused = owner.post("/admin/products/new", badPrice);
		assertThat(AdminSession.unescape(priceRefused.body())).contains("'abc' is not an amount such as 19.99");
		assertThat(priceRefused.body()).containsPattern("id=\"v1-price\"[^>]*aria-invalid=\"true\"");

		Map<String, String> badHandle = twoVariantShirt(ApiClient.unique("H"));
		badHandle.put("handle", "Not A Handle");
		Page handleRefused = owner.post("/admin/products/new", badHandle);
		assertThat(handleRefused.body()).contains("must be lowercase letters, digits and dashes")
			.containsPattern("id=\"handle\"[^>]*aria-invalid=\"true\"");
	}

	@Test
	void aProductChangedBySomeoneElseMeanwhileIsNotOverwrittenSilently() {
		String cushion = product("Chair Cushion", Map.of(), "19.00");
		String id = product("Contested Chair", Map.of("related", List.of(Map.of("productId", cushion, "kind", "UPSELL"))),
				"99.00", ApiClient.unique("CH"));
		Map<String, String> form = AdminSession.formFields(owner.get("/admin/products/" + id).body(), "product-form");
		assertThat(form).containsKey("version");
		assertThat(storeApi.patch("/api/admin/v1/products/" + id, Map.of("title", "Chair renamed by the API")).status())
			.isEqualTo(200);

		form.put("title", "Chair renamed in the console");
		form.put("action", "save");
		Page stale = owner.post("/admin/products/" + id, form);
		assertThat(stale.status()).isEqualTo(200);
		assertThat(stale.body()).contains("Someone else changed this product since you opened it.");
		assertThat(AdminSession.inputValue(stale.body(), "title")).isEqualTo("Chair renamed in the console");
		assertThat(read(id).get("title").asString()).isEqualTo("Chair renamed by the API");

		Map<String, String> again = AdminSession.formFields(stale.body(), "product-form");
		again.put("action", "save");
		again.put("status", "DRAFT");
		Page saved = owner.post("/admin/products/" + id, again);
		assertThat(saved.isRedirect()).as(saved.toString()).isTrue();
		owner.follow(saved);
		assertThat(read(id).get("title").asString()).isEqualTo("Chair renamed in the console");
		assertThat(read(id).get("related").get(0).get("kind").asString()).as("the console keeps the relation's kind")
			.isEqualTo("UPSELL");
	}

	@Test
	void categoriesAreCreatedMovedAndRefusedWhenTheyWouldFormACycle() {
		Page created = owner.post("/admin/categories", Map.of("name", "Clothing", "handle", "", "parentId", ""));
		assertThat(created.isRedirect()).as(created.toString()).isTrue();
		String clothing = categoryId("Clothing");
		owner.post("/admin/categories", Map.of("name", "Shirts", "parentId", clothing));
		String shirts = categoryId("Shirts");
		String page = owner.get("/admin/categories").body();
		assertThat(page).contains("class=\"depth-1\"").containsPattern("(?s)Clothing.*Shirts");

		Page cycle = owner.post("/admin/categories/" + clothing, Map.of("name", "Clothing", "handle", "clothing",
				"parentId", shirts));
		assertThat(cycle.status()).isEqualTo(200);
		assertThat(cycle.body()).contains("a category cannot move below itself")
			.containsPattern("id=\"parentId\"[^>]*aria-invalid=\"true\"");
		assertThat(storeApi.get("/api/admin/v1/categories/" + clothing).json().get("breadcrumbs").findValuesAsString("name"))
			.containsExactly("Clothing");

		Page refusedDelete = owner.post("/admin/categories/" + clothing + "/delete", Map.of());
		assertThat(owner.follow(refusedDelete).body()).contains("has subcategories; move or delete them first.");

		Page moved = owner.post("/admin/categories/" + shirts, Map.of("name", "Tops", "handle", "tops", "parentId", ""));
		assertThat(moved.isRedirect()).as(moved.toString()).isTrue();
		assertThat(owner.follow(moved).body()).contains("Category Tops saved.");
		JsonNode tops = storeApi.get("/api/admin/v1/categories/" + shirts).json();
		assertThat(tops.get("breadcrumbs").findValuesAsString("name")).containsExactly("Tops");

		assertThat(owner.get("/admin/categories").body()).containsPattern("(?s)>Clothing<.*>Tops<");
		Page up = owner.post("/admin/categories/" + shirts + "/move?direction=up", Map.of());
		assertThat(owner.follow(up).body()).contains("Category Tops moved up.").containsPattern("(?s)>Tops<.*>Clothing<");

		Page deleted = owner.post("/admin/categories/" + clothing + "/delete", Map.of());
		assertThat(deleted.isRedirect()).as(deleted.toString()).isTrue();
		assertThat(owner.follow(deleted).body()).as(deleted.toString()).contains("Category Clothing deleted.");
	}

	private String categoryId(String name) {
		for (JsonNode category : storeApi.get("/api/admin/v1/categories").json().get("items")) {
			if (category.get("name").asString().equals(name)) {
				return category.get("id").asString();
			}
		}
		throw new AssertionError("no category " + name);
	}

	@Test
	void aRuleCollectionPreviewsTheProductsItMatchesAndManualOnesTakeProducts() {
		product("Sale Scarf", Map.of("tags", List.of("sale")), "20.00");
		product("Sale Hat", Map.of("tags", List.of("sale")), "80.00");
		product("Full Price Coat", Map.of(), "200.00");

		Page created = owner.post("/admin/collections/new", Map.ofEntries(Map.entry("kind", "RULE"),
				Map.entry("title", "Cheap sale"), Map.entry("match", "all"), Map.entry("rules[0].field", "TAG"),
				Map.entry("rules[0].operator", "EQUALS"), Map.entry("rules[0].value", "sale"), Map.entry("rules[1].field", "PRICE"),
				Map.entry("rules[1].operator", "LESS_THAN"), Map.entry("rules[1].value", "50"), Map.entry("rules[2].value", ""),
				Map.entry("action", "save")));
		assertThat(created.isRedirect()).as(created.toString()).isTrue();
		String page = owner.follow(created).body();
		assertThat(page).contains("Collection Cheap sale created.").contains(">Sale Scarf<").doesNotContain(">Sale Hat<")
			.doesNotContain(">Full Price Coat<");

		Page badRule = owner.post("/admin/collections/new", Map.of("kind", "RULE", "title", "Broken", "rules[0].field",
				"PRICE", "rules[0].operator", "LESS_THAN", "rules[0].value", "cheap"));
		assertThat(badRule.status()).isEqualTo(200);
		assertThat(badRule.body()).contains("must be a number for PRICE").containsPattern("id=\"rule-0-value\"[^>]*value=\"cheap\"");

		Page manual = owner.post("/admin/collections/new", Map.of("kind", "MANUAL", "title", "Staff picks"));
		String manualPath = manual.location().replaceAll("^https?://[^/]+", "");
		assertThat(owner.follow(manual).body()).contains("Collection Staff picks created.").contains("id=\"add-products\"");
		String coatHandle = storeApi.get("/api/admin/v1/products?q=Coat").json().get("items").get(0).get("handle").asString();
		Page added = owner.post(manualPath + "/products", Map.of("products", coatHandle));
		assertThat(owner.follow(added).body()).as(added.toString()).contains("1 product added.").contains(">Full Price Coat<");
		Page unknown = owner.post(manualPath + "/products", Map.of("products", "no-such-product"));
		assertThat(owner.follow(unknown).body()).contains("No product found for: no-such-product. Nothing was added.");
	}

	@Test
	void aCollectionOfMoreThanFiftyProductsListsThemAllThroughLoadMore() {
		for (int i = 1; i <= 52; i++) {
			product("Bulk Lantern %02d".formatted(i), Map.of("tags", List.of("lantern")), "10.00");
		}
		Page created = owner.post("/admin/collections/new", Map.of("kind", "RULE", "title", "Lanterns", "match", "all",
				"rules[0].field", "TAG", "rules[0].operator", "EQUALS", "rules[0].value", "lantern", "action", "save"));
		String first = owner.follow(created).body();
		assertThat(Pattern.compile(">Bulk Lantern \\d\\d<").matcher(first).results().count()).isEqualTo(50);
		Matcher more = Pattern.compile("hx-get=\"([^\"]*cursor=[^\"]+)\"").matcher(first);
		assertThat(more.find()).as("a Load more control after the first 50").isTrue();

		String rest = owner.getHtmx(more.group(1).replace("&amp;", "&")).body();
		assertThat(rest).doesNotContain("<html");
		assertThat(Pattern.compile(">Bulk Lantern \\d\\d<").matcher(rest).results().count()).isEqualTo(2);
		assertThat(rest).doesNotContain("cursor=");
	}

	@Test
	void attributesAreCreatedEditedAndDeleted() {
		Page created = owner.post("/admin/attributes", Map.of("code", "fabric", "name", "Fabric", "type", "CHOICE",
				"choices", "wool, silk", "facet", "true"));
		assertThat(created.isRedirect()).as(created.toString()).isTrue();
		assertThat(owner.follow(created).body()).contains("<code>fabric</code>").contains("wool, silk");
		Page refused = owner.post("/admin/attributes", Map.of("code", "Bad Code", "name", "Bad", "type", "TEXT"));
		assertThat(refused.status()).isEqualTo(200);
		assertThat(refused.body()).contains("must be lowercase letters, digits and _")
			.containsPattern("id=\"code\"[^>]*aria-invalid=\"true\"");
		Matcher edit = Pattern.compile("action=\"(/admin/attributes/[0-9a-f-]+)\"[^>]*id=\"edit-attribute-fabric\"")
			.matcher(owner.get("/admin/attributes").body());
		assertThat(edit.find()).isTrue();
		Page renamed = owner.post(edit.group(1), Map.of("name", "Fabric type", "choices", "wool, silk, linen", "facet", "true"));
		assertThat(owner.follow(renamed).body()).contains("Attribute fabric saved.").contains("Fabric type")
			.contains("wool, silk, linen");
		Matcher delete = Pattern.compile("action=\"(/admin/attributes/[0-9a-f-]+/delete)\"").matcher(owner.get("/admin/attributes").body());
		assertThat(delete.find()).isTrue();
		assertThat(owner.follow(owner.post(delete.group(1), Map.of())).body()).contains("Attribute deleted.")
			.doesNotContain("<code>fabric</code>");
	}

	@Test
	void catalogStaffUseTheScreensAndSupportStaffMayOnlyLook() {
		String product = product("Role Test Lamp", Map.of(), "30.00");
		AdminSession catalog = AdminSession.at(port).logIn(newStaff("CATALOG"), STAFF_PASSWORD);
		catalog.follow(catalog.post("/admin/stores/switch", Map.of("storeId", storeId())));
		assertThat(catalog.get("/admin/products").status()).isEqualTo(200);
		Page published = catalog.postAll("/admin/products/bulk", List.of(Map.entry("ids", product), Map.entry("action", "publish")));
		assertThat(published.isRedirect()).isTrue();
		assertThat(read(product).get("published").asBoolean()).isTrue();
		assertThat(catalog.post("/admin/categories", Map.of("name", "Lamps")).isRedirect()).isTrue();

		AdminSession support = AdminSession.at(port).logIn(newStaff("SUPPORT"), STAFF_PASSWORD);
		support.follow(support.post("/admin/stores/switch", Map.of("storeId", storeId())));
		Page readOnly = support.get("/admin/products");
		assertThat(readOnly.status()).isEqualTo(200);
		assertThat(readOnly.body()).as("no controls they cannot use").contains("Role Test Lamp")
			.doesNotContain("id=\"bulk-apply\"").doesNotContain("id=\"new-product\"");
		assertThat(support.get("/admin/products/" + product).body()).doesNotContain("id=\"save-product\"")
			.contains("Your role lets you look at products but not change them.");
		assertThat(support.get("/admin/categories").status()).isEqualTo(200);
		assertThat(support.postAll("/admin/products/bulk", List.of(Map.entry("ids", product), Map.entry("action", "unpublish")))
			.status()).isEqualTo(403);
		assertThat(support.post("/admin/products/new", twoVariantShirt(ApiClient.unique("SUP"))).status()).isEqualTo(403);
		assertThat(support.post("/admin/products/" + product + "/delete", Map.of()).status()).isEqualTo(403);
		assertThat(support.post("/admin/categories", Map.of("name", "Nope")).status()).isEqualTo(403);
		assertThat(support.post("/admin/collections/new", Map.of("title", "Nope")).status()).isEqualTo(403);
		assertThat(support.post("/admin/attributes", Map.of("code", "nope", "name", "Nope")).status()).isEqualTo(403);
		assertThat(read(product).get("published").asBoolean()).as("still published").isTrue();
	}

	private String storeId;

	private String storeId() {
		return storeId;
	}

	/** A staff member with a role in this test's store. */
	private String newStaff(String role) {
		String email = ApiClient.unique("catalog-console") + "@test.local";
		ApiClient.Response created = storeApi.post("/api/admin/v1/staff",
				Map.of("email", email, "name", "Catalog " + role, "password", STAFF_PASSWORD, "role", role));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return email;
	}
}
