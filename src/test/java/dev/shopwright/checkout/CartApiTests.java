package dev.shopwright.checkout;

import static dev.shopwright.checkout.CheckoutShop.CARTS;
import static dev.shopwright.checkout.CheckoutShop.berlin;
import static dev.shopwright.checkout.CheckoutShop.ok;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.shopwright.pricing.PriceBreakdown;
import dev.shopwright.pricing.PriceCalculation;
import dev.shopwright.pricing.PricingManagement;
import dev.shopwright.shared.Address;
import dev.shopwright.shared.Money;
import dev.shopwright.testing.ApiClient;
import dev.shopwright.testing.ShopwrightTest;
import tools.jackson.databind.JsonNode;

/** Carts through the Store API on the real database: prices from the server, tokens, limits and every refusal. */
@ShopwrightTest
class CartApiTests {

	@LocalServerPort
	int port;

	@Autowired
	PricingManagement pricing;

	CheckoutShop shop;

	@BeforeEach
	void aShop() {
		shop = new CheckoutShop(port);
	}

	@Test
	void aGuestFillsACartAndTheServerPricesItWhateverTheClientSays() {
		String sku = shop.product("20.00", 10);
		CheckoutShop.Guest guest = shop.guest();
		assertThat(guest.created().get("currency").asString()).isEqualTo("EUR");
		assertThat(guest.created().get("lines").size()).isZero();
		assertThat(guest.created().get("totals").get("total").get("amount").asString()).isEqualTo("0.00");
		assertThat(guest.token()).startsWith("sct_").hasSizeGreaterThan(40);

		Map<String, Object> tampered = new HashMap<>(Map.of("sku", sku, "quantity", 2, "price", CheckoutShop.eur("0.01"),
				"unitPrice", CheckoutShop.eur("0.01"), "total", CheckoutShop.eur("0.02")));
		JsonNode cart = ok(guest.api().post(guest.path("/lines"), tampered));
		assertThat(cart.get("lines")).hasSize(1);
		JsonNode line = cart.get("lines").get(0);
		assertThat(line.get("unitPrice").get("amount").asString()).isEqualTo("20.00");
		assertThat(line.get("lineTotal").get("amount").asString()).isEqualTo("40.00");
		assertThat(line.get("available").asBoolean()).isTrue();

		// the same SKU again adds to its line
		cart = ok(guest.api().post(guest.path("/lines"), Map.of("sku", sku, "quantity", 1)));
		assertThat(cart.get("lines")).hasSize(1);
		assertThat(cart.get("lines").get(0).get("quantity").asInt()).isEqualTo(3);
		String lineId = cart.get("lines").get(0).get("id").asString();
		cart = ok(guest.api().patch(guest.path("/lines/" + lineId), Map.of("quantity", 2, "unitPrice", CheckoutShop.eur("1.00"))));
		assertThat(cart.get("lines").get(0).get("quantity").asInt()).isEqualTo(2);
		assertThat(cart.get("lines").get(0).get("unitPrice").get("amount").asString()).isEqualTo("20.00");

		ok(guest.api().put(guest.path("/email"), Map.of("email", "ada@test.local")));
		cart = ok(guest.api().put(guest.path("/shipping-address"), berlin()));
		assertThat(cart.get("shippingAddress").get("address").get("city").asString()).isEqualTo("Berlin");
		assertThat(cart.get("shipping").isNull()).isTrue();
		cart = ok(guest.api().put(guest.path("/billing-address"), Map.of("address", Map.of("line1", "1 Rue de Rivoli",
				"city", "Paris", "country", "FR"))));
		assertThat(cart.get("billingAddress").get("address").get("country").asString()).isEqualTo("FR");
		cart = ok(guest.api().delete(guest.path("/billing-address")));
		assertThat(cart.get("billingAddress").isNull()).as("billed to the shipping address again").isTrue();
		JsonNode options = ok(guest.api().get(guest.path("/shipping-options"))).get("items");
		assertThat(options.findValuesAsString("name")).containsExactly("Standard", "Express");
		assertThat(options.get(0).get("price").get("amount").asString()).isEqualTo("4.90");
		cart = ok(guest.api().put(guest.path("/shipping-option"), Map.of("id", shop.standardShippingId)));
		assertThat(cart.get("email").asString()).isEqualTo("ada@test.local");
		assertThat(cart.get("shipping").get("name").asString()).isEqualTo("Standard");

		// the totals are exactly pricing's calculation of the same lines, shipping and destination
		PriceBreakdown expected = pricing.calculate(shop.store, new PriceCalculation(Currency.getInstance("EUR"),
				List.of(new PriceCalculation.Line(sku, Money.of("20.00", "EUR"), 2, null, true)), Money.of("4.90", "EUR"),
				null, List.of(), new Address("Unter den Linden 1", null, "Berlin", null, "10117", "DE"), false));
		JsonNode totals = cart.get("totals");
		assertThat(totals.get("total").get("amount").asString()).isEqualTo(expected.total().amount().toPlainString())
			.isEqualTo("44.90");
		assertThat(totals.get("taxTotal").get("amount").asString()).isEqualTo(expected.taxTotal().amount().toPlainString());
		assertThat(totals.get("subtotal").get("amount").asString()).isEqualTo("40.00");
		assertThat(totals.get("taxZone").asString()).isEqualTo("Germany");

		cart = ok(guest.api().delete(guest.path("/lines/" + lineId)));
		assertThat(cart.get("lines")).isEmpty();
		assertThat(guest.api().delete(guest.path("/lines/" + lineId)).status()).isEqualTo(404);
	}

	@Test
	void everyBadInputIsAProblemWithAStableCode() {
		String sku = shop.product("20.00", 5);
		String draft = shop.product("9.00", "DRAFT", true, "DENY", 5);
		String unpublished = shop.product("9.00", "ACTIVE", false, "DENY", 5);
		CheckoutShop.Guest guest = shop.guest();
		ApiClient api = guest.api();

		problem(api.post(guest.path("/lines"), Map.of("sku", "NO-SUCH-SKU", "quantity", 1)), 422, "UNKNOWN_SKU");
		problem(api.post(guest.path("/lines"), Map.of("sku", draft, "quantity", 1)), 422, "UNKNOWN_SKU");
		problem(api.post(guest.path("/lines"), Map.of("sku", unpublished, "quantity", 1)), 422, "UNKNOWN_SKU");
		problem(api.post(guest.path("/lines"), Map.of("sku", sku, "quantity", 0)), 422, "INVALID_QUANTITY");
		problem(api.post(guest.path("/lines"), Map.of("sku", sku, "quantity", 100)), 422, "INVALID_QUANTITY");
		problem(api.post(guest.path("/lines"), Map.of("sku", sku, "quantity", 6)), 409, "OUT_OF_STOCK");
		problem(api.post(guest.path("/lines"), Map.of("quantity", 1)), 400, null);
		problem(api.sendRaw("POST", guest.path("/lines"), "application/json", "{\"sku\": "), 400, null);
		problem(api.sendRaw("POST", guest.path("/lines"), "application/json", "{\"sku\":\"" + sku + "\",\"quantity\":\"two\"}"),
				400, null);
		JsonNode cart = ok(api.post(guest.path("/lines"), Map.of("sku", sku, "quantity", 5)));
		problem(api.post(guest.path("/lines"), Map.of("sku", sku, "quantity", 1)), 409, "OUT_OF_STOCK");
		String lineId = cart.get("lines").get(0).get("id").asString();
		problem(api.patch(guest.path("/lines/" + lineId), Map.of("quantity", 6)), 409, "OUT_OF_STOCK");
		problem(api.patch(guest.path("/lines/" + UUID.randomUUID()), Map.of("quantity", 1)), 404, "CART_LINE_NOT_FOUND");
		problem(api.patch(guest.path("/lines/not-a-uuid"), Map.of("quantity", 1)), 400, null);
		assertThat(ok(api.get(guest.path(""))).get("lines").get(0).get("quantity").asInt()).isEqualTo(5);

		String plenty = shop.product("1.00", "ACTIVE", true, "CONTINUE", null);
		ok(api.post(guest.path("/lines"), Map.of("sku", plenty, "quantity", 60)));
		problem(api.post(guest.path("/lines"), Map.of("sku", plenty, "quantity", 40)), 422, "LINE_QUANTITY_LIMIT");

		problem(api.put(guest.path("/email"), Map.of("email", "not-an-email")), 422, "INVALID_EMAIL");
		problem(api.put(guest.path("/email"), Map.of()), 400, null);
		problem(api.get(guest.path("/shipping-options")), 422, "SHIPPING_ADDRESS_REQUIRED");
		problem(api.put(guest.path("/shipping-address"), Map.of("address", Map.of("line1", "Somewhere 1", "country", "DE"))),
				422, "INVALID_ADDRESS");
		problem(api.put(guest.path("/shipping-address"), Map.of("address", Map.of("line1", "Somewhere 1", "city", "X",
				"country", "QQ"))), 422, "INVALID_ADDRESS");
		problem(api.put(guest.path("/shipping-address"), Map.of("address", Map.of("line1", "A", "city", "B", "country", "de"))),
				400, null);
		ok(api.put(guest.path("/shipping-address"), berlin()));
		problem(api.put(guest.path("/shipping-option"), Map.of("id", UUID.randomUUID())), 422, "UNKNOWN_SHIPPING_OPTION");
		problem(api.put(guest.path("/currency"), Map.of("currency", "JPY")), 422, "CURRENCY_NOT_ENABLED");
		problem(api.put(guest.path("/currency"), Map.of("currency", "XYZ")), 422, "UNKNOWN_CURRENCY");
		problem(shop.shopper.post(CARTS, Map.of("currency", "GBP")), 422, "CURRENCY_NOT_ENABLED");
		problem(shop.shopper.post(CARTS, Map.of("email", "nope")), 422, "INVALID_EMAIL");
		assertThat(ok(api.get(guest.path(""))).get("lines")).hasSize(2);
	}

	@Test
	void onlyTheTokenOrTheSignedInOwnerOpensACart() {
		String sku = shop.product("20.00", 10);
		CheckoutShop.Guest mine = shop.guest();
		CheckoutShop.Guest theirs = shop.guest();
		ok(mine.api().post(mine.path("/lines"), Map.of("sku", sku, "quantity", 1)));

		problem(shop.shopper.get(mine.path("")), 404, "CART_NOT_FOUND");
		problem(theirs.api().get(mine.path("")), 404, "CART_NOT_FOUND");
		problem(theirs.api().post(mine.path("/lines"), Map.of("sku", sku, "quantity", 1)), 404, "CART_NOT_FOUND");
		problem(shop.shopper.with("X-Cart-Token", mine.token() + "x").get(mine.path("")), 404, "CART_NOT_FOUND");
		problem(mine.api().get(CARTS + "/" + UUID.randomUUID()), 404, "CART_NOT_FOUND");
		assertThat(ok(mine.api().get(mine.path(""))).get("lines")).hasSize(1);
		// another store never sees it, token or not
		CheckoutShop other = new CheckoutShop(port);
		problem(other.shopper.with("X-Cart-Token", mine.token()).get(mine.path("")), 404, "CART_NOT_FOUND");

		ApiClient ada = customer("ada");
		ApiClient bob = customer("bob");
		JsonNode adas = ok(ada.post(CARTS, Map.of()));
		String adasCart = CARTS + "/" + adas.get("id").asString();
		assertThat(adas.get("customerId").isNull()).isFalse();
		ok(ada.post(adasCart + "/lines", Map.of("sku", sku, "quantity", 2)));
		assertThat(ok(ada.get(adasCart)).get("lines").get(0).get("quantity").asInt()).isEqualTo(2);
		problem(bob.get(adasCart), 404, "CART_NOT_FOUND");
		problem(shop.shopper.get(adasCart), 404, "CART_NOT_FOUND");
		problem(ada.get(mine.path("")), 404, "CART_NOT_FOUND");
	}

	@Test
	void aCartInDollarsIsPricedConvertedAndCanSwitchCurrency() {
		String sku = shop.product("20.00", 10);
		CheckoutShop.Guest guest = shop.guest(Map.of("currency", "USD"));
		assertThat(guest.created().get("currency").asString()).isEqualTo("USD");
		JsonNode cart = ok(guest.api().post(guest.path("/lines"), Map.of("sku", sku, "quantity", 2)));
		assertThat(cart.get("lines").get(0).get("unitPrice").get("amount").asString()).isEqualTo("22.00");
		assertThat(cart.get("lines").get(0).get("unitPrice").get("currency").asString()).isEqualTo("USD");
		ok(guest.api().put(guest.path("/shipping-address"), berlin()));
		JsonNode options = ok(guest.api().get(guest.path("/shipping-options"))).get("items");
		assertThat(options.get(0).get("price").get("amount").asString()).isEqualTo("5.39");
		cart = ok(guest.api().put(guest.path("/shipping-option"), Map.of("id", shop.standardShippingId)));
		JsonNode totals = cart.get("totals");
		assertThat(totals.get("currency").asString()).isEqualTo("USD");
		assertThat(totals.get("total").get("amount").asString()).isEqualTo("49.39");
		assertThat(totals.get("storeCurrency").get("currency").asString()).isEqualTo("EUR");

		cart = ok(guest.api().put(guest.path("/currency"), Map.of("currency", "EUR")));
		assertThat(cart.get("currency").asString()).isEqualTo("EUR");
		assertThat(cart.get("lines").get(0).get("unitPrice").get("amount").asString()).isEqualTo("20.00");
		assertThat(cart.get("totals").get("total").get("amount").asString()).isEqualTo("44.90");
	}

	@Test
	void twoTabsAddingTheSameSkuAtOnceAddUpOnOneLine() throws Exception {
		String sku = shop.product("3.00", 100);
		CheckoutShop.Guest guest = shop.guest();
		List<Future<Integer>> results = new ArrayList<>();
		try (ExecutorService tabs = Executors.newFixedThreadPool(8)) {
			for (int i = 0; i < 40; i++) {
				results.add(tabs.submit(() -> guest.api().post(guest.path("/lines"), Map.of("sku", sku, "quantity", 2)).status()));
			}
			for (Future<Integer> result : results) {
				assertThat(result.get()).isEqualTo(200);
			}
		}
		JsonNode cart = ok(guest.api().get(guest.path("")));
		assertThat(cart.get("lines")).hasSize(1);
		assertThat(cart.get("lines").get(0).get("quantity").asInt()).isEqualTo(80);
	}

	@Test
	void theOpenApiDocumentDescribesEveryCartOperation() {
		JsonNode paths = ok(ApiClient.at(port).get("/api/openapi.json")).get("paths");
		Map<String, List<String>> operations = Map.of(CARTS, List.of("post"), CARTS + "/{id}", List.of("get"),
				CARTS + "/{id}/lines", List.of("post"), CARTS + "/{id}/lines/{lineId}", List.of("patch", "delete"),
				CARTS + "/{id}/email", List.of("put"), CARTS + "/{id}/shipping-address", List.of("put"),
				CARTS + "/{id}/billing-address", List.of("put", "delete"), CARTS + "/{id}/shipping-options", List.of("get"),
				CARTS + "/{id}/shipping-option", List.of("put"), CARTS + "/{id}/currency", List.of("put"));
		Map<String, List<String>> completion = Map.of(CARTS + "/{id}/complete", List.of("post"),
				CARTS + "/{id}/complete/confirm", List.of("post"));
		List<String> missing = new ArrayList<>();
		java.util.function.BiConsumer<String, List<String>> check = (path, methods) -> methods.forEach(method -> {
			JsonNode operation = paths.path(path).path(method);
			if (operation.isMissingNode()) {
				missing.add(method + " " + path);
				return;
			}
			List<String> headers = operation.path("parameters").findValuesAsString("name");
			if (!path.equals(CARTS) && (!headers.contains("X-Cart-Token") || !operation.path("responses").has("404"))) {
				missing.add(method + " " + path + " lacks X-Cart-Token or its 404");
			}
			if (operation.path("summary").asString("").isBlank()) {
				missing.add(method + " " + path + " lacks a summary");
			}
		});
		operations.forEach(check);
		completion.forEach(check);
		JsonNode complete = paths.path(CARTS + "/{id}/complete").path("post").path("responses");
		for (String status : List.of("200", "201", "202", "402", "409", "422", "503")) {
			if (!complete.has(status)) {
				missing.add("complete lacks " + status);
			}
		}
		assertThat(missing).isEmpty();
		// the 201 of POST /carts documents the token beside the cart's own fields
		JsonNode content = paths.path(CARTS).path("post").path("responses").path("201").path("content");
		JsonNode created = content.path(content.propertyNames().iterator().next()).path("schema");
		JsonNode schemas = ok(ApiClient.at(port).get("/api/openapi.json")).get("components").get("schemas");
		JsonNode schema = created.has("$ref") ? schemas.get(created.get("$ref").asString().replace("#/components/schemas/", ""))
				: created;
		assertThat(schema.path("properties").propertyNames()).as(content + "\n" + schema)
			.contains("token", "id", "currency", "lines", "totals");
	}

	private ApiClient customer(String name) {
		String email = ApiClient.unique(name) + "@test.local";
		ok(shop.shopper.post("/api/store/v1/customers", Map.of("email", email, "password", "a-long-password-1")));
		JsonNode login = ok(shop.shopper.post("/api/store/v1/customers/login",
				Map.of("email", email, "password", "a-long-password-1")));
		return shop.shopper.bearer(login.get("token").asString());
	}

	static void problem(ApiClient.Response response, int status, String code) {
		assertThat(response.status()).as(response.body()).isEqualTo(status);
		assertThat(response.contentType()).startsWith("application/problem+json");
		if (code != null) {
			assertThat(response.json().get("code").asString()).as(response.body()).isEqualTo(code);
		}
	}
}
