package dev.shopwright.pricing;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Currency;
import java.util.UUID;

/**
 * A rate entered by staff: one unit of the store's currency is {@code rate} units of {@code currency}; converted
 * prices are rounded with {@code rounding}. Rates are never changed: entering a new one makes it current and
 * keeps the old ones as history.
 */
public record ExchangeRate(UUID id, Currency currency, BigDecimal rate, ConversionRounding rounding, Instant enteredAt,
		String enteredBy) {
}
