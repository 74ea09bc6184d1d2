package dev.shopwright.inventory.events;

import dev.shopwright.shared.StoreId;

/** A SKU that was out of stock can be sold again. */
public record BackInStock(StoreId storeId, String sku, int availableOnline) {
}
