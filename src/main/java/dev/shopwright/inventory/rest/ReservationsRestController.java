package dev.shopwright.inventory.rest;

import java.net.URI;
import java.time.Duration;
import java.util.List;
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

import dev.shopwright.inventory.InventoryManagement;
import dev.shopwright.inventory.Reservation;
import dev.shopwright.inventory.ReservationId;
import dev.shopwright.inventory.ReserveStock;
import dev.shopwright.platform.CurrentStore;
import dev.shopwright.shared.Page;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Reservations: hold stock for a cart, checkout or order; confirm it as sold or release it. */
@RestController
@Validated
@Tag(name = "Inventory reservations")
class ReservationsRestController {

	record ReservationRequest(@NotBlank @Size(max = 200) String reference,
			@NotEmpty @Size(max = 250) List<ReserveStock.@Valid @NotNull Line> lines,
			@Min(1) @Max(2_592_000) int ttlSeconds) {
	}

	private final InventoryManagement inventory;

	private final CurrentStore currentStore;

	ReservationsRestController(InventoryManagement inventory, CurrentStore currentStore) {
		this.inventory = inventory;
		this.currentStore = currentStore;
	}

	@GetMapping("/api/admin/v1/inventory/reservations")
	@PreAuthorize("hasAuthority('INVENTORY_READ')")
	@Operation(summary = "Reservations, newest first, optionally of one status or one reference")
	Page<Reservation> reservations(@RequestParam(required = false) Reservation.@Nullable Status status,
			@RequestParam(required = false) @Size(max = 200) @Nullable String reference,
			@RequestParam(required = false) @Nullable String cursor,
			@RequestParam(defaultValue = "50") @Min(1) @Max(250) int limit) {
		return inventory.reservations(currentStore.id(), status, reference, cursor, limit);
	}

	@GetMapping("/api/admin/v1/inventory/reservations/{id}")
	@PreAuthorize("hasAuthority('INVENTORY_READ')")
	@Operation(summary = "A reservation with the locations each line was taken from")
	Reservation reservation(@PathVariable UUID id) {
		return inventory.reservation(currentStore.id(), new ReservationId(id));
	}

	@PostMapping("/api/admin/v1/inventory/reservations")
	@PreAuthorize("hasAuthority('INVENTORY_WRITE')")
	@Operation(summary = "Reserve all lines or none (409 INSUFFICIENT_STOCK names each short line); the same reference and lines again return the existing reservation")
	ResponseEntity<Reservation> reserve(@Valid @RequestBody ReservationRequest request) {
		Reservation reservation = inventory.reserve(currentStore.id(),
				new ReserveStock(request.reference(), request.lines(), Duration.ofSeconds(request.ttlSeconds())));
		return ResponseEntity.created(URI.create("/api/admin/v1/inventory/reservations/" + reservation.id()))
			.body(reservation);
	}

	@PostMapping("/api/admin/v1/inventory/reservations/{id}/confirm")
	@PreAuthorize("hasAuthority('INVENTORY_WRITE')")
	@Operation(summary = "The reserved units are sold: reserved turns into committed, on hand stays until shipped (409 when expired or released)")
	Reservation confirm(@PathVariable UUID id) {
		return inventory.confirm(currentStore.id(), new ReservationId(id));
	}

	@PostMapping("/api/admin/v1/inventory/reservations/{id}/release")
	@PreAuthorize("hasAuthority('INVENTORY_WRITE')")
	@Operation(summary = "Let go of the reserved units (harmless when already released or expired)")
	Reservation release(@PathVariable UUID id) {
		return inventory.release(currentStore.id(), new ReservationId(id));
	}
}
