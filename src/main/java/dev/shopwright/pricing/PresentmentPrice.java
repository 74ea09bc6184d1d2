package dev.shopwright.pricing;

import org.jspecify.annotations.Nullable;

import dev.shopwright.shared.Money;

/** A SKU's price in the currency the shopper sees, with where it came from and the rate used (conversions only). */
public record PresentmentPrice(String sku, Money price, PriceSource source, Money basePrice, @Nullable ExchangeRate rate) {
}
