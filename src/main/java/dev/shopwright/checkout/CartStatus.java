package dev.shopwright.checkout;

/**
 * ACTIVE: the shopper may change it. COMPLETING: a completion holds it (stock, payment, order under way; no changes).
 * COMPLETED: it became the order {@link Cart#orderId()}. ABANDONED: left behind, kept for reporting.
 * A failed completion (declined card, stock ran out) returns the cart to ACTIVE.
 */
public enum CartStatus {
	ACTIVE, COMPLETING, COMPLETED, ABANDONED
}
