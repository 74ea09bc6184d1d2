package dev.shopwright.checkout;

import static dev.shopwright.checkout.CheckoutShop.card;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.shopwright.inventory.InventoryManagement;
import dev.shopwright.orders.Order;
import dev.shopwright.orders.OrderId;
import dev.shopwright.orders.OrderManagement;
import dev.shopwright.orders.PaymentState;
import dev.shopwright.payments.PaymentManagement;
import dev.shopwright.payments.PaymentStatus;
import dev.shopwright.testing.ApiClient;
import dev.shopwright.testing.ShopwrightTest;

/**
 * A rush on one SKU: 200 shoppers, each with a cart of their own, complete at once over HTTP for 40 units. Every
 * unit sells, each 201 is a real paid order, the others are refused as sold out (or busy, with Retry-After), never
 * with a server error, and the stock ledger still sums.
 */
@ShopwrightTest
class CheckoutRushTests {

	private static final int SHOPPERS = 200;

	private static final int UNITS = 40;

	@LocalServerPort
	int port;

	@Autowired
	OrderManagement orders;

	@Autowired
	PaymentManagement payments;

	@Autowired
	InventoryManagement inventory;

	@Test
	void twoHundredShoppersForFortyUnitsBuyExactlyFortyAndNobodySeesAServerError() throws Exception {
		CheckoutShop shop = new CheckoutShop(port);
		String sku = shop.product("25.00", UNITS);
		List<CheckoutShop.Guest> carts = new ArrayList<>();
		try (ExecutorService setup = Executors.newFixedThreadPool(8)) {
			List<Future<CheckoutShop.Guest>> ready = new ArrayList<>();
			for (int i = 0; i < SHOPPERS; i++) {
				ready.add(setup.submit(() -> shop.readyCart(sku, 1)));
			}
			for (Future<CheckoutShop.Guest> guest : ready) {
				carts.add(guest.get());
			}
		}

		long started = System.nanoTime();
		List<ApiClient.Response> answers = CheckoutCompletionTests.concurrently(SHOPPERS, i -> carts.get(i).api()
			.with("Idempotency-Key", UUID.randomUUID().toString())
			.post(carts.get(i).path("/complete"), card("4242424242424242")));
		long millis = (System.nanoTime() - started) / 1_000_000;

		Map<Integer, Integer> byStatus = new TreeMap<>();
		answers.forEach(a -> byStatus.merge(a.status(), 1, Integer::sum));
		System.out.printf("rush: %d shoppers, %d units, %d ms, answers %s%n", SHOPPERS, UNITS, millis, byStatus);
		assertThat(answers).allSatisfy(a -> {
			assertThat(a.status()).as(a.body()).isIn(201, 409, 503);
			if (a.status() == 409) {
				assertThat(a.json().get("code").asString()).isEqualTo("INSUFFICIENT_STOCK");
			}
			if (a.status() == 503) {
				assertThat(a.json().get("code").asString()).isEqualTo("CHECKOUT_BUSY");
				assertThat(a.header("Retry-After")).isNotBlank();
			}
		});
		List<ApiClient.Response> placed = answers.stream().filter(a -> a.status() == 201).toList();
		assertThat(placed).hasSize(UNITS);
		for (ApiClient.Response answer : placed) {
			OrderId id = OrderId.of(answer.json().get("orderId").asString());
			Order order = orders.get(shop.store, id);
			assertThat(order.paymentState()).isEqualTo(PaymentState.PAID);
			assertThat(payments.forOrder(shop.store, id.toString())).singleElement()
				.satisfies(p -> assertThat(p.status()).isEqualTo(PaymentStatus.CAPTURED));
		}
		assertThat(inventory.availableOnline(shop.store, sku)).isZero();
		assertThat(inventory.ledgerDiscrepancies(shop.store)).isEmpty();
	}
}
