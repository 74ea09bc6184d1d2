package dev.shopwright.shared;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * An exact amount in one currency, always at the currency's scale (2 for EUR, 0 for JPY, 3 for KWD).
 * <p>
 * Arithmetic never rounds silently: results that need more digits than the currency has are only made
 * through {@link #multiply(BigDecimal, RoundingMode)} or {@link #of(BigDecimal, Currency, RoundingMode)},
 * where the caller names the rounding rule. Mixing currencies fails fast. In JSON it is
 * {@code {"amount": "19.99", "currency": "EUR"}}: a decimal string, never a float.
 */
public record Money(@JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal amount, Currency currency)
		implements Comparable<Money> {

	/** The rounding rule for money when a caller does not name one: half-even (banker's rounding). */
	public static final RoundingMode DEFAULT_ROUNDING = RoundingMode.HALF_EVEN;

	public Money {
		Objects.requireNonNull(amount, "amount");
		Objects.requireNonNull(currency, "currency");
		int scale = scaleOf(currency);
		if (amount.stripTrailingZeros().scale() > scale) {
			throw new IllegalArgumentException("%s has at most %d decimal places, got %s"
				.formatted(currency.getCurrencyCode(), scale, amount.toPlainString()));
		}
		amount = amount.setScale(scale, RoundingMode.UNNECESSARY);
	}

	@JsonCreator
	static Money fromJson(@JsonProperty("amount") String amount, @JsonProperty("currency") String currency) {
		if (amount == null || currency == null) {
			throw new IllegalArgumentException("money needs both amount and currency");
		}
		BigDecimal value;
		try {
			value = new BigDecimal(amount.trim());
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException("amount must be a decimal string such as \"19.99\"");
		}
		return new Money(value, currency(currency));
	}

	public static Money of(String amount, String currencyCode) {
		return new Money(new BigDecimal(amount), currency(currencyCode));
	}

	public static Money of(BigDecimal amount, Currency currency, RoundingMode rounding) {
		return new Money(amount.setScale(scaleOf(currency), rounding), currency);
	}

	public static Money zero(Currency currency) {
		return new Money(BigDecimal.ZERO, currency);
	}

	/** Builds money from minor units (cents): {@code ofMinor(1999, EUR)} is 19.99 EUR. */
	public static Money ofMinor(long minorUnits, Currency currency) {
		return new Money(BigDecimal.valueOf(minorUnits, scaleOf(currency)), currency);
	}

	public long minorUnits() {
		return amount.movePointRight(amount.scale()).longValueExact();
	}

	public Money plus(Money other) {
		requireSameCurrency(other);
		return new Money(amount.add(other.amount), currency);
	}

	public Money minus(Money other) {
		requireSameCurrency(other);
		return new Money(amount.subtract(other.amount), currency);
	}

	public Money times(long quantity) {
		return new Money(amount.multiply(BigDecimal.valueOf(quantity)), currency);
	}

	/** Multiplies by a factor (a tax rate, a discount percentage) and rounds with the named rule. */
	public Money multiply(BigDecimal factor, RoundingMode rounding) {
		return of(amount.multiply(factor), currency, rounding);
	}

	public Money negate() {
		return new Money(amount.negate(), currency);
	}

	@JsonIgnore
	public boolean isZero() {
		return amount.signum() == 0;
	}

	@JsonIgnore
	public boolean isNegative() {
		return amount.signum() < 0;
	}

	@Override
	public int compareTo(Money other) {
		requireSameCurrency(other);
		return amount.compareTo(other.amount);
	}

	@Override
	public String toString() {
		return amount.toPlainString() + " " + currency.getCurrencyCode();
	}

	private void requireSameCurrency(Money other) {
		if (!currency.equals(other.currency)) {
			throw new IllegalArgumentException("cannot combine %s with %s"
				.formatted(currency.getCurrencyCode(), other.currency.getCurrencyCode()));
		}
	}

	private static int scaleOf(Currency currency) {
		return Math.max(currency.getDefaultFractionDigits(), 0);
	}

	private static Currency currency(String code) {
		try {
			return Currency.getInstance(code.trim().toUpperCase(java.util.Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException("unknown currency code: " + code);
		}
	}
}
