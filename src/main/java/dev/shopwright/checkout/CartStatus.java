package dev.shopwright.checkout;

/**
 * ACTIVE: the shopper may change it. COMPLETING: a completion holds it (stock, payment, order under way; no changes).
 * COMPLETED: it became the order {@link Cart#orderId()}. ABANDONED: left behind with an email and lines (the
 * abandoned checkouts staff can send a recovery mail for; the recovery link opens it again). MERGED: its lines went
 * into the cart its customer signed in with (see {@link CheckoutManagement#adoptGuestCart}).
 * A failed completion (declined card, stock ran out) returns the cart to ACTIVE.
 */
public enum CartStatus {
	ACTIVE, COMPLETING, COMPLETED, ABANDONED, MERGED
}
