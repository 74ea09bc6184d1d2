package dev.shopwright.fulfillment.domain;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.Currency;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.shopwright.shared.Money;
import dev.shopwright.shared.StoreId;

/** Per store: which carriers are enabled (with their webhook secret), table rates, and customs defaults. */
@Repository
public class CarrierSettings {

	public record Account(String carrier, boolean enabled, String webhookSecret, Instant updatedAt) {
	}

	/** One weight band of a table-rate carrier's service in a zone ({@code countries} empty: everywhere else). */
	public record TableRate(UUID id, String carrier, String service, String serviceName, String zone,
			List<String> countries, int maxGrams, Money price, int transitDays) {
	}

	public record Customs(@Nullable String defaultHsCode, @Nullable String originCountry) {
	}

	private static final SecureRandom RANDOM = new SecureRandom();

	private final JdbcClient jdbc;

	CarrierSettings(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public List<Account> accounts(StoreId store) {
		return jdbc.sql("select * from fulfillment.carrier_account where store_id = :store order by carrier")
			.param("store", store.value())
			.query((rs, n) -> new Account(rs.getString("carrier"), rs.getBoolean("enabled"), rs.getString("webhook_secret"),
					rs.getTimestamp("updated_at").toInstant()))
			.list();
	}

	public Optional<Account> account(StoreId store, String carrier) {
		return accounts(store).stream().filter(a -> a.carrier().equals(carrier)).findFirst();
	}

	/** Enables or disables a carrier; the first time, a webhook secret is minted for it. */
	public Account setEnabled(StoreId store, String carrier, boolean enabled, Instant now) {
		jdbc.sql("""
				insert into fulfillment.carrier_account (store_id, carrier, enabled, webhook_secret, updated_at)
				values (:store, :carrier, :enabled, :secret, :now)
				on conflict (store_id, carrier) do update set enabled = excluded.enabled, updated_at = excluded.updated_at
				""")
			.param("store", store.value()).param("carrier", carrier).param("enabled", enabled)
			.param("secret", newSecret()).param("now", Timestamp.from(now))
			.update();
		return account(store, carrier).orElseThrow();
	}

	public Account rotateSecret(StoreId store, String carrier, Instant now) {
		jdbc.sql("update fulfillment.carrier_account set webhook_secret = :secret, updated_at = :now where store_id = :store and carrier = :carrier")
			.param("secret", newSecret()).param("now", Timestamp.from(now)).param("store", store.value())
			.param("carrier", carrier).update();
		return account(store, carrier).orElseThrow();
	}

	public List<TableRate> rates(StoreId store, String carrier) {
		return jdbc.sql("""
				select * from fulfillment.carrier_rate where store_id = :store and carrier = :carrier
				 order by service, zone, max_grams
				""")
			.param("store", store.value()).param("carrier", carrier)
			.query((rs, n) -> new TableRate(rs.getObject("id", UUID.class), rs.getString("carrier"),
					rs.getString("service"), rs.getString("service_name"), rs.getString("zone"),
					Arrays.asList((String[]) rs.getArray("countries").getArray()), rs.getInt("max_grams"),
					new Money(rs.getBigDecimal("price"), Currency.getInstance(rs.getString("currency"))),
					rs.getInt("transit_days")))
			.list();
	}

	/** Adds a band, or replaces the band of the same service, zone and weight limit. */
	public TableRate putRate(StoreId store, TableRate rate) {
		UUID id = jdbc.sql("""
				insert into fulfillment.carrier_rate (store_id, id, carrier, service, service_name, zone, countries,
				  max_grams, price, currency, transit_days)
				values (:store, :id, :carrier, :service, :serviceName, :zone, :countries, :max, :price, :currency, :days)
				on conflict (store_id, carrier, service, zone, max_grams) do update
				  set service_name = excluded.service_name, countries = excluded.countries, price = excluded.price,
				      currency = excluded.currency, transit_days = excluded.transit_days
				returning id
				""")
			.param("store", store.value()).param("id", rate.id()).param("carrier", rate.carrier())
			.param("service", rate.service()).param("serviceName", rate.serviceName()).param("zone", rate.zone())
			.param("countries", rate.countries().toArray(String[]::new)).param("max", rate.maxGrams())
			.param("price", rate.price().amount()).param("currency", rate.price().currency().getCurrencyCode())
			.param("days", rate.transitDays())
			.query(UUID.class).single();
		return rates(store, rate.carrier()).stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow();
	}

	public boolean deleteRate(StoreId store, UUID id) {
		return jdbc.sql("delete from fulfillment.carrier_rate where store_id = :store and id = :id")
			.param("store", store.value()).param("id", id).update() == 1;
	}

	public Customs customs(StoreId store) {
		return jdbc.sql("select default_hs_code, origin_country from fulfillment.settings where store_id = :store")
			.param("store", store.value())
			.query((rs, n) -> new Customs(rs.getString("default_hs_code"), rs.getString("origin_country")))
			.optional().orElse(new Customs(null, null));
	}

	public Customs setCustoms(StoreId store, Customs customs, Instant now) {
		jdbc.sql("""
				insert into fulfillment.settings (store_id, default_hs_code, origin_country, updated_at)
				values (:store, :hs, :origin, :now)
				on conflict (store_id) do update set default_hs_code = excluded.default_hs_code,
				  origin_country = excluded.origin_country, updated_at = excluded.updated_at
				""")
			.param("store", store.value()).param("hs", customs.defaultHsCode()).param("origin", customs.originCountry())
			.param("now", Timestamp.from(now)).update();
		return customs(store);
	}

	private static String newSecret() {
		byte[] bytes = new byte[24];
		RANDOM.nextBytes(bytes);
		return "whsec_" + HexFormat.of().formatHex(bytes);
	}
}
