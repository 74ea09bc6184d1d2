package dev.shopwright.returns;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

import dev.shopwright.inventory.LocationId;

/**
 * What staff found for one returned item: {@code restock} units go back on hand at {@code locationId} (the store's
 * default location when null), {@code damaged} units are written off (recorded, no stock). Together they are the
 * item's quantity.
 */
public record Inspection(UUID itemId, int restock, int damaged, @Nullable LocationId locationId) {
}
