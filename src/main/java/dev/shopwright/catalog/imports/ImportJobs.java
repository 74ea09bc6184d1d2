package dev.shopwright.catalog.imports;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.shopwright.platform.Actor;
import dev.shopwright.platform.Cursor;
import dev.shopwright.shared.Page;
import dev.shopwright.shared.StoreId;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Import jobs, their files and their issues in {@code catalog.import_*}; claims guard which node runs a job. */
@Repository
class ImportJobs {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** A job as a worker holds it. */
	record Claimed(StoreId store, UUID id, ImportFormat format, int productsDone, int rowsDone, int attempts,
			Actor startedBy) {
	}

	/** One line of the error report. */
	record ErrorRow(int line, String column, String product, String message) {
	}

	record StartedBy(String actorType, String actorId, String actorName) implements Actor {
	}

	private final JdbcClient jdbc;

	ImportJobs(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(StoreId store, UUID id, ImportFormat format, String fileName, long fileBytes, int totalRows,
			List<ColumnNote> notes, Actor actor, byte[] gzippedContent) {
		jdbc.sql("""
				insert into catalog.import_job (store_id, id, format, file_name, file_bytes, status, total_rows, notes,
				  actor_type, actor_id, actor_name, created_at)
				values (?, ?, ?, ?, ?, 'QUEUED', ?, ?::jsonb, ?, ?, ?, ?)""")
			.params(store.value(), id, format.name(), fileName, fileBytes, totalRows, JSON.writeValueAsString(notes),
					actor.actorType(), actor.actorId(), actor.actorName(), now())
			.update();
		jdbc.sql("insert into catalog.import_file (store_id, job_id, content) values (?, ?, ?)")
			.params(store.value(), id, gzippedContent).update();
	}

	Optional<ImportJob> find(StoreId store, UUID id) {
		return jdbc.sql(SELECT + " where j.store_id = ? and j.id = ?").params(store.value(), id).query(this::job).optional();
	}

	/** Newest first. */
	Page<ImportJob> recent(StoreId store, @Nullable String cursor, int limit) {
		StringBuilder sql = new StringBuilder(SELECT + " where j.store_id = ?");
		List<Object> params = new ArrayList<>(List.of(store.value()));
		if (cursor != null) {
			Cursor position = Cursor.decode(cursor, 2);
			sql.append(" and (j.created_at, j.id) < (?, ?)");
			params.add(Timestamp.from(position.instant(0)));
			params.add(position.uuid(1));
		}
		sql.append(" order by j.created_at desc, j.id desc limit ?");
		params.add(limit + 1);
		List<ImportJob> rows = jdbc.sql(sql.toString()).params(params).query(this::job).list();
		if (rows.size() <= limit) {
			return new Page<>(rows, null);
		}
		ImportJob last = rows.get(limit - 1);
		return new Page<>(rows.subList(0, limit), Cursor.of(last.createdAt().toString(), last.id().toString()).encode());
	}

	/**
	 * Takes the oldest job that waits, or whose worker stopped sending heartbeats (a crashed node), for this node.
	 * {@code skip locked} lets several nodes claim at once without taking the same job.
	 */
	Optional<Claimed> claim(String node, Duration staleAfter) {
		return jdbc.sql("""
				update catalog.import_job j set status = 'RUNNING', claimed_by = :node, heartbeat_at = now(),
				  started_at = coalesce(j.started_at, now()), attempts = j.attempts + 1
				from (select store_id, id from catalog.import_job
				      where status = 'QUEUED' or (status = 'RUNNING' and heartbeat_at < now() - make_interval(secs => :stale))
				      order by created_at limit 1 for update skip locked) next
				where j.store_id = next.store_id and j.id = next.id
				returning j.store_id, j.id, j.format, j.products_done, j.rows_done, j.attempts, j.actor_type, j.actor_id,
				  j.actor_name""")
			.param("node", node)
			.param("stale", (double) staleAfter.toSeconds())
			.query((rs, n) -> new Claimed(new StoreId(rs.getObject("store_id", UUID.class)), rs.getObject("id", UUID.class),
					ImportFormat.valueOf(rs.getString("format")), rs.getInt("products_done"), rs.getInt("rows_done"),
					rs.getInt("attempts"),
					new StartedBy(rs.getString("actor_type"), rs.getString("actor_id"), rs.getString("actor_name"))))
			.optional();
	}

	/**
	 * Lets this transaction commit without waiting for its WAL to reach the disk. Safe for import transactions: the
	 * job's progress commits in the same transaction as the product, so if a crash loses the last few commits, the
	 * job resumes before them and imports those products again; nothing is counted that is not there.
	 */
	void commitWithoutWaitingForDisk() {
		jdbc.sql("set local synchronous_commit = off").update();
	}

	boolean heartbeat(StoreId store, UUID id, String node) {
		return jdbc.sql("update catalog.import_job set heartbeat_at = now() where store_id = ? and id = ? and claimed_by = ? "
				+ "and status = 'RUNNING'").params(store.value(), id, node).update() == 1;
	}

	/**
	 * Counts a batch of products as done, in the transaction that wrote them, so that a resumed job continues exactly
	 * after the last product that was committed. False if this node no longer holds the job.
	 */
	boolean productsDone(StoreId store, UUID id, String node, int products, int rows, int created, int updated,
			int failed, int errors) {
		return jdbc.sql("""
				update catalog.import_job set rows_done = rows_done + ?, products_done = products_done + ?,
				  created_count = created_count + ?, updated_count = updated_count + ?, failed_count = failed_count + ?,
				  error_count = error_count + ?, heartbeat_at = now()
				where store_id = ? and id = ? and claimed_by = ? and status = 'RUNNING'""")
			.params(rows, products, created, updated, failed, errors, store.value(), id, node).update() == 1;
	}

	void addIssues(StoreId store, UUID job, String severity, String product, List<Issue> issues) {
		for (Issue issue : issues) {
			jdbc.sql("""
					insert into catalog.import_issue (store_id, job_id, severity, line, column_name, product, message)
					values (?, ?, ?, ?, ?, ?, ?)""")
				.params(store.value(), job, severity, issue.line(), issue.column(), truncate(product, 300),
						truncate(issue.message(), 2000))
				.update();
		}
	}

	void complete(StoreId store, UUID id, String node) {
		jdbc.sql("""
				update catalog.import_job set status = 'COMPLETED', finished_at = now(), claimed_by = null
				where store_id = ? and id = ? and claimed_by = ? and status = 'RUNNING'""")
			.params(store.value(), id, node).update();
		jdbc.sql("delete from catalog.import_file where store_id = ? and job_id = ?").params(store.value(), id).update();
	}

	void fail(StoreId store, UUID id, String failure) {
		jdbc.sql("""
				update catalog.import_job set status = 'FAILED', failure = ?, finished_at = now(), claimed_by = null
				where store_id = ? and id = ? and status in ('QUEUED', 'RUNNING')""")
			.params(truncate(failure, 2000), store.value(), id).update();
		jdbc.sql("delete from catalog.import_file where store_id = ? and job_id = ?").params(store.value(), id).update();
	}

	/** Gives a job back (this node is shutting down): the next node or start continues where it stopped. */
	void release(StoreId store, UUID id, String node) {
		jdbc.sql("""
				update catalog.import_job set status = 'QUEUED', claimed_by = null, attempts = greatest(attempts - 1, 0)
				where store_id = ? and id = ? and claimed_by = ? and status = 'RUNNING'""")
			.params(store.value(), id, node).update();
	}

	Optional<byte[]> content(StoreId store, UUID id) {
		return jdbc.sql("select content from catalog.import_file where store_id = ? and job_id = ?")
			.params(store.value(), id).query(byte[].class).optional();
	}

	/** The job's errors in line order, streamed (a file can have a million of them). */
	void errors(StoreId store, UUID id, Consumer<ErrorRow> sink) {
		jdbc.sql("""
				select line, column_name, product, message from catalog.import_issue
				where store_id = ? and job_id = ? and severity = 'ERROR' order by line, seq""")
			.params(store.value(), id)
			.query((ResultSet rs) -> {
				while (rs.next()) {
					sink.accept(new ErrorRow(rs.getInt("line"), rs.getString("column_name"), rs.getString("product"),
							rs.getString("message")));
				}
				return null;
			});
	}

	private static final String SELECT = """
			select j.*, (select coalesce(jsonb_agg(jsonb_build_object('column', w.column_name, 'values', w.n, 'reason', w.message)
			               order by w.first_line), '[]'::jsonb)
			             from (select column_name, message, count(*) n, min(line) first_line from catalog.import_issue i
			                   where i.store_id = j.store_id and i.job_id = j.id and i.severity = 'WARNING'
			                   group by column_name, message) w) as warnings
			from catalog.import_job j""";

	private ImportJob job(ResultSet rs, int row) throws SQLException {
		List<ImportJob.Note> notes = new ArrayList<>();
		TypeReference<List<ColumnNote>> type = new TypeReference<>() {
		};
		// columns without a place in the catalog, counted when the file was checked
		JSON.readValue(rs.getString("notes"), type)
			.forEach(n -> notes.add(new ImportJob.Note(n.column(), n.values(), n.reason(), n.describe())));
		// values left out while products were read, by column and reason
		JSON.readValue(rs.getString("warnings"), type)
			.forEach(n -> notes.add(new ImportJob.Note(n.column(), n.values(), n.reason(), n.column() + ": " + n.reason() + " ("
					+ n.values() + (n.values() == 1 ? " row)" : " rows)"))));
		UUID id = rs.getObject("id", UUID.class);
		return new ImportJob(id, ImportFormat.valueOf(rs.getString("format")), rs.getString("file_name"),
				rs.getLong("file_bytes"), ImportJob.Status.valueOf(rs.getString("status")), rs.getInt("total_rows"),
				rs.getInt("rows_done"), rs.getInt("created_count"), rs.getInt("updated_count"), rs.getInt("failed_count"),
				rs.getInt("error_count"), notes, rs.getString("failure"), rs.getString("actor_name"),
				rs.getTimestamp("created_at").toInstant(), instant(rs, "started_at"), instant(rs, "finished_at"),
				"/api/admin/v1/imports/" + id + "/errors.csv");
	}

	private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp value = rs.getTimestamp(column);
		return value == null ? null : value.toInstant();
	}

	private static Timestamp now() {
		return Timestamp.from(Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MICROS));
	}

	private static String truncate(String value, int max) {
		return value.length() <= max ? value : value.substring(0, max - 1) + "…";
	}
}
