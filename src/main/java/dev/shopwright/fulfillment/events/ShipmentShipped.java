package dev.shopwright.fulfillment.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.shopwright.shared.StoreId;

/** A parcel left the warehouse with a carrier label; {@code orderId} is the order's id as a string. */
public record ShipmentShipped(StoreId storeId, UUID shipmentId, String orderId, String orderNumber, String email,
		String carrier, String serviceName, String trackingNumber, String trackingUrl, List<Line> lines,
		Instant shippedAt) {

	public ShipmentShipped {
		lines = List.copyOf(lines);
	}

	public record Line(UUID lineId, String sku, String title, int quantity) {
	}
}
