package dev.shopwright.inventory.forecasting;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.shopwright.platform.Cursor;
import dev.shopwright.shared.Page;
import dev.shopwright.shared.StoreId;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Stored forecasts ({@code inventory.forecast}), a store's settings ({@code inventory.forecast_settings}) and the
 * replenishment columns of {@code inventory.item} that forecasts fill in. Reads of {@code inventory.item} happen here
 * because the forecasting workflow belongs to the inventory module.
 */
@Repository
class Forecasts {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** Inventory's default when no supplier lead time is known (see V1: lead_time_days null means 14 days). */
	static final int DEFAULT_LEAD_TIME_DAYS = 14;

	/** A SKU as forecasting needs it. */
	record TrackedSku(String sku, String title, int leadTimeDays) {
	}

	/** What one computation stores. */
	record Computed(String sku, DemandForecaster.Result result, DemandHistory.Series series, LocalDate forecastStart,
			ReorderPolicy policy) {

		/** A SKU never sold has nothing to derive reorder figures from; whatever staff set stays. */
		boolean setsLevels() {
			return result.model() != ForecastModel.NONE;
		}
	}

	private final JdbcClient jdbc;

	Forecasts(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	// --- settings ---

	ForecastSettings settings(StoreId store) {
		return jdbc.sql("select service_level, review_days from inventory.forecast_settings where store_id = ?")
			.param(store.value())
			.query((rs, n) -> new ForecastSettings(rs.getBigDecimal("service_level").doubleValue(), rs.getInt("review_days")))
			.optional()
			.orElse(ForecastSettings.DEFAULTS);
	}

	void saveSettings(StoreId store, ForecastSettings settings) {
		jdbc.sql("""
				insert into inventory.forecast_settings (store_id, service_level, review_days, updated_at) values (?, ?, ?, now())
				on conflict (store_id) do update set service_level = excluded.service_level,
				  review_days = excluded.review_days, updated_at = excluded.updated_at""")
			.params(store.value(), BigDecimal.valueOf(settings.serviceLevel()).setScale(4, RoundingMode.HALF_UP),
					settings.reviewDays())
			.update();
	}

	/**
	 * Locks the store's settings row (creating it first) for the rest of the transaction and says whether the demo
	 * history was seeded before. A second node starting at the same time waits here until the first one's seeding
	 * has committed, and then sees it.
	 */
	boolean lockDemoSeeding(StoreId store) {
		jdbc.sql("insert into inventory.forecast_settings (store_id, updated_at) values (?, now()) on conflict do nothing")
			.param(store.value()).update();
		return jdbc.sql("select demo_history_seeded from inventory.forecast_settings where store_id = ? for update")
			.param(store.value()).query(Boolean.class).single();
	}

	void markDemoSeeded(StoreId store) {
		jdbc.sql("update inventory.forecast_settings set demo_history_seeded = true, updated_at = now() where store_id = ?")
			.param(store.value()).update();
	}

	// --- SKUs ---

	List<TrackedSku> skus(StoreId store, @Nullable String after, int limit) {
		return jdbc.sql("""
				select sku, title, lead_time_days from inventory.item
				where store_id = ? and not deleted and sku > ? order by sku limit ?""")
			.params(store.value(), after == null ? "" : after, limit)
			.query(this::trackedSku).list();
	}

	Optional<TrackedSku> sku(StoreId store, String sku) {
		return jdbc.sql("select sku, title, lead_time_days from inventory.item where store_id = ? and sku = ? and not deleted")
			.params(store.value(), sku).query(this::trackedSku).optional();
	}

	int countSkus(StoreId store) {
		return jdbc.sql("select count(*) from inventory.item where store_id = ? and not deleted").param(store.value())
			.query(Integer.class).single();
	}

	private TrackedSku trackedSku(ResultSet rs, int n) throws SQLException {
		Integer leadTime = (Integer) rs.getObject("lead_time_days");
		return new TrackedSku(rs.getString("sku"), rs.getString("title"),
				leadTime == null ? DEFAULT_LEAD_TIME_DAYS : leadTime);
	}

	// --- forecasts ---

	/**
	 * Stores the forecast and, when there was history to forecast from, writes its reorder point and order-up-to into
	 * the SKU's inventory item (one statement each; the item row is never read back and rewritten).
	 */
	void save(StoreId store, Computed computed) {
		DemandForecaster.Result r = computed.result();
		ReorderPolicy math = computed.policy();
		ReorderPolicy reorder = computed.setsLevels() ? math : null;
		DemandHistory.Series series = computed.series();
		jdbc.sql("""
				insert into inventory.forecast (store_id, sku, model, reason, parameters, mase, model_mae, naive_mae,
				  held_out_days, sigma, history_start, history_days, units_last_28, units_last_365, forecast_start,
				  forecast_mean, forecast_lower, forecast_upper, lead_time_days, review_days, service_level, z,
				  lead_time_demand, safety_stock, reorder_point, order_up_to, computed_at)
				values (?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?::jsonb, ?, ?, ?, ?, ?, ?, ?, ?, now())
				on conflict (store_id, sku) do update set model = excluded.model, reason = excluded.reason,
				  parameters = excluded.parameters, mase = excluded.mase, model_mae = excluded.model_mae,
				  naive_mae = excluded.naive_mae, held_out_days = excluded.held_out_days, sigma = excluded.sigma,
				  history_start = excluded.history_start, history_days = excluded.history_days,
				  units_last_28 = excluded.units_last_28, units_last_365 = excluded.units_last_365,
				  forecast_start = excluded.forecast_start, forecast_mean = excluded.forecast_mean,
				  forecast_lower = excluded.forecast_lower, forecast_upper = excluded.forecast_upper,
				  lead_time_days = excluded.lead_time_days, review_days = excluded.review_days,
				  service_level = excluded.service_level, z = excluded.z, lead_time_demand = excluded.lead_time_demand,
				  safety_stock = excluded.safety_stock, reorder_point = excluded.reorder_point,
				  order_up_to = excluded.order_up_to, computed_at = excluded.computed_at""")
			.params(store.value(), computed.sku(), r.model().name(), r.reason(), JSON.writeValueAsString(r.parameters()),
					r.mase(), r.modelMae(), r.naiveMae(), r.heldOutDays(), r.sigma(),
					series.start() == null ? null : Date.valueOf(series.start()), series.units().length, series.sum(28),
					series.sum(365), Date.valueOf(computed.forecastStart()), json(r.mean()), json(r.lower()), json(r.upper()),
					math.leadTimeDays(), math.reviewDays(), BigDecimal.valueOf(math.serviceLevel()).setScale(4, RoundingMode.HALF_UP),
					math.z(), math.leadTimeDemand(), math.safetyStock(), reorder == null ? null : reorder.reorderPoint(),
					reorder == null ? null : reorder.orderUpTo())
			.update();
		if (reorder != null) {
			jdbc.sql("""
					update inventory.item set reorder_point = ?, order_up_to = ?, updated_at = now()
					where store_id = ? and sku = ? and (reorder_point, order_up_to) is distinct from (?, ?)""")
				.params(Math.min(reorder.reorderPoint(), MAX_LEVEL), Math.min(reorder.orderUpTo(), MAX_LEVEL), store.value(),
						computed.sku(), Math.min(reorder.reorderPoint(), MAX_LEVEL), Math.min(reorder.orderUpTo(), MAX_LEVEL))
				.update();
		}
	}

	/** The inventory module's ceiling for any quantity. */
	private static final int MAX_LEVEL = dev.shopwright.inventory.InventoryManagement.MAX_QUANTITY;

	/** The stored forecast without its history (which {@link Forecasting} adds). */
	Optional<SkuForecast> find(StoreId store, String sku) {
		return jdbc.sql("""
				select f.*, i.title from inventory.forecast f
				join inventory.item i on i.store_id = f.store_id and i.sku = f.sku
				where f.store_id = ? and f.sku = ?""")
			.params(store.value(), sku)
			.query(this::forecast).optional();
	}

	/** Worst accuracy first (highest MASE; forecasts without a MASE last), then by SKU. */
	Page<ForecastSummary> byAccuracy(StoreId store, @Nullable String cursor, int limit) {
		StringBuilder sql = new StringBuilder("""
				select f.sku, i.title, f.model, f.mase, f.units_last_28, f.reorder_point, f.order_up_to, f.safety_stock,
				  f.computed_at, coalesce(f.mase, -1) as sort_mase
				from inventory.forecast f join inventory.item i on i.store_id = f.store_id and i.sku = f.sku
				where f.store_id = ? and not i.deleted""");
		List<Object> params = new ArrayList<>(List.of(store.value()));
		if (cursor != null) {
			Cursor position = Cursor.decode(cursor, 2);
			sql.append(" and (coalesce(f.mase, -1) < ? or (coalesce(f.mase, -1) = ? and f.sku > ?))");
			double mase = Double.parseDouble(position.get(0));
			params.add(mase);
			params.add(mase);
			params.add(position.get(1));
		}
		sql.append(" order by coalesce(f.mase, -1) desc, f.sku limit ?");
		params.add(limit + 1);
		List<Object[]> rows = jdbc.sql(sql.toString()).params(params).query((rs, n) -> new Object[] { summary(rs, n),
				rs.getDouble("sort_mase") }).list();
		List<ForecastSummary> items = rows.stream().limit(limit).map(row -> (ForecastSummary) row[0]).toList();
		if (rows.size() <= limit) {
			return new Page<>(items, null);
		}
		Object[] last = rows.get(limit - 1);
		return new Page<>(items, Cursor.of(String.valueOf(last[1]), ((ForecastSummary) last[0]).sku()).encode());
	}

	private ForecastSummary summary(ResultSet rs, int n) throws SQLException {
		return new ForecastSummary(rs.getString("sku"), rs.getString("title"), ForecastModel.valueOf(rs.getString("model")),
				(Double) rs.getObject("mase"), rs.getInt("units_last_28"), (Integer) rs.getObject("reorder_point"),
				(Integer) rs.getObject("order_up_to"), rs.getDouble("safety_stock"), rs.getTimestamp("computed_at").toInstant());
	}

	private SkuForecast forecast(ResultSet rs, int n) throws SQLException {
		LocalDate start = rs.getDate("forecast_start").toLocalDate();
		double[] mean = JSON.readValue(rs.getString("forecast_mean"), double[].class);
		double[] lower = JSON.readValue(rs.getString("forecast_lower"), double[].class);
		double[] upper = JSON.readValue(rs.getString("forecast_upper"), double[].class);
		List<SkuForecast.Point> points = new ArrayList<>(mean.length);
		for (int i = 0; i < mean.length; i++) {
			points.add(new SkuForecast.Point(start.plusDays(i), round(mean[i]), round(lower[i]), round(upper[i])));
		}
		Map<String, Double> parameters = JSON.readValue(rs.getString("parameters"), new TypeReference<Map<String, Double>>() {
		});
		Date historyStart = rs.getDate("history_start");
		SkuForecast.History history = new SkuForecast.History(historyStart == null ? null : historyStart.toLocalDate(),
				rs.getInt("history_days"), rs.getInt("units_last_28"), rs.getInt("units_last_365"), List.of());
		SkuForecast.Model model = new SkuForecast.Model(ForecastModel.valueOf(rs.getString("model")), rs.getString("reason"),
				parameters, (Double) rs.getObject("mase"), (Double) rs.getObject("model_mae"),
				(Double) rs.getObject("naive_mae"), rs.getInt("held_out_days"), round(rs.getDouble("sigma")));
		SkuForecast.Reorder reorder = new SkuForecast.Reorder(rs.getInt("lead_time_days"), rs.getInt("review_days"),
				rs.getBigDecimal("service_level").doubleValue(), round(rs.getDouble("z")), round(rs.getDouble("lead_time_demand")),
				round(rs.getDouble("safety_stock")), (Integer) rs.getObject("reorder_point"),
				(Integer) rs.getObject("order_up_to"));
		return new SkuForecast(rs.getString("sku"), rs.getString("title"), history, model, reorder, points,
				rs.getTimestamp("computed_at").toInstant());
	}

	private static String json(double[] values) {
		double[] rounded = new double[values.length];
		for (int i = 0; i < values.length; i++) {
			rounded[i] = round(values[i]);
		}
		return JSON.writeValueAsString(rounded);
	}

	private static double round(double value) {
		return Math.round(value * 1000) / 1000.0;
	}

	static Timestamp now() {
		return Timestamp.from(Instant.now());
	}
}
