package dev.shopwright.returns.events;

import dev.shopwright.orders.OrderId;
import dev.shopwright.returns.ReturnId;
import dev.shopwright.shared.StoreId;

/** The returned parcel arrived at the store. */
public record ReturnReceived(StoreId storeId, ReturnId returnId, String number, OrderId orderId) {
}
