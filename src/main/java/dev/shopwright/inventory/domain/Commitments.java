package dev.shopwright.inventory.domain;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.shopwright.inventory.LocationId;
import dev.shopwright.inventory.ReservationId;
import dev.shopwright.shared.StoreId;

/**
 * Committed units per confirmed reservation, SKU and location that are still open (ADR 0022), and the sources
 * (shipments, cancellations, edits) already settled against them. Settling is a guarded update
 * ({@code open >= n}) on rows the caller has locked, so a unit is shipped, released or moved once.
 */
@Repository
public class Commitments {

	/** Kinds of settlement that are applied once per source. */
	public enum Kind {
		SHIPPED, UNCOMMITTED
	}

	/** Open committed units of one reservation for one SKU at one location. */
	public record Open(ReservationId reservationId, String sku, LocationId locationId, int units) {
	}

	private final JdbcClient jdbc;

	Commitments(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Adds open units (a confirmation, or the target of a move). */
	public void add(StoreId store, ReservationId reservation, String sku, LocationId location, int units) {
		jdbc.sql("""
				insert into inventory.commitment (store_id, reservation_id, sku, location_id, open) values (?, ?, ?, ?, ?)
				on conflict (store_id, reservation_id, sku, location_id) do update set open = commitment.open + excluded.open""")
			.params(store.value(), reservation.value(), sku, location.value(), units)
			.update();
	}

	/** Takes {@code units} off an open row; false (nothing changed) when fewer are open. */
	public boolean settle(StoreId store, ReservationId reservation, String sku, LocationId location, int units) {
		return jdbc.sql("""
				update inventory.commitment set open = open - ?
				where store_id = ? and reservation_id = ? and sku = ? and location_id = ? and open >= ?""")
			.params(units, store.value(), reservation.value(), sku, location.value(), units)
			.update() == 1;
	}

	/**
	 * The open rows of the reservations for a SKU, locked until the transaction ends: {@code first} (if given) leads,
	 * then the locations by priority. Rows are locked in a stable order (location id) whatever the answer's order.
	 */
	public List<Open> lockOpen(StoreId store, List<ReservationId> reservations, String sku,
			@org.jspecify.annotations.Nullable LocationId first) {
		return jdbc.sql("""
				select * from (
				  select c.reservation_id, c.sku, c.location_id, c.open, l.priority, l.name
				  from inventory.commitment c
				  join inventory.location l on l.store_id = c.store_id and l.id = c.location_id
				  where c.store_id = :store and c.reservation_id = any (:reservations) and c.sku = :sku and c.open > 0
				  order by c.location_id, c.reservation_id
				  for update of c) o
				order by (o.location_id = cast(:first as uuid)) is true desc, o.priority, o.name, o.location_id, o.reservation_id""")
			.param("store", store.value())
			.param("reservations", reservations.stream().map(ReservationId::value).toArray(UUID[]::new))
			.param("sku", sku)
			.param("first", first == null ? null : first.value())
			.query((rs, n) -> new Open(new ReservationId(rs.getObject("reservation_id", UUID.class)), rs.getString("sku"),
					new LocationId(rs.getObject("location_id", UUID.class)), rs.getInt("open")))
			.list();
	}

	/** Every open row of the reservations (not locked): what an order still has committed, and where. */
	public List<Open> open(StoreId store, List<ReservationId> reservations) {
		return jdbc.sql("""
				select c.reservation_id, c.sku, c.location_id, c.open
				from inventory.commitment c
				join inventory.location l on l.store_id = c.store_id and l.id = c.location_id
				where c.store_id = ? and c.reservation_id = any (?) and c.open > 0
				order by c.sku, l.priority, l.name, l.id""")
			.params(store.value(), reservations.stream().map(ReservationId::value).toArray(UUID[]::new))
			.query((rs, n) -> new Open(new ReservationId(rs.getObject("reservation_id", UUID.class)), rs.getString("sku"),
					new LocationId(rs.getObject("location_id", UUID.class)), rs.getInt("open")))
			.list();
	}

	/**
	 * Of the given confirmed reservations, those with no commitment rows at all: confirmed before committed stock
	 * existed, when confirming took the units off on hand at once (ADR 0022). Their units count as shipped.
	 */
	public List<ReservationId> soldBeforeCommitting(StoreId store, List<ReservationId> reservations) {
		return jdbc.sql("""
				select r.id from unnest(?::uuid[]) as r(id)
				where not exists (select 1 from inventory.commitment c where c.store_id = ? and c.reservation_id = r.id)""")
			.params(reservations.stream().map(ReservationId::value).toArray(UUID[]::new), store.value())
			.query((rs, n) -> new ReservationId(rs.getObject(1, UUID.class)))
			.list();
	}

	/**
	 * Records that {@code source} was settled; false when it was already (a retry: the caller changes nothing). The
	 * primary key decides, also between nodes: a concurrent twin waits for the first one's commit and then loses.
	 */
	public boolean claim(StoreId store, Kind kind, String source) {
		return jdbc.sql("""
				insert into inventory.commitment_settlement (store_id, kind, source_id, created_at) values (?, ?, ?, ?)
				on conflict do nothing""")
			.params(store.value(), kind.name(), source, Timestamp.from(Instant.now()))
			.update() == 1;
	}
}
