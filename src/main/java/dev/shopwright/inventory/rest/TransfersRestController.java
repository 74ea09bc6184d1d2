package dev.shopwright.inventory.rest;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
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
import dev.shopwright.inventory.Transfer;
import dev.shopwright.inventory.TransferDraft;
import dev.shopwright.platform.BusinessRuleViolation;
import dev.shopwright.platform.CurrentStore;
import dev.shopwright.shared.Page;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Transfers between locations: create, ship, receive (in parts), cancel. */
@RestController
@Validated
@Tag(name = "Inventory transfers")
class TransfersRestController {

	/** Without lines: everything outstanding arrives. */
	record ReceiveRequest(@Size(max = 500) @Nullable List<@Valid @NotNull ReceivedLine> lines,
			@Size(max = 40) @Nullable String binCode) {
	}

	record ReceivedLine(@NotBlank @Size(max = 255) String sku, @Min(1) @Max(InventoryManagement.MAX_QUANTITY) int quantity) {
	}

	private final InventoryManagement inventory;

	private final CurrentStore currentStore;

	TransfersRestController(InventoryManagement inventory, CurrentStore currentStore) {
		this.inventory = inventory;
		this.currentStore = currentStore;
	}

	@GetMapping("/api/admin/v1/inventory/transfers")
	@PreAuthorize("hasAuthority('INVENTORY_READ')")
	@Operation(summary = "Transfers, newest first, optionally of one status")
	Page<Transfer> transfers(@RequestParam(required = false) Transfer.@Nullable Status status,
			@RequestParam(required = false) @Nullable String cursor,
			@RequestParam(defaultValue = "50") @Min(1) @Max(250) int limit) {
		return inventory.transfers(currentStore.id(), status, cursor, limit);
	}

	@GetMapping("/api/admin/v1/inventory/transfers/{id}")
	@PreAuthorize("hasAuthority('INVENTORY_READ')")
	@Operation(summary = "A transfer with its lines")
	Transfer transfer(@PathVariable UUID id) {
		return inventory.transfer(currentStore.id(), id);
	}

	@PostMapping("/api/admin/v1/inventory/transfers")
	@PreAuthorize("hasAuthority('INVENTORY_WRITE')")
	@Operation(summary = "Create a draft transfer from one location to another")
	ResponseEntity<Transfer> create(@Valid @RequestBody TransferDraft draft) {
		Transfer transfer = inventory.createTransfer(currentStore.id(), draft);
		return ResponseEntity.created(URI.create("/api/admin/v1/inventory/transfers/" + transfer.id())).body(transfer);
	}

	@PostMapping("/api/admin/v1/inventory/transfers/{id}/ship")
	@PreAuthorize("hasAuthority('INVENTORY_WRITE')")
	@Operation(summary = "Ship a draft: units leave the origin (TRANSFERRED_OUT) and are incoming at the destination")
	Transfer ship(@PathVariable UUID id) {
		return inventory.shipTransfer(currentStore.id(), id);
	}

	@PostMapping("/api/admin/v1/inventory/transfers/{id}/receive")
	@PreAuthorize("hasAuthority('INVENTORY_WRITE')")
	@Operation(summary = "Receive units at the destination (TRANSFERRED_IN); all outstanding when no lines are given")
	Transfer receive(@PathVariable UUID id, @Valid @RequestBody(required = false) @Nullable ReceiveRequest request) {
		Map<String, Integer> quantities = new LinkedHashMap<>();
		if (request != null && request.lines() != null) {
			for (ReceivedLine line : request.lines()) {
				if (quantities.put(line.sku(), line.quantity()) != null) {
					throw BusinessRuleViolation.ofField("DUPLICATE_LINE", "lines", "SKU %s appears twice".formatted(line.sku()));
				}
			}
		}
		return inventory.receiveTransfer(currentStore.id(), id, quantities, request == null ? null : request.binCode());
	}

	@PostMapping("/api/admin/v1/inventory/transfers/{id}/cancel")
	@PreAuthorize("hasAuthority('INVENTORY_WRITE')")
	@Operation(summary = "Cancel a transfer; units still in transit go back to the origin")
	Transfer cancel(@PathVariable UUID id) {
		return inventory.cancelTransfer(currentStore.id(), id);
	}
}
