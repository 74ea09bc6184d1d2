package dev.shopwright.orders.events;

import dev.shopwright.orders.OrderId;
import dev.shopwright.shared.StoreId;

/** A held order may be fulfilled again. */
public record OrderReleased(StoreId storeId, OrderId orderId) {
}
