package dev.shopwright.checkout;

import static dev.shopwright.checkout.CheckoutShop.card;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import dev.shopwright.testing.ApiClient;
import dev.shopwright.testing.ChildApplication;
import dev.shopwright.testing.ShopwrightTest;
import dev.shopwright.testing.TestDatabase;

/**
 * Kills the application for real in the middle of a checkout: a child JVM on its own database halts (no shutdown
 * hooks) right after the gateway charged the card, before payments recorded the answer and before the order exists.
 * After a restart, payments' reconciler and checkout's together must end in exactly one paid order for the cart, one
 * charge at the gateway, and stock sold once.
 */
@ShopwrightTest // shares the run's embedded PostgreSQL (and keeps it up) with the other tests
class CheckoutCrashRecoveryTests {

	@Test
	void aCheckoutKilledAfterTheChargeEndsInOnePaidOrderAfterRestart() throws Exception {
		String database = "checkout_crash_" + Long.toHexString(System.nanoTime());
		String url = TestDatabase.createDatabase(database);

		int port = ChildApplication.freePort();
		Process first = start(url, port, true, "checkout-crash-first.log");
		String cartId;
		String token;
		String sku;
		try {
			awaitHealthy(first, port);
			CheckoutShop shop = new CheckoutShop(port);
			sku = shop.product("20.00", 3);
			CheckoutShop.Guest guest = shop.readyCart(sku, 2);
			cartId = guest.id();
			token = guest.token();
			try {
				ApiClient.Response answer = guest.api().post(guest.path("/complete"), card("4242424242424242"));
				throw new AssertionError("the process should have died mid-checkout, but answered " + answer);
			}
			catch (IllegalStateException connectionLost) {
				// expected: the server vanished while answering
			}
			assertThat(first.waitFor(60, TimeUnit.SECONDS)).as("the first process halted").isTrue();
			assertThat(first.exitValue()).isEqualTo(137);
		}
		finally {
			first.destroyForcibly();
		}

		// what the crash left: the cart mid-payment, the gateway charged, no order
		String store = query(url, "select store_id from checkout.cart where id = '" + cartId + "'").get(0);
		String inStore = " store_id = '" + store + "'";
		assertThat(query(url, "select status || ' ' || stage from checkout.cart where id = '" + cartId + "'"))
			.containsExactly("COMPLETING PAYING");
		assertThat(query(url, "select status from payments.sandbox_charge where operation = 'AUTHORIZE' and" + inStore))
			.containsExactly("SUCCEEDED");
		assertThat(query(url, "select count(*) from orders.customer_order where" + inStore)).containsExactly("0");

		int secondPort = ChildApplication.freePort();
		Process second = start(url, secondPort, false, "checkout-crash-second.log");
		try {
			awaitHealthy(second, secondPort);
			Instant deadline = Instant.now().plusSeconds(90);
			List<String> status = List.of();
			while (Instant.now().isBefore(deadline)) {
				status = query(url, "select status from checkout.cart where id = '" + cartId + "'");
				if (status.equals(List.of("COMPLETED"))) {
					break;
				}
				Thread.sleep(500);
			}
			assertThat(status).containsExactly("COMPLETED");
			String orderId = query(url, "select order_id from checkout.cart where id = '" + cartId + "'").get(0);
			assertThat(query(url, "select payment_state || ' ' || status from orders.customer_order where" + inStore))
				.containsExactly("PAID OPEN");
			assertThat(query(url, "select id::text from orders.customer_order where" + inStore)).containsExactly(orderId);
			assertThat(query(url, "select status from payments.payment_intent where order_reference = '" + orderId + "'"))
				.containsExactly("CAPTURED");
			assertThat(query(url, "select count(*) from payments.sandbox_charge where operation = 'AUTHORIZE' and" + inStore))
				.containsExactly("1");
			assertThat(query(url, "select status from inventory.reservation where reference = '" + orderId + "'"))
				.containsExactly("CONFIRMED");
			// the shopper's cart shows the order, through the API of the restarted node
			ApiClient.Response cart = ApiClient.at(secondPort).with("X-Cart-Token", token)
				.store(query(url, "select s.handle from stores.store s join checkout.cart c on c.store_id = s.id where c.id = '"
						+ cartId + "'").get(0))
				.get("/api/store/v1/carts/" + cartId);
			assertThat(cart.json().get("orderId").asString()).isEqualTo(orderId);
		}
		finally {
			second.destroy();
			if (!second.waitFor(60, TimeUnit.SECONDS)) {
				second.destroyForcibly();
			}
		}
	}

	private static Process start(String url, int port, boolean crash, String log) throws IOException {
		List<String> arguments = new ArrayList<>(List.of("--shopwright.forecasts.recompute-demo-on-start=false",
				"--shopwright.payments.reconciler.pending-age=PT1S", "--shopwright.payments.reconciler.interval=PT1S",
				"--shopwright.payments.reconciler.initial-delay=PT1S",
				"--shopwright.checkout.reconciler.stale-after=PT2S", "--shopwright.checkout.reconciler.interval=PT1S",
				"--shopwright.checkout.reconciler.initial-delay=PT1S"));
		if (crash) {
			arguments.add("--shopwright.payments.simulate-crash-at=after-gateway-call");
		}
		return ChildApplication.start(url, port, log, arguments);
	}

	private static void awaitHealthy(Process process, int port) throws InterruptedException {
		ChildApplication.awaitHealthy(process, port, Duration.ofMinutes(6));
	}

	private static List<String> query(String url, String sql) throws Exception {
		return ChildApplication.query(url, sql);
	}
}
