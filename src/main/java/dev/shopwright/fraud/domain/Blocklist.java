package dev.shopwright.fraud.domain;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.shopwright.fraud.BlockType;
import dev.shopwright.fraud.BlockedValue;
import dev.shopwright.fraud.RiskCheck;
import dev.shopwright.platform.BusinessRuleViolation;
import dev.shopwright.platform.Cursor;
import dev.shopwright.shared.Page;
import dev.shopwright.shared.StoreId;

/** A store's blocked emails, email domains, IP addresses and ranges, card fingerprints and shipping countries. */
@Repository
public class Blocklist {

	/** An IP entry's network (host bits cleared); null for the other types. Its abbrev() is the value kept. */
	private static final String NETWORK = "cast(network(cast(cast(:network as text) as inet)) as inet)";

	private final JdbcClient jdbc;

	private final CardFingerprints fingerprints;

	Blocklist(JdbcClient jdbc, CardFingerprints fingerprints) {
		this.jdbc = jdbc;
		this.fingerprints = fingerprints;
	}

	/**
	 * The value as the blocklist keeps it (lower-case email and domain, upper-case country, a card number turned into
	 * its fingerprint), or a 422 {@code INVALID_BLOCKED_VALUE} naming the field {@code value}.
	 */
	public String normalise(BlockType type, String raw) {
		String value = raw.strip();
		String normalised = switch (type) {
			case EMAIL -> {
				String email = value.toLowerCase(Locale.ROOT);
				yield email.matches("[^\\s@]+@[^\\s@]+") && email.length() <= 320 ? email : null;
			}
			case EMAIL_DOMAIN -> {
				String domain = value.toLowerCase(Locale.ROOT).replaceFirst("^@", "");
				yield domain.matches("[^\\s@.]+(\\.[^\\s@.]+)+") && domain.length() <= 253 ? domain : null;
			}
			case IP -> IpAddresses.isAddressOrRange(value) ? value.toLowerCase(Locale.ROOT) : null;
			case CARD_FINGERPRINT -> value.matches("[0-9a-fA-F]{64}") ? value.toLowerCase(Locale.ROOT)
					: CardFingerprints.digitsOf(value) != null ? fingerprints.of(value) : null;
			case SHIPPING_COUNTRY -> value.matches("[A-Za-z]{2}") ? value.toUpperCase(Locale.ROOT) : null;
		};
		if (normalised == null) {
			throw BusinessRuleViolation.ofField("INVALID_BLOCKED_VALUE", "value", switch (type) {
				case EMAIL -> "enter an email address such as someone@example.com";
				case EMAIL_DOMAIN -> "enter a domain such as example.com";
				case IP -> "enter an IP address such as 203.0.113.7 or a range such as 203.0.113.0/24";
				case CARD_FINGERPRINT -> "enter a card fingerprint (64 hex characters) or the card number to fingerprint";
				case SHIPPING_COUNTRY -> "enter an ISO 3166-1 alpha-2 country code such as DE";
			});
		}
		return normalised;
	}

	/** Whether an assessment's client IP is a literal address the blocklist can hold. */
	public boolean isBlockableIp(String ip) {
		return IpAddresses.isAddress(ip);
	}

	/** Adds a normalised value; returns the new entry, or empty if the store already blocks it. */
	public Optional<BlockedValue> add(StoreId store, BlockType type, String normalisedValue, @Nullable String note,
			String createdBy) {
		UUID id = UUID.randomUUID();
		// an IP entry is kept in PostgreSQL's canonical form (203.0.113.0/24, 2001:db8::1), so a duplicate is found
		int inserted = jdbc.sql("""
				insert into fraud.blocked_value (store_id, id, type, value, network, note, created_by)
				values (:store, :id, :type, coalesce(abbrev(%1$s), :value), %1$s, :note, :createdBy)
				on conflict (store_id, type, value) do nothing""".formatted(NETWORK))
			.param("store", store.value())
			.param("id", id)
			.param("type", type.name())
			.param("value", normalisedValue)
			.param("network", type == BlockType.IP ? normalisedValue : null)
			.param("note", note == null || note.isBlank() ? null : note.strip())
			.param("createdBy", createdBy)
			.update();
		return inserted == 0 ? Optional.empty() : find(store, id);
	}

	public Optional<BlockedValue> find(StoreId store, UUID id) {
		return jdbc.sql("select * from fraud.blocked_value where store_id = :store and id = :id")
			.param("store", store.value())
			.param("id", id)
			.query(Blocklist::map)
			.optional();
	}

	/** The entry that blocks this normalised value already, if any. */
	public Optional<BlockedValue> findValue(StoreId store, BlockType type, String normalisedValue) {
		return jdbc.sql("""
				select * from fraud.blocked_value where store_id = :store and type = :type
				  and value = coalesce(abbrev(%s), :value)""".formatted(NETWORK))
			.param("store", store.value())
			.param("type", type.name())
			.param("value", normalisedValue)
			.param("network", type == BlockType.IP ? normalisedValue : null)
			.query(Blocklist::map)
			.optional();
	}

	public boolean remove(StoreId store, UUID id) {
		return jdbc.sql("delete from fraud.blocked_value where store_id = :store and id = :id")
			.param("store", store.value())
			.param("id", id)
			.update() > 0;
	}

	/** Newest first, optionally of one type; pages by (created_at, id). */
	public Page<BlockedValue> list(StoreId store, @Nullable BlockType type, @Nullable String cursor, int limit) {
		StringBuilder sql = new StringBuilder("select * from fraud.blocked_value where store_id = :store");
		Map<String, Object> params = new HashMap<>();
		params.put("store", store.value());
		if (type != null) {
			sql.append(" and type = :type");
			params.put("type", type.name());
		}
		if (cursor != null) {
			Cursor after = Cursor.decode(cursor, 2);
			sql.append(" and (created_at, id) < (:afterAt, :afterId)");
			params.put("afterAt", Timestamp.from(after.instant(0)));
			params.put("afterId", after.uuid(1));
		}
		sql.append(" order by created_at desc, id desc limit :limit");
		params.put("limit", limit + 1);
		return KeysetPages.of(jdbc.sql(sql.toString()).params(params).query(Blocklist::map).list(), limit,
				last -> Cursor.of(last.createdAt().toString(), last.id().toString()));
	}

	/** The entries the check runs into, in one indexed query (domains match themselves and their subdomains). */
	public List<BlockedValue> matching(StoreId store, RiskCheck check, @Nullable String shippingCountry) {
		String ip = IpAddresses.isAddress(check.clientIp()) ? check.clientIp() : null;
		Map<String, Object> params = new HashMap<>();
		params.put("store", store.value());
		params.put("email", check.email());
		params.put("domain", check.emailDomain() == null ? "" : check.emailDomain());
		params.put("ip", ip);
		params.put("card", check.cardFingerprint() == null ? "" : check.cardFingerprint());
		params.put("country", shippingCountry == null ? "" : shippingCountry);
		return jdbc.sql("""
				select * from fraud.blocked_value where store_id = :store and (
				     (type = 'EMAIL' and value = :email)
				  or (type = 'EMAIL_DOMAIN' and (value = :domain or right(:domain, length(value) + 1) = '.' || value))
				  or (type = 'IP' and network >>= cast(cast(:ip as text) as inet))
				  or (type = 'CARD_FINGERPRINT' and value = :card)
				  or (type = 'SHIPPING_COUNTRY' and value = :country))
				order by type, value""")
			.params(params)
			.query(Blocklist::map)
			.list();
	}

	private static BlockedValue map(ResultSet rs, int n) throws SQLException {
		return new BlockedValue(rs.getObject("id", UUID.class), BlockType.valueOf(rs.getString("type")),
				rs.getString("value"), rs.getString("note"), rs.getString("created_by"),
				rs.getTimestamp("created_at").toInstant());
	}
}
