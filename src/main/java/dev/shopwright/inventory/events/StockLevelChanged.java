package dev.shopwright.inventory.events;

import dev.shopwright.inventory.LocationId;
import dev.shopwright.shared.StoreId;

/**
 * The stock of a SKU at a location changed; {@code availableOnline} is the SKU's sellable total afterwards.
 * {@code committed}: units sold and not yet shipped there (appended last, so positional readers stay valid).
 */
public record StockLevelChanged(StoreId storeId, String sku, LocationId locationId, int onHand, int reserved,
		int available, int availableOnline, int committed) {
}
