package dev.shopwright.inventory;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Random;

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
import dev.shopwright.platform.Deadlocks;
import dev.shopwright.shared.Address;
import dev.shopwright.shared.Money;
import dev.shopwright.shared.StoreId;
import dev.shopwright.stores.Store;
import dev.shopwright.stores.StoreManagement;

/**
 * On the first start with demo data, gives the demo store a warehouse and a shop with bins and receives stock
 * for every SKU through the ledger (a few SKUs low or out, as in a real store). Runs while the store has no
 * stock movements yet.
 */
@Component
@Order(20)
class DemoInventory implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoInventory.class);

	private final InventoryManagement inventory;

	private final CatalogManagement catalog;

	private final StoreManagement stores;

	private final TransactionTemplate transaction;

	private final boolean demo;

	DemoInventory(InventoryManagement inventory, CatalogManagement catalog, StoreManagement stores,
			TransactionTemplate transaction, @Value("${shopwright.demo.enabled:true}") boolean demo) {
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
		if (store == null || !inventory.locations(store.id()).isEmpty()) {
			return;
		}
		long started = System.nanoTime();
		int skus = Deadlocks.retry("Demo inventory", () -> transaction.execute(status -> seed(store.id())));
		log.info("Demo inventory: {} SKUs stocked in {} ms", skus, (System.nanoTime() - started) / 1_000_000);
	}

	private int seed(StoreId store) {
		Location warehouse = inventory.defaultLocation(store);
		inventory.updateLocation(store, warehouse.id(), new LocationDraft("Main warehouse", "main", Location.Kind.WAREHOUSE,
				0, true, true, new Address("Lagerstraße 12", null, "Hamburg", null, "20457", "DE")));
		Location shop = inventory.createLocation(store, new LocationDraft("Berlin shop", "berlin-shop", Location.Kind.SHOP,
				10, true, true, new Address("Torstraße 101", null, "Berlin", null, "10119", "DE")));
		Random random = new Random(42);
		int count = 0;
		String cursor = null;
		do {
			var page = catalog.list(store, ProductListing.all(), cursor, 200);
			for (Product product : page.items()) {
				inventory.track(store, product);
				for (Variant variant : product.variants()) {
					if (variant.sku() == null) {
						continue;
					}
					Money cost = variant.cost() != null ? variant.cost()
							: variant.price().multiply(new BigDecimal("0.45"), RoundingMode.HALF_UP);
					int roll = random.nextInt(100);
					int inWarehouse = roll < 4 ? 0 : roll < 12 ? 1 + random.nextInt(3) : 5 + random.nextInt(60);
					if (inWarehouse > 0) {
						inventory.receive(store, new StockReceipt(variant.sku(), warehouse.id(), null, inWarehouse, cost,
								false, MovementReason.RECEIVED, "demo", "opening-stock", "Opening stock"));
					}
					if (roll >= 4 && random.nextInt(3) == 0) {
						inventory.receive(store, new StockReceipt(variant.sku(), shop.id(), null, 1 + random.nextInt(6), cost,
								false, MovementReason.RECEIVED, "demo", "opening-stock", "Opening stock"));
					}
					if (roll >= 12) {
						inventory.setReorderPoint(store, variant.sku(), 5);
					}
					count++;
				}
			}
			cursor = page.nextCursor();
		}
		while (cursor != null);
		return count;
	}
}
