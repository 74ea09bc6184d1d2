package dev.shopwright.fulfillment.rest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import dev.shopwright.fulfillment.Carrier;
import dev.shopwright.fulfillment.FulfillmentManagement;
import dev.shopwright.fulfillment.FulfillmentProblems;
import dev.shopwright.fulfillment.Shipment;
import dev.shopwright.platform.CurrentStore;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Where a parcel is, for whoever holds its tracking number (the shipped email links here); no personal data. */
@RestController
@Tag(name = "Tracking")
class StoreTrackingRestController {

	record Tracking(String carrier, String service, String trackingNumber, String status,
			@Nullable LocalDate estimatedDelivery, Instant shippedAt, @Nullable Instant deliveredAt,
			List<Carrier.TrackingUpdate> timeline) {
	}

	private final FulfillmentManagement fulfillment;

	private final CurrentStore currentStore;

	StoreTrackingRestController(FulfillmentManagement fulfillment, CurrentStore currentStore) {
		this.fulfillment = fulfillment;
		this.currentStore = currentStore;
	}

	@GetMapping("/api/store/v1/tracking/{carrier}/{trackingNumber}")
	@Operation(summary = "A parcel's status and tracking timeline")
	Tracking tracking(@PathVariable String carrier, @PathVariable String trackingNumber) {
		Shipment s = fulfillment.shipmentByTracking(currentStore.id(), carrier, trackingNumber)
			.orElseThrow(() -> FulfillmentProblems.shipmentNotFound(trackingNumber));
		return new Tracking(s.carrier(), s.serviceName(), s.trackingNumber(), s.status().name(), s.estimatedDelivery(),
				s.shippedAt(), s.deliveredAt(), s.timeline());
	}
}
