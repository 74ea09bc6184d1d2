package dev.shopwright.catalog.imports;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Locale;
import java.util.Map;

import dev.shopwright.shared.Money;

/** Reading numbers, prices, yes/no and measures from CSV text, with messages that say what was expected. */
final class Values {

	/** A value that cannot be read; the message completes "Column: …". */
	static final class BadValue extends Exception {

		BadValue(String message) {
			super(message, null, false, false);
		}
	}

	private static final Map<String, BigDecimal> GRAMS_PER_UNIT = Map.of("g", BigDecimal.ONE, "kg",
			new BigDecimal("1000"), "lb", new BigDecimal("453.59237"), "lbs", new BigDecimal("453.59237"), "oz",
			new BigDecimal("28.349523125"));

	private static final Map<String, BigDecimal> MM_PER_UNIT = Map.of("mm", BigDecimal.ONE, "cm", BigDecimal.TEN, "m",
			new BigDecimal("1000"), "in", new BigDecimal("25.4"), "yd", new BigDecimal("914.4"));

	private Values() {
	}

	private static final java.util.regex.Pattern DECIMAL = java.util.regex.Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)");

	static BigDecimal decimal(String text) throws BadValue {
		String value = text.strip();
		if (!DECIMAL.matcher(value).matches()) {
			throw new BadValue("'" + abbreviate(value) + "' is not a number (write it like 1234.50: a dot for decimals, "
					+ "no thousands separators or currency signs)");
		}
		return new BigDecimal(value);
	}

	/** A price in the store's currency: not negative, no more decimals than the currency has. */
	static Money money(String text, Currency currency) throws BadValue {
		BigDecimal amount = decimal(text);
		if (amount.signum() < 0) {
			throw new BadValue("'" + text.strip() + "' is negative");
		}
		int scale = Math.max(currency.getDefaultFractionDigits(), 0);
		if (amount.stripTrailingZeros().scale() > scale) {
			throw new BadValue("'" + text.strip() + "' has more decimals than " + currency.getCurrencyCode() + " allows ("
					+ scale + ")");
		}
		return Money.of(amount, currency, RoundingMode.UNNECESSARY);
	}

	static boolean bool(String text) throws BadValue {
		return switch (text.strip().toLowerCase(Locale.ROOT)) {
			case "true", "yes", "y", "1" -> true;
			case "false", "no", "n", "0" -> false;
			default -> throw new BadValue("'" + abbreviate(text.strip()) + "' is not TRUE or FALSE");
		};
	}

	static int integer(String text, int min, int max) throws BadValue {
		String value = text.strip();
		if (!value.matches("[+-]?\\d{1,10}")) {
			throw new BadValue("'" + abbreviate(value) + "' is not a whole number");
		}
		long number = Long.parseLong(value);
		if (number < min || number > max) {
			throw new BadValue(number + " is out of range (" + min + " to " + max + ")");
		}
		return (int) number;
	}

	/** A weight in grams, rounded half-up, from a value in g, kg, lb (lbs) or oz. */
	static int grams(String text, String unit) throws BadValue {
		BigDecimal factor = GRAMS_PER_UNIT.get(unit.strip().toLowerCase(Locale.ROOT));
		if (factor == null) {
			throw new BadValue("'" + unit + "' is not a weight unit (g, kg, lb, oz)");
		}
		return measure(text, factor, 10_000_000, "grams");
	}

	/** A length in millimetres, rounded half-up, from a value in mm, cm, m, in or yd. */
	static int millimetres(String text, String unit) throws BadValue {
		BigDecimal factor = MM_PER_UNIT.get(unit.strip().toLowerCase(Locale.ROOT));
		if (factor == null) {
			throw new BadValue("'" + unit + "' is not a length unit (mm, cm, m, in, yd)");
		}
		return measure(text, factor, 100_000, "mm");
	}

	static boolean isWeightUnit(String unit) {
		return GRAMS_PER_UNIT.containsKey(unit.strip().toLowerCase(Locale.ROOT));
	}

	static boolean isLengthUnit(String unit) {
		return MM_PER_UNIT.containsKey(unit.strip().toLowerCase(Locale.ROOT));
	}

	private static int measure(String text, BigDecimal factor, int max, String target) throws BadValue {
		BigDecimal value = decimal(text);
		if (value.signum() < 0) {
			throw new BadValue("'" + text.strip() + "' is negative");
		}
		BigDecimal converted = value.multiply(factor).setScale(0, RoundingMode.HALF_UP);
		if (converted.compareTo(BigDecimal.valueOf(max)) > 0) {
			throw new BadValue("'" + text.strip() + "' is too large (more than " + max + " " + target + ")");
		}
		return converted.intValueExact();
	}

	static String abbreviate(String value) {
		return value.length() <= 60 ? value : value.substring(0, 57) + "…";
	}
}
