package dev.shopwright.inventory.domain;

import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.shopwright.inventory.Bin;
import dev.shopwright.inventory.LocationId;
import dev.shopwright.platform.BusinessRuleViolation;
import dev.shopwright.shared.StoreId;

/**
 * Bins of a location and what each holds. Bin quantities split a level's on hand; they change with ledger
 * movements that name a bin, and by moves between bins (which leave the location's figures as they are).
 */
@Repository
public class Bins {

	private final JdbcClient jdbc;

	Bins(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public void create(StoreId store, LocationId location, String code, int walkOrder) {
		try {
			jdbc.sql("insert into inventory.bin (store_id, location_id, code, walk_order) values (?, ?, ?, ?)")
				.params(store.value(), location.value(), code, walkOrder)
				.update();
		}
		catch (DuplicateKeyException e) {
			throw BusinessRuleViolation.ofField("BIN_CODE_TAKEN", "code", "This location already has a bin '%s'".formatted(code));
		}
	}

	public boolean setWalkOrder(StoreId store, LocationId location, String code, int walkOrder) {
		return jdbc.sql("update inventory.bin set walk_order = ? where store_id = ? and location_id = ? and code = ?")
			.params(walkOrder, store.value(), location.value(), code)
			.update() == 1;
	}

	public boolean exists(StoreId store, LocationId location, String code) {
		return jdbc.sql("select count(*) from inventory.bin where store_id = ? and location_id = ? and code = ?")
			.params(store.value(), location.value(), code)
			.query(Integer.class)
			.single() > 0;
	}

	/** The bins of a location in walking order, with their contents. */
	public List<Bin> all(StoreId store, LocationId location) {
		Map<String, Integer> walk = new LinkedHashMap<>();
		Map<String, List<Bin.Content>> contents = new LinkedHashMap<>();
		jdbc.sql("""
				select b.code, b.walk_order, s.sku, s.quantity from inventory.bin b
				left join inventory.bin_stock s on s.store_id = b.store_id and s.location_id = b.location_id
				  and s.bin_code = b.code and s.quantity > 0
				where b.store_id = ? and b.location_id = ? order by b.walk_order, b.code, s.sku""")
			.params(store.value(), location.value())
			.query((ResultSet rs) -> {
				String code = rs.getString("code");
				walk.put(code, rs.getInt("walk_order"));
				List<Bin.Content> list = contents.computeIfAbsent(code, c -> new ArrayList<>());
				if (rs.getString("sku") != null) {
					list.add(new Bin.Content(rs.getString("sku"), rs.getInt("quantity")));
				}
			});
		List<Bin> bins = new ArrayList<>();
		walk.forEach((code, order) -> bins.add(new Bin(location, code, order, List.copyOf(contents.get(code)))));
		return bins;
	}

	/** Per bin (walking order) the units of one SKU at a location. */
	public List<Bin.Content> forSku(StoreId store, LocationId location, String sku) {
		return jdbc.sql("""
				select s.bin_code, s.quantity from inventory.bin_stock s
				join inventory.bin b on b.store_id = s.store_id and b.location_id = s.location_id and b.code = s.bin_code
				where s.store_id = ? and s.location_id = ? and s.sku = ? and s.quantity > 0 order by b.walk_order, b.code""")
			.params(store.value(), location.value(), sku)
			.query((rs, n) -> new Bin.Content(rs.getString("bin_code"), rs.getInt("quantity")))
			.list();
	}

	public int quantity(StoreId store, LocationId location, String code, String sku) {
		return jdbc.sql("select coalesce(sum(quantity), 0) from inventory.bin_stock where store_id = ? and location_id = ? and bin_code = ? and sku = ?")
			.params(store.value(), location.value(), code, sku)
			.query(Integer.class)
			.single();
	}

	/** Takes units out of a bin; false when it holds fewer. */
	public boolean take(StoreId store, LocationId location, String code, String sku, int quantity) {
		return jdbc.sql("""
				update inventory.bin_stock set quantity = quantity - ?
				where store_id = ? and location_id = ? and bin_code = ? and sku = ? and quantity >= ?""")
			.params(quantity, store.value(), location.value(), code, sku, quantity)
			.update() == 1;
	}

	public void put(StoreId store, LocationId location, String code, String sku, int quantity) {
		jdbc.sql("""
				insert into inventory.bin_stock (store_id, location_id, bin_code, sku, quantity) values (?, ?, ?, ?, ?)
				on conflict (store_id, location_id, bin_code, sku) do update set quantity = bin_stock.quantity + excluded.quantity""")
			.params(store.value(), location.value(), code, sku, quantity)
			.update();
	}

	/** Units of the SKU at the location that are in no bin (the level row must be locked by the caller). */
	public int unbinned(StoreId store, LocationId location, String sku) {
		return jdbc.sql("""
				select l.on_hand - coalesce((select sum(quantity) from inventory.bin_stock s
				  where s.store_id = l.store_id and s.location_id = l.location_id and s.sku = l.sku), 0)
				from inventory.level l where l.store_id = ? and l.location_id = ? and l.sku = ?""")
			.params(store.value(), location.value(), sku)
			.query(Integer.class)
			.optional()
			.orElse(0);
	}
}
