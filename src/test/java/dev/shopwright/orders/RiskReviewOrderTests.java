package dev.shopwright.orders;

import static dev.shopwright.checkout.CheckoutShop.card;
import static dev.shopwright.checkout.CheckoutShop.ok;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.shopwright.checkout.CheckoutShop;
import dev.shopwright.fraud.FraudManagement;
import dev.shopwright.fraud.ReviewDecision;
import dev.shopwright.fraud.RiskAssessmentId;
import dev.shopwright.fraud.events.RiskReviewed;
import dev.shopwright.inventory.InventoryManagement;
import dev.shopwright.testing.ApiClient;
import dev.shopwright.testing.ShopwrightTest;

/** Orders follow fraud reviews: genuine releases a risk hold (never a staff hold), fraudulent cancels and refunds. */
@ShopwrightTest
class RiskReviewOrderTests {

	@LocalServerPort
	int port;

	@Autowired
	OrderManagement orders;

	@Autowired
	InventoryManagement inventory;

	@Autowired
	FraudManagement fraud;

	@Autowired
	RiskReviewEvents listener;

	@Test
	void aGenuineReviewReleasesTheRiskHoldOnceAndNamesTheReviewer() {
		CheckoutShop shop = new CheckoutShop(port);
		String sku = shop.product("30.00", 5);
		Order held = heldOrder(shop, sku);
		String assessment = review(shop, held, "APPROVED");

		Order released = OrderFixtures.await(() -> orders.get(shop.store, held.id()), o -> o.status() == OrderStatus.OPEN);
		assertThat(released.status()).isEqualTo(OrderStatus.OPEN);
		List<TimelineEntry> timeline = orders.timeline(shop.store, held.id());
		assertThat(timeline).filteredOn(e -> e.kind().equals("released")).singleElement()
			.satisfies(e -> assertThat(e.message()).contains(ShopwrightTest.OWNER_EMAIL));

		// redelivery: nothing new
		listener.on(new RiskReviewed(shop.store, new RiskAssessmentId(java.util.UUID.fromString(assessment)),
				held.id().toString(), ReviewDecision.APPROVED));
		assertThat(orders.timeline(shop.store, held.id())).hasSameSizeAs(timeline);
		assertThat(orders.get(shop.store, held.id()).status()).isEqualTo(OrderStatus.OPEN);
	}

	@Test
	void aGenuineReviewLeavesAStaffHoldInPlace() {
		CheckoutShop shop = new CheckoutShop(port);
		String sku = shop.product("30.00", 5);
		Order open = placed(shop, shop.readyCart(sku, 1));
		assertThat(open.status()).isEqualTo(OrderStatus.OPEN);
		ok(shop.admin.post("/api/admin/v1/orders/" + open.id() + "/hold", Map.of("reason", "Customer asked to wait")));
		review(shop, open, "APPROVED");

		OrderFixtures.await(() -> orders.timeline(shop.store, open.id()),
				t -> t.stream().anyMatch(e -> e.kind().equals("risk.approved")));
		assertThat(orders.get(shop.store, open.id()).status()).isEqualTo(OrderStatus.ON_HOLD);
		assertThat(orders.timeline(shop.store, open.id())).filteredOn(e -> e.kind().equals("risk.approved"))
			.singleElement().satisfies(e -> assertThat(e.message()).contains("held by staff"));
	}

	@Test
	void aFraudulentReviewCancelsRefundsAndRestocksOnce() {
		CheckoutShop shop = new CheckoutShop(port);
		String sku = shop.product("30.00", 5);
		Order held = heldOrder(shop, sku);
		assertThat(inventory.availableOnline(shop.store, sku)).isEqualTo(3);
		String assessment = review(shop, held, "FRAUDULENT");

		Order cancelled = OrderFixtures.await(() -> orders.get(shop.store, held.id()),
				o -> o.status() == OrderStatus.CANCELLED
						&& (o.paymentState() == PaymentState.REFUNDED || o.paymentState() == PaymentState.VOIDED));
		assertThat(cancelled.cancelReason()).contains("fraud review", ShopwrightTest.OWNER_EMAIL);
		assertThat(inventory.availableOnline(shop.store, sku)).isEqualTo(4);
		int entries = OrderFixtures.await(() -> orders.timeline(shop.store, held.id()),
				t -> t.stream().anyMatch(e -> e.kind().equals("risk.fraudulent"))).size();

		listener.on(new RiskReviewed(shop.store, new RiskAssessmentId(java.util.UUID.fromString(assessment)),
				held.id().toString(), ReviewDecision.FRAUDULENT));
		assertThat(orders.timeline(shop.store, held.id())).hasSize(entries);
		assertThat(inventory.availableOnline(shop.store, sku)).isEqualTo(4);
	}

	/** Two units sold: one to an ordinary shopper, one held for its blocklisted email. */
	private Order heldOrder(CheckoutShop shop, String sku) {
		placed(shop, shop.readyCart(sku, 1));
		CheckoutShop.Guest suspicious = shop.readyCart(sku, 1);
		String email = ok(suspicious.api().get(suspicious.path(""))).get("email").asString();
		ok(shop.admin.post("/api/admin/v1/fraud/blocklist", Map.of("type", "EMAIL", "value", email)));
		Order held = placed(shop, suspicious);
		assertThat(held.status()).isEqualTo(OrderStatus.ON_HOLD);
		return held;
	}

	private String review(CheckoutShop shop, Order order, String decision) {
		String assessment = ok(shop.admin.get("/api/admin/v1/fraud/assessments?reference=" + order.id())).get("items")
			.get(0).get("id").asString();
		ok(shop.admin.post("/api/admin/v1/fraud/assessments/" + assessment + "/review", Map.of("decision", decision)));
		return assessment;
	}

	private Order placed(CheckoutShop shop, CheckoutShop.Guest guest) {
		ApiClient.Response answer = guest.api().post(guest.path("/complete"), card("4242424242424242"));
		assertThat(answer.status()).as(answer.body()).isEqualTo(201);
		return orders.get(shop.store, OrderId.of(answer.json().get("orderId").asString()));
	}
}
