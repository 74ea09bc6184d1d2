package dev.shopwright.stores.domain;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.shopwright.shared.Address;
import dev.shopwright.shared.StoreId;
import dev.shopwright.stores.Store;

/** The stores table: plain SQL, the database guarding unique handles and host names. */
@Repository
public class Stores {

	private static final String COLUMNS = """
			s.id, s.handle, s.name, s.default_currency, s.currencies, s.default_locale, s.locales, s.timezone,
			s.prices_include_tax, s.email, s.address_line1, s.address_line2, s.address_city, s.address_region,
			s.address_postal_code, s.address_country, s.created_at, s.updated_at,
			array(select d.host from stores.store_domain d where d.store_id = s.id order by d.host) as domains""";

	private final JdbcClient jdbc;

	public Stores(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Optional<UUID> organisationId() {
		return jdbc.sql("select id from stores.organisation order by created_at limit 1").query(UUID.class).optional();
	}

	public UUID createOrganisation(String name) {
		UUID id = UUID.randomUUID();
		jdbc.sql("insert into stores.organisation (id, name, created_at) values (?, ?, now())").params(id, name).update();
		return id;
	}

	public List<Store> all() {
		return jdbc.sql("select " + COLUMNS + " from stores.store s order by s.position, s.created_at, s.id")
			.query(Stores::map)
			.list();
	}

	public Optional<Store> find(StoreId id) {
		return jdbc.sql("select " + COLUMNS + " from stores.store s where s.id = ?").param(id.value()).query(Stores::map)
			.optional();
	}

	public Optional<Store> findByHandle(String handle) {
		return jdbc.sql("select " + COLUMNS + " from stores.store s where s.handle = ?").param(handle)
			.query(Stores::map)
			.optional();
	}

	public Optional<Store> findByHost(String host) {
		return jdbc.sql("select " + COLUMNS + " from stores.store s join stores.store_domain d on d.store_id = s.id "
				+ "where d.host = ?").param(host).query(Stores::map).optional();
	}

	public boolean handleTaken(String handle, StoreId except) {
		return jdbc.sql("select exists (select 1 from stores.store where handle = ? and id <> ?)")
			.params(handle, except.value()).query(Boolean.class).single();
	}

	public List<String> hostsTakenByOthers(List<String> hosts, StoreId except) {
		return jdbc.sql("select host from stores.store_domain where host = any (?) and store_id <> ? order by host")
			.params(hosts.toArray(String[]::new), except.value()).query(String.class).list();
	}

	public void insert(UUID organisationId, Store store) {
		jdbc.sql("""
				insert into stores.store (id, organisation_id, handle, name, default_currency, currencies, default_locale,
				  locales, timezone, prices_include_tax, email, address_line1, address_line2, address_city, address_region,
				  address_postal_code, address_country, position, created_at, updated_at)
				values (:id, :organisation, :handle, :name, :currency, :currencies, :locale, :locales, :timezone, :tax,
				  :email, :line1, :line2, :city, :region, :postalCode, :country,
				  (select coalesce(max(position), 0) + 1 from stores.store), :now, :now)""")
			.param("id", store.id().value())
			.param("organisation", organisationId)
			.params(columnValues(store))
			.param("now", Timestamp.from(store.createdAt()))
			.update();
		replaceDomains(store);
	}

	/** Writes the settings if nobody changed the row since {@code expectedUpdatedAt}; false otherwise. */
	public boolean update(Store store, Instant expectedUpdatedAt) {
		int updated = jdbc.sql("""
				update stores.store set handle = :handle, name = :name, default_currency = :currency,
				  currencies = :currencies, default_locale = :locale, locales = :locales, timezone = :timezone,
				  prices_include_tax = :tax, email = :email, address_line1 = :line1, address_line2 = :line2,
				  address_city = :city, address_region = :region, address_postal_code = :postalCode,
				  address_country = :country, updated_at = :now, version = version + 1
				where id = :id and updated_at = :expected""")
			.param("id", store.id().value())
			.params(columnValues(store))
			.param("now", Timestamp.from(store.updatedAt()))
			.param("expected", Timestamp.from(expectedUpdatedAt))
			.update();
		if (updated == 1) {
			replaceDomains(store);
		}
		return updated == 1;
	}

	private void replaceDomains(Store store) {
		jdbc.sql("delete from stores.store_domain where store_id = ?").param(store.id().value()).update();
		for (String host : store.domains()) {
			jdbc.sql("insert into stores.store_domain (host, store_id) values (?, ?)").params(host, store.id().value())
				.update();
		}
	}

	private static java.util.Map<String, Object> columnValues(Store store) {
		Address address = store.address();
		java.util.Map<String, Object> values = new java.util.HashMap<>();
		values.put("handle", store.handle());
		values.put("name", store.name());
		values.put("currency", store.defaultCurrency().getCurrencyCode());
		values.put("currencies", store.currencies().stream().map(Currency::getCurrencyCode).toArray(String[]::new));
		values.put("locale", store.defaultLocale().toLanguageTag());
		values.put("locales", store.locales().stream().map(Locale::toLanguageTag).toArray(String[]::new));
		values.put("timezone", store.timezone().getId());
		values.put("tax", store.pricesIncludeTax());
		values.put("email", store.email());
		values.put("line1", address.line1());
		values.put("line2", address.line2());
		values.put("city", address.city());
		values.put("region", address.region());
		values.put("postalCode", address.postalCode());
		values.put("country", address.country());
		return values;
	}

	private static Store map(ResultSet rs, int row) throws SQLException {
		return new Store(new StoreId(rs.getObject("id", UUID.class)), rs.getString("handle"), rs.getString("name"),
				Currency.getInstance(rs.getString("default_currency")),
				strings(rs.getArray("currencies")).stream().map(Currency::getInstance).toList(),
				Locale.forLanguageTag(rs.getString("default_locale")),
				strings(rs.getArray("locales")).stream().map(Locale::forLanguageTag).toList(),
				ZoneId.of(rs.getString("timezone")), rs.getBoolean("prices_include_tax"), rs.getString("email"),
				new Address(rs.getString("address_line1"), rs.getString("address_line2"), rs.getString("address_city"),
						rs.getString("address_region"), rs.getString("address_postal_code"),
						rs.getString("address_country")),
				strings(rs.getArray("domains")), rs.getTimestamp("created_at").toInstant(),
				rs.getTimestamp("updated_at").toInstant());
	}

	private static List<String> strings(Array array) throws SQLException {
		return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
	}
}
