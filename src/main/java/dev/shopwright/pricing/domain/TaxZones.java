package dev.shopwright.pricing.domain;

import java.math.BigDecimal;
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

import dev.shopwright.pricing.TaxRate;
import dev.shopwright.pricing.TaxZone;
import dev.shopwright.shared.StoreId;

/** Tax zones with their rates; a zone and its rates are written together. */
@Repository
public class TaxZones {

	private final JdbcClient jdbc;

	public TaxZones(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	private record ZoneRow(UUID id, String name, String country, @Nullable String region, @Nullable String from,
			@Nullable String to, @Nullable String prefix) {
	}

	/** Zones by country, region and postcodes (stable order), rates in their stacking order. */
	public List<TaxZone> all(StoreId store) {
		List<ZoneRow> zones = jdbc.sql("""
				select id, name, country, region, postcode_from, postcode_to, postcode_prefix from pricing.tax_zone
				where store_id = ? order by country, region nulls first, postcode_from nulls first, postcode_prefix nulls first, id""")
			.param(store.value())
			.query((rs, n) -> new ZoneRow(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("country"),
					rs.getString("region"), rs.getString("postcode_from"), rs.getString("postcode_to"),
					rs.getString("postcode_prefix")))
			.list();
		Map<UUID, List<TaxRate>> rates = new LinkedHashMap<>();
		jdbc.sql("""
				select r.zone_id, r.id, c.code, r.name, r.percent, r.compound from pricing.tax_rate r
				join pricing.tax_class c on c.store_id = r.store_id and c.id = r.tax_class_id
				where r.store_id = ? order by r.zone_id, c.code, r.position""")
			.param(store.value())
			.query(rs -> {
				rates.computeIfAbsent(rs.getObject("zone_id", UUID.class), k -> new ArrayList<>())
					.add(new TaxRate(rs.getObject("id", UUID.class), rs.getString("code"), rs.getString("name"),
							plain(rs.getBigDecimal("percent")),
							rs.getBoolean("compound")));
			});
		return zones.stream().map(z -> new TaxZone(z.id(), z.name(), z.country(), z.region(), z.from(), z.to(), z.prefix(),
				rates.getOrDefault(z.id(), List.of()))).toList();
	}

	/** 19.0000 → 19, 8.8750 → 8.875. */
	static BigDecimal plain(BigDecimal value) {
		BigDecimal stripped = value.stripTrailingZeros();
		return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
	}

	public Optional<TaxZone> find(StoreId store, UUID id) {
		return all(store).stream().filter(z -> z.id().equals(id)).findFirst();
	}

	/** Inserts or replaces the zone's fields and all its rates; false if an existing zone is gone. */
	public boolean save(StoreId store, TaxZone zone, boolean isNew, Map<String, UUID> classIds) {
		if (isNew) {
			jdbc.sql("""
					insert into pricing.tax_zone (store_id, id, name, country, region, postcode_from, postcode_to,
					  postcode_prefix, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
				.params(store.value(), zone.id(), zone.name(), zone.country(), zone.region(), zone.postcodeFrom(),
						zone.postcodeTo(), zone.postcodePrefix(), Timestamp.from(Instant.now()))
				.update();
		}
		else {
			// the update locks the zone row, so two concurrent replacements of its rates run one after the other
			int updated = jdbc.sql("""
					update pricing.tax_zone set name = ?, country = ?, region = ?, postcode_from = ?, postcode_to = ?,
					  postcode_prefix = ? where store_id = ? and id = ?""")
				.params(zone.name(), zone.country(), zone.region(), zone.postcodeFrom(), zone.postcodeTo(),
						zone.postcodePrefix(), store.value(), zone.id())
				.update();
			if (updated == 0) {
				return false;
			}
			jdbc.sql("delete from pricing.tax_rate where store_id = ? and zone_id = ?").params(store.value(), zone.id())
				.update();
		}
		Map<String, Integer> positions = new LinkedHashMap<>();
		for (TaxRate rate : zone.rates()) {
			int position = positions.merge(rate.taxClass(), 1, Integer::sum) - 1;
			jdbc.sql("""
					insert into pricing.tax_rate (store_id, id, zone_id, tax_class_id, name, percent, compound, position)
					values (?, ?, ?, ?, ?, ?, ?, ?)""")
				.params(store.value(), rate.id(), zone.id(), classIds.get(rate.taxClass()), rate.name(), rate.percent(),
						rate.compound(), position)
				.update();
		}
		return true;
	}

	public boolean delete(StoreId store, UUID id) {
		return jdbc.sql("delete from pricing.tax_zone where store_id = ? and id = ?").params(store.value(), id)
			.update() == 1;
	}
}
