package dev.shopwright.inventory.forecasting;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import dev.shopwright.shared.StoreId;
import dev.shopwright.stores.StoreManagement;

/** Computes and stores the forecasts of a batch of SKUs, in the caller's transaction. */
@Component
class ForecastComputation {

	private static final Logger log = LoggerFactory.getLogger(ForecastComputation.class);

	/** Days forecast at least; more when lead time plus review period need more. */
	static final int MIN_HORIZON_DAYS = 91;

	/** What one batch did. */
	record Outcome(int computed, int failed) {
	}

	private final Forecasts forecasts;

	private final DemandHistory history;

	private final StoreManagement stores;

	ForecastComputation(Forecasts forecasts, DemandHistory history, StoreManagement stores) {
		this.forecasts = forecasts;
		this.history = history;
		this.stores = stores;
	}

	/** The last whole day of sales in the store's time zone. */
	LocalDate yesterday(StoreId store) {
		return LocalDate.now(zone(store)).minusDays(1);
	}

	ZoneId zone(StoreId store) {
		return stores.get(store).timezone();
	}

	Outcome computeAndStore(StoreId store, List<Forecasts.TrackedSku> skus) {
		ZoneId zone = zone(store);
		LocalDate end = LocalDate.now(zone).minusDays(1);
		ForecastSettings settings = forecasts.settings(store);
		Map<String, DemandHistory.Series> series = history.series(store, skus.stream().map(Forecasts.TrackedSku::sku).toList(),
				end, zone);
		int computed = 0;
		int failed = 0;
		for (Forecasts.TrackedSku sku : skus) {
			try {
				forecasts.save(store, compute(sku, series.get(sku.sku()), settings));
				computed++;
			}
			catch (RuntimeException ex) {
				// one SKU's odd series must not stop the others; it is counted and logged
				log.warn("Forecast of SKU {} in store {} failed: {}", sku.sku(), store, ex.toString());
				failed++;
			}
		}
		return new Outcome(computed, failed);
	}

	static Forecasts.Computed compute(Forecasts.TrackedSku sku, DemandHistory.Series series, ForecastSettings settings) {
		int horizon = Math.max(MIN_HORIZON_DAYS, sku.leadTimeDays() + settings.reviewDays());
		DemandForecaster.Result result = DemandForecaster.forecast(series.units(), horizon);
		ReorderPolicy policy = ReorderPolicy.of(result.mean(), result.sigma(), sku.leadTimeDays(), settings.reviewDays(),
				settings.serviceLevel());
		return new Forecasts.Computed(sku.sku(), result, series, series.end().plusDays(1), policy);
	}
}
