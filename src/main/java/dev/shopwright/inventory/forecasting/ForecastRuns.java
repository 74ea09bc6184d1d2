package dev.shopwright.inventory.forecasting;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.shopwright.platform.Actor;
import dev.shopwright.shared.StoreId;

/** Recompute jobs in {@code inventory.forecast_run}; claims and conditional updates decide which node runs one. */
@Repository
class ForecastRuns {

	/** A job as a worker holds it. */
	record Claimed(StoreId store, UUID id, @Nullable String lastSku, int attempts) {
	}

	record StartedBy(String actorType, String actorId, String actorName) implements Actor {
	}

	private final JdbcClient jdbc;

	ForecastRuns(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Queues a job for every SKU of the store, unless one is queued or running already: then that one is the answer
	 * (the unique index on active store-wide jobs decides between two nodes asking at once).
	 */
	/** The job to follow, and whether this call queued it (false: it was already queued or running). */
	record Queued(ForecastRun run, boolean created) {
	}

	Queued queue(StoreId store, int total, Actor actor) {
		// the active job can finish between the refused insert and the read: then the insert is tried again
		for (int attempt = 0; attempt < 3; attempt++) {
			UUID id = UUID.randomUUID();
			int inserted = jdbc.sql("""
					insert into inventory.forecast_run (store_id, id, status, total, actor_type, actor_id, actor_name, created_at)
					values (?, ?, 'QUEUED', ?, ?, ?, ?, ?)
					on conflict (store_id) where sku is null and status in ('QUEUED', 'RUNNING') do nothing""")
				.params(store.value(), id, total, actor.actorType(), actor.actorId(), actor.actorName(), now())
				.update();
			Optional<ForecastRun> run = inserted == 1 ? find(store, id) : active(store);
			if (run.isPresent()) {
				return new Queued(run.get(), inserted == 1);
			}
		}
		throw new IllegalStateException("could not queue a forecast job for store " + store);
	}

	/** Records a finished one-SKU recomputation (it runs in the request, not in the background). */
	ForecastRun recordSingle(StoreId store, String sku, Actor actor) {
		UUID id = UUID.randomUUID();
		jdbc.sql("""
				insert into inventory.forecast_run (store_id, id, sku, status, total, done, actor_type, actor_id, actor_name,
				  created_at, started_at, finished_at)
				values (?, ?, ?, 'COMPLETED', 1, 1, ?, ?, ?, ?, ?, ?)""")
			.params(store.value(), id, sku, actor.actorType(), actor.actorId(), actor.actorName(), now(), now(), now())
			.update();
		return find(store, id).orElseThrow();
	}

	Optional<ForecastRun> find(StoreId store, UUID id) {
		return jdbc.sql("select * from inventory.forecast_run where store_id = ? and id = ?").params(store.value(), id)
			.query(this::run).optional();
	}

	Optional<ForecastRun> active(StoreId store) {
		return jdbc.sql("""
				select * from inventory.forecast_run where store_id = ? and sku is null and status in ('QUEUED', 'RUNNING')""")
			.param(store.value()).query(this::run).optional();
	}

	/** The store's latest store-wide job. */
	Optional<ForecastRun> latest(StoreId store) {
		return jdbc.sql("""
				select * from inventory.forecast_run where store_id = ? and sku is null order by created_at desc, id desc limit 1""")
			.param(store.value()).query(this::run).optional();
	}

	/**
	 * Takes the oldest job that waits, or whose worker stopped sending heartbeats, for this node; {@code skip locked}
	 * lets several nodes look at once without taking the same job.
	 */
	Optional<Claimed> claim(String node, Duration staleAfter) {
		return jdbc.sql("""
				update inventory.forecast_run r set status = 'RUNNING', claimed_by = :node, heartbeat_at = now(),
				  started_at = coalesce(r.started_at, now()), attempts = r.attempts + 1
				from (select store_id, id from inventory.forecast_run
				      where status = 'QUEUED' or (status = 'RUNNING' and heartbeat_at < now() - make_interval(secs => :stale))
				      order by created_at limit 1 for update skip locked) next
				where r.store_id = next.store_id and r.id = next.id
				returning r.store_id, r.id, r.last_sku, r.attempts""")
			.param("node", node)
			.param("stale", (double) staleAfter.toSeconds())
			.query((rs, n) -> new Claimed(new StoreId(rs.getObject("store_id", UUID.class)), rs.getObject("id", UUID.class),
					rs.getString("last_sku"), rs.getInt("attempts")))
			.optional();
	}

	/**
	 * Counts a batch of SKUs as done, in the transaction that stored their forecasts, so a job resumed elsewhere
	 * continues after the last committed SKU. False if this node no longer holds the job (the batch then rolls back).
	 */
	boolean progress(StoreId store, UUID id, String node, int done, int failed, String lastSku, int total) {
		return jdbc.sql("""
				update inventory.forecast_run set done = done + ?, failed = failed + ?, last_sku = ?, total = ?,
				  heartbeat_at = now()
				where store_id = ? and id = ? and claimed_by = ? and status = 'RUNNING'""")
			.params(done, failed, lastSku, total, store.value(), id, node).update() == 1;
	}

	void complete(StoreId store, UUID id, String node) {
		jdbc.sql("""
				update inventory.forecast_run set status = 'COMPLETED', finished_at = now(), claimed_by = null
				where store_id = ? and id = ? and claimed_by = ? and status = 'RUNNING'""")
			.params(store.value(), id, node).update();
	}

	void fail(StoreId store, UUID id, String failure) {
		jdbc.sql("""
				update inventory.forecast_run set status = 'FAILED', failure = ?, finished_at = now(), claimed_by = null
				where store_id = ? and id = ? and status in ('QUEUED', 'RUNNING')""")
			.params(failure.length() > 2000 ? failure.substring(0, 2000) : failure, store.value(), id).update();
	}

	/** Gives the job back (this node is stopping): the next look for work, here or elsewhere, continues it. */
	void release(StoreId store, UUID id, String node) {
		jdbc.sql("""
				update inventory.forecast_run set status = 'QUEUED', claimed_by = null, attempts = greatest(attempts - 1, 0)
				where store_id = ? and id = ? and claimed_by = ? and status = 'RUNNING'""")
			.params(store.value(), id, node).update();
	}

	List<ForecastRun> recent(StoreId store, int limit) {
		return jdbc.sql("select * from inventory.forecast_run where store_id = ? order by created_at desc, id desc limit ?")
			.params(store.value(), limit).query(this::run).list();
	}

	private ForecastRun run(ResultSet rs, int n) throws SQLException {
		return new ForecastRun(rs.getObject("id", UUID.class), rs.getString("sku"),
				ForecastRun.Status.valueOf(rs.getString("status")), rs.getInt("total"), rs.getInt("done"), rs.getInt("failed"),
				rs.getString("failure"), rs.getString("actor_name"), rs.getTimestamp("created_at").toInstant(),
				instant(rs, "started_at"), instant(rs, "finished_at"));
	}

	private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp value = rs.getTimestamp(column);
		return value == null ? null : value.toInstant();
	}

	private static Timestamp now() {
		return Timestamp.from(Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MICROS));
	}
}
