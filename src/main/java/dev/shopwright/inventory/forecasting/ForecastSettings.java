package dev.shopwright.inventory.forecasting;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import io.swagger.v3.oas.annotations.media.Schema;

/** A store's forecasting settings. */
record ForecastSettings(
		@Schema(description = "the chance of not running out during a lead time, 0.5 to 0.999 (default 0.95)",
				example = "0.95") @NotNull @DecimalMin("0.5") @DecimalMax("0.999") Double serviceLevel,
		@Schema(description = "days between orders; order-up-to covers this much demand beyond the reorder point "
				+ "(default 14)", example = "14") @NotNull @Min(1) @Max(180) Integer reviewDays) {

	static final ForecastSettings DEFAULTS = new ForecastSettings(0.95, 14);
}
