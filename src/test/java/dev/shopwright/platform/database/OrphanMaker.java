package dev.shopwright.platform.database;

import java.nio.file.Path;

/**
 * Run in a separate JVM by {@link EmbeddedDatabaseServerTests}: starts the embedded server, says so, and
 * waits to be killed — leaving its PostgreSQL behind, as a crashed Shopwright would.
 */
public final class OrphanMaker {

	public static void main(String[] args) throws Exception {
		EmbeddedDatabaseServer server = EmbeddedDatabaseServer.start(Path.of(args[0]), 0);
		System.out.println("READY " + server.port());
		System.out.flush();
		Thread.sleep(Long.MAX_VALUE);
	}
}
