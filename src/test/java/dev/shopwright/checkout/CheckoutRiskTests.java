package dev.shopwright.checkout;

import static dev.shopwright.checkout.CheckoutShop.card;
import static dev.shopwright.checkout.CheckoutShop.ok;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.shopwright.orders.Order;
import dev.shopwright.orders.OrderId;
import dev.shopwright.orders.OrderManagement;
import dev.shopwright.orders.OrderStatus;
import dev.shopwright.orders.RiskLevel;
import dev.shopwright.testing.ApiClient;
import dev.shopwright.testing.ShopwrightTest;

/** Completion scores every checkout with the fraud module; the order keeps the verdict and HIGH is held for review. */
@ShopwrightTest
class CheckoutRiskTests {

	@LocalServerPort
	int port;

	@Autowired
	OrderManagement orders;

	@Test
	void aBlocklistedShopperIsPlacedOnHoldAndAnOrdinaryOneIsNot() {
		CheckoutShop shop = new CheckoutShop(port);
		String sku = shop.product("30.00", 5);

		CheckoutShop.Guest ordinary = shop.readyCart(sku, 1);
		Order fine = placed(shop, ordinary);
		assertThat(fine.status()).isEqualTo(OrderStatus.OPEN);
		assertThat(fine.risk().level()).isEqualTo(RiskLevel.LOW);

		CheckoutShop.Guest suspicious = shop.readyCart(sku, 1);
		String email = ok(suspicious.api().get(suspicious.path(""))).get("email").asString();
		ok(shop.admin.post("/api/admin/v1/fraud/blocklist", Map.of("type", "EMAIL", "value", email.toUpperCase())));
		Order held = placed(shop, suspicious);
		assertThat(held.risk().level()).isEqualTo(RiskLevel.HIGH);
		assertThat(held.risk().reasons()).anySatisfy(reason -> assertThat(reason).contains(email, "blocked"));
		assertThat(held.status()).isEqualTo(OrderStatus.ON_HOLD);
		assertThat(ok(shop.admin.get("/api/admin/v1/fraud/assessments?limit=50")).toString()).contains(held.id().toString());
	}

	private Order placed(CheckoutShop shop, CheckoutShop.Guest guest) {
		ApiClient.Response answer = guest.api().post(guest.path("/complete"), card("4242424242424242"));
		assertThat(answer.status()).as(answer.body()).isEqualTo(201);
		return orders.get(shop.store, OrderId.of(answer.json().get("orderId").asString()));
	}
}
