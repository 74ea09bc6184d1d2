package dev.shopwright.inventory.purchasing.rest;

import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.shopwright.inventory.purchasing.LowStockItem;
import dev.shopwright.inventory.purchasing.PurchaseOrder;
import dev.shopwright.inventory.purchasing.ReorderSuggestion;
import dev.shopwright.inventory.purchasing.Replenishment;
import dev.shopwright.platform.Cursor;
import dev.shopwright.platform.CurrentStore;
import dev.shopwright.shared.Page;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Low stock and reorder suggestions through the Admin API, and turning the suggestions into draft orders. */
@RestController
@Tag(name = "Purchasing")
class ReorderSuggestionsRestController {

	/** Which suppliers' suggestions to turn into drafts; none or empty: all of them. */
	record CreateDrafts(@Size(max = 500) @Nullable List<@NotNull UUID> supplierIds) {
	}

	record CreatedDrafts(List<PurchaseOrder> purchaseOrders) {
	}

	private final Replenishment replenishment;

	private final CurrentStore currentStore;

	ReorderSuggestionsRestController(Replenishment replenishment, CurrentStore currentStore) {
		this.replenishment = replenishment;
		this.currentStore = currentStore;
	}

	@GetMapping("/api/admin/v1/inventory/reorder-suggestions")
	@PreAuthorize("hasAuthority('INVENTORY_READ')")
	@Operation(summary = "What to reorder now, grouped by primary supplier (by supplier name): SKUs whose available plus "
			+ "incoming units are at or below the reorder point, topped up to order-up-to (or twice the reorder point) "
			+ "in whole packs and raised to the supplier's minimum order")
	Page<ReorderSuggestion> suggestions(@RequestParam(required = false) @Nullable String cursor,
			@RequestParam(defaultValue = "50") @Min(1) @Max(250) int limit) {
		return Cursor.page(replenishment.suggestions(currentStore.id()), s -> s.supplierId().toString(), cursor, limit);
	}

	@PostMapping("/api/admin/v1/inventory/reorder-suggestions")
	@PreAuthorize("hasAuthority('INVENTORY_WRITE')")
	@Operation(summary = "Turn the suggestions into draft purchase orders, one per supplier")
	ResponseEntity<CreatedDrafts> createDrafts(@Valid @RequestBody(required = false) @Nullable CreateDrafts request) {
		List<PurchaseOrder> created = replenishment.createDrafts(currentStore.id(),
				request == null ? null : request.supplierIds());
		return ResponseEntity.status(created.isEmpty() ? 200 : 201).body(new CreatedDrafts(created));
	}

	@GetMapping("/api/admin/v1/inventory/low-stock")
	@PreAuthorize("hasAuthority('INVENTORY_READ')")
	@Operation(summary = "SKUs whose available units are at or below their reorder point, lowest cover first")
	Page<LowStockItem> lowStock(@RequestParam(required = false) @Nullable String cursor,
			@RequestParam(defaultValue = "50") @Min(1) @Max(250) int limit) {
		return Cursor.page(replenishment.lowStock(currentStore.id()), LowStockItem::sku, cursor, limit);
	}
}
