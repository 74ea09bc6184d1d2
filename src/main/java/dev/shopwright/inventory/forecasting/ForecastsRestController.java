package dev.shopwright.inventory.forecasting;

import java.net.URI;
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
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.shopwright.platform.CurrentStore;
import dev.shopwright.shared.Page;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Demand forecasts, their recomputation and the store's forecasting settings through the Admin API. */
@RestController
@Validated
@Tag(name = "Inventory forecasts")
class ForecastsRestController {

	@Schema(description = "Without sku: recompute every SKU of the store in the background (202). With sku: recompute "
			+ "that SKU now (200).")
	record RecomputeRequest(@Size(min = 1, max = 255) @Nullable String sku) {
	}

	private final Forecasting forecasting;

	private final CurrentStore currentStore;

	ForecastsRestController(Forecasting forecasting, CurrentStore currentStore) {
		this.forecasting = forecasting;
		this.currentStore = currentStore;
	}

	@GetMapping("/api/admin/v1/inventory/forecasts")
	@PreAuthorize("hasAuthority('INVENTORY_READ')")
	@Operation(summary = "A SKU's demand forecast: history summary (with the last 120 days), the daily forecast with an "
			+ "80% band, the model and its MASE on held-out days, and the reorder point with its safety stock and lead "
			+ "time. Computed on first request if it never was. An unknown SKU is a 422 UNKNOWN_SKU.")
	SkuForecast forecast(@Parameter(description = "the SKU", required = true) @RequestParam @NotBlank @Size(max = 255) String sku) {
		return forecasting.forecast(currentStore.id(), sku);
	}

	@GetMapping("/api/admin/v1/inventory/forecasts/accuracy")
	@PreAuthorize("hasAuthority('INVENTORY_READ')")
	@Operation(summary = "Forecasts of the store, worst accuracy first (highest MASE; those without a MASE last), then "
			+ "by SKU")
	Page<ForecastSummary> accuracy(@RequestParam(required = false) @Nullable String cursor,
			@RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit) {
		return forecasting.byAccuracy(currentStore.id(), cursor, limit);
	}

	@PostMapping("/api/admin/v1/inventory/forecasts/recompute")
	@PreAuthorize("hasAuthority('INVENTORY_WRITE')")
	@Operation(summary = "Recompute forecasts and reorder points. Without a body (or without sku): a background job for "
			+ "every SKU of the store, 202 with its progress resource; while one is queued or running, that one is "
			+ "returned. With {\"sku\": …}: that SKU now, 200 with the finished run.")
	@ApiResponse(responseCode = "202", description = "the store-wide job, queued or already running",
			content = @Content(schema = @Schema(implementation = ForecastRun.class)))
	@ApiResponse(responseCode = "200", description = "the one SKU, recomputed",
			content = @Content(schema = @Schema(implementation = ForecastRun.class)))
	ResponseEntity<ForecastRun> recompute(@Valid @RequestBody(required = false) @Nullable RecomputeRequest request) {
		if (request != null && request.sku() != null) {
			return ResponseEntity.ok(forecasting.recompute(currentStore.id(), request.sku()));
		}
		ForecastRun run = forecasting.recomputeAll(currentStore.id());
		return ResponseEntity.accepted().location(URI.create("/api/admin/v1/inventory/forecasts/runs/" + run.id())).body(run);
	}

	@GetMapping("/api/admin/v1/inventory/forecasts/runs/{id}")
	@PreAuthorize("hasAuthority('INVENTORY_READ')")
	@Operation(summary = "A recompute job: status and progress (SKUs done of total, failed)")
	ForecastRun run(@PathVariable UUID id) {
		return forecasting.run(currentStore.id(), id);
	}

	@GetMapping("/api/admin/v1/inventory/forecast-settings")
	@PreAuthorize("hasAuthority('INVENTORY_READ')")
	@Operation(summary = "The store's forecasting settings: service level and review period")
	ForecastSettings settings() {
		return forecasting.settings(currentStore.id());
	}

	@PutMapping("/api/admin/v1/inventory/forecast-settings")
	@PreAuthorize("hasAuthority('INVENTORY_WRITE')")
	@Operation(summary = "Change the service level (0.5–0.999) and review period (1–180 days); they apply from the next "
			+ "recomputation")
	ForecastSettings updateSettings(@Valid @RequestBody ForecastSettings settings) {
		return forecasting.updateSettings(currentStore.id(), settings);
	}
}
