package dev.shopwright.fulfillment.rest;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
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
import dev.shopwright.fulfillment.PickList;
import dev.shopwright.platform.CurrentStore;
import dev.shopwright.shared.Page;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Pick-list batches per location, in bin walking order. */
@RestController
@Validated
@Tag(name = "Pick lists")
class PickListsRestController {

	record NewPickList(@NotNull UUID locationId, @Nullable @Size(max = 200) List<UUID> fulfillmentOrderIds) {
	}

	private final FulfillmentManagement fulfillment;

	private final CurrentStore currentStore;

	PickListsRestController(FulfillmentManagement fulfillment, CurrentStore currentStore) {
		this.fulfillment = fulfillment;
		this.currentStore = currentStore;
	}

	@GetMapping("/api/admin/v1/pick-lists")
	@PreAuthorize("hasAuthority('ORDERS_READ')")
	@Operation(summary = "Pick lists, newest first")
	Page<PickList> pickLists(@RequestParam(required = false) @Nullable String cursor,
			@RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit) {
		return fulfillment.pickLists(currentStore.id(), cursor, limit);
	}

	@PostMapping("/api/admin/v1/pick-lists")
	@PreAuthorize("hasAuthority('ORDERS_WRITE')")
	@Operation(summary = "Batch fulfilment orders of one location into a pick list (the oldest ready ones when none are named)")
	ResponseEntity<PickList> create(@Valid @RequestBody NewPickList request) {
		PickList pickList = fulfillment.createPickList(currentStore.id(), request.locationId(), request.fulfillmentOrderIds());
		return ResponseEntity.created(URI.create("/api/admin/v1/pick-lists/" + pickList.id())).body(pickList);
	}

	@GetMapping("/api/admin/v1/pick-lists/{id}")
	@PreAuthorize("hasAuthority('ORDERS_READ')")
	@Operation(summary = "A pick list: lines by SKU in bin walking order")
	PickList pickList(@PathVariable UUID id) {
		return fulfillment.pickList(currentStore.id(), id);
	}

	@GetMapping(path = "/api/admin/v1/pick-lists/{id}/pdf", produces = { MediaType.APPLICATION_PDF_VALUE, "application/problem+json" })
	@PreAuthorize("hasAuthority('ORDERS_READ')")
	@Operation(summary = "The pick list, printable (PDF)")
	@ApiResponse(responseCode = "200", description = "the pick list", content = @Content(mediaType = MediaType.APPLICATION_PDF_VALUE))
	ResponseEntity<byte[]> pdf(@PathVariable UUID id) {
		return ShipmentsRestController.pdf(fulfillment.pickListPdf(currentStore.id(), id), "pick-list-" + id + ".pdf");
	}
}
