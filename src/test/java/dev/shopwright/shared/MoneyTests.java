package dev.shopwright.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.json.JsonMapper;

class MoneyTests {

	private static final Currency EUR = Currency.getInstance("EUR");

	private final JsonMapper json = JsonMapper.builder().build();

	@Test
	void amountsTakeTheScaleOfTheirCurrency() {
		assertThat(Money.of("19.9", "EUR").amount()).isEqualByComparingTo("19.90").hasScaleOf(2);
		assertThat(Money.of("1000", "JPY").amount()).hasScaleOf(0);
		assertThat(Money.of("1.5", "KWD").amount()).hasScaleOf(3);
	}

	@Test
	void moreDigitsThanTheCurrencyHasAreRefusedRatherThanRoundedSilently() {
		assertThatThrownBy(() -> Money.of("19.999", "EUR")).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("at most 2");
		assertThatThrownBy(() -> Money.of("1.5", "JPY")).isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void roundingHappensOnlyWhereTheCallerNamesTheRule() {
		Money price = Money.of("10.05", "EUR");
		assertThat(price.multiply(new BigDecimal("0.5"), RoundingMode.HALF_UP)).isEqualTo(Money.of("5.03", "EUR"));
		assertThat(price.multiply(new BigDecimal("0.5"), RoundingMode.HALF_EVEN)).isEqualTo(Money.of("5.02", "EUR"));
		assertThat(Money.of(new BigDecimal("2.675"), EUR, RoundingMode.HALF_UP)).isEqualTo(Money.of("2.68", "EUR"));
	}

	@Test
	void arithmeticIsExact() {
		Money total = Money.of("0.10", "EUR").plus(Money.of("0.20", "EUR"));
		assertThat(total).isEqualTo(Money.of("0.30", "EUR"));
		assertThat(Money.of("19.99", "EUR").times(3)).isEqualTo(Money.of("59.97", "EUR"));
		assertThat(Money.of("5", "EUR").minus(Money.of("7.50", "EUR")).isNegative()).isTrue();
		assertThat(Money.ofMinor(1999, EUR)).isEqualTo(Money.of("19.99", "EUR"));
		assertThat(Money.of("19.99", "EUR").minorUnits()).isEqualTo(1999);
	}

	@Test
	void mixingCurrenciesFailsFast() {
		assertThatThrownBy(() -> Money.of("1", "EUR").plus(Money.of("1", "USD")))
			.isInstanceOf(IllegalArgumentException.class).hasMessageContaining("EUR").hasMessageContaining("USD");
		assertThatThrownBy(() -> Money.of("1", "EUR").compareTo(Money.of("1", "USD")))
			.isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void jsonIsADecimalStringAndACurrencyCode() {
		assertThat(json.writeValueAsString(Money.of("19.9", "EUR"))).isEqualTo("{\"amount\":\"19.90\",\"currency\":\"EUR\"}");
		assertThat(json.readValue("{\"amount\":\"5.5\",\"currency\":\"usd\"}", Money.class)).isEqualTo(Money.of("5.50", "USD"));
	}

	@Test
	void jsonWithTooManyDigitsOrAnUnknownCurrencyIsRejected() {
		assertThatThrownBy(() -> json.readValue("{\"amount\":\"5.555\",\"currency\":\"EUR\"}", Money.class))
			.hasMessageContaining("at most 2");
		assertThatThrownBy(() -> json.readValue("{\"amount\":\"5\",\"currency\":\"ABC\"}", Money.class))
			.hasMessageContaining("unknown currency");
	}
}
