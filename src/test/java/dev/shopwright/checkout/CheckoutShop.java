package dev.shopwright.checkout;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.shopwright.shared.StoreId;
import dev.shopwright.testing.ApiClient;
import dev.shopwright.testing.ShopwrightTest;
import tools.jackson.databind.JsonNode;

/**
 * A store of its own for a test class, set up through the Admin API: EUR with USD at 1.10, prices with 19 % VAT in
 * Germany, flat shipping in Germany, and products made on demand with stock. Shoppers use the Store API.
 */
public final class CheckoutShop {

	public static final String CARTS = "/api/store/v1/carts";

	public final int port;

	public final ApiClient owner;

	public final ApiClient admin;

	public final ApiClient shopper;

	public final String handle;

	public final StoreId store;

	public final String standardShippingId;

	public CheckoutShop(int port) {
		this.port = port;
		owner = ApiClient.at(port).loggedIn(ShopwrightTest.OWNER_EMAIL, ShopwrightTest.OWNER_PASSWORD);
		handle = ApiClient.unique("co");
		ApiClient.Response created = owner.post("/api/admin/v1/stores", Map.of("name", "Checkout " + handle, "handle",
				handle, "defaultCurrency", "EUR", "currencies", List.of("EUR", "USD"), "timezone", "Europe/Berlin",
				"pricesIncludeTax", true));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		store = StoreId.of(created.json().get("id").asString());
		admin = owner.store(handle);
		shopper = ApiClient.at(port).store(handle);
		ok(admin.post("/api/admin/v1/exchange-rates", Map.of("currency", "USD", "rate", "1.10", "rounding", "NONE")));
		admin.post("/api/admin/v1/tax-classes", Map.of("code", "standard", "name", "Standard"));
		ok(admin.post("/api/admin/v1/tax-zones", Map.of("name", "Germany", "country", "DE", "rates",
				List.of(Map.of("taxClass", "standard", "name", "MwSt 19%", "percent", "19")))));
		JsonNode zone = ok(admin.post("/api/admin/v1/shipping-zones", Map.of("name", "Germany", "places", List.of("DE"))));
		standardShippingId = ok(admin.post("/api/admin/v1/shipping-zones/" + zone.get("id").asString() + "/methods",
				Map.of("name", "Standard", "kind", "FLAT", "price", eur("4.90"), "minDays", 2, "maxDays", 4)))
			.get("id").asString();
		ok(admin.post("/api/admin/v1/shipping-zones/" + zone.get("id").asString() + "/methods",
				Map.of("name", "Express", "kind", "FLAT", "price", eur("12.00"), "minDays", 1, "maxDays", 1)));
	}

	public static Map<String, Object> eur(String amount) {
		return Map.of("amount", amount, "currency", "EUR");
	}

	public static JsonNode ok(ApiClient.Response response) {
		assertThat(response.status()).as(response.body()).isBetween(200, 201);
		return response.json();
	}

	/** An ACTIVE, published product with one variant; {@code stock} units received when not null. */
	public String product(String price, String status, boolean published, String policy, Integer stock) {
		String sku = ApiClient.unique("SKU").toUpperCase();
		Map<String, Object> variant = new HashMap<>(Map.of("sku", sku, "price", eur(price), "weightGrams", 500,
				"inventoryPolicy", policy));
		ok(admin.post("/api/admin/v1/products", Map.of("title", "Mug " + sku, "status", status, "published", published,
				"variants", List.of(variant))));
		if (stock != null) {
			ok(admin.post("/api/admin/v1/inventory/adjustments", Map.of("sku", sku, "delta", stock)));
		}
		return sku;
	}

	public String product(String price, int stock) {
		return product(price, "ACTIVE", true, "DENY", stock);
	}

	/** A guest's new cart: the client carries its token. */
	public Guest guest(Map<String, Object> body) {
		ApiClient.Response created = shopper.post(CARTS, body);
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		JsonNode cart = created.json();
		return new Guest(cart.get("id").asString(), cart.get("token").asString(),
				shopper.with("X-Cart-Token", cart.get("token").asString()), cart);
	}

	public Guest guest() {
		return guest(Map.of());
	}

	public record Guest(String id, String token, ApiClient api, JsonNode created) {

		public String path(String more) {
			return CARTS + "/" + id + more;
		}
	}

	public static Map<String, Object> berlin() {
		return Map.of("firstName", "Ada", "lastName", "Lovelace", "phone", "+49 30 1234567", "address",
				Map.of("line1", "Unter den Linden 1", "city", "Berlin", "postalCode", "10117", "country", "DE"));
	}

	/** A cart with one line, an email, a Berlin address and standard shipping: ready to complete. */
	public Guest readyCart(String sku, int quantity) {
		Guest guest = guest();
		ok(guest.api().post(guest.path("/lines"), Map.of("sku", sku, "quantity", quantity)));
		ok(guest.api().put(guest.path("/email"), Map.of("email", "shopper-" + guest.id().substring(0, 8) + "@test.local")));
		ok(guest.api().put(guest.path("/shipping-address"), berlin()));
		ok(guest.api().put(guest.path("/shipping-option"), Map.of("id", standardShippingId)));
		return guest;
	}

	public static Map<String, Object> card(String number) {
		return Map.of("payment", Map.of("method", "card", "card", Map.of("number", number, "expMonth", 12, "expYear",
				YearMonth.now().getYear() + 2, "cvc", "123")));
	}
}
