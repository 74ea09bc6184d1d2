package dev.shopwright.orders.events;

import java.util.List;
import java.util.UUID;

import dev.shopwright.orders.OrderId;
import dev.shopwright.shared.Money;
import dev.shopwright.shared.StoreId;

/**
 * Staff edited an order before fulfilment (edit {@code editNumber}, 1 first): {@code lines} are the order's lines
 * as they are now, each with the quantity still to ship (0 for a removed line), so fulfilment can plan again;
 * {@code changes} say in words what changed.
 */
public record OrderEdited(StoreId storeId, OrderId orderId, String orderNumber, int editNumber, List<Line> lines,
		List<String> changes, Money totalBefore, Money totalAfter) {

	public OrderEdited {
		lines = List.copyOf(lines);
		changes = List.copyOf(changes);
	}

	public record Line(UUID lineId, String sku, int quantity, int openQuantity) {
	}
}
