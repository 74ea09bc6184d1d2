package dev.shopwright.inventory;

import org.jspecify.annotations.Nullable;

import dev.shopwright.shared.Money;

/**
 * One SKU at one location: {@code available = onHand - reserved - safetyStock} (negative when oversold under a
 * backorder policy); {@code incoming} is on open purchase orders or transfers and not yet here.
 */
public record StockLevel(String sku, LocationId locationId, String locationName, boolean fulfilsOnline, int onHand,
		int reserved, int safetyStock, int available, int incoming, @Nullable Money averageCost) {
}
