package dev.shopwright.returns;

import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import dev.shopwright.orders.OrderId;

/** Open a return for some units of an order's lines, each with a reason. */
public record RequestReturn(OrderId orderId, List<Item> items, @Nullable String note) {

	public RequestReturn {
		items = List.copyOf(items);
	}

	public record Item(UUID orderLineId, int quantity, ReturnReason reason, @Nullable String comment) {
	}
}
