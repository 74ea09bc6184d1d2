package dev.shopwright.inventory.rest;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.shopwright.inventory.Bin;
import dev.shopwright.inventory.InventoryManagement;
import dev.shopwright.inventory.Location;
import dev.shopwright.inventory.LocationDraft;
import dev.shopwright.inventory.LocationId;
import dev.shopwright.platform.BusinessRuleViolation;
import dev.shopwright.platform.CurrentStore;
import dev.shopwright.platform.Cursor;
import dev.shopwright.shared.Page;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Stock locations and their bins. */
@RestController
@Validated
@Tag(name = "Inventory locations")
class LocationsRestController {

	record BinRequest(@NotBlank @Size(max = 40) String code, @Min(0) @Max(InventoryManagement.MAX_QUANTITY) int walkOrder) {
	}

	record BinChange(@Min(0) @Max(InventoryManagement.MAX_QUANTITY) int walkOrder) {
	}

	private final InventoryManagement inventory;

	private final CurrentStore currentStore;

	LocationsRestController(InventoryManagement inventory, CurrentStore currentStore) {
		this.inventory = inventory;
		this.currentStore = currentStore;
	}

	@GetMapping("/api/admin/v1/inventory/locations")
	@PreAuthorize("hasAuthority('INVENTORY_READ')")
	@Operation(summary = "The store's locations in reservation order (priority, then name)")
	Page<Location> locations(@RequestParam(required = false) @Nullable String cursor,
			@RequestParam(defaultValue = "100") @Min(1) @Max(250) int limit) {
		return Cursor.page(inventory.locations(currentStore.id()), l -> l.id().toString(), cursor, limit);
	}

	@GetMapping("/api/admin/v1/inventory/locations/{id}")
	@PreAuthorize("hasAuthority('INVENTORY_READ')")
	@Operation(summary = "A location")
	Location location(@PathVariable UUID id) {
		return inventory.location(currentStore.id(), new LocationId(id));
	}

	@PostMapping("/api/admin/v1/inventory/locations")
	@PreAuthorize("hasAuthority('INVENTORY_WRITE')")
	@Operation(summary = "Create a location (warehouse, shop or 3PL)")
	ResponseEntity<Location> create(@Valid @RequestBody LocationDraft draft) {
		if (draft.name() == null) {
			throw BusinessRuleViolation.ofField("INVALID_LOCATION", "name", "name is required");
		}
		Location location = inventory.createLocation(currentStore.id(), draft);
		return ResponseEntity.created(URI.create("/api/admin/v1/inventory/locations/" + location.id())).body(location);
	}

	@PatchMapping("/api/admin/v1/inventory/locations/{id}")
	@PreAuthorize("hasAuthority('INVENTORY_WRITE')")
	@Operation(summary = "Change a location; fields left out stay as they are (active=false takes it out of reservations)")
	Location update(@PathVariable UUID id, @Valid @RequestBody LocationChange change) {
		return inventory.updateLocation(currentStore.id(), new LocationId(id), change.draft());
	}

	/** Like {@link LocationDraft}, but every field optional (the name too). */
	record LocationChange(@Size(min = 1, max = 120) @Nullable String name,
			@jakarta.validation.constraints.Pattern(regexp = "[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?") @Nullable String code,
			Location.@Nullable Kind kind, @Min(0) @Max(10_000) @Nullable Integer priority, @Nullable Boolean fulfilsOnline,
			@Nullable Boolean active, dev.shopwright.shared.@Valid @Nullable Address address) {

		LocationDraft draft() {
			return new LocationDraft(name, code, kind, priority, fulfilsOnline, active, address);
		}
	}

	@PostMapping("/api/admin/v1/inventory/locations/{id}/make-default")
	@PreAuthorize("hasAuthority('INVENTORY_WRITE')")
	@Operation(summary = "Make this the location stock goes to when a caller names none")
	Location makeDefault(@PathVariable UUID id) {
		inventory.makeDefaultLocation(currentStore.id(), new LocationId(id));
		return inventory.location(currentStore.id(), new LocationId(id));
	}

	@DeleteMapping("/api/admin/v1/inventory/locations/{id}")
	@PreAuthorize("hasAuthority('INVENTORY_WRITE')")
	@Operation(summary = "Delete a location that never held stock (others: deactivate with PATCH active=false)")
	ResponseEntity<Void> delete(@PathVariable UUID id) {
		inventory.deleteLocation(currentStore.id(), new LocationId(id));
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/api/admin/v1/inventory/locations/{id}/bins")
	@PreAuthorize("hasAuthority('INVENTORY_READ')")
	@Operation(summary = "The bins of a location in walking order, with what each holds")
	List<Bin> bins(@PathVariable UUID id) {
		return inventory.bins(currentStore.id(), new LocationId(id));
	}

	@PostMapping("/api/admin/v1/inventory/locations/{id}/bins")
	@PreAuthorize("hasAuthority('INVENTORY_WRITE')")
	@Operation(summary = "Create a bin with its place in the walking order")
	ResponseEntity<Bin> createBin(@PathVariable UUID id, @Valid @RequestBody BinRequest request) {
		Bin bin = inventory.createBin(currentStore.id(), new LocationId(id), request.code(), request.walkOrder());
		return ResponseEntity.created(URI.create("/api/admin/v1/inventory/locations/" + id + "/bins")).body(bin);
	}

	@PatchMapping("/api/admin/v1/inventory/locations/{id}/bins/{code}")
	@PreAuthorize("hasAuthority('INVENTORY_WRITE')")
	@Operation(summary = "Change a bin's place in the walking order")
	List<Bin> updateBin(@PathVariable UUID id, @PathVariable String code, @Valid @RequestBody BinChange change) {
		inventory.setBinWalkOrder(currentStore.id(), new LocationId(id), code, change.walkOrder());
		return inventory.bins(currentStore.id(), new LocationId(id));
	}
}
