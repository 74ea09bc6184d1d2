package dev.shopwright.orders;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A shipment of the order as fulfilment reported it: its reference and, once told, the carrier, tracking number and
 * link and the parcel's status (fulfilment's words, e.g. IN_TRANSIT, DELIVERED).
 */
public record OrderShipment(String shipmentReference, @Nullable String carrier, @Nullable String trackingNumber,
		@Nullable String trackingUrl, @Nullable String status, Instant recordedAt) {
}
