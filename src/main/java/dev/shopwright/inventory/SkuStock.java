package dev.shopwright.inventory;

import java.util.List;

import org.jspecify.annotations.Nullable;

import dev.shopwright.catalog.InventoryPolicy;

/**
 * Everything known about the stock of one SKU: per location and in total. {@code availableOnline} is what
 * shoppers may buy: the sum of available units over the active locations that fulfil online orders.
 */
public record SkuStock(String sku, String title, InventoryPolicy policy, @Nullable Integer preorderLimit,
		@Nullable Integer reorderPoint, List<StockLevel> levels, int onHand, int reserved, int committed, int available,
		int availableOnline, int incoming) {
}
