package dev.shopwright.search.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.shopwright.shared.StoreId;

/** Units sold per order and product (ADR 0023): what the best-selling sort counts over its window. */
@Repository
public class ProductSales {

	private final JdbcClient jdbc;

	private final JdbcTemplate batch;

	public ProductSales(JdbcClient jdbc, JdbcTemplate batch) {
		this.jdbc = jdbc;
		this.batch = batch;
	}

	/** Records an order's units per product once (a redelivered event changes nothing). */
	public void record(StoreId store, UUID order, Map<UUID, Integer> unitsByProduct, LocalDate soldOn) {
		batch.batchUpdate("""
				insert into search.order_sale (store_id, order_id, product_id, units, sold_on) values (?, ?, ?, ?, ?)
				on conflict (store_id, order_id, product_id) do nothing""",
				unitsByProduct.entrySet().stream().filter(e -> e.getValue() > 0)
					.map(e -> new Object[] { store.value(), order, e.getKey(), e.getValue(), soldOn }).toList());
	}

	/** Takes a cancelled order's units out of the counts; returns its products. */
	public List<UUID> cancel(StoreId store, UUID order) {
		return jdbc.sql("""
				update search.order_sale set cancelled = true where store_id = ? and order_id = ? and not cancelled
				returning product_id""")
			.params(store.value(), order).query(UUID.class).list();
	}

	public boolean any(StoreId store) {
		return jdbc.sql("select exists (select 1 from search.order_sale where store_id = ?)").param(store.value())
			.query(Boolean.class).single();
	}
}
