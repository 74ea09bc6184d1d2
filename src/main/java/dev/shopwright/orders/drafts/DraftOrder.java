package dev.shopwright.orders.drafts;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import dev.shopwright.customers.AddressDetails;
import dev.shopwright.customers.CustomerId;
import dev.shopwright.orders.OrderId;
import dev.shopwright.pricing.PriceBreakdown;
import dev.shopwright.shared.Money;

/**
 * A draft order as staff see it, priced now: each line's unit price (the custom one, else the catalog's in the
 * draft's currency) and total, and the draft's totals from pricing. A line whose SKU no longer exists is
 * {@code available = false} and left out of the totals. {@code number} is "D1001", "D1002" … per store;
 * {@code orderId} is set once the draft became an order (its id is the draft's).
 */
public record DraftOrder(UUID id, String number, DraftOrderStatus status, @Nullable CustomerId customerId, String email,
		String currency, List<Line> lines, @Nullable AddressDetails shippingAddress, @Nullable Shipping shipping,
		@Nullable String note, boolean taxExempt, PriceBreakdown totals, @Nullable OrderId orderId,
		@Nullable Instant invoiceSentAt, @Nullable Instant completedAt, Instant createdAt, Instant updatedAt,
		int version) {

	public DraftOrder {
		lines = List.copyOf(lines);
	}

	public record Line(String sku, String title, @Nullable String variantTitle, int quantity, boolean available,
			@Nullable Money unitPrice, @Nullable Money catalogPrice, @Nullable String priceReason, @Nullable Money total) {

		public boolean customPrice() {
			return priceReason != null || unitPrice != null && catalogPrice != null && !unitPrice.equals(catalogPrice);
		}
	}

	public record Shipping(String name, Money price) {
	}

	public boolean editable() {
		return status != DraftOrderStatus.COMPLETED;
	}
}
