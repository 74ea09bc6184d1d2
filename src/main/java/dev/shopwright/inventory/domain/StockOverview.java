package dev.shopwright.inventory.domain;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.shopwright.inventory.LocationId;
import dev.shopwright.inventory.StockSummary;
import dev.shopwright.platform.Cursor;
import dev.shopwright.shared.Page;
import dev.shopwright.shared.StoreId;

/** The stock overview: every tracked SKU with its totals, searchable and filterable, paged by SKU. */
@Repository
public class StockOverview {

	private final JdbcClient jdbc;

	StockOverview(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Page<StockSummary> page(StoreId store, @Nullable String query, StockSummary.Filter filter,
			@Nullable LocationId location, @Nullable String cursor, int limit) {
		String after = cursor == null ? null : Cursor.decode(cursor, 1).get(0);
		String like = query == null || query.isBlank() ? null
				: "%" + query.trim().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
		List<StockSummary> rows = jdbc.sql("""
				select * from (
				  select i.sku, i.title, i.reorder_point,
				    coalesce(sum(l.on_hand), 0) as on_hand, coalesce(sum(l.reserved), 0) as reserved,
				    coalesce(sum(l.committed), 0) as committed,
				    coalesce(sum(l.on_hand - l.reserved - l.committed - l.safety_stock), 0) as available,
				    coalesce(sum(l.on_hand - l.reserved - l.committed - l.safety_stock) filter (where loc.active and loc.fulfils_online), 0) as online,
				    coalesce(sum(l.incoming), 0) as incoming
				  from inventory.item i
				  left join inventory.level l on l.store_id = i.store_id and l.sku = i.sku
				    and (cast(:location as uuid) is null or l.location_id = :location)
				  left join inventory.location loc on loc.store_id = l.store_id and loc.id = l.location_id
				  where i.store_id = :store and not i.deleted
				    and (cast(:after as text) is null or i.sku > :after)
				    and (cast(:like as text) is null or i.sku ilike :like or i.title ilike :like or i.barcode = :query)
				  group by i.sku, i.title, i.reorder_point) s
				where :filter = 'ALL'
				   or (:filter = 'OUT' and s.online <= 0)
				   or (:filter = 'LOW' and s.online > 0 and s.reorder_point is not null and s.online <= s.reorder_point)
				order by s.sku limit :limit""")
			.param("store", store.value())
			.param("location", location == null ? null : location.value())
			.param("after", after)
			.param("like", like)
			.param("query", query == null ? "" : query.trim())
			.param("filter", filter.name())
			.param("limit", limit + 1)
			.query((rs, n) -> new StockSummary(rs.getString("sku"), rs.getString("title"), rs.getInt("on_hand"),
					rs.getInt("reserved"), rs.getInt("committed"), rs.getInt("available"), rs.getInt("online"), rs.getInt("incoming"),
					(Integer) rs.getObject("reorder_point")))
			.list();
		if (rows.size() <= limit) {
			return new Page<>(rows, null);
		}
		return new Page<>(rows.subList(0, limit), Cursor.of(rows.get(limit - 1).sku()).encode());
	}
}
