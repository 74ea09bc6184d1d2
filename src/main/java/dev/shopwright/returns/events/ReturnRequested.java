package dev.shopwright.returns.events;

import dev.shopwright.orders.OrderId;
import dev.shopwright.returns.ReturnId;
import dev.shopwright.shared.StoreId;

/** A shopper or staff opened a return of {@code units} units of an order. */
public record ReturnRequested(StoreId storeId, ReturnId returnId, String number, OrderId orderId, String email,
		int units, String openedBy) {
}
