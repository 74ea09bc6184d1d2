package dev.shopwright.returns.events;

import org.jspecify.annotations.Nullable;

import dev.shopwright.orders.OrderId;
import dev.shopwright.returns.ReturnId;
import dev.shopwright.shared.StoreId;

/** Staff accepted the return: the shopper may send the parcel (with the label when there is one). */
public record ReturnApproved(StoreId storeId, ReturnId returnId, String number, OrderId orderId, String email,
		@Nullable String labelUrl) {
}
