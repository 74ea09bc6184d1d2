package dev.shopwright.checkout.shipping;

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

/** Shipping zones, methods and quotes through the Admin API, each test in a store of its own. */
@ShopwrightTest
class ShippingApiTests {

	@LocalServerPort
	int port;

	ApiClient owner;

	ApiClient shop;

	String handle;

	@BeforeEach
	void aBerlinStoreSellingInEuroAndDollars() {
		owner = ApiClient.at(port).loggedIn(ShopwrightTest.OWNER_EMAIL, ShopwrightTest.OWNER_PASSWORD);
		handle = ApiClient.unique("ship");
		ApiClient.Response created = owner.post("/api/admin/v1/stores", Map.of("name", "Shipping " + handle, "handle", handle,
				"defaultCurrency", "EUR", "currencies", List.of("EUR", "USD"), "timezone", "Europe/Berlin",
				"pricesIncludeTax", true));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		shop = owner.store(handle);
	}

	static Map<String, Object> eur(String amount) {
		return Map.of("amount", amount, "currency", "EUR");
	}

	String zone(String name, List<String> places) {
		ApiClient.Response response = shop.post("/api/admin/v1/shipping-zones", Map.of("name", name, "places", places));
		assertThat(response.status()).as(response.body()).isEqualTo(201);
		return response.json().get("id").asString();
	}

	ApiClient.Response method(String zone, Map<String, Object> method) {
		return shop.post("/api/admin/v1/shipping-zones/" + zone + "/methods", method);
	}

	static Map<String, Object> method(String name, String kind, int minDays, int maxDays, Map<String, Object> more) {
		Map<String, Object> body = new HashMap<>(more);
		body.putAll(Map.of("name", name, "kind", kind, "minDays", minDays, "maxDays", maxDays));
		return body;
	}

	static Map<String, Object> tier(String from, String to, String price) {
		Map<String, Object> tier = new HashMap<>(Map.of("from", from, "price", eur(price)));
		if (to != null) {
			tier.put("to", to);
		}
		return tier;
	}

	JsonNode quote(Map<String, Object> destination, long grams, Map<String, Object> subtotal, String currency) {
		ApiClient.Response response = shop.post("/api/admin/v1/shipping/quotes", Map.of("destination", destination,
				"weightGrams", grams, "subtotal", subtotal, "currency", currency, "orderedAt", "2026-11-27T10:00:00Z"));
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		return response.json().get("items");
	}

	void germanyWithEveryKindOfMethod() {
		String germany = zone("Germany", List.of("DE"));
		assertThat(method(germany, method("Paket", "WEIGHT_TIERS", 2, 4, Map.of("tiers",
				List.of(tier("0", "2000", "4.90"), tier("2000", "10000", "6.90"))))).status()).isEqualTo(201);
		assertThat(method(germany, method("Express", "FLAT", 1, 1, Map.of("price", eur("14.90")))).status()).isEqualTo(201);
		assertThat(method(germany, method("Saver", "FREE_OVER", 3, 5,
				Map.of("price", eur("5.90"), "freeOver", eur("50.00")))).status()).isEqualTo(201);
		assertThat(method(germany, method("Value", "PRICE_TIERS", 3, 5, Map.of("tiers",
				List.of(tier("0", "30", "3.90"), tier("30", null, "1.90"))))).status()).isEqualTo(201);
		assertThat(method(germany, method("Pickup", "PICKUP", 0, 0, Map.of())).status()).isEqualTo(201);
	}

	@Test
	void aQuoteOffersEachApplicableMethodWithItsPriceAndPromisedDates() {
		germanyWithEveryKindOfMethod();
		JsonNode light = quote(Map.of("country", "DE"), 1500, eur("40.00"), "EUR");
		assertThat(light).extracting(q -> q.get("name").asString() + " " + q.get("price").get("amount").asString())
			.containsExactly("Pickup 0.00", "Value 1.90", "Paket 4.90", "Saver 5.90", "Express 14.90");
		JsonNode paket = light.get(2);
		// ordered Friday 27 Nov 2026: 2–4 business days → Tue 1 Dec to Thu 3 Dec
		assertThat(paket.get("deliveryFrom").asString()).isEqualTo("2026-12-01");
		assertThat(paket.get("deliveryTo").asString()).isEqualTo("2026-12-03");
		assertThat(light.get(0).get("deliveryFrom").asString()).isEqualTo("2026-11-27");

		JsonNode heavyAndDear = quote(Map.of("country", "DE"), 12000, eur("60.00"), "EUR");
		assertThat(heavyAndDear).extracting(q -> q.get("name").asString() + " " + q.get("price").get("amount").asString())
			.as("no weight tier covers 12 kg; Saver is free over 50")
			.containsExactly("Pickup 0.00", "Saver 0.00", "Value 1.90", "Express 14.90");
		assertThat(quote(Map.of("country", "FR"), 100, eur("10.00"), "EUR")).isEmpty();
	}

	@Test
	void aRegionZoneWinsOverItsCountryAndQuotesConvertIntoTheCartCurrency() {
		String us = zone("US", List.of("US"));
		method(us, method("Ground", "FLAT", 3, 6, Map.of("price", eur("10.00"))));
		String hawaii = zone("Hawaii", List.of("US-HI"));
		method(hawaii, method("Island", "FLAT", 5, 10, Map.of("price", eur("25.00"))));
		shop.post("/api/admin/v1/exchange-rates", Map.of("currency", "USD", "rate", "1.0850", "rounding", "UP_TO_99"));

		JsonNode mainland = quote(Map.of("country", "US", "region", "CA"), 500, Map.of("amount", "20.00", "currency", "USD"),
				"USD");
		assertThat(mainland).extracting(q -> q.get("name").asString()).containsExactly("Ground");
		assertThat(mainland.get(0).get("price").get("amount").asString()).as("10 × 1.085, half-up, no price rounding")
			.isEqualTo("10.85");
		assertThat(mainland.get(0).get("price").get("currency").asString()).isEqualTo("USD");
		assertThat(quote(Map.of("country", "US", "region", "HI"), 500, Map.of("amount", "20.00", "currency", "USD"), "USD"))
			.extracting(q -> q.get("name").asString()).containsExactly("Island");
	}

	@Test
	void overlappingTiersBadDaysAndUnknownCurrenciesAreRefusedWithoutChangingAnything() {
		String germany = zone("Germany", List.of("DE"));
		ApiClient.Response overlap = method(germany, method("Paket", "WEIGHT_TIERS", 2, 4, Map.of("tiers",
				List.of(tier("0", "2000", "4.90"), tier("1500", "5000", "6.90")))));
		assertThat(overlap.status()).isEqualTo(422);
		assertThat(overlap.contentType()).startsWith("application/problem+json");
		assertThat(overlap.json().get("code").asString()).isEqualTo("OVERLAPPING_TIERS");
		ApiClient.Response openEnded = method(germany, method("Paket", "WEIGHT_TIERS", 2, 4, Map.of("tiers",
				List.of(tier("0", null, "4.90"), tier("2000", "5000", "6.90")))));
		assertThat(openEnded.json().get("code").asString()).isEqualTo("OVERLAPPING_TIERS");

		ApiClient.Response days = method(germany, method("Slow", "FLAT", 5, 2, Map.of("price", eur("1.00"))));
		assertThat(days.status()).isEqualTo(422);
		assertThat(days.json().get("errors").findValuesAsString("field")).contains("maxDays");
		ApiClient.Response negative = method(germany, method("Cheap", "FLAT", 1, 2, Map.of("price", eur("-1.00"))));
		assertThat(negative.json().get("code").asString()).isEqualTo("INVALID_SHIPPING_METHOD");
		ApiClient.Response dollars = method(germany, method("Dollars", "FLAT", 1, 2,
				Map.of("price", Map.of("amount", "1.00", "currency", "USD"))));
		assertThat(dollars.json().get("errors").findValuesAsString("detail")).anyMatch(d -> d.contains("store currency"));
		ApiClient.Response noTaxClass = method(germany, method("Taxed", "FLAT", 1, 2,
				Map.of("price", eur("1.00"), "taxClass", "standard")));
		assertThat(noTaxClass.json().get("errors").findValuesAsString("field")).contains("taxClass");
		assertThat(shop.get("/api/admin/v1/shipping-zones/" + germany).json().get("methods").size()).isZero();

		ApiClient.Response badPlace = shop.post("/api/admin/v1/shipping-zones", Map.of("name", "Nowhere", "places", List.of("XX")));
		assertThat(badPlace.json().get("code").asString()).isEqualTo("INVALID_SHIPPING_ZONE");
		ApiClient.Response unknownCurrency = shop.post("/api/admin/v1/shipping/quotes", Map.of("destination",
				Map.of("country", "DE"), "weightGrams", 1, "subtotal", eur("1.00"), "currency", "XYZ"));
		assertThat(unknownCurrency.json().get("code").asString()).isEqualTo("UNKNOWN_CURRENCY");
		ApiClient.Response notEnabled = shop.post("/api/admin/v1/shipping/quotes", Map.of("destination",
				Map.of("country", "DE"), "weightGrams", 1, "subtotal", Map.of("amount", "1", "currency", "JPY"), "currency", "JPY"));
		assertThat(notEnabled.json().get("code").asString()).isEqualTo("CURRENCY_NOT_ENABLED");
	}

	@Test
	void replacingAMethodReplacesItsTiers() {
		String germany = zone("Germany", List.of("DE"));
		String paket = method(germany, method("Paket", "WEIGHT_TIERS", 2, 4, Map.of("tiers",
				List.of(tier("0", "2000", "4.90"))))).json().get("id").asString();
		ApiClient.Response replaced = shop.put("/api/admin/v1/shipping-zones/" + germany + "/methods/" + paket,
				method("Paket", "WEIGHT_TIERS", 1, 3, Map.of("tiers", List.of(tier("0", "5000", "5.50")))));
		assertThat(replaced.status()).as(replaced.body()).isEqualTo(200);
		assertThat(quote(Map.of("country", "DE"), 4000, eur("1.00"), "EUR").get(0).get("price").get("amount").asString())
			.isEqualTo("5.50");
	}

	@Test
	void staffOfAnotherStoreCannotSeeOrChangeTheZones() {
		String germany = zone("Germany", List.of("DE"));
		String other = ApiClient.unique("other");
		owner.post("/api/admin/v1/stores", Map.of("name", "Other", "handle", other, "defaultCurrency", "EUR"));
		String email = ApiClient.unique("admin-other") + "@test.local";
		owner.store(other).post("/api/admin/v1/staff",
				Map.of("email", email, "name", "Other admin", "password", "other-admin-password", "role", "ADMIN"));
		ApiClient intruder = ApiClient.at(port).loggedIn(email, "other-admin-password").store(other);
		assertThat(intruder.get("/api/admin/v1/shipping-zones/" + germany).status()).isEqualTo(404);
		assertThat(intruder.delete("/api/admin/v1/shipping-zones/" + germany).status()).isEqualTo(404);
		assertThat(intruder.post("/api/admin/v1/shipping-zones/" + germany + "/methods",
				method("Free", "FLAT", 1, 1, Map.of("price", eur("0.00")))).status()).isEqualTo(404);
		assertThat(ApiClient.at(port).loggedIn(email, "other-admin-password").store(handle)
			.get("/api/admin/v1/shipping-zones").status()).isEqualTo(403);
		assertThat(shop.get("/api/admin/v1/shipping-zones/" + germany).json().get("methods").size()).isZero();
	}
}
