package dev.shopwright.fulfillment;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

import dev.shopwright.shared.Money;
import dev.shopwright.shared.StoreId;

/**
 * A parcel carrier as fulfilment (and returns) use it: quote rates, buy a label, read its tracking, void a label.
 * Implementations are Spring beans; {@link FulfillmentManagement#carrier(String)} finds one by {@link #code()}.
 * A carrier that pushes tracking (signed webhooks) may return nothing from {@link #tracking}.
 */
public interface Carrier {

	/** Stable id used in URLs and settings, e.g. {@code sandbox}. */
	String code();

	String name();

	/** The services that can carry the parcel from → to, with their price in {@code currency} and transit days. */
	List<Rate> rates(StoreId store, Parcel parcel, ShippingAddress from, ShippingAddress to, String currency);

	/** Buys a label for one service; the tracking number identifies the parcel from now on. */
	Label createLabel(StoreId store, LabelRequest request);

	/** The carrier's timeline for a parcel up to {@code now} (oldest first); empty when the carrier pushes events. */
	List<TrackingUpdate> tracking(StoreId store, String trackingNumber, Instant labelCreatedAt, Instant now);

	/** Voids an unused label. */
	void cancelLabel(StoreId store, String trackingNumber);

	record Rate(String carrier, String service, String serviceName, Money price, int transitDays) {
	}

	record LabelRequest(String service, Parcel parcel, ShippingAddress from, ShippingAddress to, String reference) {
	}

	record Label(String trackingNumber, String trackingUrl, String serviceName) {
	}

	/** One step of a parcel's journey; {@code key} is unique per parcel so a redelivered step is recorded once. */
	record TrackingUpdate(String key, ShipmentStatus status, String description, @Nullable String place,
			Instant occurredAt) {
	}
}
