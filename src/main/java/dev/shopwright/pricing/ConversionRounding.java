package dev.shopwright.pricing;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;

import dev.shopwright.shared.Money;

/**
 * How a converted price is rounded in the target currency. Every rule first rounds half-up to the currency's
 * minor unit. For currencies without minor units (JPY) {@link #NEAREST_0_05} is the same as {@link #NONE}, and
 * {@link #UP_TO_99} ends prices in 99 (1234 → 1299).
 */
public enum ConversionRounding {
	/** Half-up to the minor unit: 12.345 → 12.35. */
	NONE,
	/** To the nearest 0.05, halves up (Swiss cash rounding): 12.32 → 12.30, 12.325 → 12.35, 12.38 → 12.40. */
	NEAREST_0_05,
	/** Up to the next price ending in .99 (charm pricing): 12.30 → 12.99, 12.99 → 12.99, 13.00 → 13.99. */
	UP_TO_99,
	/** Half-up to whole units: 12.49 → 12, 12.50 → 13. */
	WHOLE_UNITS;

	public Money apply(BigDecimal amount, Currency currency) {
		int scale = Math.max(currency.getDefaultFractionDigits(), 0);
		BigDecimal exact = amount.setScale(scale, RoundingMode.HALF_UP);
		BigDecimal rounded = switch (this) {
			case NONE -> exact;
			case NEAREST_0_05 -> scale < 2 ? exact
					: exact.multiply(BigDecimal.valueOf(20)).setScale(0, RoundingMode.HALF_UP)
						.divide(BigDecimal.valueOf(20), scale, RoundingMode.UNNECESSARY);
			case UP_TO_99 -> upTo99(exact, scale);
			case WHOLE_UNITS -> exact.setScale(0, RoundingMode.HALF_UP);
		};
		return new Money(rounded, currency);
	}

	private static BigDecimal upTo99(BigDecimal exact, int scale) {
		if (scale == 0) {
			// 99 in the last two digits: 1234 → 1299, 1299 → 1299
			BigDecimal hundreds = exact.add(BigDecimal.ONE).divide(BigDecimal.valueOf(100), 0, RoundingMode.CEILING);
			return hundreds.multiply(BigDecimal.valueOf(100)).subtract(BigDecimal.ONE).max(BigDecimal.valueOf(99));
		}
		// the largest price ending in .99 at or above the amount: ceil(amount + 0.01) - 0.01
		BigDecimal step = scale == 1 ? new BigDecimal("0.1") : new BigDecimal("0.01");
		BigDecimal units = exact.add(step).setScale(0, RoundingMode.CEILING);
		return units.subtract(step).setScale(scale, RoundingMode.UNNECESSARY);
	}
}
