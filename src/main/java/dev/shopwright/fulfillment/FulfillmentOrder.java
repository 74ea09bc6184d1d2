package dev.shopwright.fulfillment;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import dev.shopwright.shared.Money;

/**
 * The part of an order that one location ships. {@code held} follows the order's hold; {@code late} is true while
 * something is still to ship after the promised date. Per line: {@code remaining = quantity − shipped − cancelled}.
 */
public record FulfillmentOrder(UUID id, String orderId, String orderNumber, UUID locationId, String locationName,
		Status status, boolean held, String email, @Nullable ShippingAddress shipTo, @Nullable String shippingMethod,
		@Nullable LocalDate promisedBy, boolean late, Instant placedAt, Instant createdAt, List<Line> lines) {

	public FulfillmentOrder {
		lines = List.copyOf(lines);
	}

	public enum Status {
		OPEN, PARTIALLY_FULFILLED, FULFILLED, CANCELLED;

		public boolean isClosed() {
			return this == FULFILLED || this == CANCELLED;
		}
	}

	/** What the console's queue filters on. */
	public enum Queue {
		ALL, READY, ON_HOLD, PARTIALLY_FULFILLED, LATE, CLOSED
	}

	public record Line(UUID lineId, String sku, String title, @Nullable String variantTitle, int quantity, int packed,
			int shipped, int cancelled, Money unitPrice, @Nullable Integer grams) {

		public int remaining() {
			return quantity - shipped - cancelled;
		}
	}

	public int remaining() {
		return lines.stream().mapToInt(Line::remaining).sum();
	}

	public boolean international(@Nullable String originCountry) {
		return shipTo != null && shipTo.country() != null && originCountry != null
				&& !shipTo.country().equals(originCountry);
	}
}
