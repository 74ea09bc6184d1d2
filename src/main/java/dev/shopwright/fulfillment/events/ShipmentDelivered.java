package dev.shopwright.fulfillment.events;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import dev.shopwright.shared.StoreId;

/** The carrier delivered the parcel; {@code onTime} is null when the order promised no date. */
public record ShipmentDelivered(StoreId storeId, UUID shipmentId, String orderId, String orderNumber, String email,
		String trackingNumber, String trackingUrl, Instant deliveredAt, @Nullable Boolean onTime) {
}
