package dev.shopwright.platform.database;

import java.nio.file.Path;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the data lives. Without {@code url} (env {@code DATABASE_URL}) Shopwright starts its own embedded
 * PostgreSQL with its files under {@code embedded.dataDirectory}; with it, it connects there instead.
 */
@ConfigurationProperties("shopwright.database")
record DatabaseProperties(@Nullable String url, @Nullable String username, @Nullable String password,
		int maximumPoolSize, Embedded embedded) {

	record Embedded(Path dataDirectory, int port) {
	}
}
