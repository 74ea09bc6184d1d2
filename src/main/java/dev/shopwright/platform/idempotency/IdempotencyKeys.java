package dev.shopwright.platform.idempotency;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Repository;

/**
 * The stored first answers to idempotent requests. A key is claimed with one conditional insert, so of two
 * concurrent requests with the same key exactly one runs; a claim whose request died (crash) expires after
 * {@link #CLAIM_TIMEOUT} and may be taken over.
 */
@Repository
class IdempotencyKeys {

	/** Longer than any request may run, so a slow first request is never run a second time. */
	static final Duration CLAIM_TIMEOUT = Duration.ofMinutes(5);

	static final Duration RETENTION = Duration.ofHours(24);

	record Scope(UUID storeId, String caller, String key) {
	}

	record Stored(String requestHash, boolean completed, int status, @Nullable String contentType,
			byte @Nullable [] body, @Nullable String location, boolean withheld) {
	}

	private final JdbcClient jdbc;

	IdempotencyKeys(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** True when this request now owns the key; false when a record for it exists already. */
	boolean claim(Scope scope, String requestHash) {
		int inserted = jdbc.sql("""
				insert into platform.idempotency_key (store_id, caller, key, request_hash, claimed_until, created_at)
				values (?, ?, ?, ?, ?, now())
				on conflict (store_id, caller, key) do nothing""")
			.params(scope.storeId(), scope.caller(), scope.key(), requestHash,
					java.sql.Timestamp.from(Instant.now().plus(CLAIM_TIMEOUT)))
			.update();
		if (inserted == 1) {
			return true;
		}
		// a claim abandoned by a crashed request: take it over, if the body is the same
		return jdbc.sql("""
				update platform.idempotency_key set claimed_until = ?
				where store_id = ? and caller = ? and key = ? and request_hash = ?
				  and completed_at is null and claimed_until < now()""")
			.params(java.sql.Timestamp.from(Instant.now().plus(CLAIM_TIMEOUT)), scope.storeId(), scope.caller(),
					scope.key(), requestHash)
			.update() == 1;
	}

	Optional<Stored> find(Scope scope) {
		return jdbc.sql("""
				select request_hash, completed_at is not null as completed, response_status, response_content_type,
				       response_body, response_location, response_withheld
				from platform.idempotency_key where store_id = ? and caller = ? and key = ?""")
			.params(scope.storeId(), scope.caller(), scope.key())
			.query((rs, n) -> new Stored(rs.getString("request_hash"), rs.getBoolean("completed"),
					rs.getInt("response_status"), rs.getString("response_content_type"), rs.getBytes("response_body"),
					rs.getString("response_location"), rs.getBoolean("response_withheld")))
			.optional();
	}

	void complete(Scope scope, int status, @Nullable String contentType, byte[] body, @Nullable String location) {
		jdbc.sql("""
				update platform.idempotency_key
				set completed_at = now(), response_status = ?, response_content_type = ?, response_body = ?,
				    response_location = ?
				where store_id = ? and caller = ? and key = ?""")
			.params(status, contentType, body, location, scope.storeId(), scope.caller(), scope.key())
			.update();
	}

	void markWithheld(Scope scope) {
		jdbc.sql("update platform.idempotency_key set response_withheld = true where store_id = ? and caller = ? and key = ?")
			.params(scope.storeId(), scope.caller(), scope.key())
			.update();
	}

	/** A request that failed on our side may be retried with the same key: forget it. */
	void release(Scope scope) {
		jdbc.sql("delete from platform.idempotency_key where store_id = ? and caller = ? and key = ?")
			.params(scope.storeId(), scope.caller(), scope.key())
			.update();
	}

	@Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
	void forgetExpired() {
		jdbc.sql("delete from platform.idempotency_key where created_at < ?")
			.param(java.sql.Timestamp.from(Instant.now().minus(RETENTION)))
			.update();
	}
}
