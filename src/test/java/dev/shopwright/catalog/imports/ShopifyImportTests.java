package dev.shopwright.catalog.imports;

import static dev.shopwright.catalog.imports.ImportTestSupport.fixture;
import static dev.shopwright.catalog.imports.ImportTestSupport.freshStore;
import static dev.shopwright.catalog.imports.ImportTestSupport.importAndWait;
import static dev.shopwright.catalog.imports.ImportTestSupport.media;
import static dev.shopwright.catalog.imports.ImportTestSupport.product;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.shopwright.testing.ApiClient;
import dev.shopwright.testing.ShopwrightTest;
import tools.jackson.databind.JsonNode;

@ShopwrightTest
class ShopifyImportTests {

	@LocalServerPort
	int port;

	ApiClient owner;

	@BeforeEach
	void logIn() {
		owner = ApiClient.at(port).loggedIn(ShopwrightTest.OWNER_EMAIL, ShopwrightTest.OWNER_PASSWORD);
	}

	@Test
	void productsWithVariantsImagesQuotedNewlinesAndWeightUnitsAreImported() {
		ApiClient store = freshStore(owner);
		JsonNode job = importAndWait(store, "products_export.csv", fixture("shopify-products.csv"), "SHOPIFY");
		assertThat(job.get("status").asString()).as(job.toString()).isEqualTo("COMPLETED");
		assertThat(job.get("totalRows").asInt()).isEqualTo(7);
		assertThat(job.get("rowsDone").asInt()).isEqualTo(7);
		assertThat(job.get("created").asInt()).isEqualTo(3);
		assertThat(job.get("updated").asInt()).isZero();
		assertThat(job.get("failed").asInt()).as(store.get(job.get("errorsUrl").asString()).body()).isZero();

		JsonNode tee = product(store, "classic-tee");
		assertThat(tee.get("title").asString()).isEqualTo("Classic Tee");
		assertThat(tee.get("descriptionHtml").asString()).contains("<b>organic</b>").contains("\n<ul>")
			.contains("<li>Machine washable</li>");
		assertThat(tee.get("vendor").asString()).isEqualTo("Northwind");
		assertThat(tee.get("productType").asString()).isEqualTo("Shirts");
		assertThat(tee.get("tags").toString()).isEqualTo("[\"cotton\",\"summer\",\"basics\"]");
		assertThat(tee.get("status").asString()).isEqualTo("ACTIVE");
		assertThat(tee.get("published").asBoolean()).isTrue();
		assertThat(tee.get("seoTitle").asString()).isEqualTo("Classic Tee | Northwind");
		assertThat(tee.get("options").toString())
			.isEqualTo("[{\"name\":\"Size\",\"values\":[\"S\",\"M\",\"L\"]},{\"name\":\"Color\",\"values\":[\"Blue\",\"Red\"]}]");
		JsonNode variants = tee.get("variants");
		assertThat(variants).hasSize(3);
		assertThat(variants.findValuesAsString("sku")).containsExactly("CT-S-BLU", "CT-M-BLU", "CT-L-RED");
		JsonNode small = variants.get(0);
		assertThat(small.get("price").get("amount").asString()).isEqualTo("19.90");
		assertThat(small.get("price").get("currency").asString()).isEqualTo("EUR");
		assertThat(small.get("compareAtPrice").get("amount").asString()).isEqualTo("24.90");
		assertThat(small.get("cost").get("amount").asString()).isEqualTo("7.50");
		assertThat(small.get("barcode").asString()).isEqualTo("4006381333931");
		assertThat(small.get("weightGrams").asInt()).as("Variant Grams is grams whatever the display unit").isEqualTo(200);
		assertThat(variants.get(2).get("taxable").asBoolean()).isFalse();
		assertThat(variants.get(2).get("inventoryPolicy").asString()).isEqualTo("CONTINUE");
		assertThat(variants.get(2).get("options").toString()).isEqualTo("[\"L\",\"Red\"]");

		JsonNode images = media(store, tee);
		assertThat(images.findValuesAsString("alt")).containsExactly("Classic Tee, front", "Classic Tee, back",
				"Stitching, close up");
		assertThat(images.findValuesAsString("sourceUrl")).allMatch(url -> url.startsWith("https://cdn.shopify-fixture.invalid/"));
		assertThat(images.findValuesAsString("status")).allMatch(s -> s.equals("PENDING") || s.equals("FAILED"));

		JsonNode mug = product(store, "travel-mug");
		assertThat(mug.get("options")).isEmpty();
		assertThat(mug.get("variants").get(0).get("options")).isEmpty();
		assertThat(mug.get("variants").get(0).get("weightGrams").asInt()).as("1.5 kg").isEqualTo(1500);
		assertThat(mug.get("status").asString()).isEqualTo("DRAFT");
		assertThat(mug.get("published").asBoolean()).isFalse();
		assertThat(mug.get("descriptionHtml").asString()).as("hostile HTML is sanitised").contains("<b>hot</b>")
			.doesNotContain("script").doesNotContain("onclick").doesNotContain("onerror");

		JsonNode boot = product(store, "hiking-boot");
		assertThat(boot.get("descriptionHtml").asString()).contains("all-terrain").contains("\n");
		assertThat(boot.get("variants").findValues("weightGrams").stream().map(JsonNode::asInt)).as("2 lb, 35.27 oz")
			.containsExactly(907, 1000);
		assertThat(media(store, boot).findValuesAsString("alt")).as("ordered by Image Position").containsExactly("Front", "Side");

		List<String> notes = new ArrayList<>();
		job.get("notes").forEach(note -> notes.add(note.get("text").asString()));
		assertThat(notes).contains(
				"Variant Inventory Qty: 6 values not imported — stock belongs to inventory; quantities are not imported by this version",
				"Variant Inventory Tracker: 3 values not imported — stock tracking belongs to inventory; not imported by this version",
				"Gift Card: 2 values not imported — gift cards are issued by payments; the rows were imported as ordinary products",
				"Product Category: 1 value not imported — Shopify's product taxonomy has no place in Shopwright; use Type or categories");
		assertThat(notes).noneMatch(note -> note.startsWith("Variant Price") || note.startsWith("Variant Weight Unit"));
	}

	@Test
	void importingTheSameFileAgainUpdatesWithoutDuplicates() {
		ApiClient store = freshStore(owner);
		importAndWait(store, "products.csv", fixture("shopify-products.csv"), "SHOPIFY");
		JsonNode before = product(store, "classic-tee");
		store.patch("/api/admin/v1/products/" + before.get("id").asString(), Map.of("title", "Renamed meanwhile"));

		JsonNode again = importAndWait(store, "products.csv", fixture("shopify-products.csv"), "SHOPIFY");
		assertThat(again.get("created").asInt()).isZero();
		assertThat(again.get("updated").asInt()).isEqualTo(3);
		assertThat(again.get("failed").asInt()).isZero();
		assertThat(store.get("/api/admin/v1/products?limit=250").json().get("items")).hasSize(3);
		JsonNode after = product(store, "classic-tee");
		assertThat(after.get("id").asString()).isEqualTo(before.get("id").asString());
		assertThat(after.get("title").asString()).isEqualTo("Classic Tee");
		assertThat(after.get("variants").findValuesAsString("id")).as("variants keep their ids")
			.isEqualTo(before.get("variants").findValuesAsString("id"));
		assertThat(media(store, after)).as("images are matched by URL, not added again").hasSize(3);
		JsonNode mug = product(store, "travel-mug");
		assertThat(mug.get("variants")).hasSize(1);
	}

	@Test
	void badRowsAreReportedByLineAndColumnWhileGoodProductsAreImported() {
		ApiClient store = freshStore(owner);
		JsonNode job = importAndWait(store, "bad.csv", fixture("shopify-bad-rows.csv"), "SHOPIFY");
		assertThat(job.get("status").asString()).isEqualTo("COMPLETED");
		assertThat(job.get("created").asInt()).isEqualTo(2);
		assertThat(job.get("failed").asInt()).isEqualTo(5);
		assertThat(job.get("rowsDone").asInt()).isEqualTo(9);
		product(store, "good-one");
		product(store, "good-two");
		assertThat(store.get("/api/admin/v1/products?limit=250").json().get("items")).hasSize(2);

		ApiClient.Response report = store.get(job.get("errorsUrl").asString());
		assertThat(report.status()).isEqualTo(200);
		assertThat(report.contentType()).startsWith("text/csv");
		List<String> lines = report.body().lines().toList();
		assertThat(lines.getFirst()).isEqualTo("line,column,product,message");
		assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("3,Variant Price,bad-price,").contains("'12,50' is not a number"));
		assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("4,Variant Barcode,bad-barcode,").contains("not a valid GTIN"));
		assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("5,Title,no-title,").contains("required"));
		assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("6,Variant SKU,dup-sku,").contains("'G-1'").contains("line 2"));
		assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("8,Option1 Value,option-missing,").contains("'Size'"));
		assertThat(job.get("errors").asInt()).isEqualTo(lines.size() - 1);
		String jobPath = "/api/admin/v1/imports/" + job.get("id").asString();
		assertThat(owner.store("outlet").get(jobPath).status()).as("another store's job").isEqualTo(404);
		assertThat(owner.store("outlet").get(jobPath + "/errors.csv").status()).isEqualTo(404);
		assertThat(job.get("notes").findValuesAsString("text")).containsExactly(
				"Variant Inventory Qty: 2 values not imported — stock belongs to inventory; quantities are not imported by this version",
				"Title: values on later rows of a product not imported (the product's first row counts) (1 row)");
		assertThat(product(store, "good-two").get("title").asString()).isEqualTo("Good Two");
		assertThat(product(store, "good-two").get("variants")).hasSize(2);
	}

	@Test
	void aTenMegabyteDescriptionIsRefusedForItsProductOnly() {
		ApiClient store = freshStore(owner);
		String huge = "<p>" + "x".repeat(10 * 1024 * 1024) + "</p>";
		String csv = "Handle,Title,Body (HTML),Variant Price\nhuge,Huge,\"" + huge + "\",1.00\nsmall,Small,<p>ok</p>,2.00\n";
		JsonNode job = importAndWait(store, "huge.csv", csv.getBytes(StandardCharsets.UTF_8), "SHOPIFY");
		assertThat(job.get("created").asInt()).isEqualTo(1);
		assertThat(job.get("failed").asInt()).isEqualTo(1);
		assertThat(store.get(job.get("errorsUrl").asString()).body())
			.contains("2,Body (HTML),huge,\"is 10,485,767 characters long; at most 524,288 (512 KB) are accepted\"");
	}

	@Test
	void filesThatCannotBeImportedAreRefusedBeforeAJobStarts() {
		ApiClient store = freshStore(owner);
		ApiClient.Response noHandle = ImportTestSupport.upload(store, "x.csv",
				"Title,Variant Price\nShirt,10.00\n".getBytes(StandardCharsets.UTF_8), "SHOPIFY");
		assertThat(noHandle.status()).isEqualTo(422);
		assertThat(noHandle.contentType()).startsWith("application/problem+json");
		assertThat(noHandle.json().get("code").asString()).isEqualTo("IMPORT_HEADER_INVALID");
		assertThat(noHandle.json().get("detail").asString()).contains("'Handle'");

		byte[] latin1 = "Handle,Title,Variant Price\ncreme,Crème brûlée,5.00\n".getBytes(StandardCharsets.ISO_8859_1);
		ApiClient.Response notUtf8 = ImportTestSupport.upload(store, "latin1.csv", latin1, "SHOPIFY");
		assertThat(notUtf8.status()).isEqualTo(422);
		assertThat(notUtf8.json().get("code").asString()).isEqualTo("IMPORT_NOT_UTF8");
		assertThat(notUtf8.json().get("detail").asString()).contains("line 2").contains("CSV UTF-8");

		ApiClient.Response semicolons = ImportTestSupport.upload(store, "excel.csv",
				"Handle;Title;Variant Price\na;A;1.00\n".getBytes(StandardCharsets.UTF_8), "SHOPIFY");
		assertThat(semicolons.json().get("detail").asString()).contains("';'");

		ApiClient.Response empty = ImportTestSupport.upload(store, "empty.csv",
				"Handle,Title\n".getBytes(StandardCharsets.UTF_8), "SHOPIFY");
		assertThat(empty.json().get("code").asString()).isEqualTo("IMPORT_FILE_EMPTY");

		ApiClient.Response unbalanced = ImportTestSupport.upload(store, "broken.csv",
				"Handle,Title\na,\"never closed\n".getBytes(StandardCharsets.UTF_8), "SHOPIFY");
		assertThat(unbalanced.status()).isEqualTo(422);
		assertThat(unbalanced.json().get("code").asString()).isEqualTo("IMPORT_NOT_CSV");

		ApiClient.Response badFormat = ImportTestSupport.upload(store, "x.csv", "Handle,Title\na,A\n".getBytes(), "MAGENTO");
		assertThat(badFormat.status()).isEqualTo(400);
		assertThat(store.get("/api/admin/v1/imports").json().get("items")).as("no job was started").isEmpty();
	}

	@Test
	void anUploadRetriedWithTheSameIdempotencyKeyStartsOneJob() {
		ApiClient store = freshStore(owner).with("Idempotency-Key", java.util.UUID.randomUUID().toString());
		byte[] file = "Handle,Title,Variant Price\nonce,Once,1.00\n".getBytes(StandardCharsets.UTF_8);
		ApiClient.Response first = ImportTestSupport.upload(store, "once.csv", file, "SHOPIFY");
		assertThat(first.status()).as(first.body()).isEqualTo(202);
		ApiClient.Response retried = ImportTestSupport.upload(store, "once.csv", file, "SHOPIFY");
		assertThat(retried.status()).as(retried.body()).isEqualTo(202);
		assertThat(retried.json().get("id").asString()).isEqualTo(first.json().get("id").asString());
		assertThat(store.get("/api/admin/v1/imports").json().get("items")).hasSize(1);
	}

	@Test
	void aFileOverOneHundredMegabytesIsRefusedWithAProblem() {
		byte[] huge = new byte[101 * 1024 * 1024];
		java.util.Arrays.fill(huge, (byte) 'a');
		ApiClient.Response refused = ImportTestSupport.upload(owner, "huge.csv", huge, "SHOPIFY");
		assertThat(refused.status()).isEqualTo(413);
		assertThat(refused.contentType()).startsWith("application/problem+json");
		assertThat(refused.json().get("code").asString()).isEqualTo("PAYLOAD_TOO_LARGE");
		assertThat(refused.json().get("detail").asString()).contains("at most 100 MB");
	}
}
