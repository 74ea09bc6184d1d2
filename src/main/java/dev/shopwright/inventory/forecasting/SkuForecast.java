package dev.shopwright.inventory.forecasting;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import io.swagger.v3.oas.annotations.media.Schema;

/** A SKU's latest forecast with its history, accuracy and the reorder figures derived from it. */
@Schema(description = "A SKU's demand forecast: history summary, model and accuracy, daily forecast with an 80% band, "
		+ "and the reorder point and order-up-to level derived from it")
record SkuForecast(String sku, String title, History history, Model model, Reorder reorder, List<Point> forecast,
		Instant computedAt) {

	@Schema(description = "Units sold per day (seeded history plus committed sales in the ledger), ending yesterday")
	record History(@Nullable LocalDate start, @Schema(description = "days from the first sale to yesterday") int days,
			int unitsLast28Days, int unitsLast365Days,
			@Schema(description = "the last (up to) 120 days, oldest first") List<DailyUnits> recent) {
	}

	record DailyUnits(LocalDate date, int units) {
	}

	@Schema(description = "The model used and how well it forecast the held-out days")
	record Model(ForecastModel name, @Schema(description = "why this model was chosen") String reason,
			@Schema(description = "fitted parameters (alpha, beta, gamma, phi for Holt-Winters)") Map<String, Double> parameters,
			@Schema(description = "mean absolute scaled error on the held-out days against the seasonal-naive forecast "
					+ "(same weekday last week); below 1 is better than naive; null when too little history was held out")
			@Nullable Double mase,
			@Nullable Double maeModel, @Nullable Double maeSeasonalNaive, int heldOutDays,
			@Schema(description = "standard deviation of the daily one-step forecast errors") double sigma) {
	}

	@Schema(description = "reorder point = lead-time demand + safety stock; safety stock = z · σ · √(lead time); "
			+ "order-up-to = reorder point + demand over the review period")
	record Reorder(int leadTimeDays, int reviewDays, double serviceLevel, double z, double leadTimeDemand,
			double safetyStock, @Schema(description = "null when there is no history to forecast from") @Nullable Integer reorderPoint,
			@Nullable Integer orderUpTo) {
	}

	@Schema(description = "the forecast for one day, with the band that holds 80% of outcomes")
	record Point(LocalDate date, double units, double lower, double upper) {
	}
}
