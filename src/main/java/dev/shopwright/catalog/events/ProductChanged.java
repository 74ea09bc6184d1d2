package dev.shopwright.catalog.events;

import dev.shopwright.catalog.ProductId;
import dev.shopwright.shared.StoreId;

/** A product was created or changed in any way (text, status, variants, prices, categories …). */
public record ProductChanged(StoreId storeId, ProductId productId) {
}
