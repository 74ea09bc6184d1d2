package dev.shopwright.fulfillment.events;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

import dev.shopwright.fulfillment.ShipmentStatus;
import dev.shopwright.shared.StoreId;

/**
 * A signed carrier tracking event arrived for a tracking number that is not one of fulfilment's shipments (a return
 * label bought for the returns module, or a parcel Shopwright never made). Whoever bought that label may follow it;
 * everyone else ignores it. {@code key} is unique per parcel and step (the carrier's event id), so a redelivered event
 * can be recognised.
 */
public record ParcelTracked(StoreId storeId, String carrier, String trackingNumber, String key, ShipmentStatus status,
		String description, @Nullable String place, Instant occurredAt) {
}
