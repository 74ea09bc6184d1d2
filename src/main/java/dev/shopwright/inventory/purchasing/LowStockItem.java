package dev.shopwright.inventory.purchasing;

import org.jspecify.annotations.Nullable;

/** A SKU whose sellable units are at or below its reorder point, with what is already on its way. */
public record LowStockItem(String sku, String title, int availableOnline, int incoming, int reorderPoint,
		@Nullable String primarySupplier) {
}
