package dev.shopwright.orders.events;

import dev.shopwright.orders.OrderId;
import dev.shopwright.shared.StoreId;

/** The order went ON_HOLD (risk review or staff): fulfilment waits until {@link OrderReleased}. */
public record OrderHeld(StoreId storeId, OrderId orderId, String reason) {
}
