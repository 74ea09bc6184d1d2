package dev.shopwright.fulfillment;

/** Where a parcel is, as its carrier reports it. DELIVERED and CANCELLED are final. */
public enum ShipmentStatus {
	LABEL_CREATED, IN_TRANSIT, OUT_FOR_DELIVERY, DELIVERED, EXCEPTION, CANCELLED;

	public boolean isFinal() {
		return this == DELIVERED || this == CANCELLED;
	}
}
