package dev.shopwright.returns;

import org.jspecify.annotations.Nullable;

import dev.shopwright.customers.CustomerId;
import dev.shopwright.orders.OrderId;

/**
 * Which returns to list (newest first); null means any. {@code query} matches the RMA number, order number or email.
 * {@code parcelDeliveredNotReceived}: only approved returns whose parcel the carrier delivered to the store.
 */
public record ReturnListing(@Nullable ReturnStatus status, @Nullable OrderId orderId, @Nullable CustomerId customerId,
		@Nullable String query, boolean parcelDeliveredNotReceived) {

	public static final ReturnListing ALL = new ReturnListing(null, null, null, null, false);

	public ReturnListing(@Nullable ReturnStatus status, @Nullable OrderId orderId, @Nullable CustomerId customerId,
			@Nullable String query) {
		this(status, orderId, customerId, query, false);
	}
}
