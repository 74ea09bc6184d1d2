package dev.shopwright.inventory.purchasing;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import dev.shopwright.catalog.CatalogManagement;
import dev.shopwright.catalog.Product;
import dev.shopwright.catalog.ProductListing;
import dev.shopwright.catalog.Variant;
import dev.shopwright.inventory.InventoryManagement;
import dev.shopwright.platform.Deadlocks;
import dev.shopwright.shared.Money;
import dev.shopwright.shared.StoreId;
import dev.shopwright.stores.Store;
import dev.shopwright.stores.StoreManagement;

/**
 * After the demo inventory (order 20), gives the demo store three suppliers that sell its catalog and purchase orders in
 * every state, so the purchasing screens show a living business. Runs while the demo store has no suppliers.
 */
@Component
@Order(30)
class DemoPurchasing implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoPurchasing.class);

	private final Purchasing purchasing;

	private final Replenishment replenishment;

	private final InventoryManagement inventory;

	private final CatalogManagement catalog;

	private final StoreManagement stores;

	private final TransactionTemplate transaction;

	private final boolean demo;

	DemoPurchasing(Purchasing purchasing, Replenishment replenishment, InventoryManagement inventory,
			CatalogManagement catalog, StoreManagement stores, TransactionTemplate transaction,
			@Value("${shopwright.demo.enabled:true}") boolean demo) {
		this.purchasing = purchasing;
		this.replenishment = replenishment;
		this.inventory = inventory;
		this.catalog = catalog;
		this.stores = stores;
		this.transaction = transaction;
		this.demo = demo;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!demo && !args.containsOption("demo")) {
			return;
		}
		Store store = stores.findByReference("demo").orElse(null);
		if (store == null || inventory.locations(store.id()).isEmpty() || !purchasing.allSuppliers(store.id()).isEmpty()) {
			return;
		}
		long started = System.nanoTime();
		int orders = Deadlocks.retry("Demo purchasing", () -> transaction.execute(status -> seed(store.id())));
		log.info("Demo purchasing: 3 suppliers and {} purchase orders in {} ms", orders,
				(System.nanoTime() - started) / 1_000_000);
	}

	private int seed(StoreId store) {
		List<Supplier> suppliers = List.of(
				purchasing.createSupplier(store, new SupplierDraft("Alpine Textiles GmbH", "orders@alpine-textiles.example",
						"+43 512 555 0100", "EUR", 10, new BigDecimal("250.00"), null, 1, "Order by Thursday for Monday dispatch")),
				purchasing.createSupplier(store, new SupplierDraft("Nordic Outdoor Supply AB", "purchasing@nordic-outdoor.example",
						"+46 8 555 010 20", "EUR", 21, null, 24, 6, "Ships in cartons of 6")),
				purchasing.createSupplier(store, new SupplierDraft("Lisbon Leather Works", "sales@lisbon-leather.example",
						"+351 21 555 0199", "EUR", 14, new BigDecimal("150.00"), 10, 2, null)));
		List<String> skus = new ArrayList<>();
		String cursor = null;
		do {
			var page = catalog.list(store, ProductListing.all(), cursor, 200);
			for (Product product : page.items()) {
				for (Variant variant : product.variants()) {
					if (variant.sku() == null) {
						continue;
					}
					Money cost = variant.cost() != null ? variant.cost()
							: variant.price().multiply(new BigDecimal("0.45"), RoundingMode.HALF_UP);
					if (!cost.currency().getCurrencyCode().equals("EUR")) {
						continue;
					}
					int index = skus.size();
					skus.add(variant.sku());
					Supplier primary = suppliers.get(index % 3);
					purchasing.saveSupplierSku(store, primary.id(), new SupplierSkuDraft(variant.sku(),
							code(primary, index), cost.amount(), null, true));
					if (index % 4 == 0) { // a second source, a little dearer
						Supplier second = suppliers.get((index + 1) % 3);
						purchasing.saveSupplierSku(store, second.id(), new SupplierSkuDraft(variant.sku(), code(second, index),
								cost.multiply(new BigDecimal("1.08"), RoundingMode.HALF_UP).amount(), null, false));
					}
				}
			}
			cursor = page.nextCursor();
		}
		while (cursor != null);
		if (skus.size() < 9) {
			return 0;
		}
		int orders = 0;
		PurchaseOrder received = order(store, suppliers.get(0), List.of(line(skus.get(0), 20), line(skus.get(3), 12)), null);
		purchasing.send(store, received.id());
		purchasing.receive(store, received.id(), new Receipt(List.of(new Receipt.Line(skus.get(0), 20, null),
				new Receipt.Line(skus.get(3), 12, null)), "Delivery complete"));
		orders++;
		PurchaseOrder partial = order(store, suppliers.get(1), List.of(line(skus.get(1), 24), line(skus.get(4), 12)),
				LocalDate.now().plusDays(3));
		purchasing.send(store, partial.id());
		purchasing.receive(store, partial.id(), Receipt.of(skus.get(1), 18, null));
		orders++;
		PurchaseOrder sent = order(store, suppliers.get(2), List.of(line(skus.get(2), 10), line(skus.get(5), 6),
				line(skus.get(8), 4)), LocalDate.now().plusDays(14));
		purchasing.send(store, sent.id());
		orders++;
		PurchaseOrder cancelled = order(store, suppliers.get(1), List.of(line(skus.get(7), 6)), null);
		purchasing.send(store, cancelled.id());
		purchasing.cancel(store, cancelled.id());
		orders++;
		orders += replenishment.createDrafts(store, List.of(suppliers.get(0).id())).size();
		return orders;
	}

	private PurchaseOrder order(StoreId store, Supplier supplier, List<PurchaseOrderDraft.Line> lines, LocalDate expected) {
		return purchasing.createPurchaseOrder(store, new PurchaseOrderDraft(supplier.id(), null, null, expected, lines));
	}

	private static PurchaseOrderDraft.Line line(String sku, int quantity) {
		return new PurchaseOrderDraft.Line(sku, quantity, null);
	}

	private static String code(Supplier supplier, int index) {
		return supplier.name().substring(0, 3).toUpperCase() + "-" + (10_000 + index * 7);
	}
}
