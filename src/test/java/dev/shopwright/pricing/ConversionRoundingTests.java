package dev.shopwright.pricing;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Currency;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConversionRoundingTests {

	@ParameterizedTest(name = "{0} {1} with {2} → {3}")
	@CsvSource({
			"12.345, USD, NONE, 12.35",
			"12.344, USD, NONE, 12.34",
			"12.32, CHF, NEAREST_0_05, 12.30",
			"12.325, CHF, NEAREST_0_05, 12.35",
			"12.38, CHF, NEAREST_0_05, 12.40",
			"12.30, USD, UP_TO_99, 12.99",
			"12.99, USD, UP_TO_99, 12.99",
			"12.995, USD, UP_TO_99, 13.99",
			"13.00, USD, UP_TO_99, 13.99",
			"0.10, USD, UP_TO_99, 0.99",
			"12.49, USD, WHOLE_UNITS, 12.00",
			"12.50, USD, WHOLE_UNITS, 13.00",
			"1234.4, JPY, NONE, 1234",
			"1234, JPY, UP_TO_99, 1299",
			"1299, JPY, UP_TO_99, 1299",
			"12, JPY, UP_TO_99, 99",
			"1234.6, JPY, NEAREST_0_05, 1235" })
	void roundsConvertedPricesByTheRule(String amount, String currency, ConversionRounding rule, String expected) {
		assertThat(rule.apply(new BigDecimal(amount), Currency.getInstance(currency)).amount().toPlainString())
			.isEqualTo(expected);
	}
}
