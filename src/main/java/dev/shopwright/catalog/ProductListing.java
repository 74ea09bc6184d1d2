package dev.shopwright.catalog;

import org.jspecify.annotations.Nullable;

/** Filters and order of the merchant's product list (console and Admin API). */
public record ProductListing(@Nullable String query, @Nullable ProductStatus status, @Nullable String vendor,
		@Nullable String productType, @Nullable String tag, Sort sort) {

	public enum Sort {
		/** Most recently changed first. */
		UPDATED,
		/** Newest first. */
		CREATED,
		/** A to Z. */
		TITLE
	}

	public static ProductListing all() {
		return new ProductListing(null, null, null, null, null, Sort.UPDATED);
	}
}
