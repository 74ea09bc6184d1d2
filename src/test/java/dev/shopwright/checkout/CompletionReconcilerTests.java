package dev.shopwright.checkout;

import static dev.shopwright.checkout.CheckoutShop.card;
import static dev.shopwright.checkout.CheckoutShop.ok;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.shopwright.inventory.InventoryManagement;
import dev.shopwright.inventory.Reservation;
import dev.shopwright.inventory.ReserveStock;
import dev.shopwright.orders.Order;
import dev.shopwright.orders.OrderId;
import dev.shopwright.orders.OrderManagement;
import dev.shopwright.orders.PaymentState;
import dev.shopwright.payments.PaymentIntent;
import dev.shopwright.payments.PaymentManagement;
import dev.shopwright.payments.PaymentStatus;
import dev.shopwright.testing.ApiClient;
import dev.shopwright.testing.ShopwrightTest;
import tools.jackson.databind.JsonNode;

/**
 * Completions left half-way (a crash, a shopper gone during 3-D Secure) are finished by the reconciler from what
 * payments and inventory recorded: money exists → the order is placed once; none → stock released, cart reopened.
 */
@ShopwrightTest
class CompletionReconcilerTests {

	private static final Duration STALE = Duration.ofMinutes(30);

	@LocalServerPort
	int port;

	@Autowired
	CompletionReconciler reconciler;

	@Autowired
	Carts carts;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	OrderManagement orders;

	@Autowired
	PaymentManagement payments;

	@Autowired
	InventoryManagement inventory;

	CheckoutShop shop;

	CheckoutCompletionTests challenges;

	@BeforeEach
	void aShop() {
		shop = new CheckoutShop(port);
		challenges = new CheckoutCompletionTests();
		challenges.port = port;
		challenges.shop = shop;
	}

	@Test
	void aShopperWhoPassedThreeDSecureAndNeverCameBackGetsTheOrder() throws Exception {
		String sku = shop.product("20.00", 5);
		CheckoutShop.Guest guest = shop.readyCart(sku, 2);
		JsonNode waiting = guest.api().post(guest.path("/complete"), card("4000000000003220")).json();
		challenges.answerChallenge(waiting.get("nextActionUrl").asString(), "pass");

		reconciler.runOnce(STALE); // not stale yet: left alone
		assertThat(status(guest)).isEqualTo("COMPLETING");
		age(guest);
		reconciler.runOnce(STALE);

		JsonNode cart = ok(guest.api().get(guest.path("")));
		assertThat(cart.get("status").asString()).isEqualTo("COMPLETED");
		Order order = orders.get(shop.store, OrderId.of(cart.get("orderId").asString()));
		assertThat(order.paymentState()).isEqualTo(PaymentState.PAID);
		assertThat(order.lines().get(0).quantity()).isEqualTo(2);
		assertThat(order.totals().total().amount()).isEqualByComparingTo("44.90");
		assertThat(payments.forOrder(shop.store, order.id().toString())).hasSize(1);
		assertThat(inventory.availableOnline(shop.store, sku)).isEqualTo(3);
		// the shopper comes back after all: the same order
		ApiClient.Response late = guest.api().post(guest.path("/complete/confirm"), java.util.Map.of());
		assertThat(late.status()).isEqualTo(200);
		assertThat(late.json().get("orderId").asString()).isEqualTo(order.id().toString());
	}

	@Test
	void aCrashAfterTheChargeBeforeTheCartRecordedItStillEndsInOneOrder() throws Exception {
		String sku = shop.product("20.00", 5);
		CheckoutShop.Guest guest = shop.readyCart(sku, 1);
		JsonNode waiting = guest.api().post(guest.path("/complete"), card("4000000000003220")).json();
		challenges.answerChallenge(waiting.get("nextActionUrl").asString(), "pass");
		// as if the process died right after payments answered, before the cart recorded the payment
		jdbc.sql("update checkout.cart set stage = 'PAYING', payment_intent_id = null where id = ?")
			.param(UUID.fromString(guest.id())).update();
		age(guest);
		reconciler.runOnce(STALE);

		assertThat(status(guest)).isEqualTo("COMPLETED");
		String orderId = ok(guest.api().get(guest.path(""))).get("orderId").asString();
		assertThat(orders.get(shop.store, OrderId.of(orderId)).paymentState()).isEqualTo(PaymentState.PAID);
		assertThat(payments.forOrder(shop.store, orderId)).extracting(PaymentIntent::status)
			.containsExactly(PaymentStatus.CAPTURED);
	}

	@Test
	void aCrashWhileReservingReleasesTheStockAndReopensTheCart() {
		String sku = shop.product("20.00", 5);
		CheckoutShop.Guest guest = shop.readyCart(sku, 2);
		CartId id = CartId.of(guest.id());
		// the process died after claiming the cart and reserving the stock, before the payment started
		Carts.Claim claim = carts.claim(shop.store, id, OrderId.random()).orElseThrow();
		inventory.reserve(shop.store, ReserveStock.of(claim.orderId().toString(), Duration.ofHours(1),
				new ReserveStock.Line(sku, 2)));
		jdbc.sql("update checkout.cart set stage = 'RESERVING' where id = ?").param(id.value()).update();
		assertThat(inventory.availableOnline(shop.store, sku)).isEqualTo(3);
		age(guest);
		reconciler.runOnce(STALE);

		assertThat(status(guest)).isEqualTo("ACTIVE");
		assertThat(inventory.availableOnline(shop.store, sku)).isEqualTo(5);
		assertThat(inventory.reservations(shop.store, Reservation.Status.ACTIVE, claim.orderId().toString(), null, 10)
			.items()).isEmpty();
		assertThat(payments.forOrder(shop.store, claim.orderId().toString())).isEmpty();
		// and the shopper can check out again
		assertThat(guest.api().post(guest.path("/complete"), card("4242424242424242")).status()).isEqualTo(201);
		assertThat(inventory.ledgerDiscrepancies(shop.store)).isEmpty();
	}

	@Test
	void aFailedChallengeNobodyConfirmedReopensTheCart() throws Exception {
		String sku = shop.product("20.00", 5);
		CheckoutShop.Guest guest = shop.readyCart(sku, 1);
		JsonNode waiting = guest.api().post(guest.path("/complete"), card("4000000000003220")).json();
		challenges.answerChallenge(waiting.get("nextActionUrl").asString(), "fail");
		age(guest);
		reconciler.runOnce(STALE);
		assertThat(status(guest)).isEqualTo("ACTIVE");
		assertThat(inventory.availableOnline(shop.store, sku)).isEqualTo(5);
		List<PaymentIntent> intents = payments.forOrder(shop.store, waiting.get("orderId").asString());
		assertThat(intents).extracting(PaymentIntent::status).containsExactly(PaymentStatus.FAILED);
	}

	private String status(CheckoutShop.Guest guest) {
		return ok(guest.api().get(guest.path(""))).get("status").asString();
	}

	private void age(CheckoutShop.Guest guest) {
		jdbc.sql("update checkout.cart set stage_at = stage_at - interval '1 hour' where id = ?")
			.param(UUID.fromString(guest.id())).update();
	}
}
