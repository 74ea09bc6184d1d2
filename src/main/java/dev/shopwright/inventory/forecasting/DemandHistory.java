package dev.shopwright.inventory.forecasting;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.Date;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.shopwright.shared.StoreId;

/**
 * Daily units sold per SKU: the rows of {@code inventory.demand_history} plus the ledger's sales, summed per day in the
 * store's time zone. Demand counts when it is committed (a purchase: COMMITTED, less UNCOMMITTED when an unshipped
 * unit is cancelled or removed), not when it ships; SOLD rows are sales confirmed before committed stock existed
 * (ADR 0022). Only whole days count: a series ends yesterday.
 */
@Repository
class DemandHistory {

	/** A SKU's daily sales from its first sale to {@code end}, zeros filled in. */
	record Series(String sku, @Nullable LocalDate start, LocalDate end, double[] units) {

		static Series empty(String sku, LocalDate end) {
			return new Series(sku, null, end, new double[0]);
		}

		int sum(int lastDays) {
			int sum = 0;
			for (int i = Math.max(0, units.length - lastDays); i < units.length; i++) {
				sum += (int) units[i];
			}
			return sum;
		}
	}

	/** One row to seed. */
	record Sale(String sku, LocalDate day, int units) {
	}

	private final JdbcClient jdbc;

	private final DataSource dataSource;

	DemandHistory(JdbcClient jdbc, DataSource dataSource) {
		this.jdbc = jdbc;
		this.dataSource = dataSource;
	}

	/** The series of the given SKUs up to {@code end} (inclusive), each from its first sale on. */
	Map<String, Series> series(StoreId store, Collection<String> skus, LocalDate end, ZoneId zone) {
		Map<String, List<long[]>> days = new LinkedHashMap<>();
		skus.forEach(sku -> days.put(sku, new ArrayList<>()));
		String[] wanted = skus.toArray(String[]::new);
		jdbc.sql("""
				select sku, day, sum(units)::integer as units from (
				  select sku, day, units from inventory.demand_history
				  where store_id = ? and sku = any (?) and day <= ?
				  union all
				  select sku, (created_at at time zone ?)::date,
				         case when reason = 'SOLD' then -on_hand_delta else committed_delta end from inventory.movement
				  where store_id = ? and sku = any (?) and reason in ('SOLD', 'COMMITTED', 'UNCOMMITTED')
				    and created_at < ((?::date + 1)::timestamp at time zone ?)
				) sales
				group by sku, day having sum(units) > 0
				order by sku, day""")
			.params(store.value(), wanted, Date.valueOf(end), zone.getId(), store.value(), wanted, Date.valueOf(end),
					zone.getId())
			.query(rs -> {
				days.get(rs.getString("sku")).add(new long[] { rs.getDate("day").toLocalDate().toEpochDay(), rs.getInt("units") });
			});
		Map<String, Series> result = new LinkedHashMap<>();
		days.forEach((sku, sales) -> {
			if (sales.isEmpty()) {
				result.put(sku, Series.empty(sku, end));
				return;
			}
			LocalDate start = LocalDate.ofEpochDay(sales.getFirst()[0]);
			double[] units = new double[(int) ChronoUnit.DAYS.between(start, end) + 1];
			for (long[] sale : sales) {
				units[(int) (sale[0] - start.toEpochDay())] = sale[1];
			}
			result.put(sku, new Series(sku, start, end, units));
		});
		return result;
	}

	/** The last day with a row of history, if any. */
	java.util.Optional<LocalDate> lastDay(StoreId store) {
		return jdbc.sql("select max(day) from inventory.demand_history where store_id = ?").param(store.value())
			.query((rs, n) -> rs.getDate(1)).optional().filter(java.util.Objects::nonNull).map(Date::toLocalDate);
	}

	/** The SKUs with at least one row of history. */
	java.util.Set<String> skusWithHistory(StoreId store) {
		return new java.util.HashSet<>(jdbc.sql("select distinct sku from inventory.demand_history where store_id = ?")
			.param(store.value()).query(String.class).list());
	}

	boolean hasAny(StoreId store) {
		return jdbc.sql("select exists (select 1 from inventory.demand_history where store_id = ?)")
			.param(store.value()).query(Boolean.class).single();
	}

	/**
	 * Writes many rows at once with PostgreSQL's COPY (a year for every SKU of a store is a few hundred thousand rows)
	 * on the transaction's connection.
	 */
	void insertAll(StoreId store, List<Sale> sales) {
		StringBuilder rows = new StringBuilder(sales.size() * 64);
		String storeId = store.value().toString();
		for (Sale sale : sales) {
			rows.append(storeId).append('\t').append(escape(sale.sku())).append('\t').append(sale.day()).append('\t')
				.append(sale.units()).append('\n');
		}
		Connection connection = DataSourceUtils.getConnection(dataSource);
		try {
			connection.unwrap(PGConnection.class).getCopyAPI().copyIn(
					"copy inventory.demand_history (store_id, sku, day, units) from stdin", new StringReader(rows.toString()));
		}
		catch (SQLException ex) {
			throw new IllegalStateException("could not write the demand history", ex);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		finally {
			DataSourceUtils.releaseConnection(connection, dataSource);
		}
	}

	/** COPY's text format: backslash, tab and line breaks escaped. */
	private static String escape(String value) {
		return value.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r");
	}
}
