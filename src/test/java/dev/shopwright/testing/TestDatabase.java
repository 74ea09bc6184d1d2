package dev.shopwright.testing;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

import dev.shopwright.platform.database.EmbeddedDatabaseServer;

/**
 * One embedded PostgreSQL for the whole test run, a fresh database for every Spring context. Each context
 * holds a lease that its data source depends on, so the server stops only after the last context has
 * closed its pool (closing it earlier would leave Spring's shutdown waiting on dead connections).
 */
public final class TestDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	private static final Path DATA_DIRECTORY = Path.of(System.getProperty("shopwright.test.pgdata", "target/test-pgdata"));

	private static final AtomicInteger DATABASES = new AtomicInteger();

	private static EmbeddedDatabaseServer server;

	private static int leases;

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		String database = "test_" + DATABASES.incrementAndGet();
		String url = createDatabase(database);
		TestPropertyValues.of("shopwright.database.url=" + url, "shopwright.database.username=postgres")
			.applyTo(context);
		Lease lease = new Lease();
		DefaultListableBeanFactory beans = (DefaultListableBeanFactory) context.getBeanFactory();
		beans.registerSingleton("testDatabaseLease", lease);
		beans.registerDisposableBean("testDatabaseLease", lease); // a registered singleton is not destroyed otherwise
		context.addBeanFactoryPostProcessor((BeanFactoryPostProcessor) beanFactory -> {
			BeanDefinition dataSource = beanFactory.getBeanDefinition("dataSource");
			dataSource.setDependsOn("testDatabaseLease");
		});
	}

	/** A JDBC URL of a new, empty database on the shared server. */
	public static synchronized String createDatabase(String database) {
		if (server == null) {
			server = EmbeddedDatabaseServer.start(DATA_DIRECTORY, 0, false); // throwaway data: no fsync
		}
		try (Connection connection = DriverManager.getConnection(server.jdbcUrl("postgres"), "postgres", "");
				Statement statement = connection.createStatement()) {
			statement.execute("drop database if exists " + database + " with (force)");
			statement.execute("create database " + database);
		}
		catch (Exception ex) {
			throw new IllegalStateException("could not create test database " + database, ex);
		}
		return server.jdbcUrl(database);
	}

	private static final class Lease implements DisposableBean {

		Lease() {
			synchronized (TestDatabase.class) {
				leases++;
			}
		}

		@Override
		public void destroy() throws Exception {
			synchronized (TestDatabase.class) {
				if (--leases == 0 && server != null) {
					server.close();
					server = null;
				}
			}
		}
	}
}
