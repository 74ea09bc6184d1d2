package dev.shopwright.platform;

import java.util.List;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Gives PostgreSQL's planner statistics for tables that have none yet. A table filled in a fresh database (the
 * first import of a new installation) has no statistics until autovacuum gets round to it, a minute or more
 * later. Meanwhile every index that starts with {@code store_id} looks equally good to the planner, and the
 * generic plans the JDBC driver's prepared statements settle on after five runs picked ones that read the whole
 * store for each lookup: a 25,000-product import read 48 million index entries that way and spent most of its
 * PostgreSQL time there (bench/import/RESULTS.md). ANALYZE invalidates those plans on every connection.
 * <p>
 * Statistics taken while a table is tiny make a sequential scan look cheapest, and a generic plan keeps it while the
 * table grows; so a table that has grown to more than four times its size at the last ANALYZE gets new ones too
 * (autovacuum would, within a minute or so). Call it in the transaction that has just written rows to the tables:
 * ANALYZE samples the transaction's own uncommitted rows. Otherwise this is one catalog query.
 */
@Component
public class PlannerStatistics {

	private static final Logger log = LoggerFactory.getLogger(PlannerStatistics.class);

	private static final Pattern TABLE_NAME = Pattern.compile("[a-z_]+\\.[a-z_]+");

	private final JdbcClient jdbc;

	PlannerStatistics(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Analyzes those of {@code tables} (schema-qualified) that were never analyzed, only while empty, or have more
	 * than four times the pages they had then.
	 */
	public void gatherWhereMissing(String... tables) {
		for (String table : tables) {
			if (!TABLE_NAME.matcher(table).matches()) {
				throw new IllegalArgumentException("not a schema-qualified table name: " + table);
			}
		}
		List<String> missing = jdbc.sql("""
				select c.oid::regclass::text from pg_class c
				where c.oid = any (?::text[]::regclass[])
				  and (c.reltuples <= 0
				       or pg_relation_size(c.oid) > 4 * greatest(c.relpages, 1) * current_setting('block_size')::bigint)""")
			.param(tables)
			.query(String.class)
			.list();
		for (String table : missing) {
			long started = System.nanoTime();
			jdbc.sql("analyze " + table).update();
			log.info("Gathered planner statistics for {} ({} ms)", table, (System.nanoTime() - started) / 1_000_000);
		}
	}
}
