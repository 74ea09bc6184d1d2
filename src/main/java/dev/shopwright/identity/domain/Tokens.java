package dev.shopwright.identity.domain;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.shopwright.identity.ApiToken;
import dev.shopwright.identity.Role;
import dev.shopwright.shared.StoreId;

/** Bearer tokens, stored only as SHA-256 hashes of their secrets. */
@Repository
public class Tokens {

	/** What a presented token resolves to. */
	public record Resolved(UUID id, String kind, @Nullable UUID userId, @Nullable StoreId storeId, @Nullable Role role,
			String name) {
	}

	private final JdbcClient jdbc;

	public Tokens(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public void insert(UUID id, String hash, String kind, @Nullable UUID userId, @Nullable StoreId storeId,
			@Nullable Role role, String name, String prefix, @Nullable UUID createdBy, @Nullable Instant expiresAt) {
		jdbc.sql("""
				insert into identity.api_token (id, token_hash, kind, user_id, store_id, role, name, prefix, created_by,
				  created_at, expires_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, now(), ?)""")
			.params(id, hash, kind, userId, storeId == null ? null : storeId.value(), role == null ? null : role.name(),
					name, prefix, createdBy, expiresAt == null ? null : Timestamp.from(expiresAt))
			.update();
	}

	/** A token that is neither revoked nor expired, and whose user (if any) is still active. */
	public Optional<Resolved> resolve(String hash) {
		return jdbc.sql("""
				select t.id, t.kind, t.user_id, t.store_id, t.role, t.name
				from identity.api_token t left join identity.staff_user u on u.id = t.user_id
				where t.token_hash = ? and t.revoked_at is null and (t.expires_at is null or t.expires_at > now())
				  and (t.user_id is null or u.active)""")
			.param(hash)
			.query((rs, n) -> new Resolved(rs.getObject("id", UUID.class), rs.getString("kind"),
					rs.getObject("user_id", UUID.class),
					rs.getObject("store_id", UUID.class) == null ? null : new StoreId(rs.getObject("store_id", UUID.class)),
					rs.getString("role") == null ? null : Role.valueOf(rs.getString("role")), rs.getString("name")))
			.optional();
	}

	/** Records use at most once a minute per token, so authenticating stays a read. */
	public void touch(UUID id) {
		jdbc.sql("update identity.api_token set last_used_at = now() where id = ? "
				+ "and (last_used_at is null or last_used_at < now() - interval '1 minute')").param(id).update();
	}

	public List<ApiToken> ofStore(StoreId storeId) {
		return jdbc.sql("""
				select id, name, role, prefix, created_at, expires_at, revoked_at, last_used_at from identity.api_token
				where kind = 'api' and store_id = ? order by created_at desc, id desc""")
			.param(storeId.value()).query(Tokens::apiToken).list();
	}

	public Optional<ApiToken> find(StoreId storeId, UUID id) {
		return jdbc.sql("""
				select id, name, role, prefix, created_at, expires_at, revoked_at, last_used_at from identity.api_token
				where kind = 'api' and store_id = ? and id = ?""")
			.params(storeId.value(), id).query(Tokens::apiToken).optional();
	}

	public boolean revoke(StoreId storeId, UUID id) {
		return jdbc.sql("update identity.api_token set revoked_at = now() where kind = 'api' and store_id = ? and id = ? "
				+ "and revoked_at is null").params(storeId.value(), id).update() == 1;
	}

	public void deleteExpiredLoginTokens() {
		jdbc.sql("delete from identity.api_token where kind = 'login' and expires_at < now() - interval '1 day'").update();
	}

	private static ApiToken apiToken(ResultSet rs, int row) throws SQLException {
		return new ApiToken(rs.getObject("id", UUID.class), rs.getString("name"), Role.valueOf(rs.getString("role")),
				rs.getString("prefix"), rs.getTimestamp("created_at").toInstant(),
				StaffUsers.instant(rs.getTimestamp("expires_at")), StaffUsers.instant(rs.getTimestamp("revoked_at")),
				StaffUsers.instant(rs.getTimestamp("last_used_at")));
	}
}
