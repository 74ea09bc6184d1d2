package dev.shopwright.returns;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import dev.shopwright.orders.events.OrderPlaced;

/** Follows placed orders to know how many units of each SKU were sold (the return rate's denominator). */
@Component
class ReturnSales {

	private final ReturnManagement returns;

	ReturnSales(ReturnManagement returns) {
		this.returns = returns;
	}

	@ApplicationModuleListener
	void on(OrderPlaced event) {
		returns.countSold(event.storeId(), event.orderId(), event.lines());
	}
}
