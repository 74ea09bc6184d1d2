package dev.shopwright.stores.events;

import dev.shopwright.shared.StoreId;

public record StoreCreated(StoreId storeId, String handle, String name) {
}
