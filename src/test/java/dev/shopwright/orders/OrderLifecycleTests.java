package dev.shopwright.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.shopwright.catalog.CatalogManagement;
import dev.shopwright.inventory.InventoryManagement;
import dev.shopwright.inventory.MovementReason;
import dev.shopwright.inventory.Reservation;
import dev.shopwright.inventory.ReserveStock;
import dev.shopwright.inventory.StockMovement;
import dev.shopwright.inventory.StockReceipt;
import dev.shopwright.payments.CaptureMode;
import dev.shopwright.payments.PaymentIntent;
import dev.shopwright.payments.PaymentManagement;
import dev.shopwright.payments.PaymentSettings;
import dev.shopwright.payments.PaymentStatus;
import dev.shopwright.platform.BusinessRuleViolation;
import dev.shopwright.shared.Money;
import dev.shopwright.shared.StoreId;
import dev.shopwright.stores.StoreManagement;
import dev.shopwright.testing.ShopwrightTest;

/** Cancelling, fulfilling, holding, tagging and moving money through the order, on the real database and sandbox. */
@ShopwrightTest
class OrderLifecycleTests {

	@Autowired
	OrderManagement orders;

	@Autowired
	PaymentManagement payments;

	@Autowired
	InventoryManagement inventory;

	@Autowired
	CatalogManagement catalog;

	@Autowired
	StoreManagement stores;

	OrderFixtures fixtures;

	@BeforeEach
	void fixtures() {
		fixtures = new OrderFixtures(stores, payments);
	}

	/** A paid (or authorised) order for {@code quantity} of a fresh SKU with 10 on hand, stock taken by the order. */
	private Order paidOrder(StoreId store, String sku, int quantity, CaptureMode mode) {
		payments.updateSettings(store, new PaymentSettings(true, false, false, mode));
		inventory.receive(store, StockReceipt.of(sku, 10, null));
		OrderId id = OrderId.random();
		Reservation reservation = inventory.reserve(store, ReserveStock.of("cart-" + id, Duration.ofMinutes(15),
				new ReserveStock.Line(sku, quantity)));
		PlaceOrder unpaid = fixtures.order(id, "EUR", List.of(new OrderFixtures.Item(sku, quantity, "9.00")),
				PlaceOrder.Risk.NOT_ASSESSED, reservation.reference(), null, null, null);
		PaymentIntent payment = fixtures.payByCard(store, id, unpaid.totals().total(), "4242424242424242");
		return orders.place(store, fixtures.order(id, "EUR", List.of(new OrderFixtures.Item(sku, quantity, "9.00")),
				PlaceOrder.Risk.NOT_ASSESSED, reservation.reference(),
				new OrderFixtures.PaymentIntentIdHolder(payment.id()), null, null));
	}

	private StoreId demo() {
		return stores.findByReference("demo").orElseThrow().id();
	}

	private StoreId freshStoreWithSku(String[] sku) {
		StoreId store = fixtures.newStore("EUR");
		sku[0] = fixtures.newSku(catalog, store);
		return store;
	}

	@Test
	void cancellingAnAuthorisedOrderVoidsThePaymentAndReleasesNothingItDidNotTake() {
		String[] sku = new String[1];
		StoreId store = freshStoreWithSku(sku);
		Order order = paidOrder(store, sku[0], 2, CaptureMode.ON_FULFILMENT);
		assertThat(order.paymentState()).isEqualTo(PaymentState.AUTHORIZED);
		assertThat(inventory.stock(store, sku[0]).onHand()).isEqualTo(10);
		assertThat(inventory.stock(store, sku[0]).committed()).isEqualTo(2);

		Order cancelled = orders.cancel(store, order.id(), "Customer changed their mind", false);

		assertThat(cancelled.status()).isEqualTo(OrderStatus.CANCELLED);
		assertThat(cancelled.cancelReason()).isEqualTo("Customer changed their mind");
		assertThat(cancelled.lines()).allSatisfy(l -> assertThat(l.cancelledQuantity()).isEqualTo(l.quantity()));
		assertThat(payments.forOrder(store, order.id().toString())).singleElement()
			.satisfies(p -> assertThat(p.status()).isEqualTo(PaymentStatus.VOIDED));
		OrderFixtures.await(() -> orders.get(store, order.id()).paymentState(), s -> s == PaymentState.VOIDED);
		// the units never left the shelf: their commitment is released whether or not restocking was asked for
		assertThat(inventory.stock(store, sku[0]).onHand()).as("on hand never moved").isEqualTo(10);
		assertThat(inventory.stock(store, sku[0]).committed()).isZero();
		assertThat(inventory.availableOnline(store, sku[0])).isEqualTo(10);
		assertThat(inventory.movements(store, sku[0], null, 20).items())
			.noneMatch(m -> m.reason() == MovementReason.RETURNED)
			.anySatisfy(m -> {
				assertThat(m.reason()).isEqualTo(MovementReason.UNCOMMITTED);
				assertThat(m.committedDelta()).isEqualTo(-2);
			});
		// cancelling again finishes nothing new and refunds nothing twice
		orders.cancel(store, order.id(), "again", true);
		assertThat(orders.get(store, order.id()).cancelReason()).isEqualTo("Customer changed their mind");
		assertThat(payments.forOrder(store, order.id().toString()).getFirst().transactions())
			.filteredOn(t -> t.kind() == dev.shopwright.payments.PaymentTransaction.Kind.VOID).hasSize(1);
	}

	@Test
	void cancellingACapturedOrderRefundsItAndRestocksTheUnitsInTheLedger() {
		String[] sku = new String[1];
		StoreId store = freshStoreWithSku(sku);
		Order order = paidOrder(store, sku[0], 3, CaptureMode.IMMEDIATE);
		assertThat(order.paymentState()).isEqualTo(PaymentState.PAID);
		assertThat(inventory.stock(store, sku[0]).onHand()).isEqualTo(10);
		assertThat(inventory.availableOnline(store, sku[0])).isEqualTo(7);

		orders.cancel(store, order.id(), "Out of business", true);

		PaymentIntent payment = payments.forOrder(store, order.id().toString()).getFirst();
		assertThat(payment.status()).isEqualTo(PaymentStatus.REFUNDED);
		assertThat(payment.refunded()).isEqualTo(order.totals().total());
		OrderFixtures.await(() -> orders.get(store, order.id()).paymentState(), s -> s == PaymentState.REFUNDED);
		// unshipped units are released from the commitment (no RETURNED restock: they never left on hand)
		assertThat(inventory.stock(store, sku[0]).onHand()).isEqualTo(10);
		assertThat(inventory.stock(store, sku[0]).committed()).isZero();
		assertThat(inventory.availableOnline(store, sku[0])).isEqualTo(10);
		List<StockMovement> ledger = inventory.movements(store, sku[0], null, 20).items();
		assertThat(ledger).noneMatch(m -> m.reason() == MovementReason.RETURNED);
		assertThat(ledger).filteredOn(m -> m.reason() == MovementReason.UNCOMMITTED).singleElement().satisfies(m -> {
			assertThat(m.committedDelta()).isEqualTo(-3);
			assertThat(m.onHandDelta()).isZero();
			assertThat(m.note()).contains(order.number());
		});
		assertThat(inventory.ledgerDiscrepancies(store)).isEmpty();
		assertThat(orders.timeline(store, order.id())).extracting(TimelineEntry::kind).contains("cancelled");
	}

	@Test
	void anOrderWithAnythingFulfilledCannotBeCancelled() {
		StoreId store = fixtures.newStore("EUR");
		Order order = orders.place(store, fixtures.order(OrderId.random(), "EUR",
				List.of(new OrderFixtures.Item("F-1", 2, "5.00")), PlaceOrder.Risk.NOT_ASSESSED, null, null, null, null));
		orders.recordFulfillment(store, order.id(), Map.of(order.lines().getFirst().id(), 1), "shipment-1");

		assertThatThrownBy(() -> orders.cancel(store, order.id(), "too late", true))
			.isInstanceOfSatisfying(BusinessRuleViolation.class, ex -> {
				assertThat(ex.code()).isEqualTo("ORDER_ALREADY_FULFILLED");
				assertThat(ex.status()).isEqualTo(409);
			});
		assertThat(orders.get(store, order.id()).status()).isEqualTo(OrderStatus.OPEN);
	}

	@Test
	void overShippingIsRefusedWholeAndTheSameShipmentCountsOnce() {
		StoreId store = fixtures.newStore("EUR");
		Order order = orders.place(store, fixtures.order(OrderId.random(), "EUR",
				List.of(new OrderFixtures.Item("S-1", 2, "5.00"), new OrderFixtures.Item("S-2", 1, "5.00")),
				PlaceOrder.Risk.NOT_ASSESSED, null, null, null, null));
		UUID first = order.lines().get(0).id();
		UUID second = order.lines().get(1).id();

		assertThatThrownBy(() -> orders.recordFulfillment(store, order.id(), Map.of(first, 1, second, 2), "box-1"))
			.isInstanceOfSatisfying(BusinessRuleViolation.class, ex -> {
				assertThat(ex.code()).isEqualTo("FULFILLMENT_EXCEEDS_QUANTITY");
				assertThat(ex.fieldErrors()).containsKey("quantities." + second);
			});
		assertThat(orders.get(store, order.id()).lines()).allSatisfy(l -> assertThat(l.fulfilledQuantity()).isZero());

		Order partly = orders.recordFulfillment(store, order.id(), Map.of(first, 1), "box-1");
		assertThat(partly.fulfillmentStatus()).isEqualTo(FulfillmentStatus.PARTIALLY_FULFILLED);
		Order again = orders.recordFulfillment(store, order.id(), Map.of(first, 1), "box-1");
		assertThat(again.lines().getFirst().fulfilledQuantity()).isEqualTo(1);
		Order done = orders.recordFulfillment(store, order.id(), Map.of(first, 1, second, 1), "box-2");
		assertThat(done.fulfillmentStatus()).isEqualTo(FulfillmentStatus.FULFILLED);
		assertThat(done.status()).as("not paid yet, so still open").isEqualTo(OrderStatus.OPEN);
	}

	@Test
	void concurrentPartialFulfilmentsNeverExceedTheQuantity() throws Exception {
		StoreId store = fixtures.newStore("EUR");
		Order order = orders.place(store, fixtures.order(OrderId.random(), "EUR",
				List.of(new OrderFixtures.Item("C-1", 5, "1.00")), PlaceOrder.Risk.NOT_ASSESSED, null, null, null, null));
		UUID line = order.lines().getFirst().id();
		List<Callable<Boolean>> shipments = new ArrayList<>();
		for (int i = 0; i < 12; i++) {
			String reference = "parcel-" + i;
			shipments.add(() -> {
				try {
					orders.recordFulfillment(store, order.id(), Map.of(line, 1), reference);
					return true;
				}
				catch (BusinessRuleViolation refused) {
					assertThat(refused.code()).isEqualTo("FULFILLMENT_EXCEEDS_QUANTITY");
					return false;
				}
			});
		}
		List<Boolean> outcomes = OrderFixtures.runAtOnce(shipments);

		assertThat(outcomes.stream().filter(Boolean::booleanValue).count()).isEqualTo(5);
		Order after = orders.get(store, order.id());
		assertThat(after.lines().getFirst().fulfilledQuantity()).isEqualTo(5);
		assertThat(after.fulfillmentStatus()).isEqualTo(FulfillmentStatus.FULFILLED);
	}

	@Test
	void fulfillingCapturesWhenTheStoreCapturesOnFulfilmentAndClosesThePaidOrder() {
		String[] sku = new String[1];
		StoreId store = freshStoreWithSku(sku);
		Order order = paidOrder(store, sku[0], 1, CaptureMode.ON_FULFILMENT);
		orders.recordFulfillment(store, order.id(), Map.of(order.lines().getFirst().id(), 1), "parcel-A");

		assertThat(payments.forOrder(store, order.id().toString()).getFirst().status()).isEqualTo(PaymentStatus.CAPTURED);
		Order closed = OrderFixtures.await(() -> orders.get(store, order.id()), o -> o.status() == OrderStatus.CLOSED);
		assertThat(closed.paymentState()).isEqualTo(PaymentState.PAID);
		assertThat(closed.closedAt()).isNotNull();
	}

	@Test
	void capturesAndRefundsGoThroughTheOrderButNeverBeyondWhatWasPaid() {
		String[] sku = new String[1];
		StoreId store = freshStoreWithSku(sku);
		Order order = paidOrder(store, sku[0], 2, CaptureMode.ON_FULFILMENT);
		Money total = order.totals().total();

		assertThatThrownBy(() -> orders.capture(store, order.id(), total.plus(Money.of("0.01", "EUR")), "k1"))
			.isInstanceOfSatisfying(BusinessRuleViolation.class,
					ex -> assertThat(ex.code()).isEqualTo("CAPTURE_EXCEEDS_AUTHORIZED"));
		orders.capture(store, order.id(), Money.of("10.00", "EUR"), "k2");
		OrderFixtures.await(() -> orders.get(store, order.id()).paymentState(), s -> s == PaymentState.PARTIALLY_PAID);

		assertThatThrownBy(() -> orders.refund(store, order.id(), Money.of("10.01", "EUR"), "too much", "r1"))
			.isInstanceOfSatisfying(BusinessRuleViolation.class, ex -> {
				assertThat(ex.code()).isEqualTo("REFUND_EXCEEDS_PAID");
				assertThat(ex.status()).isEqualTo(409);
			});
		orders.refund(store, order.id(), Money.of("4.00", "EUR"), "scratched box", "r2");
		OrderFixtures.await(() -> orders.get(store, order.id()).paymentState(),
				s -> s == PaymentState.PARTIALLY_REFUNDED);
		assertThat(payments.forOrder(store, order.id().toString()).getFirst().refunded())
			.isEqualTo(Money.of("4.00", "EUR"));
		assertThat(orders.timeline(store, order.id())).filteredOn(e -> e.kind().equals("refund.requested"))
			.singleElement().satisfies(e -> assertThat(e.message()).contains("scratched box"));
	}

	@Test
	void holdReleaseNotesAndTagsWithOptimisticVersions() {
		StoreId store = demo();
		Order order = orders.place(store, fixtures.simple(OrderId.random(), "EUR", "8.00"));

		Order held = orders.hold(store, order.id(), "Address check");
		assertThat(held.status()).isEqualTo(OrderStatus.ON_HOLD);
		assertThatThrownBy(() -> orders.hold(store, order.id(), "twice"))
			.isInstanceOfSatisfying(BusinessRuleViolation.class, ex -> assertThat(ex.code()).isEqualTo("ORDER_NOT_OPEN"));
		assertThatThrownBy(() -> orders.recordFulfillment(store, order.id(), Map.of(order.lines().getFirst().id(), 1),
				"early")).isInstanceOfSatisfying(BusinessRuleViolation.class,
						ex -> assertThat(ex.code()).isEqualTo("ORDER_ON_HOLD"));
		Order released = orders.release(store, order.id());
		assertThat(released.status()).isEqualTo(OrderStatus.OPEN);
		assertThatThrownBy(() -> orders.release(store, order.id()))
			.isInstanceOfSatisfying(BusinessRuleViolation.class,
					ex -> assertThat(ex.code()).isEqualTo("ORDER_NOT_ON_HOLD"));

		orders.addNote(store, order.id(), "Called the customer");
		Order tagged = orders.setTags(store, order.id(), Set.of(" vip ", "gift"), released.version());
		assertThat(tagged.tags()).containsExactlyInAnyOrder("vip", "gift");
		assertThatThrownBy(() -> orders.setTags(store, order.id(), Set.of("stale"), released.version()))
			.isInstanceOfSatisfying(BusinessRuleViolation.class,
					ex -> assertThat(ex.code()).isEqualTo("ORDER_VERSION_CONFLICT"));
		assertThat(orders.timeline(store, order.id())).extracting(TimelineEntry::kind)
			.containsSubsequence("placed", "held", "released", "note", "tags");
		assertThat(orders.timeline(store, order.id())).filteredOn(e -> e.kind().equals("note")).singleElement()
			.satisfies(e -> assertThat(e.message()).isEqualTo("Called the customer"));
	}
}
