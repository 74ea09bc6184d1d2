package dev.shopwright.inventory;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

import dev.shopwright.catalog.CatalogManagement;
import dev.shopwright.catalog.InventoryPolicy;
import dev.shopwright.catalog.ProductDraft;
import dev.shopwright.shared.Money;
import dev.shopwright.shared.StoreId;
import dev.shopwright.stores.StoreManagement;

/** Test data for inventory tests: fresh SKUs (with a policy) and locations in the demo stores. */
record InventoryFixtures(CatalogManagement catalog, StoreManagement stores) {

	StoreId demo() {
		return stores.findByReference("demo").orElseThrow().id();
	}

	StoreId outlet() {
		return stores.findByReference("outlet").orElseThrow().id();
	}

	String newSku(StoreId store) {
		return newSku(store, InventoryPolicy.DENY, null);
	}

	String newSku(StoreId store, InventoryPolicy policy, @Nullable Integer preorderLimit) {
		String sku = "INV-" + UUID.randomUUID().toString().substring(0, 8);
		String currency = store.equals(demo()) ? "EUR" : "USD";
		catalog.create(store, ProductDraft.of("Stock test " + sku, new ProductDraft.VariantDraft(null, sku, null,
				Money.of("9.00", currency), null, null, null, null, null, null, null, null, policy, preorderLimit)));
		return sku;
	}

	Location newLocation(InventoryManagement inventory, StoreId store, int priority) {
		String code = "loc-" + UUID.randomUUID().toString().substring(0, 8);
		return inventory.createLocation(store,
				new LocationDraft("Location " + code, code, Location.Kind.WAREHOUSE, priority, true, true, null));
	}
}
