package dev.shopwright.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.shopwright.catalog.CatalogManagement;
import dev.shopwright.catalog.InventoryPolicy;
import dev.shopwright.platform.BusinessRuleViolation;
import dev.shopwright.shared.StoreId;
import dev.shopwright.stores.StoreManagement;
import dev.shopwright.testing.ShopwrightTest;

@ShopwrightTest
class ReservationTests {

	static final Duration TTL = Duration.ofMinutes(15);

	@Autowired
	InventoryManagement inventory;

	@Autowired
	CatalogManagement catalog;

	@Autowired
	StoreManagement stores;

	@Autowired
	JdbcClient jdbc;

	InventoryFixtures fixtures;

	StoreId store;

	@BeforeEach
	void fixtures() {
		fixtures = new InventoryFixtures(catalog, stores);
		store = fixtures.demo();
	}

	@Test
	void aReservationHoldsUnitsAndConfirmingSellsThem() {
		String sku = fixtures.newSku(store);
		inventory.receive(store, StockReceipt.of(sku, 10, null));

		Reservation reservation = inventory.reserve(store, ReserveStock.of("cart-" + UUID.randomUUID(), TTL,
				new ReserveStock.Line(sku, 4)));
		assertThat(reservation.status()).isEqualTo(Reservation.Status.ACTIVE);
		assertThat(reservation.quantity(sku)).isEqualTo(4);
		assertThat(inventory.stock(store, sku)).satisfies(s -> {
			assertThat(s.onHand()).isEqualTo(10);
			assertThat(s.reserved()).isEqualTo(4);
			assertThat(s.availableOnline()).isEqualTo(6);
		});

		Reservation confirmed = inventory.confirm(store, reservation.id());
		assertThat(confirmed.status()).isEqualTo(Reservation.Status.CONFIRMED);
		// sold units are committed: still on the shelf, no longer for sale
		assertThat(inventory.stock(store, sku)).satisfies(s -> {
			assertThat(s.onHand()).isEqualTo(10);
			assertThat(s.reserved()).isZero();
			assertThat(s.committed()).isEqualTo(4);
			assertThat(s.availableOnline()).isEqualTo(6);
		});
		assertThat(inventory.movements(store, sku, null, 10).items())
			.extracting(StockMovement::reason, StockMovement::onHandDelta, StockMovement::reservedDelta,
					StockMovement::committedDelta, StockMovement::sourceId)
			.containsExactly(tuple(MovementReason.COMMITTED, 0, -4, 4, reservation.reference()),
					tuple(MovementReason.RESERVATION_TAKEN, 0, 4, 0, reservation.id().toString()),
					tuple(MovementReason.RECEIVED, 10, 0, 0, null));
		// confirming twice is harmless; releasing a sold reservation is refused
		assertThat(inventory.confirm(store, reservation.id()).status()).isEqualTo(Reservation.Status.CONFIRMED);
		assertThatThrownBy(() -> inventory.release(store, reservation.id()))
			.hasFieldOrPropertyWithValue("code", "RESERVATION_NOT_ACTIVE");
		assertThat(inventory.stock(store, sku).committed()).isEqualTo(4);
		assertThat(inventory.stock(store, sku).onHand()).isEqualTo(10);
		assertThat(inventory.ledgerDiscrepancies(store)).isEmpty();
	}

	@Test
	void releasingGivesTheUnitsBackOnceAndConfirmingAfterwardsIsRefused() {
		String sku = fixtures.newSku(store);
		inventory.receive(store, StockReceipt.of(sku, 3, null));
		Reservation reservation = inventory.reserve(store, ReserveStock.of("cart-" + UUID.randomUUID(), TTL,
				new ReserveStock.Line(sku, 3)));
		assertThat(inventory.availableOnline(store, sku)).isZero();

		assertThat(inventory.release(store, reservation.id()).status()).isEqualTo(Reservation.Status.RELEASED);
		assertThat(inventory.release(store, reservation.id()).status()).isEqualTo(Reservation.Status.RELEASED);
		assertThat(inventory.availableOnline(store, sku)).isEqualTo(3);
		assertThatThrownBy(() -> inventory.confirm(store, reservation.id()))
			.hasFieldOrPropertyWithValue("code", "RESERVATION_NOT_ACTIVE");
		assertThat(inventory.stock(store, sku).onHand()).isEqualTo(3);
		assertThat(inventory.ledgerDiscrepancies(store)).isEmpty();
	}

	@Test
	void reservingAgainForTheSameReferenceReturnsTheSameReservation() {
		String sku = fixtures.newSku(store);
		inventory.receive(store, StockReceipt.of(sku, 5, null));
		String reference = "checkout-" + UUID.randomUUID();

		Reservation first = inventory.reserve(store, ReserveStock.of(reference, TTL, new ReserveStock.Line(sku, 2)));
		Reservation again = inventory.reserve(store, ReserveStock.of(reference, TTL, new ReserveStock.Line(sku, 1),
				new ReserveStock.Line(sku, 1)));

		assertThat(again.id()).isEqualTo(first.id());
		assertThat(inventory.stock(store, sku).reserved()).isEqualTo(2);
		assertThatThrownBy(() -> inventory.reserve(store, ReserveStock.of(reference, TTL, new ReserveStock.Line(sku, 3))))
			.hasFieldOrPropertyWithValue("code", "RESERVATION_REFERENCE_IN_USE");
		// once released, the reference may reserve anew
		inventory.release(store, first.id());
		Reservation fresh = inventory.reserve(store, ReserveStock.of(reference, TTL, new ReserveStock.Line(sku, 3)));
		assertThat(fresh.id()).isNotEqualTo(first.id());
		assertThat(inventory.stock(store, sku).reserved()).isEqualTo(3);
	}

	@Test
	void aLineIsTakenFromTheOnlineLocationsByPrioritySplitWhenOneHasTooFew() {
		String sku = fixtures.newSku(store);
		Location first = fixtures.newLocation(inventory, store, 1);
		Location second = fixtures.newLocation(inventory, store, 2);
		Location offline = inventory.createLocation(store, new LocationDraft("Back office " + sku, null,
				Location.Kind.SHOP, 0, false, true, null));
		inventory.receive(store, receipt(sku, offline.id(), 50));
		inventory.receive(store, receipt(sku, second.id(), 10));
		inventory.receive(store, receipt(sku, first.id(), 3));

		Reservation reservation = inventory.reserve(store, ReserveStock.of("order-" + UUID.randomUUID(), TTL,
				new ReserveStock.Line(sku, 7)));

		assertThat(reservation.lines()).singleElement()
			.satisfies(line -> assertThat(line.allocations()).extracting(Reservation.Allocation::locationId,
					Reservation.Allocation::quantity)
				.containsExactly(tuple(first.id(), 3), tuple(second.id(), 4)));
		assertThat(inventory.availableOnline(store, sku)).isEqualTo(6);
		assertThatThrownBy(() -> inventory.reserve(store, ReserveStock.of("order-" + UUID.randomUUID(), TTL,
				new ReserveStock.Line(sku, 7))))
			.isInstanceOfSatisfying(BusinessRuleViolation.class, e -> {
				assertThat(e.code()).isEqualTo("INSUFFICIENT_STOCK");
				assertThat(e.status()).isEqualTo(409);
				assertThat(e.fieldErrors()).containsEntry("lines[0].quantity", sku + ": 7 requested, 6 obtainable");
			});
		inventory.release(store, reservation.id());
		assertThat(inventory.stock(store, sku).levels()).allSatisfy(level -> assertThat(level.reserved()).isZero());
		assertThat(inventory.ledgerDiscrepancies(store)).isEmpty();
	}

	@Test
	void denyNeverReservesPastAvailableAndAShortLineRefusesTheWholeRequest() {
		String plenty = fixtures.newSku(store);
		String scarce = fixtures.newSku(store);
		inventory.receive(store, StockReceipt.of(plenty, 10, null));
		inventory.receive(store, StockReceipt.of(scarce, 1, null));

		assertThatThrownBy(() -> inventory.reserve(store, ReserveStock.of("cart-" + UUID.randomUUID(), TTL,
				new ReserveStock.Line(plenty, 2), new ReserveStock.Line(scarce, 2))))
			.isInstanceOfSatisfying(BusinessRuleViolation.class, e -> assertThat(e.fieldErrors())
				.containsOnlyKeys("lines[1].quantity"));

		assertThat(inventory.stock(store, plenty).reserved()).isZero();
		assertThat(inventory.stock(store, scarce).reserved()).isZero();
		assertThat(inventory.reservations(store, null, null, null, 50).items())
			.noneMatch(r -> r.lines().stream().anyMatch(l -> l.sku().equals(plenty)));
	}

	@Test
	void continueKeepsReservingPastZero() {
		String sku = fixtures.newSku(store, InventoryPolicy.CONTINUE, null);
		inventory.receive(store, StockReceipt.of(sku, 2, null));

		inventory.reserve(store, ReserveStock.of("cart-" + UUID.randomUUID(), TTL, new ReserveStock.Line(sku, 5)));

		assertThat(inventory.stock(store, sku).reserved()).isEqualTo(5);
		assertThat(inventory.availableOnline(store, sku)).isEqualTo(-3);
		assertThat(inventory.ledgerDiscrepancies(store)).isEmpty();
	}

	@Test
	void preorderReservesUpToItsLimitPastZero() {
		String sku = fixtures.newSku(store, InventoryPolicy.PREORDER, 4);
		inventory.receive(store, StockReceipt.of(sku, 1, null));

		inventory.reserve(store, ReserveStock.of("cart-" + UUID.randomUUID(), TTL, new ReserveStock.Line(sku, 3)));
		inventory.reserve(store, ReserveStock.of("cart-" + UUID.randomUUID(), TTL, new ReserveStock.Line(sku, 2)));
		assertThatThrownBy(() -> inventory.reserve(store, ReserveStock.of("cart-" + UUID.randomUUID(), TTL,
				new ReserveStock.Line(sku, 1))))
			.hasFieldOrPropertyWithValue("code", "INSUFFICIENT_STOCK");

		assertThat(inventory.availableOnline(store, sku)).isEqualTo(-4);
	}

	@Test
	void aPreorderWithoutStockAnywhereStillReservesUpToItsLimit() {
		String sku = fixtures.newSku(store, InventoryPolicy.PREORDER, 2);
		inventory.reserve(store, ReserveStock.of("cart-" + UUID.randomUUID(), TTL, new ReserveStock.Line(sku, 2)));
		assertThat(inventory.stock(store, sku).reserved()).isEqualTo(2);
		assertThatThrownBy(() -> inventory.reserve(store, ReserveStock.of("cart-" + UUID.randomUUID(), TTL,
				new ReserveStock.Line(sku, 1))))
			.hasFieldOrPropertyWithValue("code", "INSUFFICIENT_STOCK");
	}

	@Test
	void concurrentRequestsDecidedTogetherKeepPriorityOrderSplitsAndThePreorderLimit() throws Exception {
		String sku = fixtures.newSku(store, InventoryPolicy.PREORDER, 4);
		Location first = fixtures.newLocation(inventory, store, 1);
		Location second = fixtures.newLocation(inventory, store, 2);
		inventory.receive(store, receipt(sku, first.id(), 3));
		inventory.receive(store, receipt(sku, second.id(), 2));
		java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
		List<java.util.concurrent.Future<Boolean>> attempts = new java.util.ArrayList<>();
		try (var threads = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
			for (int i = 0; i < 24; i++) {
				int quantity = i % 3 == 0 ? 2 : 1;
				attempts.add(threads.submit(() -> {
					start.await();
					try {
						inventory.reserve(store, ReserveStock.of("cart-" + UUID.randomUUID(), TTL, new ReserveStock.Line(sku, quantity)));
						return true;
					}
					catch (BusinessRuleViolation e) {
						assertThat(e.code()).isEqualTo("INSUFFICIENT_STOCK");
						return false;
					}
				}));
			}
			start.countDown();
			for (var attempt : attempts) {
				attempt.get();
			}
		}

		SkuStock stock = inventory.stock(store, sku);
		// 5 on hand + 4 pre-orderable: 8 or 9 units reserved (a 2-unit request may not fit the last unit)
		assertThat(stock.reserved()).isBetween(8, 9);
		assertThat(stock.levels()).filteredOn(l -> l.locationId().equals(second.id()))
			.singleElement().satisfies(l -> assertThat(l.reserved()).isEqualTo(2));
		assertThat(stock.levels()).filteredOn(l -> l.locationId().equals(first.id()))
			.singleElement().satisfies(l -> assertThat(l.available()).isGreaterThanOrEqualTo(-4));
		assertThat(inventory.reservations(store, Reservation.Status.ACTIVE, null, null, 250).items().stream()
			.mapToInt(r -> r.quantity(sku)).sum()).isEqualTo(stock.reserved());
		assertThat(inventory.ledgerDiscrepancies(store)).isEmpty();
	}

	@Test
	void dueReservationsExpireByThemselvesAndAnExpiredOneCannotBeConfirmed() {
		String sku = fixtures.newSku(store);
		inventory.receive(store, StockReceipt.of(sku, 4, null));
		Reservation reservation = inventory.reserve(store, ReserveStock.of("cart-" + UUID.randomUUID(), TTL,
				new ReserveStock.Line(sku, 4)));
		makeDue(reservation);

		assertThatThrownBy(() -> inventory.confirm(store, reservation.id()))
			.hasFieldOrPropertyWithValue("code", "RESERVATION_EXPIRED");
		while (inventory.expireDueReservations(100) > 0) {
			// drain what is due in this test database
		}
		assertThat(inventory.reservation(store, reservation.id()).status()).isEqualTo(Reservation.Status.EXPIRED);
		assertThat(inventory.stock(store, sku).reserved()).isZero();
		assertThat(inventory.movements(store, sku, null, 1).items()).singleElement()
			.satisfies(m -> assertThat(m.reason()).isEqualTo(MovementReason.RESERVATION_RELEASED));
		assertThat(inventory.ledgerDiscrepancies(store)).isEmpty();
	}

	@Test
	void badReservationsAreRefusedAndHoldNothing() {
		String sku = fixtures.newSku(store);
		inventory.receive(store, StockReceipt.of(sku, 5, null));

		assertThatThrownBy(() -> inventory.reserve(store, ReserveStock.of("cart-x", TTL, new ReserveStock.Line(sku, 0))))
			.hasFieldOrPropertyWithValue("code", "INVALID_QUANTITY");
		assertThatThrownBy(() -> inventory.reserve(store, ReserveStock.of("cart-x", TTL, new ReserveStock.Line(sku, -2))))
			.hasFieldOrPropertyWithValue("code", "INVALID_QUANTITY");
		assertThatThrownBy(() -> inventory.reserve(store, ReserveStock.of("cart-x", TTL,
				new ReserveStock.Line(sku, 2_000_000))))
			.hasFieldOrPropertyWithValue("code", "INVALID_QUANTITY");
		assertThatThrownBy(() -> inventory.reserve(store, ReserveStock.of("cart-x", Duration.ofDays(90),
				new ReserveStock.Line(sku, 1))))
			.hasFieldOrPropertyWithValue("code", "INVALID_RESERVATION");
		assertThatThrownBy(() -> inventory.reserve(store, ReserveStock.of("cart-x", TTL, new ReserveStock.Line(sku, 1),
				new ReserveStock.Line("NO-SUCH-" + sku, 1))))
			.hasFieldOrPropertyWithValue("code", "UNKNOWN_SKU");
		assertThatThrownBy(() -> inventory.confirm(store, new ReservationId(UUID.randomUUID())))
			.hasFieldOrPropertyWithValue("status", 404);

		assertThat(inventory.stock(store, sku).reserved()).isZero();
		assertThat(inventory.reservations(store, null, "cart-x", null, 10).items()).isEmpty();
	}

	@Test
	void anotherStoreCannotSeeOrTouchAReservation() {
		String sku = fixtures.newSku(store);
		inventory.receive(store, StockReceipt.of(sku, 2, null));
		Reservation reservation = inventory.reserve(store, ReserveStock.of("cart-" + UUID.randomUUID(), TTL,
				new ReserveStock.Line(sku, 1)));
		StoreId outlet = fixtures.outlet();

		assertThatThrownBy(() -> inventory.reservation(outlet, reservation.id())).hasFieldOrPropertyWithValue("status", 404);
		assertThatThrownBy(() -> inventory.release(outlet, reservation.id())).hasFieldOrPropertyWithValue("status", 404);
		assertThatThrownBy(() -> inventory.reserve(outlet, ReserveStock.of("cart-y", TTL, new ReserveStock.Line(sku, 1))))
			.hasFieldOrPropertyWithValue("code", "UNKNOWN_SKU");
		assertThat(inventory.reservation(store, reservation.id()).status()).isEqualTo(Reservation.Status.ACTIVE);
	}

	private void makeDue(Reservation reservation) {
		jdbc.sql("update inventory.reservation set expires_at = now() - interval '1 second' where id = ?")
			.param(reservation.id().value())
			.update();
	}

	static StockReceipt receipt(String sku, LocationId location, int quantity) {
		return new StockReceipt(sku, location, null, quantity, null, false, MovementReason.RECEIVED, null, null, null);
	}
}
