package dev.shopwright.checkout.shipping;

import java.math.BigDecimal;

import org.jspecify.annotations.Nullable;

import dev.shopwright.shared.Money;

/**
 * A band of a tiered method: from {@code from} (inclusive) up to {@code to} (exclusive; null = no upper limit),
 * in grams for weight tiers or in the method's currency for price tiers.
 */
public record ShippingTier(BigDecimal from, @Nullable BigDecimal to, Money price) {

	boolean contains(BigDecimal value) {
		return value.compareTo(from) >= 0 && (to == null || value.compareTo(to) < 0);
	}
}
