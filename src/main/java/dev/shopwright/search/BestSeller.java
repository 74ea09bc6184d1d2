package dev.shopwright.search;

import java.util.UUID;

/** A product and its units sold in the best-selling window (orders of the last 90 days, not cancelled). */
public record BestSeller(UUID productId, String title, String handle, int unitsSold) {
}
