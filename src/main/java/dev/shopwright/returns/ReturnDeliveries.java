package dev.shopwright.returns;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import dev.shopwright.fulfillment.events.ShipmentDelivered;

/** Follows delivered parcels so the return window can count from delivery rather than from placement. */
@Component
class ReturnDeliveries {

	private final ReturnManagement returns;

	ReturnDeliveries(ReturnManagement returns) {
		this.returns = returns;
	}

	@ApplicationModuleListener
	void on(ShipmentDelivered event) {
		returns.recordDelivery(event.storeId(), java.util.UUID.fromString(event.orderId()), event.deliveredAt());
	}
}
