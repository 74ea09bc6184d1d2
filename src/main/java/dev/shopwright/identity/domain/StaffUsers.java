package dev.shopwright.identity.domain;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.shopwright.identity.Role;
import dev.shopwright.identity.StaffMember;
import dev.shopwright.shared.StoreId;

/** Staff accounts and their store memberships. */
@Repository
public class StaffUsers {

	public record Account(UUID id, String email, String name, String passwordHash, boolean owner, boolean active) {
	}

	private final JdbcClient jdbc;

	public StaffUsers(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public boolean anyOwner() {
		return jdbc.sql("select exists (select 1 from identity.staff_user where owner)").query(Boolean.class).single();
	}

	public Optional<Account> findAccountByEmail(String email) {
		return jdbc.sql("select id, email, name, password_hash, owner, active from identity.staff_user where email = ?")
			.param(email).query(StaffUsers::account).optional();
	}

	public Optional<Account> findAccount(UUID id) {
		return jdbc.sql("select id, email, name, password_hash, owner, active from identity.staff_user where id = ?")
			.param(id).query(StaffUsers::account).optional();
	}

	public void insert(UUID id, String email, String name, String passwordHash, boolean owner) {
		jdbc.sql("""
				insert into identity.staff_user (id, email, name, password_hash, owner, active, created_at)
				values (?, ?, ?, ?, ?, true, now())""")
			.params(id, email, name, passwordHash, owner).update();
	}

	public void recordLogin(UUID id) {
		jdbc.sql("update identity.staff_user set last_login_at = now() where id = ?").param(id).update();
	}

	public void setActive(UUID id, boolean active) {
		jdbc.sql("update identity.staff_user set active = ? where id = ?").params(active, id).update();
	}

	public void setPassword(UUID id, String passwordHash) {
		jdbc.sql("update identity.staff_user set password_hash = ? where id = ?").params(passwordHash, id).update();
	}

	/** The user's role per store. */
	public Map<StoreId, Role> memberships(UUID userId) {
		return jdbc.sql("select store_id, role from identity.store_membership where user_id = ?").param(userId)
			.query((rs, n) -> Map.entry(new StoreId(rs.getObject("store_id", UUID.class)), Role.valueOf(rs.getString("role"))))
			.list().stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
	}

	/** Creates the membership or changes its role. */
	public void putMembership(StoreId storeId, UUID userId, Role role) {
		jdbc.sql("""
				insert into identity.store_membership (store_id, user_id, role, created_at) values (?, ?, ?, now())
				on conflict (store_id, user_id) do update set role = excluded.role""")
			.params(storeId.value(), userId, role.name()).update();
	}

	public boolean removeMembership(StoreId storeId, UUID userId) {
		return jdbc.sql("delete from identity.store_membership where store_id = ? and user_id = ?")
			.params(storeId.value(), userId).update() == 1;
	}

	/** The store's staff: its members and the owner, by name. */
	public List<StaffMember> ofStore(StoreId storeId) {
		return jdbc.sql("""
				select u.id, u.email, u.name, u.owner, m.role, u.active, u.created_at, u.last_login_at
				from identity.staff_user u left join identity.store_membership m on m.user_id = u.id and m.store_id = ?
				where u.owner or m.role is not null
				order by u.owner desc, lower(u.name), u.id""")
			.param(storeId.value()).query(StaffUsers::member).list();
	}

	public Optional<StaffMember> memberOfStore(StoreId storeId, UUID userId) {
		return ofStore(storeId).stream().filter(member -> member.id().equals(userId)).findFirst();
	}

	private static Account account(ResultSet rs, int row) throws SQLException {
		return new Account(rs.getObject("id", UUID.class), rs.getString("email"), rs.getString("name"),
				rs.getString("password_hash"), rs.getBoolean("owner"), rs.getBoolean("active"));
	}

	private static StaffMember member(ResultSet rs, int row) throws SQLException {
		String role = rs.getString("role");
		return new StaffMember(rs.getObject("id", UUID.class), rs.getString("email"), rs.getString("name"),
				rs.getBoolean("owner"), rs.getBoolean("owner") ? Role.OWNER : role == null ? null : Role.valueOf(role),
				rs.getBoolean("active"), rs.getTimestamp("created_at").toInstant(), instant(rs.getTimestamp("last_login_at")));
	}

	static @Nullable Instant instant(@Nullable Timestamp timestamp) {
		return timestamp == null ? null : timestamp.toInstant();
	}
}
