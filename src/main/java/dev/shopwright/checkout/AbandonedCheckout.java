package dev.shopwright.checkout;

import java.time.Duration;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

import dev.shopwright.customers.CustomerId;
import dev.shopwright.orders.OrderId;
import dev.shopwright.shared.Money;

/**
 * A checkout the shopper left: a cart with an email and lines, untouched for the abandonment time. {@code value} is
 * the cart's total priced now. {@code recovered}: the shopper came back through the recovery link and the cart became
 * an order ({@code orderId}).
 */
public record AbandonedCheckout(CartId id, CartStatus status, String email, @Nullable CustomerId customerId,
		Money value, int lines, int units, Instant abandonedAt, Instant lastChangedAt, @Nullable Instant recoverySentAt,
		int recoverySends, @Nullable Instant recoveryOpenedAt, boolean recovered, @Nullable OrderId orderId) {

	/** How long ago the shopper last changed the cart. */
	public Duration age() {
		return Duration.between(lastChangedAt, Instant.now());
	}
}
