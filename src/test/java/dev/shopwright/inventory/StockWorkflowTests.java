package dev.shopwright.inventory;

import static dev.shopwright.inventory.ReservationTests.receipt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.shopwright.catalog.CatalogManagement;
import dev.shopwright.shared.StoreId;
import dev.shopwright.stores.StoreManagement;
import dev.shopwright.testing.ShopwrightTest;

/** Bins, transfers, cycle counts and safety stock through the façade. */
@ShopwrightTest
class StockWorkflowTests {

	@Autowired
	InventoryManagement inventory;

	@Autowired
	CatalogManagement catalog;

	@Autowired
	StoreManagement stores;

	InventoryFixtures fixtures;

	StoreId store;

	@BeforeEach
	void fixtures() {
		fixtures = new InventoryFixtures(catalog, stores);
		store = fixtures.demo();
	}

	@Test
	void binsHoldUnitsInWalkingOrderAndUnitsMoveBetweenThem() {
		String sku = fixtures.newSku(store);
		Location location = fixtures.newLocation(inventory, store, 50);
		inventory.createBin(store, location.id(), "B-02", 20);
		inventory.createBin(store, location.id(), "A-01", 10);
		inventory.receive(store, new StockReceipt(sku, location.id(), "B-02", 8, null, false, MovementReason.RECEIVED, null,
				null, null));
		inventory.receive(store, receipt(sku, location.id(), 2));

		inventory.moveBetweenBins(store, sku, location.id(), "B-02", "A-01", 5);
		inventory.moveBetweenBins(store, sku, location.id(), null, "A-01", 2);

		assertThat(inventory.bins(store, location.id())).extracting(Bin::code, Bin::contents)
			.containsExactly(tuple("A-01", List.of(new Bin.Content(sku, 7))), tuple("B-02", List.of(new Bin.Content(sku, 3))));
		assertThatThrownBy(() -> inventory.moveBetweenBins(store, sku, location.id(), "B-02", "A-01", 4))
			.hasFieldOrPropertyWithValue("code", "BIN_STOCK_WOULD_GO_NEGATIVE");
		assertThatThrownBy(() -> inventory.moveBetweenBins(store, sku, location.id(), null, "A-01", 1))
			.hasFieldOrPropertyWithValue("code", "BIN_STOCK_WOULD_GO_NEGATIVE");
		assertThatThrownBy(() -> inventory.moveBetweenBins(store, sku, location.id(), "B-02", "Z-99", 1))
			.hasFieldOrPropertyWithValue("code", "UNKNOWN_BIN");
		assertThatThrownBy(() -> inventory.createBin(store, location.id(), "A-01", 1))
			.hasFieldOrPropertyWithValue("code", "BIN_CODE_TAKEN");
		assertThat(inventory.stock(store, sku).onHand()).isEqualTo(10);
		assertThat(inventory.ledgerDiscrepancies(store)).isEmpty();
	}

	@Test
	void aTransferLeavesTheOriginInTransitAndArrivesInParts() {
		String sku = fixtures.newSku(store);
		Location origin = fixtures.newLocation(inventory, store, 60);
		Location destination = fixtures.newLocation(inventory, store, 61);
		inventory.receive(store, receipt(sku, origin.id(), 10));

		Transfer draft = inventory.createTransfer(store, new TransferDraft(origin.id(), destination.id(),
				List.of(new TransferDraft.Line(sku, 6)), "restock the shop"));
		assertThat(draft.status()).isEqualTo(Transfer.Status.DRAFT);
		Transfer shipped = inventory.shipTransfer(store, draft.id());
		assertThat(shipped.status()).isEqualTo(Transfer.Status.IN_TRANSIT);
		assertThat(level(sku, origin.id()).onHand()).isEqualTo(4);
		assertThat(level(sku, destination.id())).satisfies(l -> {
			assertThat(l.onHand()).isZero();
			assertThat(l.incoming()).isEqualTo(6);
		});

		Transfer partly = inventory.receiveTransfer(store, draft.id(), Map.of(sku, 4), null);
		assertThat(partly.status()).isEqualTo(Transfer.Status.PARTIALLY_RECEIVED);
		assertThatThrownBy(() -> inventory.receiveTransfer(store, draft.id(), Map.of(sku, 3), null))
			.hasFieldOrPropertyWithValue("code", "TRANSFER_OVER_RECEIVED");
		Transfer received = inventory.receiveTransfer(store, draft.id(), null, null);
		assertThat(received.status()).isEqualTo(Transfer.Status.RECEIVED);
		assertThat(received.lines()).singleElement().satisfies(l -> assertThat(l.received()).isEqualTo(6));
		assertThat(level(sku, destination.id())).satisfies(l -> {
			assertThat(l.onHand()).isEqualTo(6);
			assertThat(l.incoming()).isZero();
		});
		// receiving a received transfer again changes nothing
		assertThatThrownBy(() -> inventory.receiveTransfer(store, draft.id(), null, null))
			.hasFieldOrPropertyWithValue("code", "TRANSFER_STATUS_CONFLICT");
		assertThatThrownBy(() -> inventory.shipTransfer(store, draft.id()))
			.hasFieldOrPropertyWithValue("code", "TRANSFER_STATUS_CONFLICT");
		assertThat(inventory.stock(store, sku).onHand()).isEqualTo(10);
		assertThat(inventory.movements(store, sku, null, 20).items()).extracting(StockMovement::reason)
			.contains(MovementReason.TRANSFERRED_OUT, MovementReason.TRANSFERRED_IN);
		assertThat(inventory.ledgerDiscrepancies(store)).isEmpty();
	}

	@Test
	void cancellingATransferInTransitReturnsTheUnitsToTheOrigin() {
		String sku = fixtures.newSku(store);
		Location origin = fixtures.newLocation(inventory, store, 60);
		Location destination = fixtures.newLocation(inventory, store, 61);
		inventory.receive(store, receipt(sku, origin.id(), 5));
		Transfer transfer = inventory.createTransfer(store, new TransferDraft(origin.id(), destination.id(),
				List.of(new TransferDraft.Line(sku, 5)), null));
		inventory.shipTransfer(store, transfer.id());
		inventory.receiveTransfer(store, transfer.id(), Map.of(sku, 2), null);

		assertThat(inventory.cancelTransfer(store, transfer.id()).status()).isEqualTo(Transfer.Status.CANCELLED);

		assertThat(level(sku, origin.id()).onHand()).isEqualTo(3);
		assertThat(level(sku, destination.id()).onHand()).isEqualTo(2);
		assertThat(level(sku, destination.id()).incoming()).isZero();
		assertThat(inventory.ledgerDiscrepancies(store)).isEmpty();
	}

	@Test
	void badTransfersAreRefusedAndNothingLeavesTheOrigin() {
		String sku = fixtures.newSku(store);
		String other = fixtures.newSku(store);
		Location origin = fixtures.newLocation(inventory, store, 60);
		Location destination = fixtures.newLocation(inventory, store, 61);
		inventory.receive(store, receipt(sku, origin.id(), 5));
		inventory.receive(store, receipt(other, origin.id(), 1));

		assertThatThrownBy(() -> inventory.createTransfer(store, new TransferDraft(origin.id(), origin.id(),
				List.of(new TransferDraft.Line(sku, 1)), null)))
			.hasFieldOrPropertyWithValue("code", "TRANSFER_TO_SAME_LOCATION");
		assertThatThrownBy(() -> inventory.createTransfer(store, new TransferDraft(origin.id(),
				new LocationId(UUID.randomUUID()), List.of(new TransferDraft.Line(sku, 1)), null)))
			.hasFieldOrPropertyWithValue("code", "UNKNOWN_LOCATION");
		assertThatThrownBy(() -> inventory.createTransfer(store, new TransferDraft(origin.id(), destination.id(),
				List.of(new TransferDraft.Line(sku, -1)), null)))
			.hasFieldOrPropertyWithValue("code", "INVALID_QUANTITY");
		// the second line cannot leave (one reserved unit stays): the first does not leave either
		inventory.reserve(store, ReserveStock.of("cart-" + UUID.randomUUID(), Duration.ofMinutes(5),
				new ReserveStock.Line(other, 1)));
		Transfer transfer = inventory.createTransfer(store, new TransferDraft(origin.id(), destination.id(),
				List.of(new TransferDraft.Line(sku, 2), new TransferDraft.Line(other, 1)), null));
		assertThatThrownBy(() -> inventory.shipTransfer(store, transfer.id()))
			.hasFieldOrPropertyWithValue("code", "STOCK_WOULD_GO_NEGATIVE");

		assertThat(inventory.transfer(store, transfer.id()).status()).isEqualTo(Transfer.Status.DRAFT);
		assertThat(level(sku, origin.id()).onHand()).isEqualTo(5);
		assertThat(inventory.ledgerDiscrepancies(store)).isEmpty();
	}

	@Test
	void aBlindCountIsReviewedAndApprovedIntoCountedAdjustments() {
		String a = fixtures.newSku(store);
		String b = fixtures.newSku(store);
		Location location = fixtures.newLocation(inventory, store, 70);
		inventory.receive(store, receipt(a, location.id(), 10));
		inventory.receive(store, receipt(b, location.id(), 4));

		CountSheet sheet = inventory.createCountSheet(store, location.id(), null, null, null);
		CountSheet blind = inventory.countSheet(store, sheet.id(), true);
		assertThat(blind.lines()).extracting(CountSheet.Line::sku).containsExactlyInAnyOrder(a, b);
		assertThat(blind.lines()).allSatisfy(line -> assertThat(line.expected()).isNull());

		Map<String, Integer> counted = new HashMap<>(Map.of(a, 8, b, 4));
		CountSheet saved = inventory.recordCounts(store, sheet.id(), blind.version(), counted);
		// a unit of a is sold while the sheet waits for review: the variance still applies on top of it
		inventory.adjust(store, new StockAdjustment(a, location.id(), -1, null, MovementReason.ADJUSTED, null));
		CountSheet review = inventory.countSheet(store, sheet.id(), false);
		assertThat(review.lines()).extracting(CountSheet.Line::sku, CountSheet.Line::variance)
			.containsExactlyInAnyOrder(tuple(a, -2), tuple(b, 0));

		CountSheet approved = inventory.approveCountSheet(store, sheet.id(), saved.version());
		assertThat(approved.status()).isEqualTo(CountSheet.Status.APPROVED);
		assertThat(level(a, location.id()).onHand()).isEqualTo(7);
		assertThat(level(b, location.id()).onHand()).isEqualTo(4);
		assertThat(inventory.movements(store, a, null, 1).items()).singleElement()
			.satisfies(m -> assertThat(m).extracting(StockMovement::reason, StockMovement::onHandDelta)
				.containsExactly(MovementReason.COUNTED, -2));
		assertThatThrownBy(() -> inventory.approveCountSheet(store, sheet.id(), approved.version()))
			.hasFieldOrPropertyWithValue("code", "COUNT_SHEET_CLOSED");
		assertThat(inventory.ledgerDiscrepancies(store)).isEmpty();
	}

	@Test
	void twoPeopleSavingOneSheetAtOnceCannotOverwriteEachOther() {
		String sku = fixtures.newSku(store);
		Location location = fixtures.newLocation(inventory, store, 70);
		inventory.receive(store, receipt(sku, location.id(), 3));
		CountSheet sheet = inventory.createCountSheet(store, location.id(), null, List.of(sku), null);

		inventory.recordCounts(store, sheet.id(), sheet.version(), Map.of(sku, 3));
		assertThatThrownBy(() -> inventory.recordCounts(store, sheet.id(), sheet.version(), Map.of(sku, 9)))
			.hasFieldOrPropertyWithValue("code", "COUNT_SHEET_CHANGED")
			.hasFieldOrPropertyWithValue("status", 409);
		assertThatThrownBy(() -> inventory.recordCounts(store, sheet.id(), sheet.version() + 1, Map.of(sku, -1)))
			.hasFieldOrPropertyWithValue("code", "INVALID_QUANTITY");
		assertThatThrownBy(() -> inventory.recordCounts(store, sheet.id(), sheet.version() + 1, Map.of("NOPE", 1)))
			.hasFieldOrPropertyWithValue("code", "NOT_ON_COUNT_SHEET");

		assertThat(inventory.countSheet(store, sheet.id(), false).lines()).singleElement()
			.satisfies(line -> assertThat(line.counted()).isEqualTo(3));
	}

	@Test
	void safetyStockIsKeptBackFromWhatShoppersCanBuy() {
		String sku = fixtures.newSku(store);
		inventory.receive(store, StockReceipt.of(sku, 10, null));

		StockLevel level = inventory.setSafetyStock(store, sku, null, 3);

		assertThat(level.available()).isEqualTo(7);
		assertThat(inventory.availableOnline(store, sku)).isEqualTo(7);
		assertThatThrownBy(() -> inventory.reserve(store, ReserveStock.of("cart-" + UUID.randomUUID(), Duration.ofMinutes(5),
				new ReserveStock.Line(sku, 8))))
			.hasFieldOrPropertyWithValue("code", "INSUFFICIENT_STOCK");
		assertThatThrownBy(() -> inventory.setSafetyStock(store, sku, null, -1))
			.hasFieldOrPropertyWithValue("code", "INVALID_QUANTITY");
		assertThat(inventory.overview(store, sku, StockSummary.Filter.ALL, null, null, 10).items()).singleElement()
			.satisfies(s -> assertThat(s.availableOnline()).isEqualTo(7));
	}

	@Test
	void theOverviewFindsLowAndOutOfStockSkus() {
		String out = fixtures.newSku(store);
		// the catalog's event tracks a new SKU moments later; asking for its stock tracks it at once
		assertThat(inventory.stock(store, out).onHand()).isZero();
		String low = fixtures.newSku(store);
		inventory.receive(store, StockReceipt.of(low, 3, null));
		inventory.setReorderPoint(store, low, 5);

		assertThat(inventory.overview(store, "INV-", StockSummary.Filter.OUT, null, null, 1000).items())
			.extracting(StockSummary::sku).contains(out).doesNotContain(low);
		assertThat(inventory.overview(store, "INV-", StockSummary.Filter.LOW, null, null, 1000).items())
			.extracting(StockSummary::sku).contains(low).doesNotContain(out);
	}

	private StockLevel level(String sku, LocationId location) {
		return inventory.stock(store, sku).levels().stream().filter(l -> l.locationId().equals(location)).findFirst().orElseThrow();
	}
}
