package dev.shopwright.search;

import org.jspecify.annotations.Nullable;

/**
 * What the search box offers while the shopper types: a popular past search ({@code kind = "query"}, no handle) or
 * a product ({@code kind = "product"}, with its handle).
 */
public record Suggestion(String kind, String title, @Nullable String handle) {

	public static Suggestion query(String query) {
		return new Suggestion("query", query, null);
	}

	public static Suggestion product(String title, String handle) {
		return new Suggestion("product", title, handle);
	}
}
