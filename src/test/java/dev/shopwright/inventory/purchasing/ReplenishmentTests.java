package dev.shopwright.inventory.purchasing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.UUID;

import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.shopwright.inventory.InventoryManagement;
import dev.shopwright.inventory.StockAdjustment;
import dev.shopwright.inventory.StockReceipt;
import dev.shopwright.shared.Money;
import dev.shopwright.shared.StoreId;
import dev.shopwright.stores.StoreManagement;
import dev.shopwright.stores.StoreSettings;
import dev.shopwright.testing.ApiClient;
import dev.shopwright.testing.ShopwrightTest;

@ShopwrightTest
class ReplenishmentTests {

	@Autowired
	ApplicationContext context;

	@Autowired
	Purchasing purchasing;

	@Autowired
	Replenishment replenishment;

	@Autowired
	LowStockAlerts alerts;

	@Autowired
	InventoryManagement inventory;

	@Autowired
	StoreManagement stores;

	@Autowired
	JdbcClient jdbc;

	PurchasingFixtures fixtures;

	@BeforeEach
	void fixtures() {
		fixtures = new PurchasingFixtures(context);
	}

	@Test
	void suggestionsTopUpToOrderUpToInWholePacksAndMeetTheSupplierMinimum() {
		StoreId store = fixtures.demoStore();
		Supplier supplier = fixtures.supplier(store, "EUR", 7, null, 30, 4);
		// A: reorder point 10, no order-up-to (so 2 × 10), 3 available: needs 17, in packs of 6 → 18
		String a = stocked(store, 3, 10, null);
		link(store, supplier, a, 6, "2.00");
		// B: reorder point 5, order-up-to 12, 5 available: needs 7, in the supplier's packs of 4 → 8
		String b = stocked(store, 5, 5, 12);
		link(store, supplier, b, 1, "3.00");
		// C: above its reorder point, D: enough incoming on a sent order — neither is suggested
		String c = stocked(store, 6, 5, null);
		link(store, supplier, c, 1, "1.00");
		String d = stocked(store, 1, 5, null);
		link(store, supplier, d, 1, "1.00");
		purchasing.send(store, purchasing.createPurchaseOrder(store, new PurchaseOrderDraft(supplier.id(), null, null, null,
				List.of(new PurchaseOrderDraft.Line(d, 9, null)))).id());

		ReorderSuggestion suggestion = suggestionOf(store, supplier);

		// 18 + 8 = 26 units is below the minimum of 30: one more pack of the most urgent line (A, 3 of 20) → 24
		assertThat(suggestion.lines()).extracting(ReorderSuggestion.Line::sku, ReorderSuggestion.Line::needed,
				ReorderSuggestion.Line::packSize, ReorderSuggestion.Line::quantity)
			.containsExactly(tuple(a, 17, 6, 24), tuple(b, 7, 4, 8));
		assertThat(suggestion.units()).isEqualTo(32);
		assertThat(suggestion.total()).isEqualTo(Money.of("72.00", "EUR"));

		List<PurchaseOrder> drafts = replenishment.createDrafts(store, List.of(supplier.id()));

		assertThat(drafts).singleElement().satisfies(order -> {
			assertThat(order.status()).isEqualTo(PurchaseOrderStatus.DRAFT);
			assertThat(order.supplierId()).isEqualTo(supplier.id());
			assertThat(order.lines()).extracting(PurchaseOrderLine::sku, PurchaseOrderLine::quantity, PurchaseOrderLine::unitCost)
				.containsExactly(tuple(a, 24, Money.of("2.00", "EUR")), tuple(b, 8, Money.of("3.00", "EUR")));
		});
		assertThat(replenishment.suggestions(store)).noneMatch(s -> s.supplierId().equals(supplier.id()));
		assertThat(replenishment.createDrafts(store, List.of(supplier.id()))).isEmpty();
	}

	@Test
	void aMinimumOrderAmountAddsWholePacksRoundRobinUntilItIsMet() {
		Supplier supplier = new Supplier(UUID.randomUUID(), "Min", null, null, Currency.getInstance("EUR"), 5,
				Money.of("100.00", "EUR"), null, 1, null, Instant.now(), Instant.now());
		ReorderSuggestion raised = Replenishment.raiseToMinimum(supplier, List.of(
				new ReorderSuggestion.Line("X", "X", 0, 0, 5, 10, 10, 5, 10, Money.of("3.00", "EUR"), Money.of("30.00", "EUR")),
				new ReorderSuggestion.Line("Y", "Y", 4, 0, 5, 10, 6, 2, 6, Money.of("5.00", "EUR"), Money.of("30.00", "EUR"))));
		// 60.00 → X +5 (75.00) → Y +2 (85.00) → X +5 (100.00)
		assertThat(raised.lines()).extracting(ReorderSuggestion.Line::sku, ReorderSuggestion.Line::quantity)
			.containsExactly(tuple("X", 20), tuple("Y", 8));
		assertThat(raised.total()).isEqualTo(Money.of("100.00", "EUR"));
		assertThat(Replenishment.roundUp(17, 6)).isEqualTo(18);
		assertThat(Replenishment.roundUp(18, 6)).isEqualTo(18);
	}

	@Test
	void reachingTheReorderPointListsTheSkuAndMailsOneDigestPerDayToTheStore() throws Exception {
		String handle = ApiClient.unique("low");
		String email = handle + "@stores.test";
		StoreId store = stores.create(new StoreSettings("Low stock " + handle, handle, "EUR", null, null, null, null, null,
				email, null, null)).id();
		String sku = fixtures.newSku(store, "EUR");
		String other = fixtures.newSku(store, "EUR");
		inventory.receive(store, StockReceipt.of(sku, 10, null));
		inventory.receive(store, StockReceipt.of(other, 10, null));
		inventory.setReorderPoint(store, sku, 5);
		inventory.setReorderPoint(store, other, 3);

		inventory.adjust(store, StockAdjustment.by(sku, -6));
		inventory.adjust(store, StockAdjustment.by(other, -8));

		assertThat(replenishment.lowStock(store)).extracting(LowStockItem::sku, LowStockItem::availableOnline,
				LowStockItem::reorderPoint)
			.containsExactlyInAnyOrder(tuple(other, 2, 3), tuple(sku, 4, 5));
		fixtures.await(() -> jdbc.sql("select count(*) from inventory.low_stock_alert where store_id = ?")
			.param(store.value()).query(Long.class).single() == 2);
		assertThat(alerts.sendDigest(store)).isEqualTo(2);
		MimeMessage digest = fixtures.awaitMail(email);
		assertThat(digest.getSubject()).contains("2 SKUs");
		assertThat(digest.getContent().toString()).contains(sku, other, "4 available (reorder point 5)", "/admin/purchasing/suggestions");

		// back above and down again the same day: noted, but not mailed twice
		inventory.adjust(store, StockAdjustment.by(sku, 6));
		inventory.adjust(store, StockAdjustment.by(sku, -6));
		fixtures.await(() -> jdbc.sql("select count(*) from inventory.low_stock_alert where store_id = ? and reached_at > notified_at")
			.param(store.value()).query(Long.class).single() == 1);
		assertThat(alerts.sendDigest(store)).isZero();
		assertThat(fixtures.mailsTo(email)).isEqualTo(1);
		// another store's alerts are not in this digest, and this store's are not in theirs
		assertThat(alerts.sendDigest(fixtures.demoStore())).isGreaterThanOrEqualTo(0);
		assertThat(replenishment.lowStock(fixtures.demoStore())).noneMatch(item -> item.sku().equals(sku));
	}

	private ReorderSuggestion suggestionOf(StoreId store, Supplier supplier) {
		return replenishment.suggestions(store).stream().filter(s -> s.supplierId().equals(supplier.id())).findFirst()
			.orElseThrow();
	}

	private String stocked(StoreId store, int onHand, int reorderPoint, Integer orderUpTo) {
		String sku = fixtures.newSku(store, "EUR");
		inventory.receive(store, StockReceipt.of(sku, onHand, Money.of("1.00", "EUR")));
		inventory.setReorderPoint(store, sku, reorderPoint);
		jdbc.sql("update inventory.item set order_up_to = ? where store_id = ? and sku = ?")
			.params(orderUpTo, store.value(), sku).update();
		return sku;
	}

	private void link(StoreId store, Supplier supplier, String sku, int packSize, String cost) {
		purchasing.saveSupplierSku(store, supplier.id(), new SupplierSkuDraft(sku, null, new BigDecimal(cost), packSize, true));
	}
}
