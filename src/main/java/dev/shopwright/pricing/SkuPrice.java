package dev.shopwright.pricing;

import java.time.Instant;

import dev.shopwright.shared.Money;

/** A SKU's explicit price in a price list. */
public record SkuPrice(String sku, Money price, Instant updatedAt) {
}
