package dev.shopwright.catalog;

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
class ProductsApiTests {

	@LocalServerPort
	int port;

	ApiClient owner;

	@BeforeEach
	void logIn() {
		owner = ApiClient.at(port).loggedIn(ShopwrightTest.OWNER_EMAIL, ShopwrightTest.OWNER_PASSWORD);
	}

	static Map<String, Object> eur(String amount) {
		return Map.of("amount", amount, "currency", "EUR");
	}

	Map<String, Object> tshirt(String prefix) {
		return Map.of("title", "Crème T-Shirt " + prefix, "status", "ACTIVE", "published", true, "vendor", "Northwind",
				"tags", List.of("summer", "cotton"),
				"options", List.of(Map.of("name", "Size"), Map.of("name", "Color")),
				"variants", List.of(
						Map.of("sku", prefix + "-S-BLU", "price", eur("19.90"), "options", List.of("S", "Blue"), "barcode", "4006381333931"),
						Map.of("sku", prefix + "-M-BLU", "price", eur("19.90"), "options", List.of("M", "Blue")),
						Map.of("sku", prefix + "-M-RED", "price", eur("21.00"), "compareAtPrice", eur("25.00"), "options",
								List.of("M", "Red"))));
	}

	@Test
	void aProductWithItsVariantsIsCreatedInOneCallAndFoundBySku() {
		String prefix = ApiClient.unique("TS");
		ApiClient.Response created = owner.post("/api/admin/v1/products", tshirt(prefix));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		JsonNode product = created.json();
		assertThat(product.get("handle").asString()).startsWith("creme-t-shirt-");
		assertThat(product.get("variants")).hasSize(3);
		assertThat(product.get("variants").get(0).get("id").isString()).isTrue();
		assertThat(product.get("variants").get(0).get("price").get("amount").asString()).isEqualTo("19.90");
		assertThat(product.get("options").get(0).get("values").toString()).isEqualTo("[\"S\",\"M\"]");
		assertThat(product.get("options").get(1).get("values").toString()).isEqualTo("[\"Blue\",\"Red\"]");

		JsonNode found = owner.get("/api/admin/v1/variants?sku=" + prefix + "-M-RED").json();
		assertThat(found.get("productId").asString()).isEqualTo(product.get("id").asString());
		assertThat(found.get("variant").get("compareAtPrice").get("amount").asString()).isEqualTo("25.00");
	}

	@Test
	void hostileHtmlIsSanitisedOnSave() {
		Map<String, Object> draft = new java.util.HashMap<>(tshirt(ApiClient.unique("X")));
		draft.put("descriptionHtml", "<p onclick=\"steal()\">Soft <b>cotton</b></p><script>alert(1)</script><img src=x onerror=alert(2)>");
		String html = owner.post("/api/admin/v1/products", draft).json().get("descriptionHtml").asString();
		assertThat(html).contains("<b>cotton</b>").doesNotContain("script").doesNotContain("onclick").doesNotContain("onerror");
	}

	@Test
	void badVariantsAreRefusedFieldByFieldAndNothingIsWritten() {
		String prefix = ApiClient.unique("BAD");
		Map<String, Object> draft = Map.of("title", "Broken " + prefix, "options", List.of(Map.of("name", "Size")),
				"variants", List.of(
						Map.of("sku", prefix, "price", eur("10.00"), "options", List.of("S"), "barcode", "4006381333932"),
						Map.of("sku", prefix, "price", Map.of("amount", "10.00", "currency", "USD"), "options", List.of("S")),
						Map.of("sku", prefix + "-2", "price", eur("10.00"), "options", List.of("M", "extra"))));
		ApiClient.Response response = owner.post("/api/admin/v1/products", draft);
		assertThat(response.status()).isEqualTo(422);
		assertThat(response.json().get("errors").findValuesAsString("field")).contains("variants[0].barcode",
				"variants[1].sku", "variants[1].price", "variants[2].options");
		assertThat(owner.get("/api/admin/v1/products?q=" + prefix).json().get("items")).isEmpty();
	}

	@Test
	void aSkuBelongsToOneProductOnly() {
		String prefix = ApiClient.unique("DUP");
		owner.post("/api/admin/v1/products", tshirt(prefix));
		ApiClient.Response second = owner.post("/api/admin/v1/products", tshirt(prefix));
		assertThat(second.status()).isEqualTo(422);
		assertThat(second.body()).contains(prefix + "-S-BLU");
	}

	@Test
	void updatingVariantsKeepsTheIdsOfThoseThatStay() {
		String prefix = ApiClient.unique("UPD");
		JsonNode product = owner.post("/api/admin/v1/products", tshirt(prefix)).json();
		String id = product.get("id").asString();
		String keptId = product.get("variants").get(0).get("id").asString();
		ApiClient.Response updated = owner.patch("/api/admin/v1/products/" + id, Map.of("variants", List.of(
				Map.of("sku", prefix + "-S-BLU", "price", eur("17.50"), "options", List.of("S", "Blue")),
				Map.of("sku", prefix + "-L-BLU", "price", eur("19.90"), "options", List.of("L", "Blue")))));
		assertThat(updated.status()).as(updated.body()).isEqualTo(200);
		JsonNode variants = updated.json().get("variants");
		assertThat(variants).hasSize(2);
		assertThat(variants.get(0).get("id").asString()).isEqualTo(keptId);
		assertThat(variants.get(0).get("price").get("amount").asString()).isEqualTo("17.50");
		assertThat(owner.get("/api/admin/v1/variants?sku=" + prefix + "-M-RED").status()).isEqualTo(404);
	}

	@Test
	void savingAProductUnchangedWritesNothing() {
		JsonNode product = owner.post("/api/admin/v1/products", tshirt(ApiClient.unique("SAME"))).json();
		String id = product.get("id").asString();
		JsonNode same = owner.patch("/api/admin/v1/products/" + id, Map.of("title", product.get("title").asString(),
				"tags", List.of("summer", "cotton"))).json();
		assertThat(same.get("version").asInt()).isEqualTo(product.get("version").asInt());
		assertThat(same.get("updatedAt").asString()).isEqualTo(product.get("updatedAt").asString());
		JsonNode changed = owner.patch("/api/admin/v1/products/" + id, Map.of("tags", List.of("summer"))).json();
		assertThat(changed.get("version").asInt()).isEqualTo(product.get("version").asInt() + 1);
	}

	@Test
	void bulkActionsPublishTagAndReprice() {
		String a = owner.post("/api/admin/v1/products", tshirt(ApiClient.unique("B1"))).json().get("id").asString();
		String b = owner.post("/api/admin/v1/products", tshirt(ApiClient.unique("B2"))).json().get("id").asString();
		assertThat(owner.post("/api/admin/v1/products/bulk", Map.of("productIds", List.of(a, b), "action", "ADD_TAGS",
				"tags", List.of("sale"))).json().get("changed").asInt()).isEqualTo(2);
		owner.post("/api/admin/v1/products/bulk", Map.of("productIds", List.of(a), "action", "ADJUST_PRICE_PERCENT",
				"amount", "-10"));
		JsonNode repriced = owner.get("/api/admin/v1/products/" + a).json();
		assertThat(repriced.get("tags").toString()).contains("sale");
		assertThat(repriced.get("variants").get(0).get("price").get("amount").asString()).isEqualTo("17.91");
		ApiClient.Response negative = owner.post("/api/admin/v1/products/bulk", Map.of("productIds", List.of(a, b),
				"action", "ADJUST_PRICE_AMOUNT", "amount", "-100"));
		assertThat(negative.status()).isEqualTo(422);
		assertThat(owner.get("/api/admin/v1/products/" + b).json().get("variants").get(0).get("price").get("amount")
			.asString()).as("all or nothing").isEqualTo("19.90");
	}

	@Test
	void typedAttributesAreChecked() {
		String code = "capacity_" + ApiClient.unique("l").replace("-", "");
		assertThat(owner.post("/api/admin/v1/attributes", Map.of("code", code, "name", "Capacity", "type", "NUMBER"))
			.status()).isEqualTo(201);
		Map<String, Object> draft = new java.util.HashMap<>(tshirt(ApiClient.unique("ATT")));
		draft.put("attributes", Map.of(code, "lots"));
		ApiClient.Response bad = owner.post("/api/admin/v1/products", draft);
		assertThat(bad.status()).isEqualTo(422);
		assertThat(bad.json().get("errors").get(0).get("detail").asString()).isEqualTo("must be a number");
		draft.put("attributes", Map.of(code, "1.5"));
		JsonNode product = owner.post("/api/admin/v1/products", draft).json();
		assertThat(product.get("attributes").get(code).asString()).isEqualTo("1.5");

		String attributeId = owner.get("/api/admin/v1/attributes").json().get("items").valueStream()
			.filter(a -> a.get("code").asString().equals(code)).findFirst().orElseThrow().get("id").asString();
		ApiClient.Response renamed = owner.patch("/api/admin/v1/attributes/" + attributeId, Map.of("name", "Volume", "facet", false));
		assertThat(renamed.status()).as(renamed.body()).isEqualTo(200);
		assertThat(renamed.json().get("name").asString()).isEqualTo("Volume");
		assertThat(renamed.json().get("type").asString()).isEqualTo("NUMBER");
		assertThat(renamed.json().get("facet").asBoolean()).isFalse();
		assertThat(owner.patch("/api/admin/v1/attributes/" + attributeId, Map.of("choices", List.of("a"))).status())
			.as("a number attribute has no choices").isEqualTo(422);
		assertThat(owner.delete("/api/admin/v1/attributes/" + attributeId).status()).isEqualTo(204);
		assertThat(owner.get("/api/admin/v1/products/" + product.get("id").asString()).json().get("attributes").has(code))
			.isFalse();
	}

	@Test
	void aChoiceThatProductsStillUseCannotBeRemoved() {
		String code = "fit_" + ApiClient.unique("f").replace("-", "");
		String attributeId = owner.post("/api/admin/v1/attributes", Map.of("code", code, "name", "Fit", "type", "CHOICE",
				"choices", List.of("slim", "regular"))).json().get("id").asString();
		Map<String, Object> draft = new java.util.HashMap<>(tshirt(ApiClient.unique("FIT")));
		draft.put("attributes", Map.of(code, "slim"));
		assertThat(owner.post("/api/admin/v1/products", draft).status()).isEqualTo(201);

		ApiClient.Response refused = owner.patch("/api/admin/v1/attributes/" + attributeId, Map.of("choices", List.of("regular")));
		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.json().get("type").asString()).endsWith("/attribute-choice-in-use");
		assertThat(refused.json().get("errors").get(0).get("detail").asString()).contains("slim");
		ApiClient.Response widened = owner.patch("/api/admin/v1/attributes/" + attributeId,
				Map.of("choices", List.of("slim", "regular", "relaxed")));
		assertThat(widened.json().get("choices").toString()).isEqualTo("[\"slim\",\"regular\",\"relaxed\"]");
	}

	@Test
	void shoppersSeeOnlyPublishedActiveProductsInTheirLanguage() {
		Map<String, Object> draft = new java.util.HashMap<>(tshirt(ApiClient.unique("L10N")));
		draft.put("translations", Map.of("de", Map.of("title", "Crème-T-Shirt")));
		JsonNode product = owner.post("/api/admin/v1/products", draft).json();
		String handle = product.get("handle").asString();
		ApiClient shopper = ApiClient.at(port);
		JsonNode english = shopper.get("/api/store/v1/products/" + handle).json();
		assertThat(english.get("title").asString()).startsWith("Crème T-Shirt");
		assertThat(english.get("priceFrom").get("amount").asString()).isEqualTo("19.90");
		assertThat(english.has("cost")).isFalse();
		assertThat(shopper.get("/api/store/v1/products/" + handle + "?locale=de").json().get("title").asString())
			.isEqualTo("Crème-T-Shirt");
		owner.patch("/api/admin/v1/products/" + product.get("id").asString(), Map.of("status", "DRAFT"));
		assertThat(shopper.get("/api/store/v1/products/" + handle).status()).isEqualTo(404);
	}

	@Test
	void theListFiltersAndPages() {
		String vendor = ApiClient.unique("Vendor");
		for (int i = 0; i < 3; i++) {
			Map<String, Object> draft = new java.util.HashMap<>(tshirt(ApiClient.unique("P" + i)));
			draft.put("vendor", vendor);
			owner.post("/api/admin/v1/products", draft);
		}
		JsonNode first = owner.get("/api/admin/v1/products?vendor=" + vendor + "&limit=2&sort=TITLE").json();
		assertThat(first.get("items")).hasSize(2);
		JsonNode second = owner.get("/api/admin/v1/products?vendor=" + vendor + "&limit=2&sort=TITLE&cursor="
				+ first.get("nextCursor").asString()).json();
		assertThat(second.get("items")).hasSize(1);
		assertThat(second.get("nextCursor").isNull()).isTrue();
	}
}
