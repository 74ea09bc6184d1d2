package dev.shopwright.checkout;

import org.jspecify.annotations.Nullable;

import dev.shopwright.orders.Order;
import dev.shopwright.orders.OrderId;

/**
 * What a completion came to. {@code PLACED}: the order exists now ({@code order}). {@code ALREADY_PLACED}: an
 * earlier completion of this cart placed it (a double click, a retry with a new key); the same order. {@code
 * REQUIRES_ACTION}: the card needs 3-D Secure; send the shopper to {@code nextActionUrl}, then call
 * {@link CheckoutManagement#confirm} (or complete again) to finish. Failures are exceptions with stable codes
 * (see docs/checkout.md), never a result.
 */
public record CheckoutResult(Outcome outcome, CartId cartId, OrderId orderId, @Nullable Order order,
		@Nullable String nextActionUrl) {

	public enum Outcome {
		PLACED, ALREADY_PLACED, REQUIRES_ACTION
	}
}
