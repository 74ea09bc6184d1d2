package dev.shopwright.search;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import dev.shopwright.shared.Money;

/**
 * One page of matching products and the facet counts for the whole result. Each facet's counts apply every
 * filter except that facet's own, so a shopper sees how many products picking another value would give.
 */
public record SearchResult(@Nullable String query, @Nullable String correctedQuery, long total, List<Hit> items,
		@Nullable String nextCursor, Facets facets) {

	public record Hit(String id, String handle, String title, @Nullable String vendor, @Nullable String productType,
			Money price, @Nullable Money priceMax, @Nullable Money compareAtPrice, boolean available) {
	}

	/** One value of a facet; {@code label} is what to show (a category's name for its handle). */
	public record FacetValue(String value, String label, long count, boolean selected) {
	}

	/** A price bucket: products whose lowest price is in [min, max); max is null for the last. */
	public record PriceRange(String value, Money min, @Nullable Money max, long count, boolean selected) {
	}

	public record Facets(List<FacetValue> category, List<FacetValue> collection, List<FacetValue> vendor,
			List<FacetValue> type, List<FacetValue> tag, Map<String, List<FacetValue>> options, List<PriceRange> price,
			List<FacetValue> availability) {
	}
}
