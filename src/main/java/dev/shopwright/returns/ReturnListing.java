package dev.shopwright.returns;

import org.jspecify.annotations.Nullable;

import dev.shopwright.customers.CustomerId;
import dev.shopwright.orders.OrderId;

/** Which returns to list (newest first); null means any. {@code query} matches the RMA number, order number or email. */
public record ReturnListing(@Nullable ReturnStatus status, @Nullable OrderId orderId, @Nullable CustomerId customerId,
		@Nullable String query) {

	public static final ReturnListing ALL = new ReturnListing(null, null, null, null);
}
