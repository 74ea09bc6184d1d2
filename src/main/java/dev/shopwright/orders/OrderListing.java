package dev.shopwright.orders;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

import dev.shopwright.customers.CustomerId;

/**
 * Which orders to list (newest first); every field narrows, null means any. {@code query} matches the order number
 * ("#1001" or "1001") or part of the email; {@code placedFrom} is inclusive, {@code placedTo} exclusive.
 */
public record OrderListing(@Nullable String query, @Nullable OrderStatus status, @Nullable PaymentState paymentState,
		@Nullable FulfillmentStatus fulfillmentStatus, @Nullable String channel, @Nullable RiskLevel riskLevel,
		@Nullable Instant placedFrom, @Nullable Instant placedTo, @Nullable CustomerId customer) {

	public static final OrderListing ALL = new OrderListing(null, null, null, null, null, null, null, null, null);

	public static OrderListing ofCustomer(CustomerId customer) {
		return new OrderListing(null, null, null, null, null, null, null, null, customer);
	}
}
