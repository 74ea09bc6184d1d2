package dev.shopwright.catalog.events;

import java.util.UUID;

import dev.shopwright.shared.StoreId;

/** A category was created, renamed, moved or deleted: paths and breadcrumbs below it may differ now. */
public record CategoryChanged(StoreId storeId, UUID categoryId) {
}
