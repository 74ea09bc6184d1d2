package dev.shopwright.inventory;

import java.util.Optional;

import org.springframework.stereotype.Component;

import dev.shopwright.catalog.CatalogManagement;
import dev.shopwright.catalog.Product;
import dev.shopwright.inventory.domain.Items;
import dev.shopwright.inventory.domain.Items.Item;
import dev.shopwright.shared.StoreId;

/** The SKUs inventory tracks, fetched from the catalog when its event has not arrived yet. */
@Component
class TrackedSkus {

	private final Items items;

	private final CatalogManagement catalog;

	TrackedSkus(Items items, CatalogManagement catalog) {
		this.items = items;
		this.catalog = catalog;
	}

	Item require(StoreId store, String sku) {
		Optional<Item> item = items.find(store, sku).filter(i -> !i.deleted());
		if (item.isPresent()) {
			return item.get();
		}
		Product product = catalog.findBySku(store, sku).orElseThrow(() -> InventoryProblems.unknownSku(sku));
		items.sync(store, product);
		return items.find(store, sku).filter(i -> !i.deleted()).orElseThrow(() -> InventoryProblems.unknownSku(sku));
	}
}
