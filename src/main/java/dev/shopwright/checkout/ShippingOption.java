package dev.shopwright.checkout;

import java.time.LocalDate;
import java.util.UUID;

import dev.shopwright.shared.Money;

/**
 * A shipping method the cart may choose for its address: its price in the cart's currency (as the store enters
 * prices, so with tax where prices include tax) and the promised delivery window in the store's time zone.
 */
public record ShippingOption(UUID id, String name, String kind, Money price, LocalDate deliveryFrom,
		LocalDate deliveryTo) {
}
