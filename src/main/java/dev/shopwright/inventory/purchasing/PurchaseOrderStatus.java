package dev.shopwright.inventory.purchasing;

import java.util.Arrays;

/**
 * Where a purchase order is in its life: draft → sent → partially received → received, or cancelled from any
 * state before received. The transitions are applied as conditional updates on the current status, so two
 * people acting at once cannot both win.
 */
public enum PurchaseOrderStatus {
	DRAFT, SENT, PARTIALLY_RECEIVED, RECEIVED, CANCELLED;

	/** Lines, supplier and destination may change only while nothing has gone to the supplier. */
	public boolean editable() {
		return this == DRAFT;
	}

	public boolean sendable() {
		return this == DRAFT;
	}

	public boolean receivable() {
		return this == SENT || this == PARTIALLY_RECEIVED;
	}

	public boolean cancellable() {
		return this == DRAFT || this == SENT || this == PARTIALLY_RECEIVED;
	}

	/** Statuses from which {@code next} may be reached, as the database condition of the transition. */
	static String[] from(PurchaseOrderStatus next) {
		return Arrays.stream(values())
			.filter(status -> switch (next) {
				case DRAFT -> false;
				case SENT -> status.sendable();
				case PARTIALLY_RECEIVED, RECEIVED -> status.receivable();
				case CANCELLED -> status.cancellable();
			})
			.map(Enum::name)
			.toArray(String[]::new);
	}
}
