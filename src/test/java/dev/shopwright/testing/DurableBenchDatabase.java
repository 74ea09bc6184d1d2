package dev.shopwright.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

import dev.shopwright.platform.database.EmbeddedDatabaseServer;

/**
 * For benchmarks: an embedded PostgreSQL of their own with durable commits (fsync on, as Shopwright runs in
 * production, unlike the test database), and a fresh {@code bench} database on every run.
 */
public final class DurableBenchDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		EmbeddedDatabaseServer server = EmbeddedDatabaseServer.start(Path.of("target/bench/pgdata"), 0, true);
		try (Connection connection = DriverManager.getConnection(server.jdbcUrl("postgres"), "postgres", "");
				Statement statement = connection.createStatement()) {
			statement.execute("drop database if exists bench with (force)");
			statement.execute("create database bench");
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
}
