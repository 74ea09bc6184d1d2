package dev.shopwright.pricing;

import java.util.Currency;
import java.util.List;

import org.jspecify.annotations.Nullable;

import dev.shopwright.shared.Address;
import dev.shopwright.shared.Money;

/**
 * What to price: lines with unit prices as the store enters them (with tax when the store's prices include
 * tax), shipping with its tax class, discounts, where the goods go (for the tax zone) and whether the buyer is
 * exempt from tax. Every amount is in {@code currency}. A null tax class means the store's default class
 * ({@code standard}, else its first); shipping without a tax class is not taxed.
 */
public record PriceCalculation(Currency currency, List<Line> lines, @Nullable Money shipping,
		@Nullable String shippingTaxClass, List<DiscountAllocation> discounts, @Nullable Address destination,
		boolean taxExempt) {

	public PriceCalculation {
		lines = List.copyOf(lines);
		discounts = List.copyOf(discounts);
	}

	/** {@code reference} is the SKU (or any id checkout keeps for the line); it must be unique in the calculation. */
	public record Line(String reference, Money unitPrice, int quantity, @Nullable String taxClass, boolean taxable) {
	}
}
