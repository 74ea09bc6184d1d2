package dev.shopwright.inventory;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * Units moving between two locations of a store. Shipping takes them off the origin's on hand and shows them as
 * incoming at the destination; receiving (all at once or in parts) puts them on the destination's on hand.
 */
public record Transfer(UUID id, long number, LocationId originId, LocationId destinationId, Status status,
		@Nullable String note, List<Line> lines, @Nullable Instant shippedAt, @Nullable Instant receivedAt,
		Instant createdAt) {

	public enum Status {
		DRAFT, IN_TRANSIT, PARTIALLY_RECEIVED, RECEIVED, CANCELLED
	}

	public record Line(String sku, int quantity, int received) {

		@JsonProperty
		public int outstanding() {
			return quantity - received;
		}
	}
}
