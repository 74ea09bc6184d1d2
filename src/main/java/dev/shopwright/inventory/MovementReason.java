package dev.shopwright.inventory;

/** Why stock changed; every ledger row carries one. */
public enum MovementReason {
	RECEIVED, SOLD, RETURNED, ADJUSTED, TRANSFERRED_OUT, TRANSFERRED_IN, COUNTED, DAMAGED, RESERVATION_TAKEN,
	RESERVATION_RELEASED, PURCHASE_ORDERED, PURCHASE_CANCELLED;

	/** The reasons a person may give for a manual adjustment; the others come from their own workflows. */
	public boolean isManualAdjustment() {
		return this == ADJUSTED || this == DAMAGED || this == RETURNED || this == RECEIVED;
	}
}
