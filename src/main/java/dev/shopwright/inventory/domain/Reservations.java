package dev.shopwright.inventory.domain;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.shopwright.inventory.LocationId;
import dev.shopwright.inventory.Reservation;
import dev.shopwright.inventory.Reservation.Allocation;
import dev.shopwright.inventory.Reservation.Status;
import dev.shopwright.inventory.ReservationId;
import dev.shopwright.platform.Cursor;
import dev.shopwright.shared.Page;
import dev.shopwright.shared.StoreId;

/**
 * Reservations and where their units were taken from. Status changes are conditional updates
 * ({@code … where status = 'ACTIVE'}), so that of two nodes confirming, releasing or expiring one reservation at
 * the same time exactly one wins.
 */
@Repository
public class Reservations {

	/** A reservation claimed by the expiry job of one node. */
	public record Claimed(StoreId store, ReservationId id, String reference) {
	}

	/** The stored head of a reservation (without its lines). */
	public record Head(ReservationId id, String reference, String linesKey, Status status, Instant expiresAt,
			Instant createdAt) {
	}

	private final JdbcClient jdbc;

	Reservations(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Creates the reservation unless a live one for the reference exists (then returns false). */
	public boolean insertIfNoLiveOne(StoreId store, ReservationId id, String reference, String linesKey,
			Instant expiresAt, Instant now) {
		return jdbc.sql("""
				insert into inventory.reservation (store_id, id, reference, lines_key, status, expires_at, created_at, updated_at)
				values (?, ?, ?, ?, 'ACTIVE', ?, ?, ?)
				on conflict (store_id, reference) where status in ('ACTIVE', 'CONFIRMED') do nothing""")
			.params(store.value(), id.value(), reference, linesKey, Timestamp.from(expiresAt), Timestamp.from(now),
					Timestamp.from(now))
			.update() == 1;
	}

	/** One reservation of a batch: its head and where its units come from. */
	public record NewReservation(ReservationId id, String reference, String sku, int quantity, Instant expiresAt,
			List<Allocation> allocations) {
	}

	/**
	 * Stores several single-SKU reservations and their allocations in one statement; a reservation whose reference
	 * already holds a live one is skipped (with its allocations). Returns the ids stored.
	 */
	public java.util.Set<ReservationId> insertAll(StoreId store, List<NewReservation> batch, Instant now) {
		List<UUID> ids = new ArrayList<>();
		List<String> skus = new ArrayList<>();
		List<UUID> locations = new ArrayList<>();
		List<Integer> quantities = new ArrayList<>();
		for (NewReservation r : batch) {
			for (Allocation a : r.allocations()) {
				ids.add(r.id().value());
				skus.add(r.sku());
				locations.add(a.locationId().value());
				quantities.add(a.quantity());
			}
		}
		return new java.util.HashSet<>(jdbc.sql("""
				with stored as (
				  insert into inventory.reservation (store_id, id, reference, lines_key, status, expires_at, created_at, updated_at)
				  select :store, r.id, r.reference, r.lines_key, 'ACTIVE', to_timestamp(r.expires_ms / 1000.0), :now, :now
				  from unnest(:ids, :references, :keys, :expiries) as r(id, reference, lines_key, expires_ms)
				  on conflict (store_id, reference) where status in ('ACTIVE', 'CONFIRMED') do nothing
				  returning id),
				allocated as (
				  insert into inventory.reservation_allocation (store_id, reservation_id, sku, location_id, quantity)
				  select :store, a.id, a.sku, a.location_id, a.quantity
				  from unnest(:allocationIds, :skus, :locations, :quantities) as a(id, sku, location_id, quantity)
				  where a.id in (select id from stored))
				select id from stored""")
			.param("store", store.value())
			.param("now", Timestamp.from(now))
			.param("ids", batch.stream().map(r -> r.id().value()).toArray(UUID[]::new))
			.param("references", batch.stream().map(NewReservation::reference).toArray(String[]::new))
			.param("keys", batch.stream().map(r -> r.sku() + ":" + r.quantity()).toArray(String[]::new))
			.param("expiries", batch.stream().map(r -> r.expiresAt().toEpochMilli()).toArray(Long[]::new))
			.param("allocationIds", ids.toArray(UUID[]::new))
			.param("skus", skus.toArray(String[]::new))
			.param("locations", locations.toArray(UUID[]::new))
			.param("quantities", quantities.toArray(Integer[]::new))
			.query((rs, n) -> new ReservationId(rs.getObject(1, UUID.class)))
			.list());
	}

	public Optional<Head> findLive(StoreId store, String reference) {
		return jdbc.sql("""
				select * from inventory.reservation
				where store_id = ? and reference = ? and status in ('ACTIVE', 'CONFIRMED')""")
			.params(store.value(), reference)
			.query(Reservations::head)
			.optional();
	}

	/** The confirmed reservations held under any of the references. */
	public List<ReservationId> confirmed(StoreId store, java.util.Collection<String> references) {
		return jdbc.sql("""
				select id from inventory.reservation
				where store_id = ? and reference = any (?) and status = 'CONFIRMED' order by created_at, id""")
			.params(store.value(), references.toArray(String[]::new))
			.query((rs, n) -> new ReservationId(rs.getObject(1, UUID.class)))
			.list();
	}

	public Optional<Head> find(StoreId store, ReservationId id) {
		return jdbc.sql("select * from inventory.reservation where store_id = ? and id = ?")
			.params(store.value(), id.value())
			.query(Reservations::head)
			.optional();
	}

	public void allocate(StoreId store, ReservationId id, String sku, LocationId location, int quantity) {
		jdbc.sql("""
				insert into inventory.reservation_allocation (store_id, reservation_id, sku, location_id, quantity)
				values (?, ?, ?, ?, ?)
				on conflict (store_id, reservation_id, sku, location_id)
				do update set quantity = reservation_allocation.quantity + excluded.quantity""")
			.params(store.value(), id.value(), sku, location.value(), quantity)
			.update();
	}

	/** Per SKU (in SKU order) the locations its units were taken from. */
	public Map<String, List<Allocation>> allocations(StoreId store, ReservationId id) {
		Map<String, List<Allocation>> bySku = new LinkedHashMap<>();
		jdbc.sql("""
				select a.sku, a.location_id, a.quantity
				from inventory.reservation_allocation a
				join inventory.location l on l.store_id = a.store_id and l.id = a.location_id
				where a.store_id = ? and a.reservation_id = ? order by a.sku, l.priority, l.name, l.id""")
			.params(store.value(), id.value())
			.query((ResultSet rs) -> {
				bySku.computeIfAbsent(rs.getString("sku"), sku -> new ArrayList<>())
					.add(new Allocation(new LocationId(rs.getObject("location_id", UUID.class)), rs.getInt("quantity")));
			});
		return bySku;
	}

	/**
	 * Moves an active reservation to {@code to}; false when it is no longer active (another node, call or the
	 * expiry job got there first). Confirming needs it to be unexpired as well.
	 */
	public boolean leaveActive(StoreId store, ReservationId id, Status to, Instant now, boolean mustBeUnexpired) {
		return jdbc.sql("""
				update inventory.reservation set status = ?, updated_at = ?
				where store_id = ? and id = ? and status = 'ACTIVE' and (not ? or expires_at > ?)""")
			.params(to.name(), Timestamp.from(now), store.value(), id.value(), mustBeUnexpired, Timestamp.from(now))
			.update() == 1;
	}

	/**
	 * Claims up to {@code limit} due reservations of any store by marking them expired. Rows another node is
	 * claiming are skipped, not waited for, so every due reservation is claimed by exactly one node; the claim
	 * commits together with the release of its units, so a node that dies mid-way loses nothing.
	 */
	public List<Claimed> claimDue(Instant now, int limit) {
		return jdbc.sql("""
				update inventory.reservation r set status = 'EXPIRED', updated_at = :now
				from (select store_id, id from inventory.reservation
				      where status = 'ACTIVE' and expires_at <= :now
				      order by expires_at limit :limit for update skip locked) due
				where r.store_id = due.store_id and r.id = due.id and r.status = 'ACTIVE'
				returning r.store_id, r.id, r.reference""")
			.param("now", Timestamp.from(now))
			.param("limit", limit)
			.query((rs, n) -> new Claimed(new StoreId(rs.getObject("store_id", UUID.class)),
					new ReservationId(rs.getObject("id", UUID.class)), rs.getString("reference")))
			.list();
	}

	/** Newest first; optionally only one status or one reference. */
	public Page<Head> list(StoreId store, @Nullable Status status, @Nullable String reference, @Nullable String cursor,
			int limit) {
		Cursor after = cursor == null ? null : Cursor.decode(cursor, 2);
		Timestamp createdBefore = after == null ? null : Timestamp.from(after.instant(0));
		UUID idBefore = after == null ? null : after.uuid(1);
		List<Head> rows = jdbc.sql("""
				select * from inventory.reservation
				where store_id = :store and (cast(:status as text) is null or status = :status)
				  and (cast(:reference as text) is null or reference = :reference)
				  and (cast(:createdBefore as timestamptz) is null or (created_at, id) < (:createdBefore, :idBefore))
				order by created_at desc, id desc limit :limit""")
			.param("store", store.value())
			.param("status", status == null ? null : status.name())
			.param("reference", reference)
			.param("createdBefore", createdBefore)
			.param("idBefore", idBefore)
			.param("limit", limit + 1)
			.query(Reservations::head)
			.list();
		if (rows.size() <= limit) {
			return new Page<>(rows, null);
		}
		Head last = rows.get(limit - 1);
		return new Page<>(rows.subList(0, limit), Cursor.of(last.createdAt().toString(), last.id().toString()).encode());
	}

	private static Head head(ResultSet rs, int n) throws SQLException {
		return new Head(new ReservationId(rs.getObject("id", UUID.class)), rs.getString("reference"),
				rs.getString("lines_key"), Status.valueOf(rs.getString("status")),
				rs.getTimestamp("expires_at").toInstant(), rs.getTimestamp("created_at").toInstant());
	}
}
