package dev.shopwright.pricing.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.shopwright.platform.BusinessRuleViolation;
import dev.shopwright.pricing.ConversionRounding;
import dev.shopwright.pricing.DiscountAllocation;
import dev.shopwright.pricing.ExchangeRate;
import dev.shopwright.pricing.PriceBreakdown;
import dev.shopwright.pricing.PriceBreakdown.LineTotal;
import dev.shopwright.pricing.PriceCalculation;
import dev.shopwright.pricing.PriceCalculation.Line;
import dev.shopwright.pricing.TaxRate;
import dev.shopwright.pricing.TaxRounding;
import dev.shopwright.shared.Money;

/** The arithmetic of totals, without the application: classic cent cases and invariants over random carts. */
class TotalsCalculatorTests {

	static final Currency EUR = Currency.getInstance("EUR");

	static final TaxRate VAT_19 = rate("standard", "VAT 19%", "19", false);

	static final TaxRate VAT_7 = rate("reduced", "VAT 7%", "7", false);

	static final TotalsCalculator.ZoneRates GERMANY = new TotalsCalculator.ZoneRates("Germany",
			Map.of("standard", List.of(VAT_19), "reduced", List.of(VAT_7)));

	static TaxRate rate(String taxClass, String name, String percent, boolean compound) {
		return new TaxRate(UUID.randomUUID(), taxClass, name, new BigDecimal(percent), compound);
	}

	static Line line(String sku, String unit, int quantity) {
		return new Line(sku, Money.of(unit, "EUR"), quantity, null, true);
	}

	static PriceBreakdown calculate(boolean gross, TaxRounding rounding, TotalsCalculator.ZoneRates zone,
			List<Line> lines, List<DiscountAllocation> discounts, boolean exempt) {
		return TotalsCalculator.calculate(new PriceCalculation(EUR, lines, null, null, discounts, null, exempt),
				new TotalsCalculator.StorePricing(gross, rounding, EUR, null), zone, "standard");
	}

	static PriceBreakdown calculate(boolean gross, TaxRounding rounding, List<Line> lines) {
		return calculate(gross, rounding, GERMANY, lines, List.of(), false);
	}

	static List<Line> threeTimes33Cents() {
		return List.of(line("a", "0.33", 1), line("b", "0.33", 1), line("c", "0.33", 1));
	}

	@Test
	void netPricesRoundedPerLineTaxEachLineSoThreeTimes33CentsAt19PercentIs18Cents() {
		PriceBreakdown result = calculate(false, TaxRounding.PER_LINE, threeTimes33Cents());
		assertThat(result.lines()).extracting(LineTotal::tax).containsOnly(Money.of("0.06", "EUR"));
		assertThat(result.taxTotal()).isEqualTo(Money.of("0.18", "EUR"));
		assertThat(result.total()).isEqualTo(Money.of("1.17", "EUR"));
	}

	@Test
	void netPricesRoundedPerOrderTaxTheSumOnceSoThreeTimes33CentsAt19PercentIs19Cents() {
		PriceBreakdown result = calculate(false, TaxRounding.PER_ORDER, threeTimes33Cents());
		assertThat(result.taxTotal()).isEqualTo(Money.of("0.19", "EUR"));
		assertThat(result.total()).isEqualTo(Money.of("1.18", "EUR"));
		assertThat(result.lines()).extracting(l -> l.tax().amount().toPlainString()).containsExactly("0.07", "0.06", "0.06");
	}

	@Test
	void grossPricesKeepTheirTotalAndExtractTaxPerLineOrPerOrder() {
		PriceBreakdown perLine = calculate(true, TaxRounding.PER_LINE, threeTimes33Cents());
		assertThat(perLine.total()).isEqualTo(Money.of("0.99", "EUR"));
		assertThat(perLine.lines()).extracting(LineTotal::net).containsOnly(Money.of("0.28", "EUR"));
		assertThat(perLine.taxTotal()).isEqualTo(Money.of("0.15", "EUR"));

		PriceBreakdown perOrder = calculate(true, TaxRounding.PER_ORDER, threeTimes33Cents());
		assertThat(perOrder.total()).isEqualTo(Money.of("0.99", "EUR"));
		assertThat(perOrder.taxTotal()).isEqualTo(Money.of("0.16", "EUR")); // 0.99 − round(0.99 / 1.19 = 0.8319)
		assertThat(perOrder.taxLines()).singleElement()
			.satisfies(t -> assertThat(t.taxable()).isEqualTo(Money.of("0.83", "EUR")));
	}

	@Test
	void oneLineOfThreeAt33CentsIsTheSameEitherWay() {
		for (TaxRounding rounding : TaxRounding.values()) {
			PriceBreakdown result = calculate(false, rounding, List.of(line("a", "0.33", 3)));
			assertThat(result.taxTotal()).as(rounding.name()).isEqualTo(Money.of("0.19", "EUR")); // 0.1881
		}
	}

	@Test
	void anOrderDiscountIsSpreadInProportionWithTheRemainderCentOnTheEarliestLine() {
		PriceBreakdown result = calculate(false, TaxRounding.PER_LINE, GERMANY,
				List.of(line("a", "10.00", 1), line("b", "10.00", 1), line("c", "10.00", 1)),
				List.of(new DiscountAllocation("10 off", Money.of("10.00", "EUR"), null)), false);
		assertThat(result.lines()).extracting(l -> l.discount().amount().toPlainString()).containsExactly("3.34", "3.33", "3.33");
		assertThat(result.discountTotal()).isEqualTo(Money.of("10.00", "EUR"));
		// tax on 6.66, 6.67, 6.67 at 19%: 1.27 + 1.27 + 1.27
		assertThat(result.taxTotal()).isEqualTo(Money.of("3.81", "EUR"));
		assertThat(result.total()).isEqualTo(Money.of("23.81", "EUR"));
	}

	@Test
	void theRemainderCentGoesToTheLargestFractionFirst() {
		// 1.00 over 0.50 / 0.30 / 0.20 of 7.00 total: exact 0.0714…, 0.0428…, 0.0285… → 7, 4, 3 cents = 14? no: 1.00
		long[] parts = Allocation.split(100, new BigDecimal[] { new BigDecimal("350"), new BigDecimal("210"),
				new BigDecimal("140") });
		assertThat(parts).containsExactly(50, 30, 20);
		long[] uneven = Allocation.split(10, new BigDecimal[] { BigDecimal.ONE, BigDecimal.ONE, BigDecimal.ONE });
		assertThat(uneven).containsExactly(4, 3, 3);
		long[] fractions = Allocation.split(100, new BigDecimal[] { new BigDecimal("1"), new BigDecimal("2") });
		assertThat(fractions).containsExactly(33, 67); // 33.33 / 66.67: the larger remainder (0.67) gets the cent
	}

	@Test
	void aLineDiscountStaysOnItsLineAndCannotExceedIt() {
		PriceBreakdown result = calculate(true, TaxRounding.PER_LINE, GERMANY,
				List.of(line("a", "11.90", 1), line("b", "5.00", 1)),
				List.of(new DiscountAllocation("b half", Money.of("2.50", "EUR"), "b")), false);
		assertThat(result.lines().get(1).discount()).isEqualTo(Money.of("2.50", "EUR"));
		assertThat(result.total()).isEqualTo(Money.of("14.40", "EUR"));
		assertThatThrownBy(() -> calculate(true, TaxRounding.PER_LINE, GERMANY, List.of(line("a", "1.00", 1)),
				List.of(new DiscountAllocation("too much", Money.of("1.01", "EUR"), "a")), false))
			.isInstanceOfSatisfying(BusinessRuleViolation.class, v -> assertThat(v.code()).isEqualTo("DISCOUNT_EXCEEDS_AMOUNT"));
	}

	@Test
	void stackedUsRatesAddUpAndCompoundRatesTaxThePreviousTax() {
		var nyc = new TotalsCalculator.ZoneRates("New York City", Map.of("standard",
				List.of(rate("standard", "NY State", "4", false), rate("standard", "NYC", "4.5", false),
						rate("standard", "MCTD", "0.375", false))));
		PriceBreakdown stacked = calculate(false, TaxRounding.PER_LINE, nyc, List.of(line("a", "100.00", 1)), List.of(), false);
		assertThat(stacked.taxLines()).extracting(t -> t.amount().amount().toPlainString()).containsExactly("4.00", "4.50", "0.38");
		assertThat(stacked.total()).isEqualTo(Money.of("108.88", "EUR"));

		var compound = new TotalsCalculator.ZoneRates("Compound", Map.of("standard",
				List.of(rate("standard", "Federal", "5", false), rate("standard", "Provincial", "10", true))));
		PriceBreakdown onTop = calculate(false, TaxRounding.PER_LINE, compound, List.of(line("a", "100.00", 1)), List.of(), false);
		assertThat(onTop.taxLines()).extracting(t -> t.amount().amount().toPlainString()).containsExactly("5.00", "10.50");

		PriceBreakdown extracted = calculate(true, TaxRounding.PER_LINE, compound, List.of(line("a", "115.50", 1)), List.of(), false);
		assertThat(extracted.lines().get(0).net()).isEqualTo(Money.of("100.00", "EUR"));
		assertThat(extracted.taxLines()).extracting(t -> t.amount().amount().toPlainString()).containsExactly("5.00", "10.50");
	}

	@Test
	void anExemptBuyerPaysTheNetAmountWhetherPricesIncludeTaxOrNot() {
		PriceBreakdown gross = calculate(true, TaxRounding.PER_LINE, GERMANY, List.of(line("a", "119.00", 1)), List.of(), true);
		assertThat(gross.total()).isEqualTo(Money.of("100.00", "EUR"));
		assertThat(gross.taxTotal().isZero()).isTrue();
		assertThat(gross.taxLines()).isEmpty();
		PriceBreakdown net = calculate(false, TaxRounding.PER_LINE, GERMANY, List.of(line("a", "100.00", 1)), List.of(), true);
		assertThat(net.total()).isEqualTo(Money.of("100.00", "EUR"));
	}

	@Test
	void untaxableLinesTaxClassesAndTaxedShippingEachGetTheirRate() {
		List<Line> lines = List.of(line("shirt", "10.00", 2), new Line("book", Money.of("20.00", "EUR"), 1, "reduced", true),
				new Line("gift-card", Money.of("50.00", "EUR"), 1, null, false));
		PriceBreakdown result = TotalsCalculator.calculate(
				new PriceCalculation(EUR, lines, Money.of("4.90", "EUR"), "standard", List.of(), null, false),
				new TotalsCalculator.StorePricing(false, TaxRounding.PER_LINE, EUR, null), GERMANY, "standard");
		assertThat(result.lines()).extracting(l -> l.tax().amount().toPlainString()).containsExactly("3.80", "1.40", "0.00");
		assertThat(result.shippingTax()).isEqualTo(Money.of("0.93", "EUR"));
		assertThat(result.taxLines()).extracting(t -> t.name() + "=" + t.amount().amount()).containsExactly("VAT 19%=4.73",
				"VAT 7%=1.40");
		assertThat(result.total()).isEqualTo(Money.of("101.03", "EUR")); // 20 + 20 + 50 + 4.90 + 6.13
	}

	@Test
	void withoutAMatchingZoneNothingIsTaxed() {
		PriceBreakdown result = calculate(false, TaxRounding.PER_LINE, new TotalsCalculator.ZoneRates(null, Map.of()),
				List.of(line("a", "10.00", 1)), List.of(), false);
		assertThat(result.taxTotal().isZero()).isTrue();
		assertThat(result.taxZone()).isNull();
	}

	@Test
	void mixedCurrenciesAndNegativeOrZeroQuantitiesAreRefused() {
		assertThatThrownBy(() -> calculate(false, TaxRounding.PER_LINE,
				List.of(new Line("a", Money.of("1.00", "USD"), 1, null, true))))
			.isInstanceOfSatisfying(BusinessRuleViolation.class, v -> {
				assertThat(v.code()).isEqualTo("CURRENCY_MISMATCH");
				assertThat(v.fieldErrors()).containsKey("lines[0].unitPrice");
			});
		assertThatThrownBy(() -> calculate(false, TaxRounding.PER_LINE, List.of(line("a", "1.00", 0))))
			.isInstanceOfSatisfying(BusinessRuleViolation.class, v -> assertThat(v.code()).isEqualTo("INVALID_CALCULATION"));
		assertThatThrownBy(() -> calculate(false, TaxRounding.PER_LINE, List.of(line("a", "-1.00", 1))))
			.isInstanceOf(BusinessRuleViolation.class);
	}

	@Test
	void totalsInTheStoreCurrencyUseTheRecordedRate() {
		Currency usd = Currency.getInstance("USD");
		ExchangeRate rate = new ExchangeRate(UUID.randomUUID(), usd, new BigDecimal("1.1"), ConversionRounding.NONE,
				Instant.parse("2026-11-01T00:00:00Z"), "test");
		PriceBreakdown result = TotalsCalculator.calculate(
				new PriceCalculation(usd, List.of(new Line("a", Money.of("11.90", "USD"), 1, null, true)), null, null,
						List.of(), null, false),
				new TotalsCalculator.StorePricing(true, TaxRounding.PER_LINE, EUR, rate), GERMANY, "standard");
		assertThat(result.total()).isEqualTo(Money.of("11.90", "USD"));
		assertThat(result.storeCurrency().currency()).isEqualTo(EUR);
		assertThat(result.storeCurrency().exchangeRate()).isEqualByComparingTo("1.1");
		assertThat(result.storeCurrency().taxTotal()).isEqualTo(Money.of("1.73", "EUR")); // 1.90 / 1.1
		assertThat(result.storeCurrency().total()).isEqualTo(Money.of("10.82", "EUR")); // 9.09 + 1.73
	}

	@Test
	void totalsAlwaysAddUpOverRandomCarts() {
		Random random = new Random(20261123);
		var zone = new TotalsCalculator.ZoneRates("Mixed", Map.of("standard",
				List.of(rate("standard", "A", "8.875", false), rate("standard", "B", "2.5", true)), "reduced", List.of(VAT_7)));
		for (int cart = 0; cart < 2000; cart++) {
			List<Line> lines = new ArrayList<>();
			int count = 1 + random.nextInt(6);
			for (int i = 0; i < count; i++) {
				lines.add(new Line("sku-" + i, Money.ofMinor(random.nextInt(20000), EUR), 1 + random.nextInt(5),
						random.nextBoolean() ? "standard" : "reduced", random.nextInt(10) > 0));
			}
			long subtotal = lines.stream().mapToLong(l -> l.unitPrice().times(l.quantity()).minorUnits()).sum();
			List<DiscountAllocation> discounts = subtotal == 0 ? List.of()
					: List.of(new DiscountAllocation("d", Money.ofMinor(random.nextLong(subtotal + 1), EUR), null));
			boolean gross = random.nextBoolean();
			boolean exempt = random.nextInt(8) == 0;
			TaxRounding rounding = random.nextBoolean() ? TaxRounding.PER_LINE : TaxRounding.PER_ORDER;
			Money shipping = Money.ofMinor(random.nextInt(1500), EUR);
			PriceBreakdown r = TotalsCalculator.calculate(
					new PriceCalculation(EUR, lines, shipping, "standard", discounts, null, exempt),
					new TotalsCalculator.StorePricing(gross, rounding, EUR, null), zone, "standard");
			String context = r + "\ncart " + cart + " gross=" + gross + " " + rounding + " exempt=" + exempt;
			long lineTotals = r.lines().stream().mapToLong(l -> l.total().minorUnits()).sum();
			long nets = r.lines().stream().mapToLong(l -> l.net().minorUnits()).sum();
			long taxes = r.lines().stream().mapToLong(l -> l.tax().minorUnits()).sum();
			assertThat(r.total().minorUnits()).as(context).isEqualTo(lineTotals + r.shippingTotal().minorUnits());
			assertThat(r.taxTotal().minorUnits()).as(context).isEqualTo(taxes + r.shippingTax().minorUnits())
				.isEqualTo(r.taxLines().stream().mapToLong(t -> t.amount().minorUnits()).sum());
			assertThat(r.total().minorUnits()).as(context)
				.isEqualTo(nets + r.shippingTotal().minorUnits() - r.shippingTax().minorUnits() + r.taxTotal().minorUnits());
			assertThat(r.discountTotal().minorUnits()).as(context)
				.isEqualTo(discounts.isEmpty() ? 0 : discounts.get(0).amount().minorUnits());
			long expected = r.subtotal().minorUnits() - r.discountTotal().minorUnits() + shipping.minorUnits();
			if (!gross) {
				expected += r.taxTotal().minorUnits();
			}
			if (!exempt || !gross) {
				assertThat(r.total().minorUnits()).as(context).isEqualTo(expected);
			}
			else {
				assertThat(r.total().minorUnits()).as(context).isLessThanOrEqualTo(expected);
			}
			r.lines().forEach(l -> assertThat(l.net().isNegative() || l.tax().isNegative()).as(context).isFalse());
		}
	}
}
