package dev.shopwright.returns;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.shopwright.catalog.Product;
import dev.shopwright.customers.CustomerId;
import dev.shopwright.orders.Order;
import dev.shopwright.orders.OrderManagement;
import dev.shopwright.orders.ShopperTokens;
import dev.shopwright.stores.Store;
import dev.shopwright.testing.ApiClient;
import dev.shopwright.testing.ShopwrightTest;

/**
 * Shoppers ask for returns through the Store API with the same access as their order: the checkout's cart token, or
 * the signed-in customer who placed it; anyone else sees no such order. And the storefront form does the same.
 */
@ShopwrightTest
class StoreReturnsApiTests {

	@LocalServerPort
	int port;

	@Autowired
	OrderManagement orders;

	@Autowired
	ReturnFixtures fixtures;

	Store store;

	ApiClient shop;

	@BeforeEach
	void storeOfItsOwn() {
		store = fixtures.newStore("EUR");
		shop = ApiClient.at(port).store(store.handle());
	}

	private ApiClient customer(String email) {
		Map<String, Object> body = new HashMap<>(Map.of("email", email, "password", "a-long-enough-password-1",
				"firstName", "Ada", "lastName", "Lovelace"));
		ApiClient.Response registered = shop.post("/api/store/v1/customers", body);
		assertThat(registered.status()).as(registered.body()).isEqualTo(201);
		ApiClient.Response login = shop.post("/api/store/v1/customers/login",
				Map.of("email", email, "password", "a-long-enough-password-1"));
		return shop.bearer(login.json().get("token").asString());
	}

	private static Map<String, Object> body(Order order, int quantity) {
		return Map.of("items", List.of(Map.of("orderLineId", order.lines().getFirst().id().toString(), "quantity",
				quantity, "reason", "TOO_SMALL", "comment", "runs small")));
	}

	@Test
	void theCartTokenHolderMayReturnAndNobodyElse() {
		String sku = "SOCK-" + store.handle();
		Product socks = fixtures.product(store.id(), "Socks", "6.00", List.of(), sku);
		String token = "cart-token-" + store.handle();
		Order order = fixtures.deliveredOrder(store.id(), null, ShopperTokens.hash(token),
				new ReturnFixtures.Item(socks, sku, 2));
		String path = "/api/store/v1/orders/" + order.id() + "/returns";

		assertThat(shop.post(path, body(order, 1)).status()).isEqualTo(404);
		ApiClient.Response wrongToken = shop.with("X-Cart-Token", "not-the-token").post(path, body(order, 1));
		assertThat(wrongToken.status()).isEqualTo(404);
		assertThat(wrongToken.json().get("code").asString()).isEqualTo(
				shop.get("/api/store/v1/orders/" + java.util.UUID.randomUUID() + "/returns").json().get("code").asString());
		ApiClient.Response staffStyle = ApiClient.at(port).loggedIn(ShopwrightTest.OWNER_EMAIL, ShopwrightTest.OWNER_PASSWORD)
			.store(store.handle()).post(path, body(order, 1));
		assertThat(staffStyle.status()).as("staff tokens are not read on the Store API").isIn(401, 404);

		ApiClient holder = shop.with("X-Cart-Token", token);
		ApiClient.Response opened = holder.post(path, body(order, 1));
		assertThat(opened.status()).as(opened.body()).isEqualTo(201);
		assertThat(opened.json().get("number").asString()).isEqualTo("R1001");
		assertThat(opened.json().get("openedBy").asString()).isEqualTo("SHOPPER");
		assertThat(holder.get(path).json()).hasSize(1);
		// the storefront's return page opens for the same visitors only
		ApiClient.Response page = shop.get("/orders/" + order.id() + "/return?token=" + token);
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("id=\"return-form\"").contains("R1001").contains("Socks");
		assertThat(shop.get("/orders/" + order.id() + "/return?token=wrong").status()).isEqualTo(404);
		assertThat(shop.get("/orders/" + order.id() + "/return").status()).isEqualTo(404);
		ApiClient.Response tooMany = holder.post(path, body(order, 2));
		assertThat(tooMany.status()).isEqualTo(409);
		assertThat(tooMany.json().get("code").asString()).isEqualTo("RETURN_EXCEEDS_RETURNABLE");
	}

	@Test
	void theSignedInCustomerWhoPlacedTheOrderMayReturnAnotherMayNot() {
		String sku = "BELT-" + store.handle();
		Product belts = fixtures.product(store.id(), "Belt", "18.00", List.of(), sku);
		ApiClient owner = customer(ApiClient.unique("owner") + "@test.local");
		ApiClient other = customer(ApiClient.unique("other") + "@test.local");
		CustomerId ownerId = new CustomerId(java.util.UUID.fromString(
				owner.get("/api/store/v1/customers/me").json().get("id").asString()));
		Order order = fixtures.deliveredOrder(store.id(), ownerId, null, new ReturnFixtures.Item(belts, sku, 1));
		String path = "/api/store/v1/orders/" + order.id() + "/returns";

		assertThat(other.post(path, body(order, 1)).status()).isEqualTo(404);
		ApiClient.Response mine = owner.post(path, body(order, 1));
		assertThat(mine.status()).as(mine.body()).isEqualTo(201);
		assertThat(mine.json().get("customerId").asString()).isEqualTo(ownerId.value().toString());
	}
}
