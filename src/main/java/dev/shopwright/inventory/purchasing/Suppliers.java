package dev.shopwright.inventory.purchasing;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.shopwright.platform.Cursor;
import dev.shopwright.shared.Money;
import dev.shopwright.shared.Page;
import dev.shopwright.shared.StoreId;

/** Suppliers and their SKUs; keeps {@code inventory.item.lead_time_days} equal to the primary supplier's lead time. */
@Repository
class Suppliers {

	private final JdbcClient jdbc;

	Suppliers(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Sorted by name, then id; the cursor names the last supplier seen. */
	Page<Supplier> list(StoreId store, @Nullable String cursor, int limit) {
		String after = "";
		UUID afterId = new UUID(0, 0);
		if (cursor != null) {
			Cursor decoded = Cursor.decode(cursor, 2);
			after = decoded.get(0);
			afterId = decoded.uuid(1);
		}
		List<Supplier> rows = jdbc.sql("""
				select * from inventory.supplier where store_id = ? and (name, id) > (?, ?)
				order by name, id limit ?""")
			.params(store.value(), after, afterId, limit + 1)
			.query(Suppliers::supplier)
			.list();
		String next = rows.size() > limit ? Cursor.of(rows.get(limit - 1).name(), rows.get(limit - 1).id().toString()).encode() : null;
		return new Page<>(rows.subList(0, Math.min(limit, rows.size())), next);
	}

	List<Supplier> all(StoreId store) {
		return jdbc.sql("select * from inventory.supplier where store_id = ? order by name, id")
			.param(store.value())
			.query(Suppliers::supplier)
			.list();
	}

	Optional<Supplier> find(StoreId store, UUID id) {
		return jdbc.sql("select * from inventory.supplier where store_id = ? and id = ?")
			.params(store.value(), id)
			.query(Suppliers::supplier)
			.optional();
	}

	Optional<Supplier> findByName(StoreId store, String name) {
		return jdbc.sql("select * from inventory.supplier where store_id = ? and name = ?")
			.params(store.value(), name)
			.query(Suppliers::supplier)
			.optional();
	}

	/** Inserts or (with an id that exists) updates; a name another supplier has is refused by the unique key. */
	void save(StoreId store, UUID id, String name, @Nullable String email, @Nullable String phone, Currency currency,
			int leadTimeDays, @Nullable BigDecimal minimumAmount, @Nullable Integer minimumUnits, int packSize,
			@Nullable String notes) {
		Timestamp now = Timestamp.from(Instant.now());
		try {
			jdbc.sql("""
					insert into inventory.supplier (store_id, id, name, email, phone, currency, lead_time_days,
					  minimum_order_amount, minimum_order_units, pack_size, notes, created_at, updated_at)
					values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
					on conflict (store_id, id) do update set name = excluded.name, email = excluded.email,
					  phone = excluded.phone, currency = excluded.currency, lead_time_days = excluded.lead_time_days,
					  minimum_order_amount = excluded.minimum_order_amount, minimum_order_units = excluded.minimum_order_units,
					  pack_size = excluded.pack_size, notes = excluded.notes, updated_at = excluded.updated_at""")
				.params(store.value(), id, name, email, phone, currency.getCurrencyCode(), leadTimeDays, minimumAmount,
						minimumUnits, packSize, notes, now, now)
				.update();
		}
		catch (DuplicateKeyException ex) {
			throw PurchasingProblems.supplierNameTaken(name);
		}
	}

	boolean hasPurchaseOrders(StoreId store, UUID id) {
		return jdbc.sql("select exists (select 1 from inventory.purchase_order where store_id = ? and supplier_id = ?)")
			.params(store.value(), id)
			.query(Boolean.class)
			.single();
	}

	void delete(StoreId store, UUID id) {
		List<String> primaries = jdbc.sql("select sku from inventory.supplier_sku where store_id = ? and supplier_id = ? and is_primary")
			.params(store.value(), id)
			.query(String.class)
			.list();
		jdbc.sql("delete from inventory.supplier where store_id = ? and id = ?").params(store.value(), id).update();
		primaries.forEach(sku -> syncLeadTime(store, sku));
	}

	// --- supplier SKUs ---

	List<SupplierSku> skusOf(StoreId store, UUID supplierId) {
		return jdbc.sql(SKU_SELECT + " where ss.store_id = ? and ss.supplier_id = ? order by ss.sku")
			.params(store.value(), supplierId)
			.query(Suppliers::supplierSku)
			.list();
	}

	List<SupplierSku> suppliersOf(StoreId store, String sku) {
		return jdbc.sql(SKU_SELECT + " where ss.store_id = ? and ss.sku = ? order by ss.is_primary desc, s.name")
			.params(store.value(), sku)
			.query(Suppliers::supplierSku)
			.list();
	}

	Optional<SupplierSku> supplierSku(StoreId store, UUID supplierId, String sku) {
		return jdbc.sql(SKU_SELECT + " where ss.store_id = ? and ss.supplier_id = ? and ss.sku = ?")
			.params(store.value(), supplierId, sku)
			.query(Suppliers::supplierSku)
			.optional();
	}

	/** The primary supplier's link of every SKU that has one, in SKU order. */
	List<SupplierSku> primaries(StoreId store) {
		return jdbc.sql(SKU_SELECT + " where ss.store_id = ? and ss.is_primary order by ss.sku")
			.param(store.value())
			.query(Suppliers::supplierSku)
			.list();
	}

	/** Links a SKU; making it primary here takes the primary flag from any other supplier of the SKU. */
	void saveSku(StoreId store, UUID supplierId, String sku, @Nullable String supplierCode, BigDecimal unitCost,
			int packSize, boolean primary) {
		Timestamp now = Timestamp.from(Instant.now());
		if (primary) {
			jdbc.sql("update inventory.supplier_sku set is_primary = false, updated_at = ? where store_id = ? and sku = ? and supplier_id <> ? and is_primary")
				.params(now, store.value(), sku, supplierId)
				.update();
		}
		jdbc.sql("""
				insert into inventory.supplier_sku (store_id, supplier_id, sku, supplier_code, unit_cost, pack_size, is_primary, updated_at)
				values (?, ?, ?, ?, ?, ?, ?, ?)
				on conflict (store_id, supplier_id, sku) do update set supplier_code = excluded.supplier_code,
				  unit_cost = excluded.unit_cost, pack_size = excluded.pack_size, is_primary = excluded.is_primary,
				  updated_at = excluded.updated_at""")
			.params(store.value(), supplierId, sku, supplierCode, unitCost, packSize, primary, now)
			.update();
		syncLeadTime(store, sku);
	}

	boolean removeSku(StoreId store, UUID supplierId, String sku) {
		int removed = jdbc.sql("delete from inventory.supplier_sku where store_id = ? and supplier_id = ? and sku = ?")
			.params(store.value(), supplierId, sku)
			.update();
		syncLeadTime(store, sku);
		return removed > 0;
	}

	/** The item's lead time is its primary supplier's (null when it has none: replenishment then uses its default). */
	void syncLeadTime(StoreId store, String sku) {
		jdbc.sql("""
				update inventory.item i set lead_time_days = (
				  select s.lead_time_days from inventory.supplier_sku ss
				  join inventory.supplier s on s.store_id = ss.store_id and s.id = ss.supplier_id
				  where ss.store_id = i.store_id and ss.sku = i.sku and ss.is_primary)
				where i.store_id = ? and i.sku = ?""")
			.params(store.value(), sku)
			.update();
	}

	void syncLeadTimes(StoreId store, UUID supplierId) {
		jdbc.sql("""
				update inventory.item i set lead_time_days = s.lead_time_days
				from inventory.supplier_sku ss join inventory.supplier s on s.store_id = ss.store_id and s.id = ss.supplier_id
				where i.store_id = ? and ss.store_id = i.store_id and ss.sku = i.sku and ss.is_primary and ss.supplier_id = ?""")
			.params(store.value(), supplierId)
			.update();
	}

	private static final String SKU_SELECT = """
			select ss.*, s.name as supplier_name, s.currency, i.title
			from inventory.supplier_sku ss
			join inventory.supplier s on s.store_id = ss.store_id and s.id = ss.supplier_id
			join inventory.item i on i.store_id = ss.store_id and i.sku = ss.sku""";

	private static Supplier supplier(ResultSet rs, int n) throws SQLException {
		Currency currency = Currency.getInstance(rs.getString("currency"));
		BigDecimal minimum = rs.getBigDecimal("minimum_order_amount");
		return new Supplier(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("email"),
				rs.getString("phone"), currency, rs.getInt("lead_time_days"),
				minimum == null ? null : Money.of(minimum, currency, Money.DEFAULT_ROUNDING),
				(Integer) rs.getObject("minimum_order_units"), rs.getInt("pack_size"), rs.getString("notes"),
				rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant());
	}

	private static SupplierSku supplierSku(ResultSet rs, int n) throws SQLException {
		Currency currency = Currency.getInstance(rs.getString("currency"));
		return new SupplierSku(rs.getObject("supplier_id", UUID.class), rs.getString("supplier_name"), rs.getString("sku"),
				rs.getString("title"), rs.getString("supplier_code"),
				Money.of(rs.getBigDecimal("unit_cost"), currency, Money.DEFAULT_ROUNDING), rs.getInt("pack_size"),
				rs.getBoolean("is_primary"));
	}
}
