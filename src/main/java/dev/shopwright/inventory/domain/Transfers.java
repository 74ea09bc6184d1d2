package dev.shopwright.inventory.domain;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.shopwright.inventory.LocationId;
import dev.shopwright.inventory.Transfer;
import dev.shopwright.inventory.Transfer.Status;
import dev.shopwright.platform.Cursor;
import dev.shopwright.shared.Page;
import dev.shopwright.shared.StoreId;

/** Transfers and their lines; status changes are conditional on the status they leave. */
@Repository
public class Transfers {

	private final JdbcClient jdbc;

	Transfers(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public UUID create(StoreId store, LocationId origin, LocationId destination, Map<String, Integer> lines,
			@Nullable String note) {
		UUID id = UUID.randomUUID();
		Timestamp now = Timestamp.from(Instant.now());
		for (int attempt = 0;; attempt++) {
			try {
				jdbc.sql("""
						insert into inventory.transfer (store_id, id, number, origin_id, destination_id, status, note, created_at, updated_at)
						select ?, ?, coalesce(max(number), 0) + 1, ?, ?, 'DRAFT', ?, ?, ? from inventory.transfer where store_id = ?""")
					.params(store.value(), id, origin.value(), destination.value(), note, now, now, store.value())
					.update();
				break;
			}
			catch (DuplicateKeyException e) {
				if (attempt == 5) {
					throw e; // another transfer took the number each time; give up rather than loop
				}
			}
		}
		lines.forEach((sku, quantity) -> jdbc.sql("""
				insert into inventory.transfer_line (store_id, transfer_id, sku, quantity) values (?, ?, ?, ?)""")
			.params(store.value(), id, sku, quantity)
			.update());
		return id;
	}

	public boolean lock(StoreId store, UUID id) {
		return jdbc.sql("select id from inventory.transfer where store_id = ? and id = ? for update")
			.params(store.value(), id)
			.query(UUID.class)
			.optional()
			.isPresent();
	}

	public Optional<Transfer> find(StoreId store, UUID id) {
		return jdbc.sql("select * from inventory.transfer where store_id = ? and id = ?")
			.params(store.value(), id)
			.query((rs, n) -> map(rs, lines(store, id)))
			.optional();
	}

	public Page<Transfer> list(StoreId store, @Nullable Status status, @Nullable String cursor, int limit) {
		Long before = cursor == null ? null : Cursor.decode(cursor, 1).longValue(0);
		List<Transfer> rows = jdbc.sql("""
				select * from inventory.transfer where store_id = :store
				  and (cast(:status as text) is null or status = :status)
				  and (cast(:before as bigint) is null or number < :before)
				order by number desc limit :limit""")
			.param("store", store.value())
			.param("status", status == null ? null : status.name())
			.param("before", before)
			.param("limit", limit + 1)
			.query((rs, n) -> map(rs, lines(store, rs.getObject("id", UUID.class))))
			.list();
		if (rows.size() <= limit) {
			return new Page<>(rows, null);
		}
		return new Page<>(rows.subList(0, limit), Cursor.of(Long.toString(rows.get(limit - 1).number())).encode());
	}

	/** Moves the transfer from one of {@code from} to {@code to}; false when it is in none of them (anymore). */
	public boolean move(StoreId store, UUID id, List<Status> from, Status to) {
		String stamp = switch (to) {
			case IN_TRANSIT -> ", shipped_at = :now";
			case RECEIVED -> ", received_at = :now";
			default -> "";
		};
		return jdbc.sql("""
				update inventory.transfer set status = :to, updated_at = :now %s
				where store_id = :store and id = :id and status = any (:from)""".formatted(stamp))
			.param("to", to.name())
			.param("now", Timestamp.from(Instant.now()))
			.param("store", store.value())
			.param("id", id)
			.param("from", from.stream().map(Status::name).toArray(String[]::new))
			.update() == 1;
	}

	/** Counts units as received; false when that would exceed what was sent (the database refuses it). */
	public boolean receive(StoreId store, UUID id, String sku, int quantity) {
		return jdbc.sql("""
				update inventory.transfer_line set received = received + ?
				where store_id = ? and transfer_id = ? and sku = ? and received + ? <= quantity""")
			.params(quantity, store.value(), id, sku, quantity)
			.update() == 1;
	}

	private List<Transfer.Line> lines(StoreId store, UUID id) {
		return jdbc.sql("select sku, quantity, received from inventory.transfer_line where store_id = ? and transfer_id = ? order by sku")
			.params(store.value(), id)
			.query((rs, n) -> new Transfer.Line(rs.getString("sku"), rs.getInt("quantity"), rs.getInt("received")))
			.list();
	}

	private static Transfer map(ResultSet rs, List<Transfer.Line> lines) throws SQLException {
		return new Transfer(rs.getObject("id", UUID.class), rs.getLong("number"),
				new LocationId(rs.getObject("origin_id", UUID.class)), new LocationId(rs.getObject("destination_id", UUID.class)),
				Status.valueOf(rs.getString("status")), rs.getString("note"), lines, instant(rs, "shipped_at"),
				instant(rs, "received_at"), rs.getTimestamp("created_at").toInstant());
	}

	static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp value = rs.getTimestamp(column);
		return value == null ? null : value.toInstant();
	}
}
