package dev.shopwright.checkout.shipping;

import java.time.LocalDate;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import dev.shopwright.shared.Money;

/**
 * An available method for a cart: its price in the cart's currency (as the store enters prices, so with tax when
 * the store's prices include tax), its tax class for the price calculation, and the promised delivery dates in
 * the store's time zone.
 */
public record ShippingQuote(UUID methodId, String name, ShippingMethodKind kind, Money price, @Nullable String taxClass,
		LocalDate deliveryFrom, LocalDate deliveryTo) {
}
