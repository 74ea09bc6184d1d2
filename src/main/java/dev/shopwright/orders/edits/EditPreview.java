package dev.shopwright.orders.edits;

import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import dev.shopwright.orders.OrderId;
import dev.shopwright.pricing.PriceBreakdown;
import dev.shopwright.shared.Money;

/**
 * What an edit would make of the order: its lines after the edit (a removed line with quantity 0), the new totals
 * from pricing, the totals before, and the money: {@code covered} is what the payments hold (captured less refunded,
 * plus authorised), {@code toCollect} what the shopper would owe, {@code toRefund} what would go back (never more
 * than was captured: {@code refundable}).
 */
public record EditPreview(OrderId orderId, String orderNumber, int version, List<Line> lines, List<String> changes,
		Money totalBefore, PriceBreakdown totals, Money difference, Money covered, Money toCollect, Money toRefund,
		Money refundable) {

	public EditPreview {
		lines = List.copyOf(lines);
		changes = List.copyOf(changes);
	}

	/** {@code id} null for a line the edit adds. */
	public record Line(@Nullable UUID id, String sku, String title, @Nullable String variantTitle, int quantityBefore,
			int quantity, int fulfilledQuantity, Money unitPrice, Money total, boolean added) {

		public boolean removed() {
			return quantity == 0 && quantityBefore > 0;
		}

		public boolean changed() {
			return added || quantity != quantityBefore;
		}
	}
}
