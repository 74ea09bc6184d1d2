package dev.shopwright.pricing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.shopwright.testing.ApiClient;
import dev.shopwright.testing.ShopwrightTest;
import tools.jackson.databind.JsonNode;

/** Taxes, currencies and calculations through the Admin API, each test in a store of its own. */
@ShopwrightTest
class PricingApiTests {

	@LocalServerPort
	int port;

	ApiClient owner;

	String lastHandle;

	@BeforeEach
	void logIn() {
		owner = ApiClient.at(port).loggedIn(ShopwrightTest.OWNER_EMAIL, ShopwrightTest.OWNER_PASSWORD);
	}

	/** A new store and a client acting on it. */
	ApiClient store(String currency, List<String> currencies, boolean pricesIncludeTax, String country) {
		String handle = ApiClient.unique("p");
		lastHandle = handle;
		ApiClient.Response created = owner.post("/api/admin/v1/stores", Map.of("name", "Pricing " + handle, "handle", handle,
				"defaultCurrency", currency, "currencies", currencies, "pricesIncludeTax", pricesIncludeTax,
				"address", Map.of("country", country)));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return owner.store(handle);
	}

	static void taxClass(ApiClient api, String code) {
		ApiClient.Response response = api.post("/api/admin/v1/tax-classes", Map.of("code", code, "name", code));
		assertThat(response.status()).as(response.body()).isEqualTo(201);
	}

	static String zone(ApiClient api, Map<String, Object> zone) {
		ApiClient.Response response = api.post("/api/admin/v1/tax-zones", zone);
		assertThat(response.status()).as(response.body()).isEqualTo(201);
		return response.json().get("id").asString();
	}

	static Map<String, Object> rate(String taxClass, String name, String percent) {
		return Map.of("taxClass", taxClass, "name", name, "percent", percent);
	}

	static Map<String, Object> line(String sku, String price, String currency, int quantity) {
		return Map.of("reference", sku, "unitPrice", Map.of("amount", price, "currency", currency), "quantity", quantity);
	}

	static Map<String, Object> calculation(String currency, List<Map<String, Object>> lines, Map<String, Object> extra) {
		Map<String, Object> body = new HashMap<>(extra);
		body.put("currency", currency);
		body.put("lines", lines);
		return body;
	}

	static String amount(JsonNode node, String field) {
		return node.get(field).get("amount").asString();
	}

	ApiClient germanShop() {
		ApiClient shop = store("EUR", List.of("EUR", "USD", "CHF"), true, "DE");
		taxClass(shop, "standard");
		taxClass(shop, "reduced");
		zone(shop, Map.of("name", "Germany", "country", "DE", "rates",
				List.of(rate("standard", "VAT 19%", "19"), rate("reduced", "VAT 7%", "7"))));
		return shop;
	}

	@Test
	void grossPricesExtractVatPerLineByDefaultAndPerOrderWhenSet() {
		ApiClient shop = germanShop();
		var cart = calculation("EUR", List.of(line("a", "0.33", "EUR", 1), line("b", "0.33", "EUR", 1),
				line("c", "0.33", "EUR", 1)), Map.of("destination", Map.of("country", "DE")));

		JsonNode perLine = shop.post("/api/admin/v1/pricing/calculations", cart).json();
		assertThat(amount(perLine, "total")).isEqualTo("0.99");
		assertThat(amount(perLine, "taxTotal")).isEqualTo("0.15");
		assertThat(perLine.get("rounding").asString()).isEqualTo("PER_LINE");
		assertThat(perLine.get("taxZone").asString()).isEqualTo("Germany");
		assertThat(perLine.get("taxLines").get(0).get("name").asString()).isEqualTo("VAT 19%");

		assertThat(shop.put("/api/admin/v1/tax-settings", Map.of("rounding", "PER_ORDER")).status()).isEqualTo(200);
		JsonNode perOrder = shop.post("/api/admin/v1/pricing/calculations", cart).json();
		assertThat(amount(perOrder, "total")).isEqualTo("0.99");
		assertThat(amount(perOrder, "taxTotal")).isEqualTo("0.16");
	}

	@Test
	void aDiscountIsSpreadOverTheLinesAndTotalsAddUp() {
		ApiClient shop = germanShop();
		JsonNode result = shop.post("/api/admin/v1/pricing/calculations", calculation("EUR",
				List.of(line("shirt", "10.00", "EUR", 1), line("book", "10.00", "EUR", 1), line("mug", "10.00", "EUR", 1)),
				Map.of("discounts", List.of(Map.of("label", "Ten off", "amount", Map.of("amount", "10.00", "currency", "EUR"))),
						"shipping", Map.of("amount", "4.90", "currency", "EUR"), "shippingTaxClass", "standard"))).json();
		assertThat(result.get("lines").findValuesAsString("reference")).containsExactly("shirt", "book", "mug");
		assertThat(result.get("lines").findValues("discount").stream().map(d -> d.get("amount").asString()))
			.containsExactly("3.34", "3.33", "3.33");
		assertThat(amount(result, "total")).isEqualTo("24.90");
		assertThat(amount(result, "shippingTax")).isEqualTo("0.78");
		long lineCents = 0;
		for (JsonNode line : result.get("lines")) {
			lineCents += new java.math.BigDecimal(line.get("total").get("amount").asString()).movePointRight(2).longValueExact();
		}
		assertThat(lineCents + 490).isEqualTo(2490);
	}

	@Test
	void usSalesTaxIsAddedByTheMostSpecificZoneAndExemptBuyersPayNone() {
		ApiClient shop = store("USD", List.of("USD"), false, "US");
		taxClass(shop, "standard");
		zone(shop, Map.of("name", "NY State", "country", "US", "region", "NY", "rates",
				List.of(rate("standard", "State", "4"), rate("standard", "County", "4"))));
		zone(shop, Map.of("name", "NYC", "country", "US", "region", "NY", "postcodeFrom", "10001", "postcodeTo", "10299",
				"rates", List.of(rate("standard", "State", "4"), rate("standard", "City", "4.5"),
						rate("standard", "MCTD", "0.375"))));
		var lines = List.of(line("jacket", "100.00", "USD", 1));

		JsonNode nyc = shop.post("/api/admin/v1/pricing/calculations", calculation("USD", lines,
				Map.of("destination", Map.of("country", "US", "region", "NY", "postalCode", "10118")))).json();
		assertThat(nyc.get("taxZone").asString()).isEqualTo("NYC");
		assertThat(nyc.get("taxLines").findValuesAsString("name")).containsExactly("State", "City", "MCTD");
		assertThat(amount(nyc, "total")).isEqualTo("108.88");

		JsonNode albany = shop.post("/api/admin/v1/pricing/calculations", calculation("USD", lines,
				Map.of("destination", Map.of("country", "US", "region", "NY", "postalCode", "12207")))).json();
		assertThat(albany.get("taxZone").asString()).isEqualTo("NY State");
		assertThat(amount(albany, "total")).isEqualTo("108.00");

		JsonNode california = shop.post("/api/admin/v1/pricing/calculations", calculation("USD", lines,
				Map.of("destination", Map.of("country", "US", "region", "CA")))).json();
		assertThat(california.get("taxZone").isNull()).isTrue();
		assertThat(amount(california, "total")).isEqualTo("100.00");

		JsonNode exempt = shop.post("/api/admin/v1/pricing/calculations", calculation("USD", lines,
				Map.of("taxExempt", true, "destination", Map.of("country", "US", "region", "NY", "postalCode", "10118")))).json();
		assertThat(amount(exempt, "taxTotal")).isEqualTo("0.00");
		assertThat(amount(exempt, "total")).isEqualTo("100.00");
	}

	@Test
	void pricesInOtherCurrenciesComeFromThePriceListOrTheRateWithItsRounding() {
		ApiClient shop = germanShop();
		ApiClient.Response noRate = shop.post("/api/admin/v1/pricing/presentment-prices",
				Map.of("sku", "JACKET-M", "basePrice", Map.of("amount", "49.00", "currency", "EUR"), "currency", "USD"));
		assertThat(noRate.status()).isEqualTo(422);
		assertThat(noRate.json().get("code").asString()).isEqualTo("NO_EXCHANGE_RATE");

		shop.post("/api/admin/v1/exchange-rates", Map.of("currency", "USD", "rate", "1.05", "rounding", "NONE"));
		ApiClient.Response entered = shop.post("/api/admin/v1/exchange-rates",
				Map.of("currency", "USD", "rate", "1.08", "rounding", "UP_TO_99"));
		assertThat(entered.status()).as(entered.body()).isEqualTo(201);
		JsonNode converted = shop.post("/api/admin/v1/pricing/presentment-prices",
				Map.of("sku", "JACKET-M", "basePrice", Map.of("amount", "49.00", "currency", "EUR"), "currency", "USD")).json();
		assertThat(converted.get("source").asString()).isEqualTo("CONVERSION");
		assertThat(amount(converted, "price")).isEqualTo("52.99"); // 52.92 up to .99
		assertThat(converted.get("rate").get("rate").asString()).isEqualTo("1.08");

		String list = shop.post("/api/admin/v1/price-lists", Map.of("name", "US prices", "currency", "USD")).json()
			.get("id").asString();
		assertThat(shop.put("/api/admin/v1/price-lists/" + list + "/prices/JACKET-M",
				Map.of("price", Map.of("amount", "49.00", "currency", "USD"))).status()).isEqualTo(200);
		JsonNode listed = shop.post("/api/admin/v1/pricing/presentment-prices",
				Map.of("sku", "JACKET-M", "basePrice", Map.of("amount", "49.00", "currency", "EUR"), "currency", "USD")).json();
		assertThat(listed.get("source").asString()).isEqualTo("PRICE_LIST");
		assertThat(amount(listed, "price")).isEqualTo("49.00");
		assertThat(shop.get("/api/admin/v1/price-lists/" + list + "/prices").json().get("items").findValuesAsString("sku"))
			.containsExactly("JACKET-M");

		JsonNode history = shop.get("/api/admin/v1/exchange-rates?currency=USD&limit=1").json();
		assertThat(history.get("items").get(0).get("rate").asString()).isEqualTo("1.08");
		assertThat(history.get("nextCursor").isNull()).isFalse();
		JsonNode older = shop.get("/api/admin/v1/exchange-rates?currency=USD&limit=1&cursor=" + history.get("nextCursor")
			.asString()).json();
		assertThat(older.get("items").get(0).get("rate").asString()).isEqualTo("1.05");

		JsonNode currencies = shop.get("/api/admin/v1/currencies").json().get("items");
		assertThat(currencies).extracting(c -> c.get("currency").asString()).containsExactly("EUR", "USD", "CHF");
		assertThat(currencies.get(1).get("currentRate").get("rounding").asString()).isEqualTo("UP_TO_99");

		JsonNode inUsd = shop.post("/api/admin/v1/pricing/calculations", calculation("USD",
				List.of(line("JACKET-M", "108.00", "USD", 1)), Map.of())).json();
		assertThat(inUsd.get("storeCurrency").get("currency").asString()).isEqualTo("EUR");
		assertThat(inUsd.get("storeCurrency").get("exchangeRate").asString()).isEqualTo("1.08");
		assertThat(amount(inUsd.get("storeCurrency"), "total")).isEqualTo("100.00");
	}

	@Test
	void badInputIsAProblemWithAStableCodeAndChangesNothing() {
		ApiClient shop = germanShop();
		ApiClient.Response negative = shop.post("/api/admin/v1/tax-zones", Map.of("name", "France", "country", "FR",
				"rates", List.of(rate("standard", "VAT", "-20"), rate("nope", "Other", "5"))));
		assertThat(negative.status()).isEqualTo(422);
		assertThat(negative.contentType()).startsWith("application/problem+json");
		assertThat(negative.json().get("code").asString()).isEqualTo("INVALID_TAX_ZONE");
		assertThat(negative.json().get("errors").findValuesAsString("field")).contains("rates[0].percent", "rates[1].taxClass");
		assertThat(shop.get("/api/admin/v1/tax-zones").json().get("items")).extracting(z -> z.get("name").asString())
			.containsExactly("Germany");

		assertThat(shop.post("/api/admin/v1/exchange-rates", Map.of("currency", "USD", "rate", "-1", "rounding", "NONE"))
			.json().get("code").asString()).isEqualTo("INVALID_EXCHANGE_RATE");
		assertThat(shop.post("/api/admin/v1/exchange-rates", Map.of("currency", "XYZ", "rate", "1", "rounding", "NONE"))
			.json().get("code").asString()).isEqualTo("UNKNOWN_CURRENCY");
		assertThat(shop.post("/api/admin/v1/exchange-rates", Map.of("currency", "JPY", "rate", "160", "rounding", "NONE"))
			.json().get("code").asString()).isEqualTo("CURRENCY_NOT_ENABLED");
		assertThat(shop.post("/api/admin/v1/pricing/calculations", calculation("JPY",
				List.of(line("a", "100", "JPY", 1)), Map.of())).json().get("code").asString()).isEqualTo("CURRENCY_NOT_ENABLED");
		assertThat(shop.post("/api/admin/v1/pricing/calculations", calculation("EUR",
				List.of(line("a", "1.00", "USD", 1)), Map.of())).json().get("code").asString()).isEqualTo("CURRENCY_MISMATCH");
		ApiClient.Response unknownMoney = shop.post("/api/admin/v1/pricing/calculations", calculation("EUR",
				List.of(line("a", "1.00", "XYZ", 1)), Map.of()));
		assertThat(unknownMoney.status()).isEqualTo(400);
		ApiClient.Response noLines = shop.post("/api/admin/v1/pricing/calculations", calculation("EUR", List.of(), Map.of()));
		assertThat(noLines.status()).isEqualTo(400);
		assertThat(noLines.json().get("errors").findValuesAsString("field")).contains("lines");
		assertThat(shop.post("/api/admin/v1/pricing/calculations", calculation("EUR",
				List.of(Map.of("reference", "a", "unitPrice", Map.of("amount", "1.00", "currency", "EUR"), "quantity", 1,
						"taxClass", "luxury")), Map.of())).json().get("code").asString()).isEqualTo("UNKNOWN_TAX_CLASS");

		assertThat(shop.post("/api/admin/v1/tax-classes", Map.of("code", "standard", "name", "Again")).json().get("code")
			.asString()).isEqualTo("TAX_CLASS_CODE_TAKEN");
		String standard = shop.get("/api/admin/v1/tax-classes").json().get("items").get(0).get("id").asString();
		ApiClient.Response inUse = shop.delete("/api/admin/v1/tax-classes/" + standard);
		assertThat(inUse.status()).isEqualTo(409);
		assertThat(inUse.json().get("code").asString()).isEqualTo("TAX_CLASS_IN_USE");
	}

	@Test
	void staffOfOneStoreCannotReadOrChangeAnotherStoresTaxes() {
		ApiClient storeB = germanShop();
		String zoneOfB = storeB.get("/api/admin/v1/tax-zones").json().get("items").get(0).get("id").asString();
		String handleA = ApiClient.unique("a");
		owner.post("/api/admin/v1/stores", Map.of("name", "Store A", "handle", handleA, "defaultCurrency", "EUR"));
		String email = ApiClient.unique("admin-a") + "@test.local";
		owner.store(handleA).post("/api/admin/v1/staff",
				Map.of("email", email, "name", "Admin A", "password", "admin-of-a-password", "role", "ADMIN"));
		ApiClient adminOfA = ApiClient.at(port).loggedIn(email, "admin-of-a-password").store(handleA);

		assertThat(adminOfA.get("/api/admin/v1/tax-zones").json().get("items").size()).isZero();
		assertThat(adminOfA.get("/api/admin/v1/tax-zones/" + zoneOfB).status()).isEqualTo(404);
		assertThat(adminOfA.delete("/api/admin/v1/tax-zones/" + zoneOfB).status()).isEqualTo(404);
		assertThat(adminOfA.put("/api/admin/v1/tax-zones/" + zoneOfB, Map.of("name", "Hijacked", "country", "DE")).status())
			.isEqualTo(404);
		assertThat(storeB.get("/api/admin/v1/tax-zones/" + zoneOfB).json().get("name").asString()).isEqualTo("Germany");
	}

	@Test
	void aReadOnlyRoleMayPreviewButNotChangeSettings() {
		ApiClient shop = germanShop();
		String email = ApiClient.unique("analyst") + "@test.local";
		String handle = lastHandle;
		shop.post("/api/admin/v1/staff", Map.of("email", email, "name", "Analyst", "password", "analyst-password-1",
				"role", "ANALYST"));
		ApiClient analyst = ApiClient.at(port).loggedIn(email, "analyst-password-1").store(handle);
		assertThat(analyst.get("/api/admin/v1/tax-zones").status()).isEqualTo(200);
		assertThat(analyst.post("/api/admin/v1/tax-classes", Map.of("code", "luxury", "name", "Luxury")).status())
			.isEqualTo(403);
	}
}
