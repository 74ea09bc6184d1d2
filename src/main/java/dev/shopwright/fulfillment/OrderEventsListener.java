package dev.shopwright.fulfillment;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import dev.shopwright.orders.events.OrderCancelled;
import dev.shopwright.orders.events.OrderHeld;
import dev.shopwright.orders.events.OrderPlaced;
import dev.shopwright.orders.events.OrderReleased;

/** Fulfilment follows the order's life: planned when placed, paused while held, stopped when cancelled. */
@Component
class OrderEventsListener {

	private final FulfillmentManagement fulfillment;

	OrderEventsListener(FulfillmentManagement fulfillment) {
		this.fulfillment = fulfillment;
	}

	@ApplicationModuleListener
	void on(OrderPlaced placed) {
		fulfillment.plan(placed);
	}

	@ApplicationModuleListener
	void on(OrderHeld held) {
		fulfillment.hold(held.storeId(), held.orderId().value());
	}

	@ApplicationModuleListener
	void on(OrderReleased released) {
		fulfillment.release(released.storeId(), released.orderId().value());
	}

	@ApplicationModuleListener
	void on(OrderCancelled cancelled) {
		fulfillment.cancelOrder(cancelled.storeId(), cancelled.orderId().value());
	}
}
