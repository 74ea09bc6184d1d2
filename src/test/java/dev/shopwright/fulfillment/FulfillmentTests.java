package dev.shopwright.fulfillment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import dev.shopwright.catalog.CatalogManagement;
import dev.shopwright.fulfillment.FulfillmentFixtures.Line;
import dev.shopwright.inventory.InventoryManagement;
import dev.shopwright.inventory.Location;
import dev.shopwright.orders.OrderId;
import dev.shopwright.orders.events.OrderCancelled;
import dev.shopwright.orders.events.OrderHeld;
import dev.shopwright.orders.events.OrderReleased;
import dev.shopwright.platform.BusinessRuleViolation;
import dev.shopwright.shared.StoreId;
import dev.shopwright.stores.StoreManagement;
import dev.shopwright.testing.ShopwrightTest;

/** Allocation, re-allocation, hold/release/cancel by events, pick lists and packing, through the façade. */
@ShopwrightTest
class FulfillmentTests {

	@Autowired
	FulfillmentManagement fulfillment;

	@Autowired
	InventoryManagement inventory;

	@Autowired
	CatalogManagement catalog;

	@Autowired
	StoreManagement stores;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	PlatformTransactionManager transactionManager;

	FulfillmentFixtures fixtures;

	StoreId store;

	static final Parcel BOX = new Parcel(900, 30, 20, 10);

	@BeforeEach
	void setUp() {
		fixtures = new FulfillmentFixtures(catalog, stores, inventory, fulfillment, events, transactionManager);
		store = fixtures.demo();
	}

	@Test
	void aLocationWithEverythingShipsTheWholeOrderAndPriorityDecidesBetweenTwo() {
		String a = fixtures.newSku(store);
		String b = fixtures.newSku(store);
		Location first = fixtures.newLocation(store, 40, "DE", null);
		Location second = fixtures.newLocation(store, 30, "DE", null);
		Location partial = fixtures.newLocation(store, 10, "DE", null);
		fixtures.stock(store, first, a, 5, null);
		fixtures.stock(store, first, b, 5, null);
		fixtures.stock(store, second, a, 5, null);
		fixtures.stock(store, second, b, 5, null);
		fixtures.stock(store, partial, a, 5, null);

		FulfillmentFixtures.Placed placed = fixtures.place(store, "DE", null, new Line(a, 2), new Line(b, 1));

		FulfillmentOrder fo = placed.only();
		assertThat(fo.locationId()).as("the best priority among locations that have all items").isEqualTo(second.id().value());
		assertThat(fo.lines()).extracting(FulfillmentOrder.Line::sku, FulfillmentOrder.Line::quantity)
			.containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(a, 2), org.assertj.core.groups.Tuple.tuple(b, 1));
		assertThat(fo.status()).isEqualTo(FulfillmentOrder.Status.OPEN);
	}

	@Test
	void nearnessBreaksAPriorityTie() {
		String a = fixtures.newSku(store);
		Location abroad = fixtures.newLocation(store, 20, "FR", null);
		Location home = fixtures.newLocation(store, 20, "AT", null);
		fixtures.stock(store, abroad, a, 5, null);
		fixtures.stock(store, home, a, 5, null);

		assertThat(fixtures.place(store, "AT", null, new Line(a, 1)).only().locationId()).isEqualTo(home.id().value());
		assertThat(fixtures.place(store, "FR", null, new Line(a, 1)).only().locationId()).isEqualTo(abroad.id().value());
	}

	@Test
	void noLocationWithEverythingSplitsTheOrderAndAReplayedEventPlansNothingTwice() {
		String a = fixtures.newSku(store);
		String b = fixtures.newSku(store);
		Location hasA = fixtures.newLocation(store, 20, "DE", null);
		Location hasB = fixtures.newLocation(store, 25, "DE", null);
		fixtures.stock(store, hasA, a, 3, null);
		fixtures.stock(store, hasB, b, 3, null);

		FulfillmentFixtures.Placed placed = fixtures.place(store, "DE", null, new Line(a, 2), new Line(b, 3));

		assertThat(placed.fulfillmentOrders()).hasSize(2);
		assertThat(placed.fulfillmentOrders()).anySatisfy(fo -> {
			assertThat(fo.locationId()).isEqualTo(hasA.id().value());
			assertThat(fo.lines()).singleElement().satisfies(l -> assertThat(l.sku()).isEqualTo(a));
		});
		assertThat(placed.fulfillmentOrders()).anySatisfy(fo -> {
			assertThat(fo.locationId()).isEqualTo(hasB.id().value());
			assertThat(fo.lines()).singleElement().satisfies(l -> assertThat(l.quantity()).isEqualTo(3));
		});

		fulfillment.plan(placed.event());
		assertThat(fulfillment.fulfillmentOrders(store, placed.orderId())).hasSize(2);
	}

	@Test
	void staffReallocateLinesToAnotherLocationAndCanCancelWhatIsNotShipped() {
		String a = fixtures.newSku(store);
		String b = fixtures.newSku(store);
		Location main = fixtures.newLocation(store, 20, "DE", null);
		Location other = fixtures.newLocation(store, 30, "DE", null);
		fixtures.stock(store, main, a, 5, null);
		fixtures.stock(store, main, b, 5, null);
		FulfillmentFixtures.Placed placed = fixtures.place(store, "DE", null, new Line(a, 2), new Line(b, 4));
		FulfillmentOrder fo = placed.only();

		List<FulfillmentOrder> after = fulfillment.reallocate(store, fo.id(), other.id().value(), List.of(placed.lineId(b)));

		assertThat(after).hasSize(2);
		FulfillmentOrder moved = after.stream().filter(o -> o.locationId().equals(other.id().value())).findFirst().orElseThrow();
		assertThat(moved.lines()).singleElement().satisfies(l -> {
			assertThat(l.sku()).isEqualTo(b);
			assertThat(l.quantity()).isEqualTo(4);
		});
		FulfillmentOrder stayed = fulfillment.fulfillmentOrder(store, fo.id());
		assertThat(stayed.remaining()).isEqualTo(2);

		assertThatThrownBy(() -> fulfillment.cancelLines(store, moved.id(), Map.of(placed.lineId(b), 5)))
			.isInstanceOfSatisfying(BusinessRuleViolation.class, ex -> assertThat(ex.code()).isEqualTo("QUANTITY_EXCEEDS_REMAINING"));
		FulfillmentOrder cancelled = fulfillment.cancelLines(store, moved.id(), Map.of(placed.lineId(b), 4));
		assertThat(cancelled.status()).isEqualTo(FulfillmentOrder.Status.CANCELLED);
		assertThatThrownBy(() -> fulfillment.reallocate(store, stayed.id(), main.id().value(), null))
			.isInstanceOfSatisfying(BusinessRuleViolation.class, ex -> assertThat(ex.code()).isEqualTo("SAME_LOCATION"));
	}

	@Test
	void holdAndReleaseFollowTheOrderEventsAndCancellationStopsUnshippedWork() {
		String a = fixtures.newSku(store);
		Location main = fixtures.newLocation(store, 20, "DE", null);
		fixtures.stock(store, main, a, 5, null);
		FulfillmentFixtures.Placed placed = fixtures.place(store, "DE", null, new Line(a, 2));
		UUID foId = placed.only().id();
		OrderId orderId = placed.event().orderId();
		TransactionTemplate tx = new TransactionTemplate(transactionManager);

		tx.executeWithoutResult(s -> events.publishEvent(new OrderHeld(store, orderId, "review")));
		await(() -> fulfillment.fulfillmentOrder(store, foId).held());
		assertThatThrownBy(() -> fulfillment.scan(store, foId, a))
			.isInstanceOfSatisfying(BusinessRuleViolation.class, ex -> assertThat(ex.code()).isEqualTo("FULFILLMENT_ON_HOLD"));
		assertThat(fulfillment.queue(store, FulfillmentOrder.Queue.ON_HOLD, main.id().value(), null, 50).items())
			.extracting(FulfillmentOrder::id).containsExactly(foId);

		tx.executeWithoutResult(s -> events.publishEvent(new OrderReleased(store, orderId)));
		await(() -> !fulfillment.fulfillmentOrder(store, foId).held());
		assertThat(fulfillment.queue(store, FulfillmentOrder.Queue.READY, main.id().value(), null, 50).items())
			.extracting(FulfillmentOrder::id).containsExactly(foId);

		tx.executeWithoutResult(s -> events.publishEvent(new OrderCancelled(store, orderId, placed.event().orderNumber(), "changed mind")));
		await(() -> fulfillment.fulfillmentOrder(store, foId).status() == FulfillmentOrder.Status.CANCELLED);
		assertThat(fulfillment.fulfillmentOrder(store, foId).lines()).singleElement()
			.satisfies(l -> assertThat(l.cancelled()).isEqualTo(2));
	}

	@Test
	void aHeldOrderIsPlannedHeldAndLatenessFollowsThePromisedDate() {
		String a = fixtures.newSku(store);
		Location main = fixtures.newLocation(store, 20, "DE", null);
		fixtures.stock(store, main, a, 5, null);
		FulfillmentFixtures.Placed held = fixtures.place(store, "DE", "10115", null, true, new Line(a, 1));
		assertThat(held.only().held()).isTrue();
		FulfillmentFixtures.Placed late = fixtures.place(store, "DE", LocalDate.now().minusDays(1), new Line(a, 1));
		assertThat(late.only().late()).isTrue();
		assertThat(fulfillment.queue(store, FulfillmentOrder.Queue.LATE, main.id().value(), null, 50).items())
			.extracting(FulfillmentOrder::id).contains(late.only().id()).doesNotContain(held.only().id());
	}

	@Test
	void aPickListGroupsBySkuInBinWalkingOrder() {
		String early = fixtures.newSku(store);
		String late = fixtures.newSku(store);
		String binless = fixtures.newSku(store);
		Location main = fixtures.newLocation(store, 20, "DE", null);
		inventory.createBin(store, main.id(), "Z-09", 90);
		inventory.createBin(store, main.id(), "A-01", 10);
		fixtures.stock(store, main, late, 10, "Z-09");
		fixtures.stock(store, main, early, 10, "A-01");
		fixtures.stock(store, main, binless, 10, null);
		FulfillmentFixtures.Placed one = fixtures.place(store, "DE", null, new Line(late, 2), new Line(early, 1));
		FulfillmentFixtures.Placed two = fixtures.place(store, "DE", null, new Line(late, 3), new Line(binless, 1));

		PickList list = fulfillment.createPickList(store, main.id().value(), List.of(one.only().id(), two.only().id()));

		assertThat(list.lines()).extracting(PickList.Line::sku).containsExactly(early, late, binless);
		assertThat(list.lines()).extracting(PickList.Line::bin).containsExactly("A-01", "Z-09", null);
		assertThat(list.lines().get(1).quantity()).isEqualTo(5);
		assertThat(list.lines().get(1).orderNumbers())
			.containsExactlyInAnyOrder(one.event().orderNumber(), two.event().orderNumber());
		String text = PdfText.of(fulfillment.pickListPdf(store, list.id()));
		assertThat(text).contains("Pick list " + list.number()).contains(early).contains("Z-09");
		assertThat(text.indexOf(early)).isLessThan(text.indexOf(late));
	}

	@Test
	void packingWarnsOnWrongAndSurplusItemsAndShippingMoreThanOrderedIsRefused() {
		String a = fixtures.newSku(store, "4006381333931".substring(0, 13));
		String b = fixtures.newSku(store);
		String stranger = fixtures.newSku(store);
		Location main = fixtures.newLocation(store, 20, "DE", null);
		fixtures.stock(store, main, a, 5, null);
		fixtures.stock(store, main, b, 5, null);
		FulfillmentFixtures.Placed placed = fixtures.place(store, "DE", null, new Line(a, 2), new Line(b, 1));
		UUID foId = placed.only().id();

		assertThat(fulfillment.scan(store, foId, stranger).outcome()).isEqualTo(PackingScan.Outcome.WRONG_ITEM);
		assertThat(fulfillment.scan(store, foId, a.toLowerCase()).outcome()).isEqualTo(PackingScan.Outcome.PACKED);
		PackingScan byBarcode = fulfillment.scan(store, foId, "4006381333931");
		assertThat(byBarcode.outcome()).isEqualTo(PackingScan.Outcome.PACKED);
		assertThat(byBarcode.sku()).isEqualTo(a);
		PackingScan surplus = fulfillment.scan(store, foId, a);
		assertThat(surplus.outcome()).isEqualTo(PackingScan.Outcome.SURPLUS);
		assertThat(surplus.missing()).singleElement().satisfies(m -> {
			assertThat(m.sku()).isEqualTo(b);
			assertThat(m.quantity()).isEqualTo(1);
		});

		assertThatThrownBy(() -> fulfillment.ship(store, foId, new ShipOrder(null, null, null, BOX,
				List.of(new ShipOrder.LineQuantity(placed.lineId(a), 3)), null)))
			.isInstanceOfSatisfying(BusinessRuleViolation.class, ex -> assertThat(ex.code()).isEqualTo("QUANTITY_EXCEEDS_REMAINING"));
		assertThat(fulfillment.fulfillmentOrder(store, foId).lines()).allSatisfy(l -> assertThat(l.shipped()).isZero());
		assertThat(fulfillment.shipmentsOfOrder(store, placed.orderId())).isEmpty();

		Shipment shipment = fulfillment.ship(store, foId, new ShipOrder(null, null, null, BOX, null, null));
		assertThat(shipment.lines()).singleElement().satisfies(l -> assertThat(l.quantity()).isEqualTo(2));
		FulfillmentOrder after = fulfillment.fulfillmentOrder(store, foId);
		assertThat(after.status()).isEqualTo(FulfillmentOrder.Status.PARTIALLY_FULFILLED);
		assertThatThrownBy(() -> fulfillment.ship(store, foId, new ShipOrder(null, null, null, BOX,
				List.of(new ShipOrder.LineQuantity(placed.lineId(a), 1)), null)))
			.isInstanceOfSatisfying(BusinessRuleViolation.class, ex -> assertThat(ex.code()).isEqualTo("QUANTITY_EXCEEDS_REMAINING"));
	}

	@Test
	void rateShoppingPicksTheCheapestRateThatMeetsThePromisedDate() {
		String a = fixtures.newSku(store);
		Location main = fixtures.newLocation(store, 20, "DE", null);
		fixtures.stock(store, main, a, 5, null);
		FulfillmentFixtures.Placed relaxed = fixtures.place(store, "DE", LocalDate.now().plusDays(10), new Line(a, 1));
		FulfillmentFixtures.Placed urgent = fixtures.place(store, "DE", LocalDate.now().plusDays(1), new Line(a, 1));

		Shipment cheap = fulfillment.ship(store, relaxed.only().id(), new ShipOrder(null, null, ShipOrder.Strategy.CHEAPEST, BOX,
				List.of(new ShipOrder.LineQuantity(relaxed.lineId(a), 1)), null));
		Shipment fast = fulfillment.ship(store, urgent.only().id(), new ShipOrder(null, null, ShipOrder.Strategy.CHEAPEST, BOX,
				List.of(new ShipOrder.LineQuantity(urgent.lineId(a), 1)), null));

		assertThat(cheap.service()).isEqualTo("ground");
		assertThat(fast.service()).as("ground takes 3 days; only express meets tomorrow").isEqualTo("express");
		assertThat(fast.rate().amount()).isGreaterThan(cheap.rate().amount());
		assertThat(fulfillment.fulfillmentOrder(store, relaxed.only().id()).status()).isEqualTo(FulfillmentOrder.Status.FULFILLED);
	}

	@Test
	void theSandboxTimelineMovesTheShipmentToDeliveredAndRecordsTheMeasures() {
		String a = fixtures.newSku(store);
		Location main = fixtures.newLocation(store, 20, "DE", null);
		fixtures.stock(store, main, a, 5, null);
		FulfillmentFixtures.Placed placed = fixtures.place(store, "DE", LocalDate.now().plusDays(7), new Line(a, 1));
		Shipment shipment = fulfillment.ship(store, placed.only().id(), new ShipOrder("sandbox", "ground", null, BOX,
				List.of(new ShipOrder.LineQuantity(placed.lineId(a), 1)), null));
		assertThat(shipment.status()).isEqualTo(ShipmentStatus.LABEL_CREATED);
		assertThat(shipment.orderToShipSeconds()).isBetween(3500L, 3700L);

		fulfillment.followTracking(shipment.shippedAt().plus(Duration.ofHours(7)));
		assertThat(fulfillment.shipment(store, shipment.id()).status()).isEqualTo(ShipmentStatus.IN_TRANSIT);

		Instant later = shipment.shippedAt().plus(Duration.ofDays(6));
		fulfillment.followTracking(later);
		fulfillment.followTracking(later);
		Shipment delivered = fulfillment.shipment(store, shipment.id());
		assertThat(delivered.status()).isEqualTo(ShipmentStatus.DELIVERED);
		assertThat(delivered.timeline()).extracting(Carrier.TrackingUpdate::status).startsWith(ShipmentStatus.LABEL_CREATED)
			.contains(ShipmentStatus.IN_TRANSIT, ShipmentStatus.OUT_FOR_DELIVERY).endsWith(ShipmentStatus.DELIVERED);
		assertThat(delivered.timeline()).extracting(Carrier.TrackingUpdate::key).doesNotHaveDuplicates();
		assertThat(delivered.onTime()).isTrue();
		assertThat(delivered.deliveredAt()).isAfter(delivered.shippedAt());
	}

	@Test
	void theSandboxShowsAnExceptionForItsTestPostalCode() {
		String a = fixtures.newSku(store);
		Location main = fixtures.newLocation(store, 20, "DE", null);
		fixtures.stock(store, main, a, 5, null);
		FulfillmentFixtures.Placed placed = fixtures.place(store, "DE", SandboxPostalCode.EXCEPTION, null, false, new Line(a, 1));
		Shipment shipment = fulfillment.ship(store, placed.only().id(), new ShipOrder("sandbox", "express", null, BOX,
				List.of(new ShipOrder.LineQuantity(placed.lineId(a), 1)), null));
		Instant atAttempt = shipment.shippedAt().plus(Duration.ofDays(1)).truncatedTo(java.time.temporal.ChronoUnit.DAYS)
			.plus(Duration.ofHours(13));
		fulfillment.followTracking(atAttempt);
		assertThat(fulfillment.shipment(store, shipment.id()).status()).isEqualTo(ShipmentStatus.EXCEPTION);
		fulfillment.followTracking(atAttempt.plus(Duration.ofDays(2)));
		assertThat(fulfillment.shipment(store, shipment.id()).status()).isEqualTo(ShipmentStatus.DELIVERED);
	}

	/** The sandbox's documented test trigger. */
	static final class SandboxPostalCode {

		static final String EXCEPTION = dev.shopwright.fulfillment.carriers.SandboxCarrier.EXCEPTION_POSTAL_CODE;
	}

	static void await(java.util.function.BooleanSupplier condition) {
		Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
		while (!condition.getAsBoolean()) {
			if (Instant.now().isAfter(deadline)) {
				throw new AssertionError("condition not met within 20 s");
			}
			FulfillmentFixtures.sleep();
		}
	}
}
