package dev.shopwright.checkout;

import static dev.shopwright.checkout.CheckoutShop.CARTS;
import static dev.shopwright.checkout.CheckoutShop.ok;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;

import dev.shopwright.testing.ApiClient;
import dev.shopwright.testing.ShopwrightTest;

/**
 * A guest cart meets the account on sign-in: it becomes the customer's, their other open cart's lines are added
 * (capped by the stock, as adding is), and the other cart is MERGED — through the Store API and on the storefront.
 */
@ShopwrightTest
class CartMergeTests {

	private static final String PASSWORD = "shopper-password-1";

	@LocalServerPort
	int port;

	@Test
	void theStoreApiMergesTheCustomersCartIntoTheGuestCartOnceCappedByStock() {
		CheckoutShop shop = new CheckoutShop(port);
		String plenty = shop.product("10.00", 50);
		String scarce = shop.product("20.00", 3);
		String guestOnly = shop.product("5.00", 10);
		String email = ApiClient.unique("merge") + "@test.local";
		ok(shop.shopper.post("/api/store/v1/customers", Map.of("email", email, "password", PASSWORD)));
		ApiClient customer = shop.shopper.bearer(ok(shop.shopper.post("/api/store/v1/customers/login",
				Map.of("email", email, "password", PASSWORD))).get("token").asString());

		// the customer's own cart, from another device
		JsonNode own = ok(customer.post(CARTS, Map.of()));
		String ownId = own.get("id").asString();
		ok(customer.post(CARTS + "/" + ownId + "/lines", Map.of("sku", plenty, "quantity", 2)));
		ok(customer.post(CARTS + "/" + ownId + "/lines", Map.of("sku", scarce, "quantity", 2)));
		ok(customer.put(CARTS + "/" + ownId + "/email", Map.of("email", email)));

		CheckoutShop.Guest guest = shop.guest();
		ok(guest.api().post(guest.path("/lines"), Map.of("sku", scarce, "quantity", 2)));
		ok(guest.api().post(guest.path("/lines"), Map.of("sku", guestOnly, "quantity", 1)));

		assertThat(guest.api().post(guest.path("/merge"), Map.of()).status()).isEqualTo(401);
		assertThat(customer.post(guest.path("/merge"), Map.of()).status()).as("no guest token").isEqualTo(404);

		ApiClient both = customer.with("X-Cart-Token", guest.token());
		JsonNode merged = ok(both.post(guest.path("/merge"), Map.of()));
		assertThat(quantities(merged)).isEqualTo(Map.of(plenty, 2, scarce, 3, guestOnly, 1));
		assertThat(merged.get("customerId").asString()).isNotBlank();
		assertThat(merged.get("email").asString()).isEqualTo(email);
		assertThat(ok(customer.get(CARTS + "/" + ownId)).get("status").asString()).isEqualTo("MERGED");
		// theirs now: reachable without the token
		assertThat(quantities(ok(customer.get(guest.path(""))))).isEqualTo(quantities(merged));

		// again: nothing more is added
		assertThat(quantities(ok(both.post(guest.path("/merge"), Map.of())))).isEqualTo(quantities(merged));

		// another customer holding the token cannot take the cart over
		String otherEmail = ApiClient.unique("other") + "@test.local";
		ok(shop.shopper.post("/api/store/v1/customers", Map.of("email", otherEmail, "password", PASSWORD)));
		ApiClient other = shop.shopper.bearer(ok(shop.shopper.post("/api/store/v1/customers/login",
				Map.of("email", otherEmail, "password", PASSWORD))).get("token").asString());
		assertThat(other.with("X-Cart-Token", guest.token()).post(guest.path("/merge"), Map.of()).status())
			.isEqualTo(404);
	}

	@Test
	void signingInOnTheStorefrontBringsTheAccountsCartIntoTheBrowsersCart() {
		CheckoutShop shop = new CheckoutShop(port);
		String email = ApiClient.unique("signin") + "@test.local";
		ok(shop.shopper.post("/api/store/v1/customers", Map.of("email", email, "password", PASSWORD)));
		ApiClient customer = shop.shopper.bearer(ok(shop.shopper.post("/api/store/v1/customers/login",
				Map.of("email", email, "password", PASSWORD))).get("token").asString());
		String kettle = shop.product("30.00", 10);
		String mug = ApiClient.unique("MUG").toUpperCase();
		String mugProduct = ok(shop.admin.post("/api/admin/v1/products", Map.of("title", "Mug " + mug, "status",
				"ACTIVE", "published", true, "variants", java.util.List.of(new HashMap<>(Map.of("sku", mug, "price",
						CheckoutShop.eur("8.00"), "weightGrams", 300, "inventoryPolicy", "DENY"))))))
			.get("id").asString();
		ok(shop.admin.post("/api/admin/v1/inventory/adjustments", Map.of("sku", mug, "delta", 10)));
		String ownId = ok(customer.post(CARTS, Map.of())).get("id").asString();
		ok(customer.post(CARTS + "/" + ownId + "/lines", Map.of("sku", kettle, "quantity", 1)));
		ok(customer.post(CARTS + "/" + ownId + "/lines", Map.of("sku", mug, "quantity", 2)));

		StorefrontVisitor browser = new StorefrontVisitor(port, shop.handle);
		browser.addToCart(mugProduct, 1);
		assertThat(browser.get("/cart").text("line-" + mug)).contains("8.00 EUR");
		assertThat(browser.get("/cart").body()).doesNotContain("line-" + kettle);

		browser.get("/account/login");
		assertThat(browser.post("/account/login", Map.of("email", email, "password", PASSWORD)).location())
			.isEqualTo("/account");
		StorefrontVisitor.Page cart = browser.get("/cart");
		assertThat(cart.text("line-" + kettle)).as(cart.toString()).contains("30.00 EUR");
		assertThat(cart.text("line-" + mug)).contains("24.00 EUR"); // 1 + 2
		assertThat(cart.text("cart-total")).isEqualTo("54.00 EUR");
		assertThat(ok(customer.get(CARTS + "/" + ownId)).get("status").asString()).isEqualTo("MERGED");
	}

	private static Map<String, Integer> quantities(JsonNode cart) {
		Map<String, Integer> found = new HashMap<>();
		for (JsonNode line : cart.get("lines")) {
			found.put(line.get("sku").asString(), line.get("quantity").asInt());
		}
		return found;
	}
}
