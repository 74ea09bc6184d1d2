package dev.shopwright.search.domain;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.shopwright.search.Availability;
import dev.shopwright.shared.StoreId;

/**
 * The search module's copy of each indexed variant's sellability: its SKU, inventory policy (from the catalog)
 * and the units inventory last reported as available online (null for a variant without a SKU: not tracked).
 */
@Repository
public class VariantStock {

	/** One variant as the indexer writes it. */
	public record Row(UUID variantId, int position, @Nullable String sku, String policy, @Nullable Integer preorderLimit,
			@Nullable Integer availableOnline) {

		public Availability availability() {
			return Availability.of(sku == null ? null : availableOnline, policy, preorderLimit);
		}
	}

	private final JdbcClient jdbc;

	private final JdbcTemplate batch;

	public VariantStock(JdbcClient jdbc, JdbcTemplate batch) {
		this.jdbc = jdbc;
		this.batch = batch;
	}

	/** Replaces the variant rows of the given products (their variants may have been added, removed or renamed). */
	public void replace(StoreId store, Map<UUID, List<Row>> byProduct) {
		if (byProduct.isEmpty()) {
			return;
		}
		jdbc.sql("delete from search.variant_stock where store_id = ? and product_id = any (?)")
			.params(store.value(), byProduct.keySet().toArray(UUID[]::new)).update();
		List<Object[]> rows = new java.util.ArrayList<>();
		byProduct.forEach((product, variants) -> variants.forEach(v -> rows.add(new Object[] { store.value(),
				v.variantId(), product, v.position(), v.sku(), v.policy(), v.preorderLimit(), v.availableOnline() })));
		// a SKU that moved to another product in the same change: the newer row wins
		batch.batchUpdate("""
				insert into search.variant_stock (store_id, variant_id, product_id, position, sku, policy, preorder_limit,
				  available_online) values (?, ?, ?, ?, ?, ?, ?, ?)
				on conflict (store_id, variant_id) do update set product_id = excluded.product_id,
				  position = excluded.position, sku = excluded.sku, policy = excluded.policy,
				  preorder_limit = excluded.preorder_limit, available_online = excluded.available_online""", rows);
	}

	public void deleteProduct(StoreId store, UUID product) {
		jdbc.sql("delete from search.variant_stock where store_id = ? and product_id = ?").params(store.value(), product)
			.update();
	}

	/** What changed when inventory reports a SKU's units: its product and the variant's availability before and after. */
	public record Update(UUID productId, Availability before, Availability after) {
	}

	/** Notes that a SKU's stock changed; many notes of one SKU before the worker reads them are one row. */
	public void stockChanged(StoreId store, String sku) {
		jdbc.sql("insert into search.stock_change (store_id, sku) values (?, ?) on conflict do nothing")
			.params(store.value(), sku).update();
	}

	/**
	 * Takes up to {@code limit} noted SKUs of one store (rows another node is taking are skipped), to be read from
	 * inventory in the same transaction: a change noted meanwhile adds its row again and is read next time.
	 */
	public Map<StoreId, List<String>> takeStockChanges(int limit) {
		Map<StoreId, List<String>> result = new java.util.LinkedHashMap<>();
		jdbc.sql("""
				delete from search.stock_change where (store_id, sku) in (
				  select store_id, sku from search.stock_change limit ? for update skip locked)
				returning store_id, sku""")
			.param(limit)
			.query(rs -> {
				result.computeIfAbsent(new StoreId(rs.getObject(1, UUID.class)), k -> new java.util.ArrayList<>())
					.add(rs.getString(2));
			});
		return result;
	}

	/**
	 * Records the units inventory reports now for some SKUs (a SKU missing from the map has none); returns the
	 * variants whose availability changed.
	 */
	public List<Update> setAvailable(StoreId store, List<String> skus, Map<String, Integer> available) {
		List<Object[]> rows = skus.stream().map(sku -> new Object[] { sku, available.getOrDefault(sku, 0) }).toList();
		return jdbc.sql("""
				update search.variant_stock v set available_online = n.available
				from (select * from unnest(?::text[], ?::integer[]) as n (sku, available)) n,
				     (select variant_id, available_online from search.variant_stock
				      where store_id = ? and sku = any (?::text[])) old
				where v.store_id = ? and v.sku = n.sku and old.variant_id = v.variant_id
				  and v.available_online is distinct from n.available
				returning v.product_id, old.available_online, n.available, v.policy, v.preorder_limit""")
			.params(rows.stream().map(r -> r[0]).toArray(String[]::new), rows.stream().map(r -> r[1]).toArray(Integer[]::new),
					store.value(), skus.toArray(String[]::new), store.value())
			.query((rs, n) -> {
				Integer limit = (Integer) rs.getObject(5);
				return new Update(rs.getObject(1, UUID.class),
						Availability.of((Integer) rs.getObject(2), rs.getString(4), limit),
						Availability.of(rs.getInt(3), rs.getString(4), limit));
			})
			.list();
	}

	/** Whether each product has a sellable variant. */
	public Map<UUID, Boolean> inStock(StoreId store, java.util.Collection<UUID> products) {
		Map<UUID, Boolean> result = new java.util.HashMap<>();
		jdbc.sql("""
				select product_id, sku, available_online, policy, preorder_limit from search.variant_stock
				where store_id = ? and product_id = any (?)""")
			.params(store.value(), products.toArray(UUID[]::new))
			.query(rs -> {
				Availability a = Availability.of(rs.getString(2) == null ? null : (Integer) rs.getObject(3),
						rs.getString(4), (Integer) rs.getObject(5));
				result.merge(rs.getObject(1, UUID.class), a.sellable(), Boolean::logicalOr);
			});
		return result;
	}

	/** The product a SKU belongs to, for sales lines. */
	public Map<String, UUID> productsOf(StoreId store, Collection<String> skus) {
		Map<String, UUID> result = new java.util.HashMap<>();
		jdbc.sql("select sku, product_id from search.variant_stock where store_id = ? and sku = any (?)")
			.params(store.value(), skus.toArray(String[]::new))
			.query(rs -> {
				result.put(rs.getString(1), rs.getObject(2, UUID.class));
			});
		return result;
	}

	/** The availability of each variant of a product, by variant id. */
	public Map<UUID, Availability> ofProduct(StoreId store, UUID product) {
		Map<UUID, Availability> result = new java.util.LinkedHashMap<>();
		jdbc.sql("""
				select variant_id, sku, available_online, policy, preorder_limit from search.variant_stock
				where store_id = ? and product_id = ? order by position""")
			.params(store.value(), product)
			.query(rs -> {
				result.put(rs.getObject(1, UUID.class), Availability.of(rs.getString(2) == null ? null
						: (Integer) rs.getObject(3), rs.getString(4), (Integer) rs.getObject(5)));
			});
		return result;
	}
}
