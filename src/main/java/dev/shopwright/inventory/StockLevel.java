package dev.shopwright.inventory;

import org.jspecify.annotations.Nullable;

import dev.shopwright.shared.Money;

/**
 * One SKU at one location: {@code available = onHand - reserved - committed - safetyStock} (negative when oversold
 * under a backorder policy). {@code committed} are units sold but not yet shipped: still on hand, no longer for sale.
 * {@code incoming} is on open purchase orders or transfers and not yet here.
 */
public record StockLevel(String sku, LocationId locationId, String locationName, boolean fulfilsOnline, int onHand,
		int reserved, int committed, int safetyStock, int available, int incoming, @Nullable Money averageCost) {
}
