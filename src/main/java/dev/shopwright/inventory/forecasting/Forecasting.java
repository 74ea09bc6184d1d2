package dev.shopwright.inventory.forecasting;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import dev.shopwright.inventory.InventoryManagement;
import dev.shopwright.inventory.InventoryProblems;
import dev.shopwright.platform.Actor;
import dev.shopwright.platform.AuditLog;
import dev.shopwright.platform.ResourceNotFound;
import dev.shopwright.shared.Page;
import dev.shopwright.shared.StoreId;

/** What the forecasting API and screens call: read a SKU's forecast, recompute one or all, the store's settings. */
@Service
class Forecasting {

	/** How much history the chart and the API show next to the forecast. */
	static final int RECENT_HISTORY_DAYS = 120;

	private final Forecasts forecasts;

	private final DemandHistory history;

	private final ForecastRuns runs;

	private final ForecastComputation computation;

	private final ForecastWorker worker;

	private final AuditLog auditLog;

	private final TransactionTemplate transactions;

	private final InventoryManagement inventory;

	Forecasting(Forecasts forecasts, DemandHistory history, ForecastRuns runs, ForecastComputation computation,
			ForecastWorker worker, AuditLog auditLog, TransactionTemplate transactions, InventoryManagement inventory) {
		this.inventory = inventory;
		this.forecasts = forecasts;
		this.history = history;
		this.runs = runs;
		this.computation = computation;
		this.worker = worker;
		this.auditLog = auditLog;
		this.transactions = transactions;
	}

	/** The SKU's forecast with its recent history; computed now if it never was. */
	SkuForecast forecast(StoreId store, String sku) {
		Forecasts.TrackedSku tracked = tracked(store, sku);
		SkuForecast stored = forecasts.find(store, sku).orElse(null);
		if (stored == null) {
			transactions.executeWithoutResult(status -> computation.computeAndStore(store, List.of(tracked)));
			stored = forecasts.find(store, sku).orElseThrow(() -> new ResourceNotFound("Forecast", sku));
		}
		return withRecentHistory(store, stored);
	}

	/** Recomputes one SKU now, in this request. */
	ForecastRun recompute(StoreId store, String sku) {
		Forecasts.TrackedSku tracked = tracked(store, sku);
		return Objects.requireNonNull(transactions.execute(status -> {
			ForecastComputation.Outcome outcome = computation.computeAndStore(store, List.of(tracked));
			if (outcome.failed() > 0) {
				throw new IllegalStateException("the forecast of " + sku + " could not be computed");
			}
			auditLog.record(store, "forecast.recomputed", "sku", sku, "Recomputed the forecast of " + sku);
			return runs.recordSingle(store, sku, Actor.current());
		}));
	}

	/** Queues a job for every SKU of the store, or answers the one already queued or running. */
	ForecastRun recomputeAll(StoreId store) {
		return Objects.requireNonNull(transactions.execute(status -> {
			ForecastRuns.Queued queued = runs.queue(store, forecasts.countSkus(store), Actor.current());
			ForecastRun run = queued.run();
			if (queued.created()) {
				auditLog.record(store, "forecasts.recompute-started", "forecast-run", run.id().toString(),
						"Started recomputing the forecasts of %d SKUs".formatted(run.total()));
			}
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					worker.wakeUp();
				}
			});
			return run;
		}));
	}

	ForecastRun run(StoreId store, UUID id) {
		return runs.find(store, id).orElseThrow(() -> new ResourceNotFound("Forecast run", id.toString()));
	}

	@Nullable ForecastRun latestRun(StoreId store) {
		return runs.latest(store).orElse(null);
	}

	Page<ForecastSummary> byAccuracy(StoreId store, @Nullable String cursor, int limit) {
		return forecasts.byAccuracy(store, cursor, limit);
	}

	ForecastSettings settings(StoreId store) {
		return forecasts.settings(store);
	}

	ForecastSettings updateSettings(StoreId store, ForecastSettings settings) {
		transactions.executeWithoutResult(status -> {
			forecasts.saveSettings(store, settings);
			auditLog.record(store, "forecast-settings.updated", "forecast-settings", store.toString(),
					"Service level %.1f%%, review period %d days".formatted(settings.serviceLevel() * 100, settings.reviewDays()));
		});
		return forecasts.settings(store);
	}

	/** The SKU as inventory tracks it; a SKU the catalog has but whose event has not arrived yet is mirrored first. */
	private Forecasts.TrackedSku tracked(StoreId store, String sku) {
		return forecasts.sku(store, sku).or(() -> {
			inventory.stock(store, sku); // fetches the SKU from the catalog, or refuses it as unknown
			return forecasts.sku(store, sku);
		}).orElseThrow(() -> InventoryProblems.unknownSku(sku));
	}

	private SkuForecast withRecentHistory(StoreId store, SkuForecast forecast) {
		LocalDate end = forecast.forecast().isEmpty() ? computation.yesterday(store)
				: forecast.forecast().getFirst().date().minusDays(1);
		DemandHistory.Series series = history.series(store, List.of(forecast.sku()), end, computation.zone(store))
			.get(forecast.sku());
		List<SkuForecast.DailyUnits> recent = new ArrayList<>();
		LocalDate from = end.minusDays(RECENT_HISTORY_DAYS - 1);
		for (LocalDate day = from; !day.isAfter(end); day = day.plusDays(1)) {
			int units = 0;
			if (series.start() != null && !day.isBefore(series.start())) {
				units = (int) series.units()[(int) (day.toEpochDay() - series.start().toEpochDay())];
			}
			recent.add(new SkuForecast.DailyUnits(day, units));
		}
		SkuForecast.History h = forecast.history();
		return new SkuForecast(forecast.sku(), forecast.title(),
				new SkuForecast.History(h.start(), h.days(), h.unitsLast28Days(), h.unitsLast365Days(), recent),
				forecast.model(), forecast.reorder(), forecast.forecast(), forecast.computedAt());
	}
}
