package dev.shopwright.inventory.events;

import dev.shopwright.shared.StoreId;

/** The sellable total of a SKU reached zero (or less, under a backorder policy). */
public record OutOfStock(StoreId storeId, String sku) {
}
