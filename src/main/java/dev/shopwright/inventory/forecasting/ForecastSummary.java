package dev.shopwright.inventory.forecasting;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/** One line of the forecast accuracy list. */
record ForecastSummary(String sku, String title, ForecastModel model, @Nullable Double mase, int unitsLast28Days,
		@Nullable Integer reorderPoint, @Nullable Integer orderUpTo, double safetyStock, Instant computedAt) {
}
