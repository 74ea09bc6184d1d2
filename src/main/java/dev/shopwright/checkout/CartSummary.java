package dev.shopwright.checkout;

import java.time.Instant;
import java.util.Currency;

import org.jspecify.annotations.Nullable;

import dev.shopwright.customers.CustomerId;
import dev.shopwright.orders.OrderId;

/**
 * A cart as staff see it in a list: who, how much (lines, units), where its checkout stands ({@code stage} while
 * COMPLETING, since {@code stageAt}) and the order it became or will become.
 */
public record CartSummary(CartId id, CartStatus status, @Nullable String stage, @Nullable Instant stageAt,
		@Nullable String email, @Nullable CustomerId customerId, Currency currency, int lines, int units,
		int attempts, @Nullable OrderId orderId, Instant createdAt, Instant updatedAt) {
}
