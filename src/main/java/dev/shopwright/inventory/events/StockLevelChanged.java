package dev.shopwright.inventory.events;

import dev.shopwright.inventory.LocationId;
import dev.shopwright.shared.StoreId;

/** The stock of a SKU at a location changed; {@code availableOnline} is the SKU's sellable total afterwards. */
public record StockLevelChanged(StoreId storeId, String sku, LocationId locationId, int onHand, int reserved,
		int available, int availableOnline) {
}
