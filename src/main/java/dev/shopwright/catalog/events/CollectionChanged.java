package dev.shopwright.catalog.events;

import java.util.UUID;

import dev.shopwright.shared.StoreId;

/** A collection was created, changed (rules, members, text) or deleted: its membership may differ now. */
public record CollectionChanged(StoreId storeId, UUID collectionId) {
}
