package dev.shopwright.customers.domain;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.shopwright.customers.CustomerId;
import dev.shopwright.customers.CustomerPrincipal;
import dev.shopwright.shared.StoreId;

/**
 * Customer bearer tokens and password reset links, both kept only as SHA-256 hashes of their secrets. Using a
 * reset link is one conditional update, so two concurrent uses cannot both succeed.
 */
@Repository
public class CustomerTokens {

	private final JdbcClient jdbc;

	public CustomerTokens(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public void insertAccessToken(StoreId storeId, CustomerId customerId, String hash, Instant expiresAt) {
		jdbc.sql("""
				insert into customers.access_token (store_id, id, customer_id, token_hash, created_at, expires_at)
				values (?, ?, ?, ?, now(), ?)""")
			.params(storeId.value(), UUID.randomUUID(), customerId.value(), hash, Timestamp.from(expiresAt))
			.update();
	}

	/** A live token of an enabled customer. */
	public Optional<CustomerPrincipal> resolveAccessToken(String hash) {
		return jdbc.sql("""
				select c.store_id, c.id, c.email from customers.access_token t
				join customers.customer c on c.store_id = t.store_id and c.id = t.customer_id
				where t.token_hash = ? and t.revoked_at is null and t.expires_at > now() and c.state = 'ENABLED'""")
			.param(hash)
			.query((rs, row) -> new CustomerPrincipal(new StoreId(rs.getObject("store_id", UUID.class)),
					new CustomerId(rs.getObject("id", UUID.class)), rs.getString("email")))
			.optional();
	}

	public boolean revokeAccessToken(StoreId storeId, String hash) {
		return jdbc.sql("update customers.access_token set revoked_at = now() where store_id = ? and token_hash = ? "
				+ "and revoked_at is null").params(storeId.value(), hash).update() == 1;
	}

	/** After a password reset every earlier login ends. */
	public void revokeAllAccessTokens(StoreId storeId, CustomerId customerId) {
		jdbc.sql("update customers.access_token set revoked_at = now() where store_id = ? and customer_id = ? "
				+ "and revoked_at is null").params(storeId.value(), customerId.value()).update();
	}

	public void insertPasswordReset(StoreId storeId, CustomerId customerId, String hash, Instant expiresAt) {
		jdbc.sql("""
				insert into customers.password_reset (store_id, id, customer_id, token_hash, created_at, expires_at)
				values (?, ?, ?, ?, now(), ?)""")
			.params(storeId.value(), UUID.randomUUID(), customerId.value(), hash, Timestamp.from(expiresAt))
			.update();
	}

	/** A reset link names its account: the store and the customer. */
	public record ResetTarget(StoreId storeId, CustomerId customerId) {
	}

	/**
	 * Marks a live reset link used and names its account; empty if unknown, expired or used. The link's secret
	 * alone identifies the store, so a link works whichever host name the shopper opens it on.
	 */
	public Optional<ResetTarget> consumePasswordReset(String hash) {
		return jdbc.sql("""
				update customers.password_reset set used_at = now()
				where token_hash = ? and used_at is null and expires_at > now()
				returning store_id, customer_id""")
			.param(hash)
			.query((rs, row) -> new ResetTarget(new StoreId(rs.getObject("store_id", UUID.class)),
					new CustomerId(rs.getObject("customer_id", UUID.class))))
			.optional();
	}

	/** Whether a reset link could still be used (the page shows the form only then). */
	public boolean isPasswordResetLive(String hash) {
		return jdbc.sql("select count(*) from customers.password_reset where token_hash = ? "
				+ "and used_at is null and expires_at > now()").param(hash).query(Long.class).single() == 1;
	}

	/** Other links sent earlier stop working once one was used. */
	public void expireOtherPasswordResets(StoreId storeId, CustomerId customerId) {
		jdbc.sql("update customers.password_reset set used_at = now() where store_id = ? and customer_id = ? "
				+ "and used_at is null").params(storeId.value(), customerId.value()).update();
	}
}
