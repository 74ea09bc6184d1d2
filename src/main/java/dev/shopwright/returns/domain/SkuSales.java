package dev.shopwright.returns.domain;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.shopwright.orders.OrderId;
import dev.shopwright.shared.StoreId;

/** Units sold per SKU, counted once per order from OrderPlaced: the report's denominator. */
@Repository
public class SkuSales {

	private final JdbcClient jdbc;

	SkuSales(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Marks the order as counted; false when it was counted already (a redelivered event). */
	public boolean countOnce(StoreId store, OrderId order) {
		return jdbc.sql("""
				insert into returns.counted_order (store_id, order_id) values (:store, :order)
				on conflict do nothing""")
			.param("store", store.value()).param("order", order.value())
			.update() == 1;
	}

	public void add(StoreId store, String sku, String title, int quantity) {
		jdbc.sql("""
				insert into returns.sku_sales as s (store_id, sku, title, sold) values (:store, :sku, :title, :quantity)
				on conflict (store_id, sku) do update set sold = s.sold + excluded.sold, title = excluded.title""")
			.param("store", store.value()).param("sku", sku).param("title", title).param("quantity", quantity)
			.update();
	}

	public record Sold(String title, long sold) {
	}

	public Map<String, Sold> all(StoreId store) {
		Map<String, Sold> sold = new LinkedHashMap<>();
		jdbc.sql("select sku, title, sold from returns.sku_sales where store_id = :store order by sku")
			.param("store", store.value())
			.query((java.sql.ResultSet rs) -> {
				sold.put(rs.getString("sku"), new Sold(rs.getString("title"), rs.getLong("sold")));
			});
		return sold;
	}
}
