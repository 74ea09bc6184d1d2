package dev.shopwright.inventory.rest;

import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.shopwright.inventory.Bin;
import dev.shopwright.inventory.InventoryManagement;
import dev.shopwright.inventory.LocationId;
import dev.shopwright.inventory.MovementReason;
import dev.shopwright.inventory.SkuStock;
import dev.shopwright.inventory.StockAdjustment;
import dev.shopwright.inventory.StockLevel;
import dev.shopwright.inventory.StockMovement;
import dev.shopwright.inventory.StockSummary;
import dev.shopwright.inventory.StockValuation;
import dev.shopwright.platform.CurrentStore;
import dev.shopwright.shared.Page;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Stock levels, the overview, adjustments, safety stock, reorder points, bin moves and the ledger. */
@RestController
@Validated
@Tag(name = "Inventory")
class StockRestController {

	/** Exactly one of {@code delta} and {@code set}; without {@code locationId}, the store's default location. */
	record AdjustmentRequest(@NotBlank @Size(max = 255) String sku, @Nullable UUID locationId,
			@Min(-InventoryManagement.MAX_QUANTITY) @Max(InventoryManagement.MAX_QUANTITY) @Nullable Integer delta,
			@Min(0) @Max(InventoryManagement.MAX_QUANTITY) @Nullable Integer set,
			@Schema(description = "ADJUSTED (default), DAMAGED, RETURNED or RECEIVED") @Nullable MovementReason reason,
			@Size(max = 2000) @Nullable String note) {
	}

	record SafetyStockRequest(@NotBlank @Size(max = 255) String sku, @Nullable UUID locationId,
			@Min(0) @Max(InventoryManagement.MAX_QUANTITY) int safetyStock) {
	}

	record ReorderPointRequest(@NotBlank @Size(max = 255) String sku,
			@Min(0) @Max(InventoryManagement.MAX_QUANTITY) @Nullable Integer reorderPoint) {
	}

	record BinMoveRequest(@NotBlank @Size(max = 255) String sku, @jakarta.validation.constraints.NotNull UUID locationId, @Size(max = 40) @Nullable String fromBin,
			@Size(max = 40) @Nullable String toBin, @Min(1) @Max(InventoryManagement.MAX_QUANTITY) int quantity) {
	}

	/** A SKU's stock with the bins of each location. */
	record Levels(SkuStock stock, List<LocationBins> bins) {
	}

	record LocationBins(LocationId locationId, List<Bin.Content> bins) {
	}

	private final InventoryManagement inventory;

	private final CurrentStore currentStore;

	StockRestController(InventoryManagement inventory, CurrentStore currentStore) {
		this.inventory = inventory;
		this.currentStore = currentStore;
	}

	@GetMapping("/api/admin/v1/inventory/levels")
	@PreAuthorize("hasAuthority('INVENTORY_READ')")
	@Operation(summary = "A SKU's stock per location (priority order) and in total, with bin quantities")
	Levels levels(@RequestParam @NotBlank @Size(max = 255) String sku) {
		SkuStock stock = inventory.stock(currentStore.id(), sku);
		List<LocationBins> bins = stock.levels()
			.stream()
			.map(level -> new LocationBins(level.locationId(), inventory.binsOf(currentStore.id(), sku, level.locationId())))
			.filter(b -> !b.bins().isEmpty())
			.toList();
		return new Levels(stock, bins);
	}

	@GetMapping("/api/admin/v1/inventory/valuation")
	@PreAuthorize("hasAuthority('INVENTORY_READ')")
	@Operation(summary = "Stock on hand at weighted average cost: per location and cost currency, in total, and the SKUs worth the most")
	StockValuation valuation(@RequestParam(required = false) @Nullable UUID locationId,
			@RequestParam(defaultValue = "50") @Min(1) @Max(500) int top) {
		return inventory.valuation(currentStore.id(), locationId == null ? null : new LocationId(locationId), top);
	}

	@GetMapping("/api/admin/v1/inventory/stock")
	@PreAuthorize("hasAuthority('INVENTORY_READ')")
	@Operation(summary = "Every tracked SKU with its totals, by SKU; search by SKU, title or barcode, filter low / out of stock or one location")
	Page<StockSummary> overview(@RequestParam(required = false) @Size(max = 200) @Nullable String q,
			@RequestParam(defaultValue = "ALL") StockSummary.Filter filter,
			@RequestParam(required = false) @Nullable UUID locationId,
			@RequestParam(required = false) @Nullable String cursor,
			@RequestParam(defaultValue = "50") @Min(1) @Max(250) int limit) {
		return inventory.overview(currentStore.id(), q, filter, locationId == null ? null : new LocationId(locationId), cursor,
				limit);
	}

	@PostMapping("/api/admin/v1/inventory/adjustments")
	@PreAuthorize("hasAuthority('INVENTORY_WRITE')")
	@Operation(summary = "Correct on hand by a delta or to an absolute figure (at the default location unless locationId is given)")
	StockLevel adjust(@Valid @RequestBody AdjustmentRequest request) {
		return inventory.adjust(currentStore.id(), new StockAdjustment(request.sku(),
				request.locationId() == null ? null : new LocationId(request.locationId()), request.delta(), request.set(),
				request.reason() == null ? MovementReason.ADJUSTED : request.reason(), request.note()));
	}

	@PutMapping("/api/admin/v1/inventory/safety-stock")
	@PreAuthorize("hasAuthority('INVENTORY_WRITE')")
	@Operation(summary = "Set the units kept back from sale at a location (available subtracts them)")
	StockLevel safetyStock(@Valid @RequestBody SafetyStockRequest request) {
		return inventory.setSafetyStock(currentStore.id(), request.sku(),
				request.locationId() == null ? null : new LocationId(request.locationId()), request.safetyStock());
	}

	@PutMapping("/api/admin/v1/inventory/reorder-point")
	@PreAuthorize("hasAuthority('INVENTORY_WRITE')")
	@Operation(summary = "Set (or clear, with null) a SKU's reorder point")
	SkuStock reorderPoint(@Valid @RequestBody ReorderPointRequest request) {
		inventory.setReorderPoint(currentStore.id(), request.sku(), request.reorderPoint());
		return inventory.stock(currentStore.id(), request.sku());
	}

	@PostMapping("/api/admin/v1/inventory/bin-moves")
	@PreAuthorize("hasAuthority('INVENTORY_WRITE')")
	@Operation(summary = "Move units of a SKU between bins of a location (fromBin or toBin null: units in no bin)")
	List<Bin.Content> moveBetweenBins(@Valid @RequestBody BinMoveRequest request) {
		return inventory.moveBetweenBins(currentStore.id(), request.sku(), new LocationId(request.locationId()),
				request.fromBin(), request.toBin(), request.quantity());
	}

	@GetMapping("/api/admin/v1/inventory/movements")
	@PreAuthorize("hasAuthority('INVENTORY_READ')")
	@Operation(summary = "A SKU's ledger, newest first")
	Page<StockMovement> movements(@RequestParam @NotBlank @Size(max = 255) String sku,
			@RequestParam(required = false) @Nullable String cursor,
			@RequestParam(defaultValue = "50") @Min(1) @Max(250) int limit) {
		inventory.stock(currentStore.id(), sku); // an unknown SKU is a 422, not an empty page
		return inventory.movements(currentStore.id(), sku, cursor, limit);
	}
}
