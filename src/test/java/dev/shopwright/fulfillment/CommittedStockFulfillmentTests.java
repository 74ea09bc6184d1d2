package dev.shopwright.fulfillment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.PlatformTransactionManager;

import dev.shopwright.catalog.CatalogManagement;
import dev.shopwright.inventory.InventoryManagement;
import dev.shopwright.inventory.Location;
import dev.shopwright.inventory.Reservation;
import dev.shopwright.inventory.ReserveStock;
import dev.shopwright.inventory.StockLevel;
import dev.shopwright.orders.Order;
import dev.shopwright.orders.OrderFixtures;
import dev.shopwright.orders.OrderId;
import dev.shopwright.orders.OrderManagement;
import dev.shopwright.orders.PlaceOrder;
import dev.shopwright.orders.edits.EditOrder;
import dev.shopwright.orders.edits.OrderEdits;
import dev.shopwright.payments.PaymentIntent;
import dev.shopwright.payments.PaymentManagement;
import dev.shopwright.platform.BusinessRuleViolation;
import dev.shopwright.shared.StoreId;
import dev.shopwright.stores.StoreManagement;
import dev.shopwright.testing.ShopwrightTest;

/**
 * Committed stock through real orders (ADR 0022): placing commits the units, planning and staff re-allocation move
 * the commitment to the location that ships, the shipment takes the units off on hand there, an edit after a partial
 * shipment releases what will not ship. The ledger sums to every level after each step.
 */
@ShopwrightTest
class CommittedStockFulfillmentTests {

	@Autowired
	FulfillmentManagement fulfillment;

	@Autowired
	InventoryManagement inventory;

	@Autowired
	OrderManagement orders;

	@Autowired
	OrderEdits edits;

	@Autowired
	PaymentManagement payments;

	@Autowired
	CatalogManagement catalog;

	@Autowired
	StoreManagement stores;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	PlatformTransactionManager transactionManager;

	FulfillmentFixtures fixtures;

	OrderFixtures orderFixtures;

	StoreId store;

	@BeforeEach
	void setUp() {
		fixtures = new FulfillmentFixtures(catalog, stores, inventory, fulfillment, events, transactionManager);
		orderFixtures = new OrderFixtures(stores, payments);
		store = fixtures.demo(); // its tax classes price an order edit
	}

	/** A paid order for the units, reserved the way checkout does and placed; waits until fulfilment planned it. */
	private Order placed(String sku, int units) {
		return placed(new OrderFixtures.Item(sku, units, "9.00"));
	}

	private Order placed(OrderFixtures.Item... items) {
		OrderId id = OrderId.random();
		Reservation reservation = inventory.reserve(store, new ReserveStock("cart-" + id, java.util.Arrays.stream(items)
			.map(i -> new ReserveStock.Line(i.sku(), i.quantity())).toList(), Duration.ofMinutes(15)));
		PlaceOrder unpaid = orderFixtures.order(id, "EUR", List.of(items), PlaceOrder.Risk.NOT_ASSESSED,
				reservation.reference(), null, null, null);
		PaymentIntent payment = orderFixtures.payByCard(store, id, unpaid.totals().total(), "4242424242424242");
		Order order = orders.place(store, orderFixtures.order(id, "EUR", List.of(items), PlaceOrder.Risk.NOT_ASSESSED,
				reservation.reference(), new OrderFixtures.PaymentIntentIdHolder(payment.id()), null, null));
		fixtures.awaitPlanned(store, order.id().value());
		return order;
	}

	private StockLevel at(String sku, Location location) {
		return inventory.stock(store, sku).levels().stream().filter(l -> l.locationId().equals(location.id())).findFirst()
			.orElseThrow();
	}

	private ShipOrder ship(FulfillmentOrder fo, int units) {
		return new ShipOrder(null, null, null, FulfillmentTests.BOX,
				List.of(new ShipOrder.LineQuantity(fo.lines().getFirst().lineId(), units)), null);
	}

	private static Order.Line lineOf(Order order, String sku) {
		return order.lines().stream().filter(l -> l.sku().equals(sku)).findFirst().orElseThrow();
	}

	@Test
	void planningMovesTheCommitmentToTheLocationThatShipsEverythingAndOnHandDropsThereAtShipment() {
		String sku = orderFixtures.newSku(catalog, store);
		Location small = fixtures.newLocation(store, 1, "DE", null);
		Location large = fixtures.newLocation(store, 2, "DE", null);
		fixtures.stock(store, small, sku, 2, null);
		fixtures.stock(store, large, sku, 5, null);

		// the reservation takes 2 at the first location and 1 at the second; only the second can ship all three
		Order order = placed(sku, 3);

		FulfillmentOrder fo = fulfillment.fulfillmentOrders(store, order.id().value()).getFirst();
		assertThat(fulfillment.fulfillmentOrders(store, order.id().value())).hasSize(1);
		assertThat(fo.locationId()).isEqualTo(large.id().value());
		assertThat(at(sku, small)).satisfies(l -> {
			assertThat(l.onHand()).isEqualTo(2);
			assertThat(l.committed()).isZero();
			assertThat(l.available()).isEqualTo(2);
		});
		assertThat(at(sku, large)).satisfies(l -> {
			assertThat(l.onHand()).as("purchase leaves on hand as it is").isEqualTo(5);
			assertThat(l.committed()).isEqualTo(3);
			assertThat(l.available()).isEqualTo(2);
		});

		fulfillment.ship(store, fo.id(), ship(fo, 3));

		assertThat(at(sku, large)).satisfies(l -> {
			assertThat(l.onHand()).isEqualTo(2);
			assertThat(l.committed()).isZero();
		});
		assertThat(at(sku, small).onHand()).isEqualTo(2);
		assertThat(inventory.availableOnline(store, sku)).isEqualTo(4);
		assertThat(inventory.ledgerDiscrepancies(store)).isEmpty();
	}

	@Test
	void staffReallocationMovesTheCommitmentAndAnEditAfterAPartialShipmentReleasesTheRest() {
		String a = orderFixtures.newSku(catalog, store);
		String b = orderFixtures.newSku(catalog, store);
		Location first = fixtures.newLocation(store, 1, "DE", null);
		Location second = fixtures.newLocation(store, 2, "DE", null);
		Location empty = fixtures.newLocation(store, 3, "DE", null);
		for (String sku : List.of(a, b)) {
			fixtures.stock(store, first, sku, 5, null);
			fixtures.stock(store, second, sku, 5, null);
		}
		Order order = placed(new OrderFixtures.Item(a, 4, "9.00"), new OrderFixtures.Item(b, 2, "9.00"));
		FulfillmentOrder fo = fulfillment.fulfillmentOrders(store, order.id().value()).getFirst();
		assertThat(fo.locationId()).isEqualTo(first.id().value());
		assertThat(at(a, first).committed()).isEqualTo(4);
		assertThat(at(b, first).committed()).isEqualTo(2);
		UUID lineA = lineOf(order, a).id();

		// a location without the units cannot take the commitment: refused, nothing moved
		assertThatThrownBy(() -> fulfillment.reallocate(store, fo.id(), empty.id().value(), List.of(lineA)))
			.isInstanceOfSatisfying(BusinessRuleViolation.class, ex -> assertThat(ex.code()).isEqualTo("INSUFFICIENT_STOCK"));
		assertThat(fulfillment.fulfillmentOrder(store, fo.id()).remaining()).isEqualTo(6);
		assertThat(at(a, first).committed()).isEqualTo(4);

		FulfillmentOrder moved = fulfillment.reallocate(store, fo.id(), second.id().value(), List.of(lineA)).stream()
			.filter(o -> o.locationId().equals(second.id().value())).findFirst().orElseThrow();
		assertThat(at(a, first).committed()).isZero();
		assertThat(at(a, first).available()).isEqualTo(5);
		assertThat(at(a, second).committed()).isEqualTo(4);
		assertThat(at(a, second).available()).isEqualTo(1);
		assertThat(at(b, first).committed()).as("the other line stays").isEqualTo(2);

		fulfillment.ship(store, moved.id(), ship(moved, 1));
		assertThat(at(a, second)).satisfies(l -> {
			assertThat(l.onHand()).isEqualTo(4);
			assertThat(l.committed()).isEqualTo(3);
		});
		assertThat(at(a, first).onHand()).isEqualTo(5);
		// the order cannot be cancelled once something shipped; the commitments stay
		assertThatThrownBy(() -> orders.cancel(store, order.id(), "too late", true))
			.isInstanceOfSatisfying(BusinessRuleViolation.class, ex -> assertThat(ex.status()).isEqualTo(409));
		assertThat(at(b, first).committed()).isEqualTo(2);

		// the unshipped line is removed by an edit: its units are available again, on hand unchanged
		Order now = orders.get(store, order.id());
		edits.commit(store, order.id(), new EditOrder(now.version(), List.of(EditOrder.Change.remove(lineOf(now, b).id())),
				null), "http://shop.test");
		assertThat(at(b, first)).satisfies(l -> {
			assertThat(l.onHand()).isEqualTo(5);
			assertThat(l.committed()).isZero();
			assertThat(l.available()).isEqualTo(5);
		});
		assertThat(at(a, second).committed()).as("the part-shipped line still holds its units").isEqualTo(3);
		assertThat(inventory.ledgerDiscrepancies(store)).isEmpty();
	}

	@Test
	void tenParallelShipmentsOfAFiveUnitOrderShipFiveUnitsOnce() throws Exception {
		String sku = orderFixtures.newSku(catalog, store);
		Location shelf = fixtures.newLocation(store, 1, "DE", null);
		fixtures.stock(store, shelf, sku, 8, null);
		Order order = placed(sku, 5);
		FulfillmentOrder fo = fulfillment.fulfillmentOrders(store, order.id().value()).getFirst();
		List<Callable<Object>> parcels = new ArrayList<>();
		for (int i = 0; i < 10; i++) {
			parcels.add(() -> {
				try {
					return fulfillment.ship(store, fo.id(), ship(fo, 1));
				}
				catch (BusinessRuleViolation refused) {
					return refused;
				}
			});
		}

		List<Object> results = OrderFixtures.runAtOnce(parcels);

		assertThat(results).filteredOn(Shipment.class::isInstance).hasSize(5);
		assertThat(results).filteredOn(r -> !(r instanceof Shipment))
			.allSatisfy(r -> assertThat(r).isInstanceOf(BusinessRuleViolation.class));
		assertThat(at(sku, shelf)).satisfies(l -> {
			assertThat(l.onHand()).as("five units left, never more").isEqualTo(3);
			assertThat(l.committed()).isZero();
			assertThat(l.available()).isEqualTo(3);
		});
		assertThat(inventory.ledgerDiscrepancies(store)).isEmpty();
	}
}
