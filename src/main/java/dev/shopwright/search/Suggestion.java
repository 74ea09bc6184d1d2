package dev.shopwright.search;

/** A product title offered while the shopper types. */
public record Suggestion(String title, String handle) {
}
