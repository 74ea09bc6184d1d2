package dev.shopwright.inventory.rest;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
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
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.shopwright.inventory.CountSheet;
import dev.shopwright.inventory.InventoryManagement;
import dev.shopwright.inventory.LocationId;
import dev.shopwright.platform.CurrentStore;
import dev.shopwright.shared.Page;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Cycle counts: count sheets, blind counting, review and approval. */
@RestController
@Validated
@Tag(name = "Inventory counts")
class CountsRestController {

	/** Without skus: every SKU stocked at the location (or in the bin). */
	record CountRequest(@NotNull UUID locationId, @Size(max = 40) @Nullable String binCode,
			@Size(max = 5000) @Nullable List<@NotNull @Size(min = 1, max = 255) String> skus,
			@Size(max = 2000) @Nullable String note) {
	}

	/** Counted units per SKU (null clears a count), made on sheet {@code version}. */
	record CountEntry(@Min(0) int version, @NotEmpty @Size(max = 5000) Map<String, @Nullable Integer> counts) {
	}

	record VersionedAction(@Min(0) int version) {
	}

	private final InventoryManagement inventory;

	private final CurrentStore currentStore;

	CountsRestController(InventoryManagement inventory, CurrentStore currentStore) {
		this.inventory = inventory;
		this.currentStore = currentStore;
	}

	@GetMapping("/api/admin/v1/inventory/counts")
	@PreAuthorize("hasAuthority('INVENTORY_READ')")
	@Operation(summary = "Count sheets, newest first (expected figures included)")
	Page<CountSheet> counts(@RequestParam(required = false) @Nullable String cursor,
			@RequestParam(defaultValue = "50") @Min(1) @Max(250) int limit) {
		return inventory.countSheets(currentStore.id(), cursor, limit);
	}

	@GetMapping("/api/admin/v1/inventory/counts/{id}")
	@PreAuthorize("hasAuthority('INVENTORY_READ')")
	@Operation(summary = "A count sheet; blind=true hides the expected figures (what a counter sees)")
	CountSheet count(@PathVariable UUID id, @RequestParam(defaultValue = "false") boolean blind) {
		return inventory.countSheet(currentStore.id(), id, blind);
	}

	@PostMapping("/api/admin/v1/inventory/counts")
	@PreAuthorize("hasAuthority('INVENTORY_WRITE')")
	@Operation(summary = "Create a count sheet for a location or one of its bins; expected figures are taken now")
	ResponseEntity<CountSheet> create(@Valid @RequestBody CountRequest request) {
		CountSheet sheet = inventory.createCountSheet(currentStore.id(), new LocationId(request.locationId()),
				request.binCode(), request.skus(), request.note());
		return ResponseEntity.created(URI.create("/api/admin/v1/inventory/counts/" + sheet.id())).body(sheet.blind());
	}

	@PutMapping("/api/admin/v1/inventory/counts/{id}/counts")
	@PreAuthorize("hasAuthority('INVENTORY_WRITE')")
	@Operation(summary = "Enter counted units; refused with 409 COUNT_SHEET_CHANGED when the sheet was saved since `version`")
	CountSheet record(@PathVariable UUID id, @Valid @RequestBody CountEntry entry) {
		return inventory.recordCounts(currentStore.id(), id, entry.version(), entry.counts()).blind();
	}

	@PostMapping("/api/admin/v1/inventory/counts/{id}/approve")
	@PreAuthorize("hasAuthority('INVENTORY_WRITE')")
	@Operation(summary = "Approve the variances: each becomes a COUNTED movement")
	CountSheet approve(@PathVariable UUID id, @Valid @RequestBody VersionedAction action) {
		return inventory.approveCountSheet(currentStore.id(), id, action.version());
	}

	@PostMapping("/api/admin/v1/inventory/counts/{id}/cancel")
	@PreAuthorize("hasAuthority('INVENTORY_WRITE')")
	@Operation(summary = "Cancel a count sheet; nothing is adjusted")
	CountSheet cancel(@PathVariable UUID id, @Valid @RequestBody VersionedAction action) {
		return inventory.cancelCountSheet(currentStore.id(), id, action.version());
	}
}
