package dev.shopwright.stores.events;

import dev.shopwright.shared.StoreId;

public record StoreUpdated(StoreId storeId, String handle) {
}
