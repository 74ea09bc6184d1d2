package dev.shopwright.checkout.shipping;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.shopwright.shared.Money;
import dev.shopwright.shared.StoreId;

/** Shipping zones with their methods and tiers; a method and its tiers are written together. */
@Repository
class ShippingZones {

	private final JdbcClient jdbc;

	ShippingZones(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<ShippingZone> all(StoreId store) {
		Map<UUID, List<ShippingTier>> tiers = new LinkedHashMap<>();
		jdbc.sql("""
				select t.method_id, t.from_value, t.to_value, t.amount, m.currency from checkout.shipping_tier t
				join checkout.shipping_method m on m.store_id = t.store_id and m.id = t.method_id
				where t.store_id = ? order by t.method_id, t.from_value""")
			.param(store.value())
			.query(rs -> {
				BigDecimal to = rs.getBigDecimal("to_value");
				tiers.computeIfAbsent(rs.getObject("method_id", UUID.class), k -> new ArrayList<>())
					.add(new ShippingTier(plain(rs.getBigDecimal("from_value")), to == null ? null : plain(to),
							money(rs.getBigDecimal("amount"), rs.getString("currency"))));
			});
		Map<UUID, List<ShippingMethod>> methods = new LinkedHashMap<>();
		jdbc.sql("select * from checkout.shipping_method where store_id = ? order by zone_id, position, name, id")
			.param(store.value())
			.query(rs -> {
				UUID id = rs.getObject("id", UUID.class);
				String currency = rs.getString("currency");
				BigDecimal freeOver = rs.getBigDecimal("free_over");
				UUID zone = rs.getObject("zone_id", UUID.class);
				methods.computeIfAbsent(zone, k -> new ArrayList<>())
					.add(new ShippingMethod(id, zone, rs.getString("name"), ShippingMethodKind.valueOf(rs.getString("kind")),
							money(rs.getBigDecimal("amount"), currency), freeOver == null ? null : money(freeOver, currency),
							tiers.getOrDefault(id, List.of()), rs.getInt("min_days"), rs.getInt("max_days"),
							rs.getString("tax_class")));
			});
		return jdbc.sql("select id, name, places from checkout.shipping_zone where store_id = ? order by created_at, id")
			.param(store.value())
			.query((rs, n) -> {
				UUID id = rs.getObject("id", UUID.class);
				return new ShippingZone(id, rs.getString("name"), List.of((String[]) rs.getArray("places").getArray()),
						methods.getOrDefault(id, List.of()));
			})
			.list();
	}

	Optional<ShippingZone> find(StoreId store, UUID id) {
		return all(store).stream().filter(z -> z.id().equals(id)).findFirst();
	}

	void insertZone(StoreId store, UUID id, String name, List<String> places) {
		jdbc.sql("insert into checkout.shipping_zone (store_id, id, name, places, created_at) values (?, ?, ?, ?, ?)")
			.params(store.value(), id, name, places.toArray(String[]::new), Timestamp.from(Instant.now())).update();
	}

	boolean updateZone(StoreId store, UUID id, String name, List<String> places) {
		return jdbc.sql("update checkout.shipping_zone set name = ?, places = ? where store_id = ? and id = ?")
			.params(name, places.toArray(String[]::new), store.value(), id).update() == 1;
	}

	boolean deleteZone(StoreId store, UUID id) {
		return jdbc.sql("delete from checkout.shipping_zone where store_id = ? and id = ?").params(store.value(), id)
			.update() == 1;
	}

	/** Inserts a method or replaces one with its tiers; false if the method (or its zone) is gone. */
	boolean saveMethod(StoreId store, ShippingMethod m, boolean isNew) {
		Object[] values = { m.name(), m.kind().name(), m.price().currency().getCurrencyCode(), m.price().amount(),
				m.freeOver() == null ? null : m.freeOver().amount(), m.minDays(), m.maxDays(), m.taxClass() };
		if (isNew) {
			int inserted = jdbc.sql("""
					insert into checkout.shipping_method (store_id, id, zone_id, name, kind, currency, amount, free_over,
					  min_days, max_days, tax_class, position, updated_at)
					select ?, ?, z.id, ?, ?, ?, ?, ?, ?, ?, ?,
					  (select count(*) from checkout.shipping_method where store_id = z.store_id and zone_id = z.id), now()
					from checkout.shipping_zone z where z.store_id = ? and z.id = ?""")
				.params(concat(new Object[] { store.value(), m.id() }, values, new Object[] { store.value(), m.zoneId() }))
				.update();
			if (inserted == 0) {
				return false;
			}
		}
		else {
			// the update locks the method row: concurrent replacements of its tiers run one after the other
			int updated = jdbc.sql("""
					update checkout.shipping_method set name = ?, kind = ?, currency = ?, amount = ?, free_over = ?,
					  min_days = ?, max_days = ?, tax_class = ?, updated_at = now()
					where store_id = ? and zone_id = ? and id = ?""")
				.params(concat(values, new Object[] { store.value(), m.zoneId(), m.id() })).update();
			if (updated == 0) {
				return false;
			}
			jdbc.sql("delete from checkout.shipping_tier where store_id = ? and method_id = ?").params(store.value(), m.id())
				.update();
		}
		for (ShippingTier tier : m.tiers()) {
			jdbc.sql("insert into checkout.shipping_tier (store_id, method_id, from_value, to_value, amount) values (?, ?, ?, ?, ?)")
				.params(store.value(), m.id(), tier.from(), tier.to(), tier.price().amount()).update();
		}
		return true;
	}

	boolean deleteMethod(StoreId store, UUID zoneId, UUID methodId) {
		return jdbc.sql("delete from checkout.shipping_method where store_id = ? and zone_id = ? and id = ?")
			.params(store.value(), zoneId, methodId).update() == 1;
	}

	private static Object[] concat(Object[]... parts) {
		List<Object> all = new ArrayList<>();
		for (Object[] part : parts) {
			all.addAll(java.util.Arrays.asList(part));
		}
		return all.toArray();
	}

	private static BigDecimal plain(BigDecimal value) {
		BigDecimal stripped = value.stripTrailingZeros();
		return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
	}

	private static Money money(BigDecimal amount, String currency) {
		Currency c = Currency.getInstance(currency);
		return new Money(amount.setScale(Math.max(c.getDefaultFractionDigits(), 0), RoundingMode.UNNECESSARY), c);
	}
}
