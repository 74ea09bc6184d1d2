package dev.shopwright.search.events;

import java.util.UUID;

import dev.shopwright.shared.StoreId;

/**
 * A variant of the product became sellable or stopped being so (or moved between in stock, backorder and pre-order),
 * as reported by inventory; pages that show availability should render afresh.
 */
public record ProductAvailabilityChanged(StoreId storeId, UUID productId) {
}
