package dev.shopwright.catalog.imports;

import static dev.shopwright.catalog.imports.ImportTestSupport.freshStore;
import static dev.shopwright.catalog.imports.ImportTestSupport.importAndWait;
import static dev.shopwright.catalog.imports.ImportTestSupport.media;
import static dev.shopwright.catalog.imports.ImportTestSupport.product;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.shopwright.catalog.TestImages;
import dev.shopwright.testing.ApiClient;
import dev.shopwright.testing.Multipart;
import dev.shopwright.testing.ShopwrightTest;
import tools.jackson.databind.JsonNode;

/** Export, import the file elsewhere (or again), export again: the two files are the same catalog. */
@ShopwrightTest
class ExportRoundTripTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	ApiClient owner;

	@BeforeEach
	void logIn() {
		owner = ApiClient.at(port).loggedIn(ShopwrightTest.OWNER_EMAIL, ShopwrightTest.OWNER_PASSWORD);
	}

	static Map<String, Object> map(Object... keysAndValues) {
		Map<String, Object> map = new java.util.LinkedHashMap<>();
		for (int i = 0; i < keysAndValues.length; i += 2) {
			map.put((String) keysAndValues[i], keysAndValues[i + 1]);
		}
		return map;
	}

	static Map<String, Object> eur(String amount) {
		return Map.of("amount", amount, "currency", "EUR");
	}

	/** A material attribute and a "tops" category, which our format refers to by code and handle. */
	void prepare(ApiClient store) {
		assertThat(store.post("/api/admin/v1/attributes", Map.of("code", "material", "name", "Material", "type", "TEXT"))
			.status()).isEqualTo(201);
		UUID storeId = UUID.fromString(ApiClient.at(port).with("X-Store", storeHandle(store)).get("/api/store/v1/store").json()
			.get("id").asString());
		UUID category = UUID.randomUUID();
		jdbc.sql("""
				insert into catalog.category (store_id, id, handle, name, path, created_at)
				values (?, ?, 'tops', 'Tops', ?, ?)""").params(storeId, category, "/" + category + "/",
				Timestamp.from(Instant.now())).update();
	}

	String storeHandle(ApiClient store) {
		return store.get("/api/admin/v1/stores?limit=200").json().get("items").valueStream()
			.filter(s -> s.get("handle").asString().startsWith("imp-")).reduce((a, b) -> b).orElseThrow().get("handle")
			.asString();
	}

	/** Three products that use every field: options, all variant fields, translations, attributes, links, an image. */
	void fill(ApiClient store, boolean everyField) {
		UUID tops = UUID.fromString(jdbc.sql("select id from catalog.category where handle = 'tops' order by created_at desc limit 1")
			.query(UUID.class).single().toString());
		Map<String, Object> shirt = new java.util.HashMap<>(Map.of("title", "Crème T-Shirt", "handle", "creme-t-shirt",
				"descriptionHtml", "<p>Soft \"organic\" cotton,\nmade to last.</p>", "vendor", "Northwind", "productType", "Shirts",
				"tags", List.of("summer", "cotton"), "status", "ACTIVE", "published", true, "seoTitle", "Crème T-Shirt",
				"seoDescription", "A soft shirt"));
		shirt.put("options", List.of(Map.of("name", "Size"), Map.of("name", "Color")));
		shirt.put("variants", List.of(
				map("sku", "RT-S-BLU", "barcode", "4006381333931", "price", eur("19.90"), "compareAtPrice", eur("24.90"),
						"cost", eur("7.10"), "options", List.of("S", "Blue"), "weightGrams", 180, "lengthMm", 300, "widthMm", 200,
						"heightMm", 20, "taxable", false, "inventoryPolicy", "CONTINUE"),
				Map.of("sku", "RT-M-RED", "price", eur("21.00"), "options", List.of("M", "Red"))));
		if (everyField) {
			shirt.put("variants", List.of(
					map("sku", "RT-S-BLU", "barcode", "4006381333931", "price", eur("19.90"), "compareAtPrice", eur("24.90"),
							"cost", eur("7.10"), "options", List.of("S", "Blue"), "weightGrams", 180, "lengthMm", 300, "widthMm", 200,
							"heightMm", 20, "taxable", false, "inventoryPolicy", "PREORDER", "preorderLimit", 5),
					Map.of("sku", "RT-M-RED", "price", eur("21.00"), "options", List.of("M", "Red"))));
			shirt.put("tags", List.of("summer", "cotton, organic"));
			shirt.put("attributes", Map.of("material", "Cotton"));
			shirt.put("categoryIds", List.of(tops));
			shirt.put("translations", Map.of("de", Map.of("title", "Crème-T-Shirt", "descriptionHtml", "<p>Weich</p>")));
		}
		ApiClient.Response created = store.post("/api/admin/v1/products", shirt);
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		String shirtId = created.json().get("id").asString();
		ApiClient.Response image = store.postMultipart("/api/admin/v1/products/" + shirtId + "/media",
				new Multipart().file("file", "front.png", "image/png", TestImages.png(320, 240)).field("alt", "Front"));
		assertThat(image.status()).as(image.body()).isEqualTo(201);

		Map<String, Object> mug = new java.util.HashMap<>(Map.of("title", "Mug", "handle", "mug", "status", "ACTIVE",
				"published", true, "variants", List.of(Map.of("price", eur("9.00"), "weightGrams", 350))));
		if (everyField) {
			mug.put("related", List.of(Map.of("productId", shirtId, "kind", "CROSS_SELL")));
		}
		String mugId = store.post("/api/admin/v1/products", mug).json().get("id").asString();
		if (everyField) {
			assertThat(store.patch("/api/admin/v1/products/" + shirtId, Map.of("related",
					List.of(Map.of("productId", mugId, "kind", "UPSELL")))).status()).isEqualTo(200);
		}
		// text a spreadsheet would run as a formula, and text that already starts with an apostrophe before one
		store.post("/api/admin/v1/products", Map.of("title", "=1+1 Zebra Poster", "vendor", "'@home", "handle", "zebra-poster", "variants",
				List.of(Map.of("sku", "RT-POSTER", "price", eur("5.00")))));
	}

	static int records(String csv) {
		try {
			return org.apache.commons.csv.CSVParser.parse(csv, org.apache.commons.csv.CSVFormat.RFC4180).getRecords().size();
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	static void assertFormulasAreDefused(String exported, ApiClient importedInto) {
		assertThat(exported).contains(",'=1+1 Zebra Poster,").contains(",''@home,").doesNotContain(",=1+1");
		JsonNode poster = product(importedInto, "zebra-poster");
		assertThat(poster.get("title").asString()).isEqualTo("=1+1 Zebra Poster");
		assertThat(poster.get("vendor").asString()).isEqualTo("'@home");
	}

	String export(ApiClient store, String format) {
		ApiClient.Response response = store.get("/api/admin/v1/exports/products.csv?format=" + format);
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		assertThat(response.contentType()).startsWith("text/csv");
		assertThat(response.header("content-disposition")).contains("attachment").contains(format.toLowerCase());
		return response.body();
	}

	@Test
	void ourOwnFormatCarriesTheWholeCatalogToAnotherStoreAndBack() {
		ApiClient source = freshStore(owner);
		prepare(source);
		fill(source, true);
		String exported = export(source, "SHOPWRIGHT");
		assertThat(records(exported)).as("a header and one row per variant").isEqualTo(5);

		ApiClient target = freshStore(owner);
		prepare(target);
		JsonNode job = importAndWait(target, "catalog.csv", exported.getBytes(StandardCharsets.UTF_8), "SHOPWRIGHT");
		assertThat(job.get("status").asString()).isEqualTo("COMPLETED");
		assertThat(job.get("created").asInt()).isEqualTo(3);
		assertThat(job.get("failed").asInt()).as(target.get(job.get("errorsUrl").asString()).body()).isZero();
		assertThat(job.get("notes")).isEmpty();
		assertThat(export(target, "SHOPWRIGHT")).isEqualTo(exported);
		assertFormulasAreDefused(exported, target);

		JsonNode shirt = product(target, "creme-t-shirt");
		assertThat(shirt.get("translations").get("de").get("title").asString()).isEqualTo("Crème-T-Shirt");
		assertThat(shirt.get("related").get(0).get("productId").asString()).isEqualTo(product(target, "mug").get("id").asString());
		assertThat(shirt.get("variants").get(0).get("preorderLimit").asInt()).isEqualTo(5);
		assertThat(shirt.get("categoryIds")).hasSize(1);
		assertThat(media(target, shirt).get(0).get("sourceUrl").asString())
			.isEqualTo(media(source, product(source, "creme-t-shirt")).get(0).get("url").asString().replaceFirst("^",
					"http://localhost:" + port));

		JsonNode again = importAndWait(source, "catalog.csv", exported.getBytes(StandardCharsets.UTF_8), "SHOPWRIGHT");
		assertThat(again.get("created").asInt()).isZero();
		assertThat(again.get("updated").asInt()).isEqualTo(3);
		assertThat(export(source, "SHOPWRIGHT")).as("importing the export into its own store changes nothing")
			.isEqualTo(exported);
	}

	@Test
	void shopifysFormatCarriesWhatItCanToAnotherStore() {
		ApiClient source = freshStore(owner);
		prepare(source);
		fill(source, false);
		String exported = export(source, "SHOPIFY");
		assertThat(exported.lines().findFirst().orElseThrow()).startsWith("Handle,Title,Body (HTML),Vendor,Product Category");

		ApiClient target = freshStore(owner);
		JsonNode job = importAndWait(target, "products_export.csv", exported.getBytes(StandardCharsets.UTF_8), "SHOPIFY");
		assertThat(job.get("created").asInt()).isEqualTo(3);
		assertThat(job.get("failed").asInt()).as(target.get(job.get("errorsUrl").asString()).body()).isZero();
		assertThat(export(target, "SHOPIFY")).isEqualTo(exported);
		assertFormulasAreDefused(exported, target);

		JsonNode shirt = product(target, "creme-t-shirt");
		JsonNode original = product(source, "creme-t-shirt");
		for (String field : List.of("title", "descriptionHtml", "vendor", "productType", "tags", "status", "published",
				"seoTitle", "seoDescription", "options")) {
			assertThat(shirt.get(field)).as(field).isEqualTo(original.get(field));
		}
		for (int i = 0; i < 2; i++) {
			for (String field : List.of("sku", "barcode", "price", "compareAtPrice", "cost", "options", "weightGrams", "taxable",
					"inventoryPolicy")) {
				assertThat(shirt.get("variants").get(i).get(field)).as(field).isEqualTo(original.get("variants").get(i).get(field));
			}
		}
		assertThat(product(target, "mug").get("options")).isEmpty();
		assertThat(media(target, shirt).get(0).get("alt").asString()).isEqualTo("Front");

		JsonNode again = importAndWait(target, "products_export.csv", exported.getBytes(StandardCharsets.UTF_8), "SHOPIFY");
		assertThat(again.get("updated").asInt()).isEqualTo(3);
		assertThat(export(target, "SHOPIFY")).isEqualTo(exported);
	}
}
