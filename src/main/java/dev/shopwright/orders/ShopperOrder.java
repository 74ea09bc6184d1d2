package dev.shopwright.orders;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import dev.shopwright.customers.AddressDetails;
import dev.shopwright.shared.Money;

/**
 * An order as its shopper sees it (order status page, account history): what was bought, where it goes and where
 * it stands — without staff matters (risk, tags, notes, the shopper's IP).
 */
public record ShopperOrder(OrderId id, String number, OrderStatus status, PaymentState paymentState,
		FulfillmentStatus fulfillmentStatus, String email, List<Line> lines,
		@Nullable AddressDetails shippingAddress, @Nullable AddressDetails billingAddress,
		Order.@Nullable ShippingLine shipping, Order.Totals totals, List<Order.TaxLine> taxLines, Instant placedAt,
		@Nullable Instant cancelledAt) {

	public ShopperOrder {
		lines = List.copyOf(lines);
		taxLines = List.copyOf(taxLines);
	}

	public record Line(UUID id, String sku, String title, @Nullable String variantTitle, int quantity,
			int fulfilledQuantity, int cancelledQuantity, Money unitPrice, Money tax, Money total) {
	}

	public static ShopperOrder of(Order order) {
		return new ShopperOrder(order.id(), order.number(), order.status(), order.paymentState(),
				order.fulfillmentStatus(), order.email(),
				order.lines()
					.stream()
					.map(l -> new Line(l.id(), l.sku(), l.title(), l.variantTitle(), l.quantity(), l.fulfilledQuantity(),
							l.cancelledQuantity(), l.unitPrice(), l.tax(), l.total()))
					.toList(),
				order.shippingAddress(), order.billingAddress(), order.shipping(), order.totals(), order.taxLines(),
				order.placedAt(), order.cancelledAt());
	}
}
