package dev.shopwright.inventory.domain;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.shopwright.inventory.CountSheet;
import dev.shopwright.inventory.CountSheet.Status;
import dev.shopwright.inventory.LocationId;
import dev.shopwright.platform.Cursor;
import dev.shopwright.shared.Page;
import dev.shopwright.shared.StoreId;

/** Count sheets; every edit is conditional on the version it was made on. */
@Repository
public class CountSheets {

	private final JdbcClient jdbc;

	CountSheets(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A new sheet with the SKUs and their expected figures now: on hand at the location, or in the bin. */
	public UUID create(StoreId store, LocationId location, @Nullable String binCode, @Nullable List<String> onlySkus,
			@Nullable String note) {
		UUID id = UUID.randomUUID();
		Timestamp now = Timestamp.from(Instant.now());
		for (int attempt = 0;; attempt++) {
			try {
				jdbc.sql("""
						insert into inventory.count_sheet (store_id, id, number, location_id, bin_code, status, note, created_at, updated_at)
						select ?, ?, coalesce(max(number), 0) + 1, ?, ?, 'COUNTING', ?, ?, ? from inventory.count_sheet where store_id = ?""")
					.params(store.value(), id, location.value(), binCode, note, now, now, store.value())
					.update();
				break;
			}
			catch (DuplicateKeyException e) {
				if (attempt == 5) {
					throw e;
				}
			}
		}
		String[] skus = onlySkus == null ? null : onlySkus.toArray(String[]::new);
		if (binCode == null) {
			jdbc.sql("""
					insert into inventory.count_line (store_id, sheet_id, sku, expected)
					select l.store_id, :sheet, l.sku, l.on_hand from inventory.level l
					join inventory.item i on i.store_id = l.store_id and i.sku = l.sku and not i.deleted
					where l.store_id = :store and l.location_id = :location
					  and (cast(:skus as text[]) is null or l.sku = any (:skus))
					  and (cast(:skus as text[]) is not null or l.on_hand <> 0 or l.reserved <> 0 or l.committed <> 0)""")
				.param("sheet", id).param("store", store.value()).param("location", location.value()).param("skus", skus)
				.update();
		}
		else {
			jdbc.sql("""
					insert into inventory.count_line (store_id, sheet_id, sku, expected)
					select s.store_id, :sheet, s.sku, s.quantity from inventory.bin_stock s
					where s.store_id = :store and s.location_id = :location and s.bin_code = :bin
					  and (cast(:skus as text[]) is null or s.sku = any (:skus))""")
				.param("sheet", id).param("store", store.value()).param("location", location.value()).param("bin", binCode)
				.param("skus", skus)
				.update();
		}
		if (skus != null) {
			// SKUs asked for that have no stock here yet are expected at zero
			jdbc.sql("""
					insert into inventory.count_line (store_id, sheet_id, sku, expected)
					select :store, :sheet, s, 0 from unnest(cast(:skus as text[])) s on conflict do nothing""")
				.param("store", store.value()).param("sheet", id).param("skus", skus)
				.update();
		}
		return id;
	}

	public Optional<CountSheet> find(StoreId store, UUID id) {
		return jdbc.sql("select * from inventory.count_sheet where store_id = ? and id = ?")
			.params(store.value(), id)
			.query((rs, n) -> map(rs, lines(store, id)))
			.optional();
	}

	public Page<CountSheet> list(StoreId store, @Nullable String cursor, int limit) {
		Long before = cursor == null ? null : Cursor.decode(cursor, 1).longValue(0);
		List<CountSheet> rows = jdbc.sql("""
				select * from inventory.count_sheet where store_id = :store
				  and (cast(:before as bigint) is null or number < :before)
				order by number desc limit :limit""")
			.param("store", store.value())
			.param("before", before)
			.param("limit", limit + 1)
			.query((rs, n) -> map(rs, lines(store, rs.getObject("id", UUID.class))))
			.list();
		if (rows.size() <= limit) {
			return new Page<>(rows, null);
		}
		return new Page<>(rows.subList(0, limit), Cursor.of(Long.toString(rows.get(limit - 1).number())).encode());
	}

	/**
	 * Claims the next version of a sheet that is still being counted: false when the sheet has moved on from
	 * {@code version} (someone else saved it meanwhile) or is no longer counting.
	 */
	public boolean bump(StoreId store, UUID id, int version, @Nullable Status to) {
		return jdbc.sql("""
				update inventory.count_sheet set version = version + 1, updated_at = :now,
				  status = coalesce(cast(:to as text), status),
				  approved_at = case when cast(:to as text) = 'APPROVED' then :now else approved_at end
				where store_id = :store and id = :id and version = :version and status = 'COUNTING'""")
			.param("now", Timestamp.from(Instant.now()))
			.param("to", to == null ? null : to.name())
			.param("store", store.value())
			.param("id", id)
			.param("version", version)
			.update() == 1;
	}

	public boolean setCounted(StoreId store, UUID id, String sku, @Nullable Integer counted) {
		return jdbc.sql("update inventory.count_line set counted = ? where store_id = ? and sheet_id = ? and sku = ?")
			.params(counted, store.value(), id, sku)
			.update() == 1;
	}

	private List<CountSheet.Line> lines(StoreId store, UUID id) {
		return jdbc.sql("""
				select c.sku, coalesce(i.title, c.sku) as title, c.expected, c.counted from inventory.count_line c
				left join inventory.item i on i.store_id = c.store_id and i.sku = c.sku
				where c.store_id = ? and c.sheet_id = ? order by c.sku""")
			.params(store.value(), id)
			.query((rs, n) -> new CountSheet.Line(rs.getString("sku"), rs.getString("title"), rs.getInt("expected"),
					(Integer) rs.getObject("counted")))
			.list();
	}

	private static CountSheet map(ResultSet rs, List<CountSheet.Line> lines) throws SQLException {
		return new CountSheet(rs.getObject("id", UUID.class), rs.getLong("number"),
				new LocationId(rs.getObject("location_id", UUID.class)), rs.getString("bin_code"),
				Status.valueOf(rs.getString("status")), rs.getInt("version"), rs.getString("note"), lines,
				rs.getTimestamp("created_at").toInstant(), Transfers.instant(rs, "approved_at"));
	}
}
