package dev.shopwright.fulfillment;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A batch of fulfilment orders at one location, picked in one walk: lines grouped by SKU and ordered by the bin
 * walking order (SKUs in no bin last, by SKU).
 */
public record PickList(UUID id, long number, UUID locationId, String locationName, Instant createdAt,
		String createdBy, List<UUID> fulfillmentOrderIds, List<String> orderNumbers, List<Line> lines) {

	public PickList {
		fulfillmentOrderIds = List.copyOf(fulfillmentOrderIds);
		orderNumbers = List.copyOf(orderNumbers);
		lines = List.copyOf(lines);
	}

	/** {@code bin} is the first bin on the walk that holds the SKU; {@code walkOrder} null when none does. */
	public record Line(String sku, String title, int quantity, @Nullable String bin, @Nullable Integer walkOrder,
			List<String> orderNumbers) {

		public Line {
			orderNumbers = List.copyOf(orderNumbers);
		}
	}
}
