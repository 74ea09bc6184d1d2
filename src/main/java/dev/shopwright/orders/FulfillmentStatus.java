package dev.shopwright.orders;

/** How much of the order has left the warehouse (fulfilment reports it; orders only keep the count). */
public enum FulfillmentStatus {
	UNFULFILLED, PARTIALLY_FULFILLED, FULFILLED
}
