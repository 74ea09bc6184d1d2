package dev.shopwright.inventory.domain;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.shopwright.inventory.Location;
import dev.shopwright.inventory.LocationDraft;
import dev.shopwright.inventory.LocationId;
import dev.shopwright.platform.BusinessRuleViolation;
import dev.shopwright.shared.Address;
import dev.shopwright.shared.StoreId;

/** The stock locations of each store. */
@Repository
public class Locations {

	private static final String DEFAULT_CODE = "main";

	private final JdbcClient jdbc;

	Locations(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Active and inactive, in reservation order: priority, then name. */
	public List<Location> all(StoreId store) {
		return jdbc.sql("select * from inventory.location where store_id = ? order by priority, name, id")
			.param(store.value())
			.query(Locations::map)
			.list();
	}

	public Optional<Location> find(StoreId store, LocationId id) {
		return jdbc.sql("select * from inventory.location where store_id = ? and id = ?")
			.params(store.value(), id.value())
			.query(Locations::map)
			.optional();
	}

	/**
	 * The store's default location, created as "Main warehouse" on first need, so that a store with one
	 * warehouse never has to name it. Two callers racing to create it both end up with the same row.
	 */
	public Location defaultLocation(StoreId store) {
		Optional<Location> existing = jdbc.sql("select * from inventory.location where store_id = ? and is_default")
			.param(store.value())
			.query(Locations::map)
			.optional();
		if (existing.isPresent()) {
			return existing.get();
		}
		Instant now = Instant.now();
		jdbc.sql("""
				insert into inventory.location (store_id, id, code, name, kind, priority, fulfils_online, is_default,
				                                active, created_at, updated_at)
				values (?, ?, ?, 'Main warehouse', 'WAREHOUSE', 0, true, true, true, ?, ?)
				on conflict do nothing""")
			.params(store.value(), UUID.randomUUID(), uniqueCode(store, DEFAULT_CODE), Timestamp.from(now), Timestamp.from(now))
			.update();
		return jdbc.sql("select * from inventory.location where store_id = ? and is_default")
			.param(store.value())
			.query(Locations::map)
			.single();
	}

	public Location create(StoreId store, LocationDraft draft) {
		Instant now = Instant.now();
		LocationId id = new LocationId(UUID.randomUUID());
		String code = draft.code() != null ? draft.code() : uniqueCode(store, slug(draft.name()));
		try {
			Address address = draft.address() != null ? draft.address() : Address.empty();
			jdbc.sql("""
					insert into inventory.location (store_id, id, code, name, kind, priority, fulfils_online, is_default,
					  active, address_line1, address_line2, address_city, address_region, address_postal_code,
					  address_country, created_at, updated_at)
					values (?, ?, ?, ?, ?, ?, ?, false, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
				.params(store.value(), id.value(), code, draft.name(),
						(draft.kind() != null ? draft.kind() : Location.Kind.WAREHOUSE).name(),
						draft.priority() != null ? draft.priority() : 100,
						draft.fulfilsOnline() != null ? draft.fulfilsOnline() : true,
						draft.active() != null ? draft.active() : true, address.line1(), address.line2(), address.city(),
						address.region(), address.postalCode(), address.country(), Timestamp.from(now), Timestamp.from(now))
				.update();
		}
		catch (DuplicateKeyException e) {
			throw codeTaken(code);
		}
		return find(store, id).orElseThrow();
	}

	public Location update(StoreId store, Location current, LocationDraft draft) {
		Address address = draft.address() != null ? draft.address() : current.address();
		String code = draft.code() != null ? draft.code() : current.code();
		try {
			jdbc.sql("""
					update inventory.location set code = ?, name = ?, kind = ?, priority = ?, fulfils_online = ?, active = ?,
					  address_line1 = ?, address_line2 = ?, address_city = ?, address_region = ?,
					  address_postal_code = ?, address_country = ?, updated_at = ?
					where store_id = ? and id = ?""")
				.params(code, draft.name() != null ? draft.name() : current.name(),
						(draft.kind() != null ? draft.kind() : current.kind()).name(),
						draft.priority() != null ? draft.priority() : current.priority(),
						draft.fulfilsOnline() != null ? draft.fulfilsOnline() : current.fulfilsOnline(),
						draft.active() != null ? draft.active() : current.active(), address.line1(), address.line2(),
						address.city(), address.region(), address.postalCode(), address.country(),
						Timestamp.from(Instant.now()), store.value(), current.id().value())
				.update();
		}
		catch (DuplicateKeyException e) {
			throw codeTaken(code);
		}
		return find(store, current.id()).orElseThrow();
	}

	/** Makes this location the default one; the partial unique index allows only one per store. */
	public void makeDefault(StoreId store, LocationId id) {
		jdbc.sql("update inventory.location set is_default = false where store_id = ? and is_default and id <> ?")
			.params(store.value(), id.value())
			.update();
		jdbc.sql("update inventory.location set is_default = true where store_id = ? and id = ?")
			.params(store.value(), id.value())
			.update();
	}

	/** Deletes a location that never held stock and is not the default; false otherwise. */
	public boolean deleteUnused(StoreId store, LocationId id) {
		return jdbc.sql("""
				delete from inventory.location l where l.store_id = :store and l.id = :id and not l.is_default
				  and not exists (select 1 from inventory.level v where v.store_id = l.store_id and v.location_id = l.id)
				  and not exists (select 1 from inventory.bin b where b.store_id = l.store_id and b.location_id = l.id)
				  and not exists (select 1 from inventory.transfer t where t.store_id = l.store_id
				                  and (t.origin_id = l.id or t.destination_id = l.id))
				  and not exists (select 1 from inventory.count_sheet c where c.store_id = l.store_id and c.location_id = l.id)""")
			.param("store", store.value())
			.param("id", id.value())
			.update() == 1;
	}

	private String uniqueCode(StoreId store, String base) {
		String code = base.isEmpty() ? "location" : base;
		for (int i = 2; exists(store, code); i++) {
			code = base + "-" + i;
		}
		return code;
	}

	private boolean exists(StoreId store, String code) {
		return jdbc.sql("select count(*) from inventory.location where store_id = ? and code = ?")
			.params(store.value(), code)
			.query(Integer.class)
			.single() > 0;
	}

	private static String slug(String name) {
		String slug = name.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
		return slug.length() > 40 ? slug.substring(0, 40).replaceAll("-+$", "") : slug;
	}

	private static BusinessRuleViolation codeTaken(String code) {
		return BusinessRuleViolation.ofField("LOCATION_CODE_TAKEN", "code", "Another location already has the code '%s'".formatted(code));
	}

	private static Location map(ResultSet rs, int n) throws SQLException {
		return new Location(new LocationId(rs.getObject("id", UUID.class)), rs.getString("code"), rs.getString("name"),
				Location.Kind.valueOf(rs.getString("kind")), rs.getInt("priority"), rs.getBoolean("fulfils_online"),
				rs.getBoolean("is_default"), rs.getBoolean("active"),
				new Address(rs.getString("address_line1"), rs.getString("address_line2"), rs.getString("address_city"),
						rs.getString("address_region"), rs.getString("address_postal_code"),
						rs.getString("address_country")),
				rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant());
	}
}
