package dev.shopwright.orders.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import dev.shopwright.customers.AddressDetails;
import dev.shopwright.customers.CustomerId;
import dev.shopwright.orders.OrderId;
import dev.shopwright.shared.Money;
import dev.shopwright.shared.StoreId;

/**
 * An order was placed (once per order). It carries what fulfilment needs to plan shipments without asking back:
 * the lines with their ids, the shipping address and method, and the promised delivery date. {@code onHold} is true
 * when risk review holds the order (fulfilment must wait for {@link OrderReleased}).
 */
public record OrderPlaced(StoreId storeId, OrderId orderId, String orderNumber, String channel,
		@Nullable CustomerId customerId, String email, List<Line> lines, @Nullable AddressDetails shippingAddress,
		@Nullable String shippingMethodId, @Nullable String shippingMethodName, @Nullable LocalDate promisedBy,
		Money total, boolean onHold, Instant placedAt) {

	public OrderPlaced {
		lines = List.copyOf(lines);
	}

	public record Line(UUID lineId, String sku, String title, @Nullable String variantTitle, int quantity,
			Money unitPrice, @Nullable Integer grams, boolean requiresShipping) {
	}
}
