package dev.shopwright.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Map;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

import dev.shopwright.platform.database.EmbeddedDatabaseServer;

/**
 * For benchmarks: an embedded PostgreSQL of their own with durable commits (fsync on, as Shopwright runs in
 * production, unlike the test database), and a fresh {@code bench} database on every run. {@code pg_stat_statements} is
 * loaded so that a benchmark can list the statements PostgreSQL spent its time on ({@link #topStatements}).
 */
public final class DurableBenchDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		EmbeddedDatabaseServer server = EmbeddedDatabaseServer.start(Path.of("target/bench/pgdata"), 0, true,
				Map.of("shared_preload_libraries", "pg_stat_statements", "pg_stat_statements.track", "all"));
		try (Connection connection = DriverManager.getConnection(server.jdbcUrl("postgres"), "postgres", "");
				Statement statement = connection.createStatement()) {
			statement.execute("drop database if exists bench with (force)");
			statement.execute("create database bench");
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
		try (Connection connection = DriverManager.getConnection(server.jdbcUrl("bench"), "postgres", "");
				Statement statement = connection.createStatement()) {
			statement.execute("create extension pg_stat_statements");
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
		TestPropertyValues.of("shopwright.database.url=" + server.jdbcUrl("bench"), "shopwright.database.username=postgres")
			.applyTo(context);
		DisposableBean stop = () -> {
			try {
				server.close();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		};
		var beans = (DefaultListableBeanFactory) context.getBeanFactory();
		beans.registerSingleton("benchDatabase", stop);
		beans.registerDisposableBean("benchDatabase", stop);
		context.addBeanFactoryPostProcessor(factory -> factory.getBeanDefinition("dataSource").setDependsOn("benchDatabase"));
	}

	/** Forgets the statement statistics gathered so far (before the part of a benchmark that is measured). */
	public static void resetStatements(org.springframework.jdbc.core.simple.JdbcClient jdbc) {
		jdbc.sql("select pg_stat_statements_reset()").query().singleRow();
	}

	/** The statements with the most execution time since the last reset, one a line: total ms, calls, rows, text. */
	public static String topStatements(org.springframework.jdbc.core.simple.JdbcClient jdbc, int limit) {
		StringBuilder text = new StringBuilder();
		jdbc.sql("""
				select total_exec_time, calls, rows, total_plan_time,
				       regexp_replace(query, '\\s+', ' ', 'g') as query
				from pg_stat_statements
				where dbid = (select oid from pg_database where datname = current_database())
				order by total_exec_time desc limit :limit""")
			.param("limit", limit)
			.query((rs, n) -> text.append("%9.0f ms %8d calls %9d rows  %s%n".formatted(rs.getDouble(1), rs.getLong(2),
					rs.getLong(3), abbreviate(rs.getString(5)))))
			.list();
		Double all = jdbc.sql("""
				select sum(total_exec_time) from pg_stat_statements
				where dbid = (select oid from pg_database where datname = current_database())""").query(Double.class).single();
		return text.append("%9.0f ms in all statements%n".formatted(all == null ? 0 : all)).toString();
	}

	/** CPU time of this JVM so far (application and, in a benchmark, its load generator). */
	public static java.time.Duration jvmCpu() {
		return ProcessHandle.current().info().totalCpuDuration().orElse(java.time.Duration.ZERO);
	}

	/** CPU time of the benchmark's PostgreSQL: the postmaster and every backend and worker process it started. */
	public static java.time.Duration databaseCpu() {
		try {
			long pid = Long.parseLong(java.nio.file.Files.readAllLines(Path.of("target/bench/pgdata/postmaster.pid"))
				.getFirst()
				.strip());
			ProcessHandle postmaster = ProcessHandle.of(pid).orElseThrow();
			return java.util.stream.Stream.concat(java.util.stream.Stream.of(postmaster), postmaster.descendants())
				.map(p -> p.info().totalCpuDuration().orElse(java.time.Duration.ZERO))
				.reduce(java.time.Duration.ZERO, java.time.Duration::plus);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String abbreviate(String query) {
		return query.length() <= 160 ? query : query.substring(0, 157) + "...";
	}
}
