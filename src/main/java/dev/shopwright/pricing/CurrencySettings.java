package dev.shopwright.pricing;

import java.util.Currency;

import org.jspecify.annotations.Nullable;

/** One of the store's enabled currencies, its current exchange rate (none for the store currency) and price list. */
public record CurrencySettings(Currency currency, boolean storeCurrency, @Nullable ExchangeRate currentRate,
		@Nullable PriceList priceList) {
}
