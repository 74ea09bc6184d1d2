package dev.shopwright.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.shopwright.catalog.CatalogManagement;
import dev.shopwright.inventory.InventoryManagement;
import dev.shopwright.inventory.Reservation;
import dev.shopwright.inventory.ReserveStock;
import dev.shopwright.inventory.StockReceipt;
import dev.shopwright.payments.CaptureMode;
import dev.shopwright.payments.PaymentIntent;
import dev.shopwright.payments.PaymentManagement;
import dev.shopwright.payments.PaymentSettings;
import dev.shopwright.platform.BusinessRuleViolation;
import dev.shopwright.platform.ResourceNotFound;
import dev.shopwright.shared.Money;
import dev.shopwright.shared.StoreId;
import dev.shopwright.stores.StoreManagement;
import dev.shopwright.testing.ShopwrightTest;

/** Placing orders on the real database: numbering, idempotency, payment state, risk holds, stock, isolation. */
@ShopwrightTest
class OrderPlacementTests {

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

	@Autowired
	JdbcClient jdbc;

	OrderFixtures fixtures;

	@BeforeEach
	void fixtures() {
		fixtures = new OrderFixtures(stores, payments);
	}

	@Test
	void numbersAreGapFreeAndUniqueUnderTwentyConcurrentPlaces() throws Exception {
		StoreId store = fixtures.newStore("EUR");
		List<Callable<Order>> places = new ArrayList<>();
		for (int i = 0; i < 20; i++) {
			places.add(() -> orders.place(store, fixtures.simple(OrderId.random(), "EUR", "10.00")));
		}
		List<Order> placed = OrderFixtures.runAtOnce(places);

		Set<String> numbers = placed.stream().map(Order::number).collect(Collectors.toSet());
		Set<String> expected = java.util.stream.IntStream.rangeClosed(1001, 1020).mapToObj(n -> "#" + n)
			.collect(Collectors.toSet());
		assertThat(numbers).isEqualTo(expected);
		assertThat(orders.list(store, OrderListing.ALL, null, 100).items()).hasSize(20);
		// the next one carries on from the last
		assertThat(orders.place(store, fixtures.simple(OrderId.random(), "EUR", "1.00")).number()).isEqualTo("#1021");
	}

	@Test
	void aFailedPlaceGivesItsNumberBack() {
		StoreId store = fixtures.newStore("EUR");
		assertThat(orders.place(store, fixtures.simple(OrderId.random(), "EUR", "5.00")).number()).isEqualTo("#1001");
		PlaceOrder broken = fixtures.simple(OrderId.random(), "EUR", "5.00");
		PlaceOrder unknownPayment = new PlaceOrder(broken.id(), broken.channel(), null, broken.email(), broken.lines(),
				null, null, null, broken.totals(), null, dev.shopwright.payments.PaymentIntentId.random(),
				broken.risk(), null, null, null);
		assertThatThrownBy(() -> orders.place(store, unknownPayment)).isInstanceOf(BusinessRuleViolation.class)
			.hasFieldOrPropertyWithValue("code", "INVALID_ORDER");
		assertThat(orders.find(store, broken.id())).isEmpty();
		assertThat(orders.place(store, fixtures.simple(OrderId.random(), "EUR", "5.00")).number()).isEqualTo("#1002");
	}

	@Test
	void placingTheSameIdAgainReturnsTheOneOrder() throws Exception {
		StoreId store = fixtures.newStore("EUR");
		PlaceOrder command = fixtures.simple(OrderId.random(), "EUR", "12.50");
		Order first = orders.place(store, command);
		Order again = orders.place(store, command);
		assertThat(again).isEqualTo(first);

		PlaceOrder concurrent = fixtures.simple(OrderId.random(), "EUR", "7.00");
		List<Callable<Order>> places = new ArrayList<>();
		for (int i = 0; i < 10; i++) {
			places.add(() -> orders.place(store, concurrent));
		}
		List<Order> placed = OrderFixtures.runAtOnce(places);
		assertThat(placed).extracting(Order::number).containsOnly("#1002");
		assertThat(orders.list(store, OrderListing.ALL, null, 100).items()).extracting(Order::id)
			.containsExactly(concurrent.id(), command.id());
		assertThat(orders.timeline(store, concurrent.id())).filteredOn(e -> e.kind().equals("placed")).hasSize(1);
		assertThat(jdbc.sql("select count(*) from orders.order_line where store_id = :s and order_id = :o")
			.param("s", store.value()).param("o", concurrent.id().value()).query(Long.class).single()).isEqualTo(1);
	}

	@Test
	void theOrderKeepsLinesTaxLinesAndTotalsAsAgreed() {
		StoreId store = fixtures.newStore("EUR");
		PlaceOrder command = fixtures.order(OrderId.random(), "EUR", List.of(new OrderFixtures.Item("A-1", 2, "10.05"),
				new OrderFixtures.Item("B-2", 1, "3.33")), PlaceOrder.Risk.NOT_ASSESSED, null, null, null, null);
		Order order = orders.place(store, command);

		assertThat(order.status()).isEqualTo(OrderStatus.OPEN);
		assertThat(order.paymentState()).isEqualTo(PaymentState.PENDING);
		assertThat(order.fulfillmentStatus()).isEqualTo(FulfillmentStatus.UNFULFILLED);
		assertThat(order.lines()).extracting(Order.Line::sku, Order.Line::quantity, l -> l.tax().toString(),
				l -> l.total().toString())
			.containsExactly(org.assertj.core.groups.Tuple.tuple("A-1", 2, "3.82 EUR", "23.92 EUR"),
					org.assertj.core.groups.Tuple.tuple("B-2", 1, "0.63 EUR", "3.96 EUR"));
		// 23.43 net + 4.90 shipping; tax 3.82 + 0.63 + 0.93 (shipping)
		assertThat(order.totals().subtotal()).isEqualTo(Money.of("23.43", "EUR"));
		assertThat(order.totals().taxTotal()).isEqualTo(Money.of("5.38", "EUR"));
		assertThat(order.totals().total()).isEqualTo(Money.of("33.71", "EUR"));
		assertThat(order.taxLines()).singleElement().satisfies(tax -> {
			assertThat(tax.name()).isEqualTo("VAT 19%");
			assertThat(tax.amount()).isEqualTo(Money.of("5.38", "EUR"));
		});
		assertThat(order.shipping()).isNotNull();
		assertThat(order.shipping().price()).isEqualTo(Money.of("4.90", "EUR"));
		assertThat(order.shippingAddress()).isEqualTo(OrderFixtures.address("Ada"));
		assertThat(order.storeCurrency().total()).isEqualTo(order.totals().total());
	}

	@Test
	void aZeroTotalWithoutPaymentIsPaid() {
		StoreId store = fixtures.newStore("EUR");
		PlaceOrder free = fixtures.order(OrderId.random(), "EUR", List.of(new OrderFixtures.Item("FREE", 1, "0.00")),
				PlaceOrder.Risk.NOT_ASSESSED, null, null, null, null);
		PlaceOrder noShipping = new PlaceOrder(free.id(), free.channel(), null, free.email(), free.lines(), null, null,
				null, zeroShipping(free), null, null, free.risk(), null, null, null);
		assertThat(orders.place(store, noShipping).paymentState()).isEqualTo(PaymentState.PAID);
	}

	private static dev.shopwright.pricing.PriceBreakdown zeroShipping(PlaceOrder order) {
		var t = order.totals();
		Money zero = Money.zero(t.currency());
		return new dev.shopwright.pricing.PriceBreakdown(t.currency(), false, t.rounding(), null, false, t.lines(), zero,
				zero, zero, zero, zero, List.of(), zero, zero,
				new dev.shopwright.pricing.PriceBreakdown.StoreCurrencyTotals(t.currency(), null, null, zero, zero, zero,
						zero, zero));
	}

	@Test
	void thePaymentStateFollowsASandboxCardPayment() {
		StoreId store = fixtures.newStore("EUR");
		payments.updateSettings(store, new PaymentSettings(true, false, false, CaptureMode.ON_FULFILMENT));
		OrderId id = OrderId.random();
		PlaceOrder unpaid = fixtures.simple(id, "EUR", "20.00");
		Money total = unpaid.totals().total();
		PaymentIntent payment = fixtures.payByCard(store, id, total, "4242424242424242");
		PlaceOrder command = fixtures.order(id, "EUR", List.of(new OrderFixtures.Item(unpaid.lines().getFirst().sku(), 1,
				"20.00")), PlaceOrder.Risk.NOT_ASSESSED, null, new OrderFixtures.PaymentIntentIdHolder(payment.id()), null,
				null);

		Order placed = orders.place(store, command);
		assertThat(placed.paymentState()).isEqualTo(PaymentState.AUTHORIZED);

		payments.capture(store, payment.id(), null, "capture-" + id);
		awaitPaymentState(store, id, PaymentState.PAID);
		payments.refund(store, payment.id(), Money.of("5.00", "EUR"), "refund-1-" + id);
		awaitPaymentState(store, id, PaymentState.PARTIALLY_REFUNDED);
		payments.refund(store, payment.id(), null, "refund-2-" + id);
		awaitPaymentState(store, id, PaymentState.REFUNDED);

		OrderFixtures.await(() -> orders.timeline(store, id).stream().map(TimelineEntry::kind).toList(),
				kinds -> kinds.containsAll(List.of("placed", "payment.captured", "payment.refunded"))
						&& kinds.stream().filter("payment.refunded"::equals).count() == 2);
		// the authorisation happened before the order existed: placing read it, no entry was lost or doubled
		assertThat(orders.timeline(store, id)).filteredOn(e -> e.kind().equals("payment.captured")).hasSize(1);
	}

	@Test
	void aPaymentForAnotherOrderIsRefused() {
		StoreId store = fixtures.newStore("EUR");
		OrderId other = OrderId.random();
		PaymentIntent payment = fixtures.payByCard(store, other, Money.of("10.00", "EUR"), "4242424242424242");
		PlaceOrder command = fixtures.order(OrderId.random(), "EUR", List.of(new OrderFixtures.Item("X", 1, "1.00")),
				PlaceOrder.Risk.NOT_ASSESSED, null, new OrderFixtures.PaymentIntentIdHolder(payment.id()), null, null);
		assertThatThrownBy(() -> orders.place(store, command)).isInstanceOf(BusinessRuleViolation.class)
			.hasFieldOrPropertyWithValue("code", "PAYMENT_NOT_FOR_ORDER");
		assertThat(orders.find(store, command.id())).isEmpty();
	}

	@Test
	void highRiskPutsTheOrderOnHoldAndSaysWhy() {
		StoreId store = fixtures.newStore("EUR");
		PlaceOrder command = fixtures.order(OrderId.random(), "EUR", List.of(new OrderFixtures.Item("R", 1, "900.00")),
				new PlaceOrder.Risk(85, RiskLevel.HIGH, List.of("billing and shipping countries differ")), null, null, null,
				null);
		Order order = orders.place(store, command);
		assertThat(order.status()).isEqualTo(OrderStatus.ON_HOLD);
		assertThat(order.risk().reasons()).containsExactly("billing and shipping countries differ");
		assertThat(orders.timeline(store, order.id())).filteredOn(e -> e.kind().equals("held"))
			.singleElement()
			.satisfies(e -> assertThat(e.message()).contains("score 85").contains("billing and shipping countries differ"));

		PlaceOrder medium = fixtures.order(OrderId.random(), "EUR", List.of(new OrderFixtures.Item("R", 1, "9.00")),
				new PlaceOrder.Risk(40, RiskLevel.MEDIUM, List.of("new customer")), null, null, null, null);
		assertThat(orders.place(store, medium).status()).isEqualTo(OrderStatus.OPEN);
		assertThat(orders.list(store, new OrderListing(null, OrderStatus.ON_HOLD, null, null, null, null, null, null,
				null), null, 10).items()).extracting(Order::id).containsExactly(order.id());
		assertThat(orders.list(store, new OrderListing(null, null, null, null, null, RiskLevel.MEDIUM, null, null,
				null), null, 10).items()).extracting(Order::id).containsExactly(medium.id());
	}

	@Test
	void placingConfirmsTheActiveReservation() {
		StoreId store = stores.findByReference("demo").orElseThrow().id();
		String sku = fixtures.newSku(catalog, store);
		inventory.receive(store, StockReceipt.of(sku, 10, null));
		OrderId id = OrderId.random();
		Reservation reservation = inventory.reserve(store, ReserveStock.of("cart-" + id, Duration.ofMinutes(15),
				new ReserveStock.Line(sku, 3)));

		Order order = orders.place(store, fixtures.order(id, "EUR", List.of(new OrderFixtures.Item(sku, 3, "9.00")),
				PlaceOrder.Risk.NOT_ASSESSED, reservation.reference(), null, null, null));

		assertThat(inventory.reservation(store, reservation.id()).status()).isEqualTo(Reservation.Status.CONFIRMED);
		// the units are committed to the order: still on hand until shipped, no longer available
		assertThat(inventory.stock(store, sku).onHand()).isEqualTo(10);
		assertThat(inventory.stock(store, sku).committed()).isEqualTo(3);
		assertThat(inventory.availableOnline(store, sku)).isEqualTo(7);
		assertThat(orders.stockReferences(store, order.id())).containsExactly(reservation.reference());
		assertThat(orders.timeline(store, order.id())).extracting(TimelineEntry::kind).contains("stock.confirmed");
	}

	@Test
	void aLapsedReservationIsMadeAgainOrTheOrderIsHeldWhenTheUnitsAreGone() {
		StoreId store = stores.findByReference("demo").orElseThrow().id();
		String sku = fixtures.newSku(catalog, store);
		inventory.receive(store, StockReceipt.of(sku, 4, null));

		// lapsed while the shopper was away, units still there: reserved again and sold
		OrderId first = OrderId.random();
		Reservation lapsed = inventory.reserve(store, ReserveStock.of("cart-" + first, Duration.ofMinutes(15),
				new ReserveStock.Line(sku, 3)));
		inventory.release(store, lapsed.id());
		Order placed = orders.place(store, fixtures.order(first, "EUR", List.of(new OrderFixtures.Item(sku, 3, "9.00")),
				PlaceOrder.Risk.NOT_ASSESSED, lapsed.reference(), null, null, null));
		assertThat(placed.status()).isEqualTo(OrderStatus.OPEN);
		assertThat(inventory.stock(store, sku).committed()).isEqualTo(3);
		assertThat(inventory.availableOnline(store, sku)).isEqualTo(1);
		assertThat(orders.timeline(store, first)).extracting(TimelineEntry::kind).contains("stock.confirmed");

		// lapsed and the units sold meanwhile: the paid order is placed, on hold for staff, nothing oversold
		OrderId second = OrderId.random();
		Reservation gone = inventory.reserve(store, ReserveStock.of("cart-" + second, Duration.ofMinutes(15),
				new ReserveStock.Line(sku, 1)));
		inventory.release(store, gone.id());
		inventory.reserve(store, ReserveStock.of("someone-else-" + second, Duration.ofMinutes(15), new ReserveStock.Line(sku, 1)));
		Order held = orders.place(store, fixtures.order(second, "EUR", List.of(new OrderFixtures.Item(sku, 1, "9.00")),
				PlaceOrder.Risk.NOT_ASSESSED, gone.reference(), null, null, null));
		assertThat(held.status()).isEqualTo(OrderStatus.ON_HOLD);
		assertThat(orders.timeline(store, second)).extracting(TimelineEntry::kind).contains("stock.not-reserved", "held");
		assertThat(inventory.stock(store, sku).onHand()).isEqualTo(4);
		assertThat(inventory.stock(store, sku).committed()).isEqualTo(3);
		assertThat(inventory.availableOnline(store, sku)).isZero();
		assertThat(inventory.ledgerDiscrepancies(store)).isEmpty();
	}

	@Test
	void oneStoreCannotSeeAnothersOrders() {
		StoreId mine = fixtures.newStore("EUR");
		StoreId theirs = fixtures.newStore("EUR");
		Order order = orders.place(mine, fixtures.simple(OrderId.random(), "EUR", "3.00"));

		assertThat(orders.find(theirs, order.id())).isEmpty();
		assertThatThrownBy(() -> orders.get(theirs, order.id())).isInstanceOf(ResourceNotFound.class);
		assertThatThrownBy(() -> orders.timeline(theirs, order.id())).isInstanceOf(ResourceNotFound.class);
		assertThat(orders.list(theirs, OrderListing.ALL, null, 10).items()).isEmpty();
		// the same id placed in the other store is a different order with that store's own numbering
		Order same = orders.place(theirs, fixtures.simple(order.id(), "EUR", "4.00"));
		assertThat(same.number()).isEqualTo("#1001");
		assertThat(orders.get(mine, order.id()).totals().subtotal()).isEqualTo(Money.of("3.00", "EUR"));
	}

	@Test
	void listingPagesNewestFirstAndSearchesByNumberAndEmail() {
		StoreId store = fixtures.newStore("EUR");
		List<Order> placed = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			placed.add(orders.place(store, fixtures.simple(OrderId.random(), "EUR", "2.00")));
		}
		var first = orders.list(store, OrderListing.ALL, null, 2);
		var second = orders.list(store, OrderListing.ALL, first.nextCursor(), 2);
		var third = orders.list(store, OrderListing.ALL, second.nextCursor(), 2);
		List<OrderId> seen = new ArrayList<>();
		List.of(first, second, third).forEach(page -> page.items().forEach(o -> seen.add(o.id())));
		assertThat(seen).containsExactlyElementsOf(placed.reversed().stream().map(Order::id).toList());
		assertThat(third.nextCursor()).isNull();

		assertThat(orders.list(store, new OrderListing("#1003", null, null, null, null, null, null, null, null), null,
				10).items()).extracting(Order::number).containsExactly("#1003");
		String email = placed.get(1).email();
		assertThat(orders.list(store, new OrderListing(email.substring(0, 12).toUpperCase(), null, null, null, null,
				null, null, null, null), null, 10).items()).extracting(Order::id).containsExactly(placed.get(1).id());
	}

	private void awaitPaymentState(StoreId store, OrderId id, PaymentState expected) {
		OrderFixtures.await(() -> orders.get(store, id).paymentState(), state -> state == expected);
	}
}
