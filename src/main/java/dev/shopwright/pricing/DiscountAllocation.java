package dev.shopwright.pricing;

import org.jspecify.annotations.Nullable;

import dev.shopwright.shared.Money;

/**
 * A discount to apply (filled by marketing later): either on one line ({@code lineReference} names it) or,
 * without a line, on the whole order, spread over the lines in proportion to their amounts. Amounts are in the
 * same terms as the prices (with tax where the store's prices include tax).
 */
public record DiscountAllocation(String label, Money amount, @Nullable String lineReference) {
}
