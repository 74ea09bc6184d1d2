package dev.shopwright.catalog.events;

import dev.shopwright.catalog.ProductId;
import dev.shopwright.shared.StoreId;

public record ProductDeleted(StoreId storeId, ProductId productId) {
}
