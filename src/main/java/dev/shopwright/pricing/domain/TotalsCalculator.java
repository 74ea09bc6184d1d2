package dev.shopwright.pricing.domain;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import dev.shopwright.platform.BusinessRuleViolation;
import dev.shopwright.pricing.DiscountAllocation;
import dev.shopwright.pricing.ExchangeRate;
import dev.shopwright.pricing.PriceBreakdown;
import dev.shopwright.pricing.PriceBreakdown.LineTotal;
import dev.shopwright.pricing.PriceBreakdown.StoreCurrencyTotals;
import dev.shopwright.pricing.PriceBreakdown.TaxLine;
import dev.shopwright.pricing.PriceCalculation;
import dev.shopwright.pricing.TaxRate;
import dev.shopwright.pricing.TaxRounding;
import dev.shopwright.shared.Money;

/**
 * The exact arithmetic of a price calculation, without a database: discount allocation, tax (added to net
 * prices or extracted from gross prices) rounded per line or per order, and totals that always add up. See
 * docs/pricing.md for the rules it implements.
 */
public final class TotalsCalculator {

	/** Tax is rounded half-up to the minor unit, as tax authorities (EU VAT, US states) commonly require. */
	public static final RoundingMode TAX_ROUNDING = RoundingMode.HALF_UP;

	private static final MathContext EXACT = new MathContext(34, RoundingMode.HALF_EVEN);

	private static final String SHIPPING = "shipping";

	/** How the store prices: whether entered prices include tax, and where tax is rounded. */
	public record StorePricing(boolean pricesIncludeTax, TaxRounding rounding, Currency storeCurrency,
			@Nullable ExchangeRate rate) {
	}

	/** The tax zone that matched the destination (null: none, so nothing is taxed) with its rates by class code. */
	public record ZoneRates(@Nullable String zone, Map<String, List<TaxRate>> ratesByClass) {
	}

	/** A line or the shipping, as the calculation works on it (minor units). */
	private static final class Item {
		final String reference;
		final @Nullable String taxClass;
		final List<TaxRate> rates;
		final long base; // amount after discount, in the store's price terms (gross or net)
		long net;
		long[] taxPerRate;

		Item(String reference, @Nullable String taxClass, List<TaxRate> rates, long base) {
			this.reference = reference;
			this.taxClass = taxClass;
			this.rates = rates;
			this.base = base;
			this.taxPerRate = new long[rates.size()];
		}

		long tax() {
			long sum = 0;
			for (long t : taxPerRate) {
				sum += t;
			}
			return sum;
		}
	}

	private TotalsCalculator() {
	}

	public static PriceBreakdown calculate(PriceCalculation request, StorePricing pricing, ZoneRates zone,
			String defaultTaxClass) {
		Currency currency = request.currency();
		validate(request);
		List<PriceCalculation.Line> lines = request.lines();
		long[] amounts = lines.stream().mapToLong(l -> l.unitPrice().times(l.quantity()).minorUnits()).toArray();
		long[] discounts = allocateDiscounts(request, amounts);

		List<Item> items = new ArrayList<>();
		for (int i = 0; i < lines.size(); i++) {
			PriceCalculation.Line line = lines.get(i);
			String taxClass = line.taxClass() != null ? line.taxClass() : defaultTaxClass;
			List<TaxRate> rates = line.taxable() ? ratesOf(zone, taxClass) : List.of();
			items.add(new Item(line.reference(), line.taxable() ? taxClass : null, rates, amounts[i] - discounts[i]));
		}
		Money shipping = request.shipping() != null ? request.shipping() : Money.zero(currency);
		String shippingClass = request.shippingTaxClass();
		items.add(new Item(SHIPPING, shippingClass, shippingClass != null ? ratesOf(zone, shippingClass) : List.of(),
				shipping.minorUnits()));

		if (pricing.rounding() == TaxRounding.PER_LINE) {
			for (Item item : items) {
				taxPerLine(item, pricing.pricesIncludeTax(), currency);
			}
		}
		else {
			taxPerOrder(items, pricing.pricesIncludeTax(), currency);
		}
		if (request.taxExempt()) {
			items.forEach(item -> item.taxPerRate = new long[item.rates.size()]);
		}

		List<LineTotal> lineTotals = new ArrayList<>();
		for (int i = 0; i < lines.size(); i++) {
			PriceCalculation.Line line = lines.get(i);
			Item item = items.get(i);
			lineTotals.add(new LineTotal(line.reference(), line.quantity(), line.unitPrice(), money(amounts[i], currency),
					money(discounts[i], currency), money(item.net, currency), money(item.tax(), currency),
					money(item.net + item.tax(), currency)));
		}
		Item shippingItem = items.get(items.size() - 1);
		Map<TaxRate, long[]> byRate = new LinkedHashMap<>(); // rate -> {taxable net, tax}
		for (Item item : items) {
			for (int r = 0; r < item.rates.size(); r++) {
				long[] sums = byRate.computeIfAbsent(item.rates.get(r), key -> new long[2]);
				sums[0] += item.net;
				sums[1] += item.taxPerRate[r];
			}
		}
		List<TaxLine> taxLines = new ArrayList<>();
		byRate.forEach((rate, sums) -> {
			if (!request.taxExempt()) {
				taxLines.add(new TaxLine(String.valueOf(zone.zone()), rate.taxClass(), rate.name(), rate.percent(),
						rate.compound(), money(sums[0], currency), money(sums[1], currency)));
			}
		});
		long subtotal = sum(amounts);
		long discountTotal = sum(discounts);
		long taxTotal = items.stream().mapToLong(Item::tax).sum();
		long total = items.stream().mapToLong(item -> item.net + item.tax()).sum();
		StoreCurrencyTotals storeCurrency = inStoreCurrency(pricing, currency, subtotal, discountTotal,
				shipping.minorUnits(), taxTotal, total);
		return new PriceBreakdown(currency, pricing.pricesIncludeTax(), pricing.rounding(), zone.zone(),
				request.taxExempt(), lineTotals, money(subtotal, currency), money(discountTotal, currency), shipping,
				money(shippingItem.tax(), currency), money(shippingItem.net + shippingItem.tax(), currency), taxLines,
				money(taxTotal, currency), money(total, currency), storeCurrency);
	}

	private static List<TaxRate> ratesOf(ZoneRates zone, String taxClass) {
		return zone.zone() == null ? List.of() : zone.ratesByClass().getOrDefault(taxClass, List.of());
	}

	/**
	 * Tax per unit of net amount for each rate, exactly: a plain rate is its percentage, a compound rate its
	 * percentage of (1 + the rates before it).
	 */
	static BigDecimal[] coefficients(List<TaxRate> rates) {
		BigDecimal[] c = new BigDecimal[rates.size()];
		BigDecimal before = BigDecimal.ZERO;
		for (int r = 0; r < rates.size(); r++) {
			BigDecimal p = rates.get(r).percent().movePointLeft(2);
			c[r] = rates.get(r).compound() ? p.multiply(BigDecimal.ONE.add(before)) : p;
			before = before.add(c[r]);
		}
		return c;
	}

	private static BigDecimal factor(BigDecimal[] coefficients) {
		BigDecimal f = BigDecimal.ONE;
		for (BigDecimal c : coefficients) {
			f = f.add(c);
		}
		return f;
	}

	private static void taxPerLine(Item item, boolean gross, Currency currency) {
		BigDecimal[] c = coefficients(item.rates);
		if (gross) {
			item.net = round(BigDecimal.valueOf(item.base).divide(factor(c), EXACT));
			item.taxPerRate = Allocation.split(item.base - item.net, c);
		}
		else {
			item.net = item.base;
			for (int r = 0; r < c.length; r++) {
				item.taxPerRate[r] = round(BigDecimal.valueOf(item.base).multiply(c[r]));
			}
		}
	}

	/** Rounds once per tax class (and so per rate) over the order, then spreads the result back over the items. */
	private static void taxPerOrder(List<Item> items, boolean gross, Currency currency) {
		Map<String, List<Item>> byClass = new LinkedHashMap<>();
		for (Item item : items) {
			if (item.rates.isEmpty()) {
				item.net = item.base;
			}
			else {
				byClass.computeIfAbsent(String.valueOf(item.taxClass), key -> new ArrayList<>()).add(item);
			}
		}
		for (List<Item> group : byClass.values()) {
			List<TaxRate> rates = group.get(0).rates;
			BigDecimal[] c = coefficients(rates);
			long base = group.stream().mapToLong(i -> i.base).sum();
			BigDecimal[] weights = group.stream().map(i -> BigDecimal.valueOf(i.base)).toArray(BigDecimal[]::new);
			long[] groupTaxPerRate = new long[rates.size()];
			if (gross) {
				long net = round(BigDecimal.valueOf(base).divide(factor(c), EXACT));
				groupTaxPerRate = Allocation.split(base - net, c);
			}
			else {
				for (int r = 0; r < c.length; r++) {
					groupTaxPerRate[r] = round(BigDecimal.valueOf(base).multiply(c[r]));
				}
			}
			for (Item item : group) {
				item.taxPerRate = new long[rates.size()];
			}
			for (int r = 0; r < rates.size(); r++) {
				long[] shares = Allocation.split(groupTaxPerRate[r], weights);
				for (int i = 0; i < group.size(); i++) {
					group.get(i).taxPerRate[r] = shares[i];
				}
			}
			for (Item item : group) {
				item.net = gross ? item.base - item.tax() : item.base;
			}
		}
	}

	private static long[] allocateDiscounts(PriceCalculation request, long[] amounts) {
		long[] discounts = new long[amounts.length];
		List<PriceCalculation.Line> lines = request.lines();
		for (DiscountAllocation discount : request.discounts()) {
			if (discount.lineReference() == null) {
				continue;
			}
			int index = indexOf(lines, discount.lineReference());
			discounts[index] += discount.amount().minorUnits();
			if (discounts[index] > amounts[index]) {
				throw BusinessRuleViolation.ofField("DISCOUNT_EXCEEDS_AMOUNT", "discounts",
						"discounts on line " + discount.lineReference() + " exceed its amount");
			}
		}
		for (DiscountAllocation discount : request.discounts()) {
			if (discount.lineReference() != null) {
				continue;
			}
			BigDecimal[] remaining = new BigDecimal[amounts.length];
			long left = 0;
			for (int i = 0; i < amounts.length; i++) {
				remaining[i] = BigDecimal.valueOf(amounts[i] - discounts[i]);
				left += amounts[i] - discounts[i];
			}
			long value = discount.amount().minorUnits();
			if (value > left) {
				throw BusinessRuleViolation.ofField("DISCOUNT_EXCEEDS_AMOUNT", "discounts",
						"discount '" + discount.label() + "' exceeds what is left of the subtotal");
			}
			long[] shares = Allocation.split(value, remaining);
			for (int i = 0; i < amounts.length; i++) {
				discounts[i] += shares[i];
			}
		}
		return discounts;
	}

	private static int indexOf(List<PriceCalculation.Line> lines, String reference) {
		for (int i = 0; i < lines.size(); i++) {
			if (lines.get(i).reference().equals(reference)) {
				return i;
			}
		}
		throw BusinessRuleViolation.ofField("UNKNOWN_LINE", "discounts", "no line " + reference + " to discount");
	}

	private static void validate(PriceCalculation request) {
		Map<String, String> errors = new LinkedHashMap<>();
		Currency currency = request.currency();
		Set<String> references = new HashSet<>();
		for (int i = 0; i < request.lines().size(); i++) {
			PriceCalculation.Line line = request.lines().get(i);
			if (!line.unitPrice().currency().equals(currency)) {
				errors.put("lines[" + i + "].unitPrice", "must be in " + currency.getCurrencyCode());
			}
			else if (line.unitPrice().isNegative()) {
				errors.put("lines[" + i + "].unitPrice", "must not be negative");
			}
			if (line.quantity() < 1) {
				errors.put("lines[" + i + "].quantity", "must be at least 1");
			}
			if (!references.add(line.reference())) {
				errors.put("lines[" + i + "].reference", "is used by another line");
			}
		}
		if (request.shipping() != null) {
			if (!request.shipping().currency().equals(currency)) {
				errors.put("shipping", "must be in " + currency.getCurrencyCode());
			}
			else if (request.shipping().isNegative()) {
				errors.put("shipping", "must not be negative");
			}
		}
		for (int i = 0; i < request.discounts().size(); i++) {
			Money amount = request.discounts().get(i).amount();
			if (!amount.currency().equals(currency)) {
				errors.put("discounts[" + i + "].amount", "must be in " + currency.getCurrencyCode());
			}
			else if (amount.isNegative()) {
				errors.put("discounts[" + i + "].amount", "must not be negative");
			}
		}
		if (!errors.isEmpty()) {
			boolean mismatch = errors.values().stream().anyMatch(e -> e.startsWith("must be in"));
			throw new BusinessRuleViolation(mismatch ? "CURRENCY_MISMATCH" : "INVALID_CALCULATION", 422,
					"The calculation is not valid: " + String.join(", ", errors.keySet()) + ".", errors);
		}
	}

	private static StoreCurrencyTotals inStoreCurrency(StorePricing pricing, Currency currency, long subtotal,
			long discountTotal, long shipping, long taxTotal, long total) {
		ExchangeRate rate = currency.equals(pricing.storeCurrency()) ? null : pricing.rate();
		if (rate == null) {
			return new StoreCurrencyTotals(currency, null, null, money(subtotal, currency), money(discountTotal, currency),
					money(shipping, currency), money(taxTotal, currency), money(total, currency));
		}
		Currency store = pricing.storeCurrency();
		return new StoreCurrencyTotals(store, rate.rate(), rate.enteredAt(), back(subtotal, currency, rate, store),
				back(discountTotal, currency, rate, store), back(shipping, currency, rate, store),
				back(taxTotal, currency, rate, store),
				back(total - taxTotal, currency, rate, store).plus(back(taxTotal, currency, rate, store)));
	}

	/*
	 * The store-currency total is the converted net plus the converted tax, so that it agrees with the tax the
	 * order records in the store currency; the other figures are converted one by one.
	 */

	/** Presentment minor units to store money: amount ÷ rate, half-up to the store currency's minor unit. */
	private static Money back(long minor, Currency from, ExchangeRate rate, Currency to) {
		BigDecimal amount = Money.ofMinor(minor, from).amount().divide(rate.rate(), EXACT);
		return Money.of(amount, to, RoundingMode.HALF_UP);
	}

	private static long round(BigDecimal minorUnits) {
		return minorUnits.setScale(0, TAX_ROUNDING).longValueExact();
	}

	private static Money money(long minor, Currency currency) {
		return Money.ofMinor(minor, currency);
	}

	private static long sum(long[] values) {
		long sum = 0;
		for (long v : values) {
			sum += v;
		}
		return sum;
	}
}
