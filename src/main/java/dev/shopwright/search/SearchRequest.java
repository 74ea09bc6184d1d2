package dev.shopwright.search;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * What a shopper asks for: free text, facet filters (values of one facet are OR'ed, facets are AND'ed),
 * a price range on the lowest variant price, an order and a page. Categories and collections are named by
 * handle; a category includes its subcategories.
 */
public record SearchRequest(@Nullable String query, List<String> categories, List<String> collections,
		List<String> vendors, List<String> types, List<String> tags, Map<String, List<String>> options,
		@Nullable BigDecimal minPrice, @Nullable BigDecimal maxPrice, boolean inStockOnly, Sort sort, int limit,
		@Nullable String cursor, @Nullable String language) {

	public static final int MAX_LIMIT = 100;

	public enum Sort {
		RELEVANCE, PRICE_ASC, PRICE_DESC, NEWEST, BEST_SELLING;

		/** The name in URLs: {@code price_asc}, {@code best-selling}. */
		public String parameter() {
			return this == BEST_SELLING ? "best-selling" : name().toLowerCase(java.util.Locale.ROOT);
		}
	}

	public SearchRequest {
		query = query == null || query.isBlank() ? null : query.strip();
		categories = List.copyOf(categories);
		collections = List.copyOf(collections);
		vendors = List.copyOf(vendors);
		types = List.copyOf(types);
		tags = List.copyOf(tags);
		options = Map.copyOf(options);
	}

	/** Everything visible, newest first. */
	public static SearchRequest browse(int limit) {
		return new SearchRequest(null, List.of(), List.of(), List.of(), List.of(), List.of(), Map.of(), null, null,
				false, Sort.NEWEST, limit, null, null);
	}

	public SearchRequest inCategory(String handle) {
		return new SearchRequest(query, List.of(handle), collections, vendors, types, tags, options, minPrice, maxPrice,
				inStockOnly, sort, limit, cursor, language);
	}

	public SearchRequest inCollection(String handle) {
		return new SearchRequest(query, categories, List.of(handle), vendors, types, tags, options, minPrice, maxPrice,
				inStockOnly, sort, limit, cursor, language);
	}

	/**
	 * Searched with this language's analysis first (then the store's default), titles shown in it where translated.
	 * A language the store does not offer is ignored.
	 */
	public SearchRequest inLanguage(@Nullable String languageTag) {
		return new SearchRequest(query, categories, collections, vendors, types, tags, options, minPrice, maxPrice,
				inStockOnly, sort, limit, cursor, languageTag);
	}
}
