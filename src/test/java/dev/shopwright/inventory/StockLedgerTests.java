package dev.shopwright.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.shopwright.catalog.CatalogManagement;
import dev.shopwright.catalog.ProductDraft;
import dev.shopwright.platform.BusinessRuleViolation;
import dev.shopwright.shared.Money;
import dev.shopwright.shared.StoreId;
import dev.shopwright.stores.StoreManagement;
import dev.shopwright.testing.ShopwrightTest;

@ShopwrightTest
class StockLedgerTests {

	@Autowired
	InventoryManagement inventory;

	@Autowired
	CatalogManagement catalog;

	@Autowired
	StoreManagement stores;

	@Test
	void receivingAndAdjustingChangeOnHandAndLeaveALedgerThatSumsToIt() {
		StoreId store = demoStore();
		String sku = newSku();
		inventory.receive(store, StockReceipt.of(sku, 10, Money.of("4.00", "EUR")));
		inventory.receive(store, StockReceipt.of(sku, 30, Money.of("6.00", "EUR")));
		StockLevel afterDamage = inventory.adjust(store,
				new StockAdjustment(sku, null, -3, null, MovementReason.DAMAGED, "crushed box"));
		StockLevel afterCount = inventory.adjust(store, StockAdjustment.to(sku, 30));

		assertThat(afterDamage.onHand()).isEqualTo(37);
		assertThat(afterCount.onHand()).isEqualTo(30);
		assertThat(afterCount.averageCost()).isEqualTo(Money.of("5.50", "EUR"));
		SkuStock stock = inventory.stock(store, sku);
		assertThat(stock.onHand()).isEqualTo(30);
		assertThat(stock.availableOnline()).isEqualTo(30);
		assertThat(stock.levels()).singleElement().satisfies(level -> assertThat(level.locationName()).isEqualTo("Main warehouse"));
		assertThat(inventory.movements(store, sku, null, 10).items()).extracting(StockMovement::reason, StockMovement::onHandDelta)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(MovementReason.ADJUSTED, -7),
					org.assertj.core.groups.Tuple.tuple(MovementReason.DAMAGED, -3),
					org.assertj.core.groups.Tuple.tuple(MovementReason.RECEIVED, 30),
					org.assertj.core.groups.Tuple.tuple(MovementReason.RECEIVED, 10));
		assertThat(inventory.ledgerDiscrepancies(store)).isEmpty();
	}

	@Test
	void onHandNeverGoesBelowZeroEvenWhenManyStaffTakeUnitsAtOnce() throws Exception {
		StoreId store = demoStore();
		String sku = newSku();
		inventory.receive(store, StockReceipt.of(sku, 10, null));
		List<Callable<Boolean>> takes = new ArrayList<>();
		for (int i = 0; i < 40; i++) {
			takes.add(() -> {
				try {
					inventory.adjust(store, StockAdjustment.by(sku, -1));
					return true;
				}
				catch (BusinessRuleViolation e) {
					assertThat(e.code()).isEqualTo("STOCK_WOULD_GO_NEGATIVE");
					return false;
				}
			});
		}
		int succeeded = 0;
		try (var pool = Executors.newFixedThreadPool(16)) {
			for (Future<Boolean> take : pool.invokeAll(takes)) {
				succeeded += take.get() ? 1 : 0;
			}
		}
		assertThat(succeeded).isEqualTo(10);
		assertThat(inventory.stock(store, sku).onHand()).isZero();
		assertThat(inventory.ledgerDiscrepancies(store)).isEmpty();
	}

	@Test
	void badChangesAreRefusedWithTheirRuleAndWriteNothing() {
		StoreId store = demoStore();
		String sku = newSku();
		inventory.receive(store, StockReceipt.of(sku, 2, Money.of("1.00", "EUR")));

		assertThatThrownBy(() -> inventory.adjust(store, StockAdjustment.by("NO-SUCH-" + sku, 1)))
			.hasFieldOrPropertyWithValue("code", "UNKNOWN_SKU");
		assertThatThrownBy(() -> inventory.adjust(store, StockAdjustment.by(sku, -3)))
			.hasFieldOrPropertyWithValue("code", "STOCK_WOULD_GO_NEGATIVE");
		assertThatThrownBy(() -> inventory.adjust(store, StockAdjustment.by(sku, 2_000_000)))
			.hasFieldOrPropertyWithValue("code", "INVALID_QUANTITY");
		assertThatThrownBy(() -> inventory.adjust(store, new StockAdjustment(sku, null, 1, 5, MovementReason.ADJUSTED, null)))
			.hasFieldOrPropertyWithValue("code", "INVALID_QUANTITY");
		assertThatThrownBy(() -> inventory.adjust(store,
				new StockAdjustment(sku, new LocationId(UUID.randomUUID()), 1, null, MovementReason.ADJUSTED, null)))
			.hasFieldOrPropertyWithValue("code", "UNKNOWN_LOCATION");
		assertThatThrownBy(() -> inventory.receive(store, StockReceipt.of(sku, 1, Money.of("1.00", "USD"))))
			.hasFieldOrPropertyWithValue("code", "COST_CURRENCY_MISMATCH");
		assertThatThrownBy(() -> inventory.changeIncoming(store, sku, null, -1, MovementReason.PURCHASE_CANCELLED, "po", "x"))
			.hasFieldOrPropertyWithValue("code", "STOCK_FIGURE_WOULD_GO_NEGATIVE");

		assertThat(inventory.stock(store, sku).onHand()).isEqualTo(2);
		assertThat(inventory.movements(store, sku, null, 10).items()).hasSize(1);
		assertThat(inventory.ledgerDiscrepancies(store)).isEmpty();
	}

	@Test
	void stockIsValuedAtWeightedAverageCostPerLocationAndUncostedUnitsAreCountedApart() {
		StoreId store = demoStore();
		String code = "val-" + UUID.randomUUID().toString().substring(0, 8);
		LocationId location = inventory.createLocation(store, LocationDraft.named("Valuation " + code, code)).id();
		String jacket = newSku();
		String socks = newSku();
		String samples = newSku();
		inventory.receive(store, new StockReceipt(jacket, location, null, 10, Money.of("4.00", "EUR"), false,
				MovementReason.RECEIVED, null, null, null));
		inventory.receive(store, new StockReceipt(jacket, location, null, 30, Money.of("6.00", "EUR"), false,
				MovementReason.RECEIVED, null, null, null));
		inventory.receive(store, new StockReceipt(socks, location, null, 5, Money.of("2.50", "EUR"), false,
				MovementReason.RECEIVED, null, null, null));
		inventory.receive(store, new StockReceipt(samples, location, null, 3, null, false, MovementReason.RECEIVED, null,
				null, null));

		StockValuation valuation = inventory.valuation(store, location, 10);

		assertThat(valuation.locations()).singleElement().satisfies(l -> {
			assertThat(l.units()).isEqualTo(45);
			assertThat(l.value()).isEqualTo(Money.of("232.50", "EUR"));
		});
		assertThat(valuation.totals()).containsExactly(Money.of("232.50", "EUR"));
		assertThat(valuation.skus()).extracting(StockValuation.SkuValue::sku).containsExactly(jacket, socks);
		assertThat(valuation.skus().getFirst().averageCost()).isEqualTo(Money.of("5.50", "EUR"));
		assertThat(valuation.uncostedUnits()).isEqualTo(3);
		assertThat(inventory.valuation(store, null, 5).totals().getFirst().amount())
			.as("the whole store is worth more than this one location").isGreaterThan(new java.math.BigDecimal("232.50"));
	}

	@Test
	void theDemoStoreStartsWithStockInTwoLocationsAndASoundLedger() {
		StoreId store = demoStore();
		assertThat(inventory.locations(store)).extracting(Location::code).contains("main", "berlin-shop");
		assertThat(inventory.ledgerDiscrepancies(store)).isEmpty();
	}

	private StoreId demoStore() {
		return stores.findByReference("demo").orElseThrow().id();
	}

	private String newSku() {
		String sku = "INV-" + UUID.randomUUID().toString().substring(0, 8);
		catalog.create(demoStore(), ProductDraft.of("Stock test " + sku, ProductDraft.VariantDraft.priced(sku, Money.of("9.00", "EUR"))));
		return sku;
	}
}
