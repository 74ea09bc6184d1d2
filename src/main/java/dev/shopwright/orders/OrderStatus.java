package dev.shopwright.orders;

/**
 * Where the order as a whole stands. OPEN → ON_HOLD (risk review or staff) → OPEN; OPEN → CLOSED once it is paid and
 * fulfilled; OPEN/ON_HOLD → CANCELLED. Payment and fulfilment progress are tracked apart
 * ({@link PaymentState}, {@link FulfillmentStatus}).
 */
public enum OrderStatus {
	OPEN, ON_HOLD, CLOSED, CANCELLED
}
