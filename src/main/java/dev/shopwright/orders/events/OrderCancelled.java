package dev.shopwright.orders.events;

import dev.shopwright.orders.OrderId;
import dev.shopwright.shared.StoreId;

/** The order was cancelled: whatever is not yet shipped must not be. */
public record OrderCancelled(StoreId storeId, OrderId orderId, String orderNumber, String reason) {
}
