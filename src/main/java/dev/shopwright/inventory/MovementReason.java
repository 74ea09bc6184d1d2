package dev.shopwright.inventory;

/**
 * Why stock changed; every ledger row carries one. {@code SOLD} is history: before committed stock (ADR 0022) a
 * confirmed reservation took its units off on hand at once. Now a purchase is {@code COMMITTED} (reserved to
 * committed), a shipment {@code SHIPPED} (on hand and committed down), a cancelled or removed unshipped unit
 * {@code UNCOMMITTED} (committed to available), and a staff or planning move of an order's units between locations
 * {@code COMMITMENT_MOVED}.
 */
public enum MovementReason {
	RECEIVED, SOLD, RETURNED, ADJUSTED, TRANSFERRED_OUT, TRANSFERRED_IN, COUNTED, DAMAGED, RESERVATION_TAKEN,
	RESERVATION_RELEASED, PURCHASE_ORDERED, PURCHASE_CANCELLED, COMMITTED, SHIPPED, UNCOMMITTED, COMMITMENT_MOVED;

	/** The reasons a person may give for a manual adjustment; the others come from their own workflows. */
	public boolean isManualAdjustment() {
		return this == ADJUSTED || this == DAMAGED || this == RETURNED || this == RECEIVED;
	}
}
