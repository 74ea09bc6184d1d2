package dev.shopwright.inventory.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.shopwright.inventory.LocationId;
import dev.shopwright.inventory.StockValuation;
import dev.shopwright.shared.Money;
import dev.shopwright.shared.StoreId;

/** Stock value at weighted average cost, summed in the database. */
@Repository
public class Valuations {

	private final JdbcClient jdbc;

	Valuations(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Values are rounded to the currency's scale once, per location and SKU line, half-up. */
	public StockValuation valuation(StoreId store, @Nullable LocationId location, int topSkus) {
		UUID only = location == null ? null : location.value();
		List<StockValuation.LocationValue> locations = jdbc.sql("""
				select l.location_id, loc.name, l.cost_currency, sum(l.on_hand) as units,
				       sum(l.on_hand * l.average_cost) as value
				from inventory.level l join inventory.location loc on loc.store_id = l.store_id and loc.id = l.location_id
				where l.store_id = :store and l.on_hand > 0 and l.average_cost is not null
				  and (cast(:location as uuid) is null or l.location_id = :location)
				group by l.location_id, loc.name, loc.priority, l.cost_currency
				order by loc.priority, loc.name, l.cost_currency""")
			.param("store", store.value())
			.param("location", only)
			.query((rs, n) -> new StockValuation.LocationValue(new LocationId(rs.getObject("location_id", UUID.class)),
					rs.getString("name"), rs.getInt("units"), money(rs.getBigDecimal("value"), rs.getString("cost_currency"))))
			.list();
		Map<String, Money> totals = new TreeMap<>();
		locations.forEach(l -> totals.merge(l.value().currency().getCurrencyCode(), l.value(), Money::plus));
		List<StockValuation.SkuValue> skus = jdbc.sql("""
				select l.sku, i.title, l.location_id, loc.name, l.on_hand, l.average_cost, l.cost_currency,
				       l.on_hand * l.average_cost as value
				from inventory.level l
				join inventory.location loc on loc.store_id = l.store_id and loc.id = l.location_id
				join inventory.item i on i.store_id = l.store_id and i.sku = l.sku
				where l.store_id = :store and l.on_hand > 0 and l.average_cost is not null
				  and (cast(:location as uuid) is null or l.location_id = :location)
				order by value desc, l.sku, loc.name limit :limit""")
			.param("store", store.value())
			.param("location", only)
			.param("limit", topSkus)
			.query((rs, n) -> new StockValuation.SkuValue(rs.getString("sku"), rs.getString("title"),
					new LocationId(rs.getObject("location_id", UUID.class)), rs.getString("name"), rs.getInt("on_hand"),
					money(rs.getBigDecimal("average_cost"), rs.getString("cost_currency")),
					money(rs.getBigDecimal("value"), rs.getString("cost_currency"))))
			.list();
		int uncosted = jdbc.sql("""
				select coalesce(sum(on_hand), 0) from inventory.level
				where store_id = :store and on_hand > 0 and average_cost is null
				  and (cast(:location as uuid) is null or location_id = :location)""")
			.param("store", store.value())
			.param("location", only)
			.query(Integer.class)
			.single();
		return new StockValuation(locations, List.copyOf(totals.values()), skus, uncosted);
	}

	private static Money money(BigDecimal amount, String currency) {
		return Money.of(amount, Currency.getInstance(currency), RoundingMode.HALF_UP);
	}
}
