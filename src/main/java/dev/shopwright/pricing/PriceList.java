package dev.shopwright.pricing;

import java.util.Currency;
import java.util.UUID;

/** Explicit prices per SKU in one currency (at most one list per currency in a store). */
public record PriceList(UUID id, String name, Currency currency, long priceCount) {
}
