package dev.shopwright.pricing.domain;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.shopwright.platform.Cursor;
import dev.shopwright.pricing.ConversionRounding;
import dev.shopwright.pricing.ExchangeRate;
import dev.shopwright.shared.Page;
import dev.shopwright.shared.StoreId;

/** Exchange rates: an append-only history per currency; the newest entry is the current rate. */
@Repository
public class ExchangeRates {

	private static final String COLUMNS = "id, currency, rate, rounding, entered_at, entered_by";

	private final JdbcClient jdbc;

	public ExchangeRates(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public void insert(StoreId store, ExchangeRate rate) {
		jdbc.sql("insert into pricing.exchange_rate (store_id, " + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?)")
			.params(store.value(), rate.id(), rate.currency().getCurrencyCode(), rate.rate(), rate.rounding().name(),
					Timestamp.from(rate.enteredAt()), rate.enteredBy())
			.update();
	}

	public Optional<ExchangeRate> current(StoreId store, Currency currency) {
		return jdbc.sql("select " + COLUMNS + " from pricing.exchange_rate where store_id = ? and currency = ?"
				+ " order by entered_at desc, id desc limit 1")
			.params(store.value(), currency.getCurrencyCode()).query(ExchangeRates::map).optional();
	}

	/** Newest first, optionally of one currency. */
	public Page<ExchangeRate> history(StoreId store, @Nullable Currency currency, @Nullable String cursor, int limit) {
		StringBuilder sql = new StringBuilder("select " + COLUMNS + " from pricing.exchange_rate where store_id = :store");
		var params = new java.util.HashMap<String, Object>();
		params.put("store", store.value());
		if (currency != null) {
			sql.append(" and currency = :currency");
			params.put("currency", currency.getCurrencyCode());
		}
		if (cursor != null) {
			Cursor after = Cursor.decode(cursor, 2);
			sql.append(" and (entered_at, id) < (:at, :id)");
			params.put("at", Timestamp.from(after.instant(0)));
			params.put("id", after.uuid(1));
		}
		sql.append(" order by entered_at desc, id desc limit :limit");
		params.put("limit", limit + 1);
		List<ExchangeRate> rows = jdbc.sql(sql.toString()).params(params).query(ExchangeRates::map).list();
		if (rows.size() <= limit) {
			return new Page<>(rows, null);
		}
		ExchangeRate last = rows.get(limit - 1);
		return new Page<>(rows.subList(0, limit), Cursor.of(last.enteredAt().toString(), last.id().toString()).encode());
	}

	private static ExchangeRate map(ResultSet rs, int n) throws SQLException {
		return new ExchangeRate(rs.getObject("id", UUID.class), Currency.getInstance(rs.getString("currency")),
				TaxZones.plain(rs.getBigDecimal("rate")),
				ConversionRounding.valueOf(rs.getString("rounding")), rs.getTimestamp("entered_at").toInstant(),
				rs.getString("entered_by"));
	}
}
