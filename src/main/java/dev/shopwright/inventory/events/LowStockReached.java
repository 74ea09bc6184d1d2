package dev.shopwright.inventory.events;

import dev.shopwright.shared.StoreId;

/** The sellable total of a SKU fell to or below its reorder point (and is not yet zero). */
public record LowStockReached(StoreId storeId, String sku, int availableOnline, int reorderPoint) {
}
