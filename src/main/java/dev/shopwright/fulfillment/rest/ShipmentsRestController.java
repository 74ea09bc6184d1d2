package dev.shopwright.fulfillment.rest;

import java.util.UUID;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.shopwright.fulfillment.FulfillmentManagement;
import dev.shopwright.fulfillment.Shipment;
import dev.shopwright.fulfillment.ShipmentStatus;
import dev.shopwright.platform.CurrentStore;
import dev.shopwright.shared.Page;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Shipments with their tracking, labels and packing slips. */
@RestController
@Validated
@Tag(name = "Shipments")
class ShipmentsRestController {

	private final FulfillmentManagement fulfillment;

	private final CurrentStore currentStore;

	ShipmentsRestController(FulfillmentManagement fulfillment, CurrentStore currentStore) {
		this.fulfillment = fulfillment;
		this.currentStore = currentStore;
	}

	@GetMapping("/api/admin/v1/shipments")
	@PreAuthorize("hasAuthority('ORDERS_READ')")
	@Operation(summary = "Shipments, newest first, optionally in one status")
	Page<Shipment> shipments(@RequestParam(required = false) @Nullable ShipmentStatus status,
			@RequestParam(required = false) @Nullable String cursor,
			@RequestParam(defaultValue = "50") @Min(1) @Max(250) int limit) {
		return fulfillment.shipments(currentStore.id(), status, cursor, limit);
	}

	@GetMapping("/api/admin/v1/shipments/{id}")
	@PreAuthorize("hasAuthority('ORDERS_READ')")
	@Operation(summary = "A shipment with its lines, customs fields and tracking timeline")
	Shipment shipment(@PathVariable UUID id) {
		return fulfillment.shipment(currentStore.id(), id);
	}

	@GetMapping(path = "/api/admin/v1/shipments/{id}/label", produces = { MediaType.APPLICATION_PDF_VALUE, "application/problem+json" })
	@PreAuthorize("hasAuthority('ORDERS_READ')")
	@Operation(summary = "The 4×6 in shipping label (PDF) with a Code 128 barcode of the tracking number")
	@ApiResponse(responseCode = "200", description = "the label", content = @Content(mediaType = MediaType.APPLICATION_PDF_VALUE))
	ResponseEntity<byte[]> label(@PathVariable UUID id) {
		return pdf(fulfillment.labelPdf(currentStore.id(), id), "label-" + id + ".pdf");
	}

	@GetMapping(path = "/api/admin/v1/shipments/{id}/packing-slip", produces = { MediaType.APPLICATION_PDF_VALUE, "application/problem+json" })
	@PreAuthorize("hasAuthority('ORDERS_READ')")
	@Operation(summary = "The packing slip (PDF), with commercial-invoice fields for international shipments")
	@ApiResponse(responseCode = "200", description = "the packing slip", content = @Content(mediaType = MediaType.APPLICATION_PDF_VALUE))
	ResponseEntity<byte[]> packingSlip(@PathVariable UUID id) {
		return pdf(fulfillment.packingSlipPdf(currentStore.id(), id), "packing-slip-" + id + ".pdf");
	}

	static ResponseEntity<byte[]> pdf(byte[] body, String filename) {
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header("Content-Disposition", "inline; filename=\"" + filename + "\"")
			.body(body);
	}
}
