package dev.shopwright.payments;

/**
 * Where a payment intent stands. {@code PENDING}: a manual method waiting for staff to mark it paid, or a card
 * authorisation whose gateway answer is not known yet; {@code REQUIRES_ACTION}: the shopper must pass 3-D Secure.
 */
public enum PaymentStatus {
	PENDING, REQUIRES_ACTION, AUTHORIZED, PARTIALLY_CAPTURED, CAPTURED, PARTIALLY_REFUNDED, REFUNDED, VOIDED, FAILED
}
