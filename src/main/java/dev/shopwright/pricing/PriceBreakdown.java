package dev.shopwright.pricing;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Currency;
import java.util.List;

import org.jspecify.annotations.Nullable;

import dev.shopwright.shared.Money;

/**
 * The exact result of a {@link PriceCalculation}. Always: {@code total = Σ line.total + shippingTotal} and
 * {@code total = Σ net + taxTotal}; {@code taxTotal = Σ taxLines.amount}; where prices include tax (and the buyer
 * is not exempt) {@code total = subtotal − discountTotal + shipping}, otherwise that plus {@code taxTotal}.
 */
public record PriceBreakdown(Currency currency, boolean pricesIncludeTax, TaxRounding rounding, @Nullable String taxZone,
		boolean taxExempt, List<LineTotal> lines, Money subtotal, Money discountTotal, Money shipping, Money shippingTax,
		Money shippingTotal, List<TaxLine> taxLines, Money taxTotal, Money total, StoreCurrencyTotals storeCurrency) {

	/**
	 * One line: {@code amount = unitPrice × quantity}, minus {@code discount}; {@code net} without tax, {@code tax}
	 * charged, {@code total = net + tax} (what the buyer pays for the line).
	 */
	public record LineTotal(String reference, int quantity, Money unitPrice, Money amount, Money discount, Money net,
			Money tax, Money total) {
	}

	/** Tax of one rate over the order: the net amount it was charged on and the amount. */
	public record TaxLine(String zone, String taxClass, String name, BigDecimal percent, boolean compound, Money taxable,
			Money amount) {
	}

	/**
	 * The same totals in the store's currency (what the order records beside the presentment amounts): converted
	 * with {@code exchangeRate} (store currency × rate = presentment), half-up; null rate when they are the same.
	 */
	public record StoreCurrencyTotals(Currency currency, @Nullable BigDecimal exchangeRate, @Nullable Instant rateEnteredAt,
			Money subtotal, Money discountTotal, Money shipping, Money taxTotal, Money total) {
	}
}
