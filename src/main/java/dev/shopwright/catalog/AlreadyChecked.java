package dev.shopwright.catalog;

import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * What an import batch has already established about a product, with one lookup for the whole batch instead of
 * queries per product (ADR 0020): {@code freeHandle} is used by no product, and {@code freeSkus} by no product but
 * the one being written. {@link CatalogManagement#createInBatch} and {@link CatalogManagement#updateInBatch} skip
 * their own queries for these. The database's unique constraints still refuse a handle or SKU another writer has
 * taken since the lookup.
 */
public record AlreadyChecked(@Nullable String freeHandle, Set<String> freeSkus) {

	/** Nothing known: the catalog checks the handle and every SKU itself. */
	public static final AlreadyChecked NOTHING = new AlreadyChecked(null, Set.of());

	public AlreadyChecked {
		freeSkus = Set.copyOf(freeSkus);
	}

	boolean handleFree(String handle) {
		return handle.equals(freeHandle);
	}
}
