package dev.shopwright.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import dev.shopwright.catalog.CatalogManagement;
import dev.shopwright.catalog.InventoryPolicy;
import dev.shopwright.inventory.domain.Levels;
import dev.shopwright.platform.Actor;
import dev.shopwright.platform.BusinessRuleViolation;
import dev.shopwright.shared.StoreId;
import dev.shopwright.stores.StoreManagement;
import dev.shopwright.testing.ShopwrightTest;

/**
 * Committed stock (ADR 0022): a purchase commits its units (on hand unchanged, available down), a shipment takes them
 * off on hand where it ships from, a release makes them available again, a move takes the commitment elsewhere. After
 * every step the ledger sums to on hand, reserved and committed of every level.
 */
@ShopwrightTest
class CommittedStockTests {

	private static final Duration TTL = Duration.ofMinutes(10);

	@Autowired
	InventoryManagement inventory;

	@Autowired
	CatalogManagement catalog;

	@Autowired
	StoreManagement stores;

	@Autowired
	Levels levels;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PlatformTransactionManager transactions;

	InventoryFixtures fixtures;

	StoreId store;

	@BeforeEach
	void fixtures() {
		fixtures = new InventoryFixtures(catalog, stores);
		store = fixtures.demo();
	}

	private Reservation bought(String reference, String sku, int units) {
		Reservation reservation = inventory.reserve(store, ReserveStock.of(reference, TTL, new ReserveStock.Line(sku, units)));
		return inventory.confirm(store, reservation.id());
	}

	private StockLevel at(String sku, Location location) {
		return inventory.stock(store, sku).levels().stream().filter(l -> l.locationId().equals(location.id())).findFirst()
			.orElseThrow();
	}

	private void assertLedgerSound() {
		assertThat(inventory.ledgerDiscrepancies(store)).isEmpty();
	}

	@Test
	void aPurchaseCommitsItsUnitsAndTheShipmentTakesThemOffOnHandOnce() {
		String sku = fixtures.newSku(store);
		Location shelf = fixtures.newLocation(inventory, store, 1);
		inventory.receive(store, new StockReceipt(sku, shelf.id(), null, 10, null, false, MovementReason.RECEIVED, null,
				null, null));
		String reference = "order-" + UUID.randomUUID();

		bought(reference, sku, 4);

		assertThat(at(sku, shelf)).satisfies(l -> {
			assertThat(l.onHand()).isEqualTo(10);
			assertThat(l.reserved()).isZero();
			assertThat(l.committed()).isEqualTo(4);
			assertThat(l.available()).isEqualTo(6);
		});
		assertThat(inventory.committedUnits(store, List.of(reference)))
			.containsExactly(new CommittedUnits(sku, shelf.id(), 4));
		assertLedgerSound();

		CommitmentSettlement shipped = inventory.fulfilCommitted(store, List.of(reference), shelf.id(), Map.of(sku, 4),
				"shipment-" + reference);

		assertThat(shipped.repeated()).isFalse();
		assertThat(shipped.settled(sku)).isEqualTo(4);
		assertThat(at(sku, shelf)).satisfies(l -> {
			assertThat(l.onHand()).isEqualTo(6);
			assertThat(l.committed()).isZero();
			assertThat(l.available()).isEqualTo(6);
		});
		assertThat(inventory.movements(store, sku, null, 1).items()).singleElement().satisfies(m -> {
			assertThat(m.reason()).isEqualTo(MovementReason.SHIPPED);
			assertThat(m.onHandDelta()).isEqualTo(-4);
			assertThat(m.committedDelta()).isEqualTo(-4);
			assertThat(m.sourceId()).isEqualTo("shipment-" + reference);
		});
		assertThat(inventory.committedUnits(store, List.of(reference))).isEmpty();

		// the same shipment again (a retried request) changes nothing
		CommitmentSettlement retried = inventory.fulfilCommitted(store, List.of(reference), shelf.id(), Map.of(sku, 4),
				"shipment-" + reference);
		assertThat(retried.repeated()).isTrue();
		assertThat(at(sku, shelf).onHand()).isEqualTo(6);
		assertLedgerSound();
	}

	@Test
	void aParcelFromAnotherLocationTakesItsUnitsThereAndSettlesTheCommitmentWhereItWas() {
		String sku = fixtures.newSku(store);
		Location first = fixtures.newLocation(inventory, store, 1);
		Location second = fixtures.newLocation(inventory, store, 2);
		inventory.receive(store, new StockReceipt(sku, first.id(), null, 5, null, false, MovementReason.RECEIVED, null, null, null));
		inventory.receive(store, new StockReceipt(sku, second.id(), null, 5, null, false, MovementReason.RECEIVED, null, null, null));
		String reference = "order-" + UUID.randomUUID();
		bought(reference, sku, 3);
		assertThat(at(sku, first).committed()).isEqualTo(3);

		inventory.fulfilCommitted(store, List.of(reference), second.id(), Map.of(sku, 3), "parcel-" + reference);

		assertThat(at(sku, second)).as("the units left where they were shipped from").satisfies(l -> {
			assertThat(l.onHand()).isEqualTo(2);
			assertThat(l.committed()).isZero();
			assertThat(l.available()).isEqualTo(2);
		});
		assertThat(at(sku, first)).as("its shelf still holds all five, none promised any more").satisfies(l -> {
			assertThat(l.onHand()).isEqualTo(5);
			assertThat(l.committed()).isZero();
			assertThat(l.available()).isEqualTo(5);
		});
		assertThat(inventory.stock(store, sku).onHand()).isEqualTo(7);
		assertLedgerSound();
	}

	@Test
	void aMovedCommitmentShipsFromItsNewLocationAndAMoveTheTargetCannotCoverIsRefused() {
		String sku = fixtures.newSku(store);
		Location first = fixtures.newLocation(inventory, store, 1);
		Location second = fixtures.newLocation(inventory, store, 2);
		inventory.receive(store, new StockReceipt(sku, first.id(), null, 5, null, false, MovementReason.RECEIVED, null, null, null));
		inventory.receive(store, new StockReceipt(sku, second.id(), null, 2, null, false, MovementReason.RECEIVED, null, null, null));
		String reference = "order-" + UUID.randomUUID();
		bought(reference, sku, 4);

		assertThatThrownBy(() -> inventory.moveCommitment(store, List.of(reference), sku, first.id(), second.id(), 4))
			.isInstanceOfSatisfying(BusinessRuleViolation.class, ex -> {
				assertThat(ex.code()).isEqualTo("INSUFFICIENT_STOCK");
				assertThat(ex.status()).isEqualTo(409);
			});
		assertThat(at(sku, first).committed()).as("nothing moved").isEqualTo(4);
		assertThat(at(sku, second).committed()).isZero();

		assertThat(inventory.moveCommitment(store, List.of(reference), sku, first.id(), second.id(), 2)).isEqualTo(2);
		assertThat(at(sku, first)).satisfies(l -> {
			assertThat(l.committed()).isEqualTo(2);
			assertThat(l.available()).isEqualTo(3);
		});
		assertThat(at(sku, second)).satisfies(l -> {
			assertThat(l.committed()).isEqualTo(2);
			assertThat(l.available()).isZero();
		});
		assertThat(inventory.committedUnits(store, List.of(reference))).containsExactlyInAnyOrder(
				new CommittedUnits(sku, first.id(), 2), new CommittedUnits(sku, second.id(), 2));

		inventory.fulfilCommitted(store, List.of(reference), second.id(), Map.of(sku, 2), "from-second-" + reference);
		inventory.fulfilCommitted(store, List.of(reference), first.id(), Map.of(sku, 2), "from-first-" + reference);

		assertThat(at(sku, first)).satisfies(l -> {
			assertThat(l.onHand()).isEqualTo(3);
			assertThat(l.committed()).isZero();
		});
		assertThat(at(sku, second)).satisfies(l -> {
			assertThat(l.onHand()).isZero();
			assertThat(l.committed()).isZero();
		});
		assertLedgerSound();
	}

	@Test
	void aBackorderPolicyMayMoveItsCommitmentPastZero() {
		String sku = fixtures.newSku(store, InventoryPolicy.CONTINUE, null);
		Location first = fixtures.newLocation(inventory, store, 1);
		Location empty = fixtures.newLocation(inventory, store, 2);
		inventory.receive(store, new StockReceipt(sku, first.id(), null, 3, null, false, MovementReason.RECEIVED, null, null, null));
		String reference = "order-" + UUID.randomUUID();
		bought(reference, sku, 3);

		assertThat(inventory.moveCommitment(store, List.of(reference), sku, first.id(), empty.id(), 3)).isEqualTo(3);

		assertThat(at(sku, empty).committed()).isEqualTo(3);
		assertThat(at(sku, empty).available()).isEqualTo(-3);
		assertThat(at(sku, first).available()).isEqualTo(3);
		assertLedgerSound();
	}

	@Test
	void releasingMakesUnshippedUnitsAvailableOnceAndNeverMoreThanIsOpen() {
		String sku = fixtures.newSku(store);
		inventory.receive(store, StockReceipt.of(sku, 10, null));
		String reference = "order-" + UUID.randomUUID();
		bought(reference, sku, 4);
		int availableAfterPurchase = inventory.availableOnline(store, sku);

		CommitmentSettlement released = inventory.releaseCommitted(store, List.of(reference), Map.of(sku, 3),
				"cancel-" + reference, "cancelled");

		assertThat(released.settled(sku)).isEqualTo(3);
		assertThat(inventory.stock(store, sku).committed()).isEqualTo(1);
		assertThat(inventory.stock(store, sku).onHand()).isEqualTo(10);
		assertThat(inventory.availableOnline(store, sku)).isEqualTo(availableAfterPurchase + 3);
		assertThat(inventory.releaseCommitted(store, List.of(reference), Map.of(sku, 3), "cancel-" + reference, null)
			.repeated()).isTrue();
		assertThat(inventory.stock(store, sku).committed()).isEqualTo(1);

		CommitmentSettlement more = inventory.releaseCommitted(store, List.of(reference), Map.of(sku, 5),
				"edit-" + reference, null);
		assertThat(more.settled(sku)).as("only what is still open").isEqualTo(1);
		assertThat(inventory.stock(store, sku).committed()).isZero();
		assertThat(inventory.movements(store, sku, null, 1).items().getFirst().reason()).isEqualTo(MovementReason.UNCOMMITTED);
		assertLedgerSound();
	}

	@Test
	void unitsShippedBeyondTheCommitmentJustLeaveOnHand() {
		String sku = fixtures.newSku(store);
		Location shelf = fixtures.newLocation(inventory, store, 1);
		inventory.receive(store, new StockReceipt(sku, shelf.id(), null, 6, null, false, MovementReason.RECEIVED, null, null, null));
		String reference = "order-" + UUID.randomUUID();
		bought(reference, sku, 2);

		CommitmentSettlement shipped = inventory.fulfilCommitted(store, List.of(reference), shelf.id(), Map.of(sku, 3),
				"parcel-" + reference);
		// and an order placed without a reservation (no reference at all)
		inventory.fulfilCommitted(store, List.of(), shelf.id(), Map.of(sku, 1), "manual-" + reference);

		assertThat(shipped.settled(sku)).isEqualTo(2);
		assertThat(at(sku, shelf)).satisfies(l -> {
			assertThat(l.onHand()).isEqualTo(2);
			assertThat(l.committed()).isZero();
		});
		assertLedgerSound();
	}

	@Test
	void aReservationConfirmedBeforeCommittedStockIsTreatedAsShipped() {
		String sku = fixtures.newSku(store);
		Location shelf = fixtures.newLocation(inventory, store, 1);
		inventory.receive(store, new StockReceipt(sku, shelf.id(), null, 5, null, false, MovementReason.RECEIVED, null, null, null));
		String reference = "legacy-" + UUID.randomUUID();
		Reservation reservation = inventory.reserve(store, ReserveStock.of(reference, TTL, new ReserveStock.Line(sku, 2)));
		// confirmed the way it was done before V10: SOLD took the units off on hand at once, no commitment was kept
		new TransactionTemplate(transactions).executeWithoutResult(tx -> {
			jdbc.sql("update inventory.reservation set status = 'CONFIRMED' where store_id = ? and id = ?")
				.params(store.value(), reservation.id().value()).update();
			levels.apply(store, new Levels.Change(sku, shelf.id(), null, MovementReason.SOLD, -2, -2, 0, null, "reference",
					reference, null, Levels.Guard.NONE), Actor.SYSTEM);
		});
		assertThat(at(sku, shelf).onHand()).isEqualTo(3);

		CommitmentSettlement shipped = inventory.fulfilCommitted(store, List.of(reference), shelf.id(), Map.of(sku, 2),
				"parcel-" + reference);

		assertThat(shipped.settled()).isEmpty();
		assertThat(at(sku, shelf).onHand()).as("the units left on hand when they were sold, not again").isEqualTo(3);
		assertThat(at(sku, shelf).committed()).isZero();
		assertLedgerSound();
	}

	@Test
	void tenParallelShipmentsOfOneOrderNeverSettleMoreThanIsCommitted() throws Exception {
		String sku = fixtures.newSku(store);
		Location shelf = fixtures.newLocation(inventory, store, 1);
		inventory.receive(store, new StockReceipt(sku, shelf.id(), null, 20, null, false, MovementReason.RECEIVED, null, null, null));
		String reference = "order-" + UUID.randomUUID();
		bought(reference, sku, 5);
		CountDownLatch start = new CountDownLatch(1);
		List<Callable<CommitmentSettlement>> parcels = new ArrayList<>();
		for (int i = 0; i < 10; i++) {
			String source = "parcel-" + i + "-" + reference;
			parcels.add(() -> {
				start.await();
				return inventory.fulfilCommitted(store, List.of(reference), shelf.id(), Map.of(sku, 1), source);
			});
		}
		// and ten retries of one more parcel
		for (int i = 0; i < 10; i++) {
			parcels.add(() -> {
				start.await();
				return inventory.fulfilCommitted(store, List.of(reference), shelf.id(), Map.of(sku, 1), "retried-" + reference);
			});
		}
		List<CommitmentSettlement> results = new ArrayList<>();
		try (var pool = Executors.newFixedThreadPool(20)) {
			List<Future<CommitmentSettlement>> futures = parcels.stream().map(pool::submit).toList();
			start.countDown();
			for (Future<CommitmentSettlement> f : futures) {
				results.add(f.get());
			}
		}

		assertThat(results.stream().mapToInt(r -> r.settled(sku)).sum()).as("committed units settled").isEqualTo(5);
		assertThat(results).filteredOn(CommitmentSettlement::repeated).hasSize(9);
		assertThat(at(sku, shelf)).satisfies(l -> {
			assertThat(l.committed()).isZero();
			assertThat(l.onHand()).as("eleven parcels left, the retried one once").isEqualTo(9);
		});
		assertLedgerSound();
	}

	@Test
	void anotherStoreCannotShipOrReleaseThisStoresCommitment() {
		String sku = fixtures.newSku(store);
		inventory.receive(store, StockReceipt.of(sku, 4, null));
		String reference = "order-" + UUID.randomUUID();
		bought(reference, sku, 2);
		StoreId outlet = fixtures.outlet();

		inventory.releaseCommitted(outlet, List.of(reference), Map.of(sku, 2), "cancel-" + reference, null);

		assertThat(inventory.committedUnits(outlet, List.of(reference))).isEmpty();
		assertThat(inventory.stock(store, sku).committed()).isEqualTo(2);
		assertThat(inventory.committedUnits(store, List.of(reference))).hasSize(1);
	}
}
