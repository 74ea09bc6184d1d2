package dev.shopwright.platform.database;

import java.net.URI;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/**
 * One data source: the external PostgreSQL named by {@code DATABASE_URL}, or else the embedded one.
 * The pool depends on the embedded server, so on shutdown Spring closes the pool first and the server last.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnExpression("'${shopwright.database.url:}'.isBlank()")
	static class Embedded {

		@Bean(destroyMethod = "close")
		EmbeddedDatabaseServer embeddedDatabaseServer(DatabaseProperties properties) {
			return EmbeddedDatabaseServer.start(properties.embedded().dataDirectory(), properties.embedded().port());
		}

		/** Takes the server as a parameter so that Spring knows the order: pool closed first, server last. */
		@Bean(destroyMethod = "close")
		HikariDataSource dataSource(DatabaseProperties properties, EmbeddedDatabaseServer server) {
			return pool(properties, server.jdbcUrl("postgres"), "postgres", null);
		}
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnExpression("!'${shopwright.database.url:}'.isBlank()")
	static class External {

		@Bean(destroyMethod = "close")
		HikariDataSource dataSource(DatabaseProperties properties) {
			ExternalDatabase external = ExternalDatabase.parse(properties.url(), properties.username(),
					properties.password());
			return pool(properties, external.jdbcUrl(), external.username(), external.password());
		}
	}

	private static HikariDataSource pool(DatabaseProperties properties, String url, @Nullable String username,
			@Nullable String password) {
		HikariConfig config = new HikariConfig();
		config.setPoolName("shopwright");
		config.setMaximumPoolSize(properties.maximumPoolSize());
		config.setJdbcUrl(url);
		config.setUsername(username);
		config.setPassword(password);
		return new HikariDataSource(config);
	}

	/** Accepts both {@code jdbc:postgresql://host/db} and the common {@code postgres://user:pass@host/db}. */
	record ExternalDatabase(String jdbcUrl, @Nullable String username, @Nullable String password) {

		static ExternalDatabase parse(@Nullable String url, @Nullable String username, @Nullable String password) {
			if (url == null || url.isBlank()) {
				throw new DatabaseUnavailable("DATABASE_URL is empty.", "Set it, or unset it to use the embedded PostgreSQL.");
			}
			String user = blankToNull(username);
			String secret = blankToNull(password);
			if (url.startsWith("jdbc:postgresql:")) {
				return new ExternalDatabase(url, user, secret);
			}
			if (url.startsWith("postgres://") || url.startsWith("postgresql://")) {
				URI uri = URI.create(url);
				String userInfo = uri.getRawUserInfo();
				if (userInfo != null && user == null) {
					String[] parts = userInfo.split(":", 2);
					user = decode(parts[0]);
					if (parts.length > 1 && secret == null) {
						secret = decode(parts[1]);
					}
				}
				String port = uri.getPort() > 0 ? ":" + uri.getPort() : "";
				String query = uri.getRawQuery() != null ? "?" + uri.getRawQuery() : "";
				return new ExternalDatabase("jdbc:postgresql://" + uri.getHost() + port + uri.getRawPath() + query, user,
						secret);
			}
			throw new DatabaseUnavailable("DATABASE_URL is not a PostgreSQL URL: it must start with jdbc:postgresql:// "
					+ "or postgres://", "Example: DATABASE_URL=postgres://shop:secret@db.example.com:5432/shopwright");
		}

		private static @Nullable String blankToNull(@Nullable String value) {
			return value == null || value.isBlank() ? null : value;
		}

		private static String decode(String value) {
			return java.net.URLDecoder.decode(value, java.nio.charset.StandardCharsets.UTF_8);
		}
	}
}
