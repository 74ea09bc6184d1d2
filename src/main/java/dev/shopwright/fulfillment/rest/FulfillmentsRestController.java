package dev.shopwright.fulfillment.rest;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.shopwright.fulfillment.FulfillmentManagement;
import dev.shopwright.fulfillment.FulfillmentOrder;
import dev.shopwright.fulfillment.PackingScan;
import dev.shopwright.fulfillment.Parcel;
import dev.shopwright.fulfillment.ShipOrder;
import dev.shopwright.fulfillment.Shipment;
import dev.shopwright.platform.CurrentStore;
import dev.shopwright.shared.Page;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** An order's fulfilment: its fulfilment orders per location and its shipments; the fulfilment queue. */
@RestController
@Validated
@Tag(name = "Fulfillment")
class FulfillmentsRestController {

	record OrderFulfillments(List<FulfillmentOrder> fulfillmentOrders, List<Shipment> shipments) {
	}

	/** Ship part of the order: {@link ShipOrder} plus the fulfilment order it comes from. */
	record Fulfill(@NotNull UUID fulfillmentOrderId, @Nullable String carrier, @Nullable String service,
			ShipOrder.@Nullable Strategy strategy, @NotNull @Valid Parcel parcel,
			@Nullable @Valid @Size(max = 500) List<ShipOrder.LineQuantity> lines,
			@Nullable @Valid @Size(max = 500) List<ShipOrder.Customs> customs) {
	}

	record Reallocate(@NotNull UUID locationId, @Nullable @Size(max = 500) List<UUID> lineIds) {
	}

	record CancelLines(@NotEmpty @Valid @Size(max = 500) List<ShipOrder.LineQuantity> lines) {
	}

	record Scan(@NotBlank @Size(max = 200) String code) {
	}

	private final FulfillmentManagement fulfillment;

	private final CurrentStore currentStore;

	FulfillmentsRestController(FulfillmentManagement fulfillment, CurrentStore currentStore) {
		this.fulfillment = fulfillment;
		this.currentStore = currentStore;
	}

	@GetMapping("/api/admin/v1/orders/{id}/fulfillments")
	@PreAuthorize("hasAuthority('ORDERS_READ')")
	@Operation(summary = "An order's fulfilment orders (per location) and shipments")
	OrderFulfillments ofOrder(@PathVariable UUID id) {
		return new OrderFulfillments(fulfillment.fulfillmentOrders(currentStore.id(), id),
				fulfillment.shipmentsOfOrder(currentStore.id(), id));
	}

	@PostMapping("/api/admin/v1/orders/{id}/shipments")
	@PreAuthorize("hasAuthority('ORDERS_WRITE')")
	@Operation(summary = "Buy a label and ship (part of) one of the order's fulfilment orders: the named lines, or what is packed; "
			+ "without carrier/service, rate shopping picks the cheapest (or fastest) rate that meets the promised date")
	ResponseEntity<Shipment> fulfill(@PathVariable UUID id, @Valid @RequestBody Fulfill request) {
		FulfillmentOrder fo = fulfillment.fulfillmentOrder(currentStore.id(), request.fulfillmentOrderId());
		if (!fo.orderId().equals(id.toString())) {
			throw dev.shopwright.fulfillment.FulfillmentProblems.fulfillmentOrderNotFound(request.fulfillmentOrderId());
		}
		Shipment shipment = fulfillment.ship(currentStore.id(), fo.id(), new ShipOrder(request.carrier(),
				request.service(), request.strategy(), request.parcel(), request.lines(), request.customs()));
		return ResponseEntity.created(URI.create("/api/admin/v1/shipments/" + shipment.id())).body(shipment);
	}

	@GetMapping("/api/admin/v1/fulfillment-orders")
	@PreAuthorize("hasAuthority('ORDERS_READ')")
	@Operation(summary = "The fulfilment queue, oldest first: ALL, READY, ON_HOLD, PARTIALLY_FULFILLED, LATE or CLOSED, optionally at one location")
	Page<FulfillmentOrder> queue(@RequestParam(defaultValue = "ALL") FulfillmentOrder.Queue filter,
			@RequestParam(required = false) @Nullable UUID locationId,
			@RequestParam(required = false) @Nullable String cursor,
			@RequestParam(defaultValue = "50") @Min(1) @Max(250) int limit) {
		return fulfillment.queue(currentStore.id(), filter, locationId, cursor, limit);
	}

	@GetMapping("/api/admin/v1/fulfillment-orders/{id}")
	@PreAuthorize("hasAuthority('ORDERS_READ')")
	@Operation(summary = "A fulfilment order with its lines (ordered, packed, shipped, cancelled)")
	FulfillmentOrder fulfillmentOrder(@PathVariable UUID id) {
		return fulfillment.fulfillmentOrder(currentStore.id(), id);
	}

	@PostMapping("/api/admin/v1/fulfillment-orders/{id}/reallocate")
	@PreAuthorize("hasAuthority('ORDERS_WRITE')")
	@Operation(summary = "Move what is left of some lines (all when none are named) to another location; returns the order's fulfilment orders")
	List<FulfillmentOrder> reallocate(@PathVariable UUID id, @Valid @RequestBody Reallocate request) {
		return fulfillment.reallocate(currentStore.id(), id, request.locationId(), request.lineIds());
	}

	@PostMapping("/api/admin/v1/fulfillment-orders/{id}/cancel-lines")
	@PreAuthorize("hasAuthority('ORDERS_WRITE')")
	@Operation(summary = "Cancel units not yet shipped; all lines or none")
	FulfillmentOrder cancelLines(@PathVariable UUID id, @Valid @RequestBody CancelLines request) {
		Map<UUID, Integer> quantities = new LinkedHashMap<>();
		request.lines().forEach(l -> quantities.merge(l.lineId(), l.quantity(), Integer::sum));
		return fulfillment.cancelLines(currentStore.id(), id, quantities);
	}

	@PostMapping("/api/admin/v1/fulfillment-orders/{id}/scans")
	@PreAuthorize("hasAuthority('ORDERS_WRITE')")
	@Operation(summary = "Packing: one scanned SKU or barcode; a wrong or surplus item is answered as a warning and counts nothing")
	PackingScan scan(@PathVariable UUID id, @Valid @RequestBody Scan scan) {
		return fulfillment.scan(currentStore.id(), id, scan.code());
	}

	@PostMapping("/api/admin/v1/fulfillment-orders/{id}/rates")
	@PreAuthorize("hasAuthority('ORDERS_READ')")
	@Operation(summary = "Every enabled carrier's rate for this parcel, cheapest first, with whether it meets the promised date")
	List<FulfillmentManagement.RateQuote> rates(@PathVariable UUID id, @Valid @RequestBody Parcel parcel) {
		return fulfillment.rates(currentStore.id(), id, parcel);
	}
}
