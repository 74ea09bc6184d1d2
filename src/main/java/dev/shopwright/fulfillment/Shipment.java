package dev.shopwright.fulfillment;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import dev.shopwright.shared.Money;

/**
 * A parcel on its way: the label bought, what is in it, and its tracking timeline (oldest first). The measures for
 * analytics: {@code orderToShipSeconds} and, once delivered, {@code onTime} against the promised date.
 */
public record Shipment(UUID id, UUID fulfillmentOrderId, String orderId, String orderNumber, String email,
		UUID locationId, String carrier, String service, String serviceName, String trackingNumber, String trackingUrl,
		ShipmentStatus status, Money rate, Parcel parcel, ShippingAddress from, @Nullable ShippingAddress to,
		boolean international, @Nullable LocalDate estimatedDelivery, @Nullable LocalDate promisedBy,
		Instant orderPlacedAt, Instant shippedAt, @Nullable Instant deliveredAt, long orderToShipSeconds,
		@Nullable Boolean onTime, List<Line> lines, List<Carrier.TrackingUpdate> timeline) {

	public Shipment {
		lines = List.copyOf(lines);
		timeline = List.copyOf(timeline);
	}

	/** Commercial-invoice fields ({@code hsCode}, {@code originCountry}) are set for international shipments. */
	public record Line(UUID lineId, String sku, String title, int quantity, Money unitPrice, @Nullable String hsCode,
			@Nullable String originCountry) {

		public Money value() {
			return unitPrice.times(quantity);
		}
	}
}
