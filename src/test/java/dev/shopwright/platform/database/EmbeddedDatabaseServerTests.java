package dev.shopwright.platform.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded PostgreSQL keeps data across restarts, recovers from a crash, and fails with a clear message. */
class EmbeddedDatabaseServerTests {

	@TempDir
	Path home;

	@Test
	void dataSurvivesARestart() throws Exception {
		Path data = home.resolve("pgdata");
		try (EmbeddedDatabaseServer server = EmbeddedDatabaseServer.start(data, 0)) {
			execute(server, "create table kept (value text)", "insert into kept values ('still here')");
		}
		try (EmbeddedDatabaseServer server = EmbeddedDatabaseServer.start(data, 0)) {
			assertThat(queryString(server, "select value from kept")).isEqualTo("still here");
		}
	}

	@Test
	void theApplicationsServerIsCrashSafe() throws Exception {
		try (EmbeddedDatabaseServer server = EmbeddedDatabaseServer.start(home.resolve("pgdata"), 0)) {
			assertThat(queryString(server, "show fsync")).isEqualTo("on");
			assertThat(queryString(server, "show synchronous_commit")).isEqualTo("on");
			assertThat(queryString(server, "show full_page_writes")).isEqualTo("on");
		}
	}

	@Test
	void theExtensionsForSearchAreAvailable() throws Exception {
		try (EmbeddedDatabaseServer server = EmbeddedDatabaseServer.start(home.resolve("pgdata"), 0)) {
			execute(server, "create extension pg_trgm", "create extension unaccent", "create extension citext");
			assertThat(queryString(server, "select unaccent('Crème Brûlée')")).isEqualTo("Creme Brulee");
			assertThat(queryString(server, "select (similarity('shopwright', 'shopwright') = 1)::text")).isEqualTo("true");
		}
	}

	@Test
	void aServerOrphanedByACrashedProcessIsStoppedAndTheDataReused() throws Exception {
		Path data = home.resolve("pgdata");
		String java = ProcessHandle.current().info().command().orElse("java");
		Process crashed = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
				OrphanMaker.class.getName(), data.toString()).redirectErrorStream(true).start();
		BufferedReader output = new BufferedReader(new InputStreamReader(crashed.getInputStream()));
		String line;
		int port = -1;
		while ((line = output.readLine()) != null) {
			if (line.startsWith("READY ")) {
				port = Integer.parseInt(line.substring(6).trim());
				break;
			}
		}
		assertThat(port).as("the other JVM started its server").isPositive();
		try (Connection connection = DriverManager.getConnection("jdbc:postgresql://localhost:" + port + "/postgres",
				"postgres", ""); Statement statement = connection.createStatement()) {
			statement.execute("create table survived (value text)");
			statement.execute("insert into survived values ('yes')");
		}
		crashed.destroyForcibly().waitFor(30, TimeUnit.SECONDS); // SIGKILL: no shutdown hooks, PostgreSQL left running
		long orphanPid = Long.parseLong(Files.readAllLines(data.resolve("postmaster.pid")).getFirst().trim());
		assertThat(ProcessHandle.of(orphanPid).map(ProcessHandle::isAlive)).contains(true);

		try (EmbeddedDatabaseServer server = EmbeddedDatabaseServer.start(data, 0)) {
			assertThat(queryString(server, "select value from survived")).isEqualTo("yes");
			assertThat(ProcessHandle.of(orphanPid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
		}
	}

	@Test
	void aStalePidFileNamingADeadProcessIsIgnored() throws Exception {
		Path data = home.resolve("pgdata");
		EmbeddedDatabaseServer.start(data, 0).close();
		Process dead = new ProcessBuilder("true").start();
		dead.waitFor();
		Files.writeString(data.resolve("postmaster.pid"), dead.pid() + "\n" + data + "\n");
		try (EmbeddedDatabaseServer server = EmbeddedDatabaseServer.start(data, 0)) {
			assertThat(queryString(server, "select 'started'")).isEqualTo("started");
		}
	}

	@Test
	void aSecondServerOnDataInUseIsRefusedClearly() throws Exception {
		Path data = home.resolve("pgdata");
		try (EmbeddedDatabaseServer server = EmbeddedDatabaseServer.start(data, 0)) {
			assertThatThrownBy(() -> EmbeddedDatabaseServer.start(data, 0)).isInstanceOf(DatabaseUnavailable.class)
				.hasMessageContaining("Another Shopwright is already running");
			assertThat(queryString(server, "select 'unharmed'")).isEqualTo("unharmed");
		}
	}

	@Test
	void aPortInUseIsAClearError() throws Exception {
		try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			assertThatThrownBy(() -> EmbeddedDatabaseServer.start(home.resolve("pgdata"), taken.getLocalPort()))
				.isInstanceOf(DatabaseUnavailable.class)
				.hasMessageContaining("Port " + taken.getLocalPort())
				.extracting(ex -> ((DatabaseUnavailable) ex).action()).asString().contains("SHOPWRIGHT_DB_PORT");
		}
	}

	@Test
	void aFileWhereTheDataDirectoryBelongsIsAClearError() throws Exception {
		Path file = Files.writeString(home.resolve("pgdata"), "not a directory");
		assertThatThrownBy(() -> EmbeddedDatabaseServer.start(file, 0)).isInstanceOf(DatabaseUnavailable.class)
			.hasMessageContaining("is a file, not a directory");
	}

	@Test
	void theFailureAnalyzerTellsWhatToDo() {
		var analysis = new DatabaseUnavailableFailureAnalyzer()
			.analyze(new RuntimeException(new DatabaseUnavailable("Port 1 is busy.", "Use another port.")));
		assertThat(analysis.getDescription()).isEqualTo("Port 1 is busy.");
		assertThat(analysis.getAction()).isEqualTo("Use another port.");
	}

	@Test
	void databaseUrlsInBothCommonFormsAreAccepted() {
		var heroku = DatabaseConfiguration.ExternalDatabase.parse("postgres://shop:s%40cret@db.example.com:6432/shopwright?sslmode=require", null, null);
		assertThat(heroku.jdbcUrl()).isEqualTo("jdbc:postgresql://db.example.com:6432/shopwright?sslmode=require");
		assertThat(heroku.username()).isEqualTo("shop");
		assertThat(heroku.password()).isEqualTo("s@cret");
		var jdbc = DatabaseConfiguration.ExternalDatabase.parse("jdbc:postgresql://localhost/shop", "app", "pw");
		assertThat(jdbc.jdbcUrl()).isEqualTo("jdbc:postgresql://localhost/shop");
		assertThat(jdbc.username()).isEqualTo("app");
		var overridden = DatabaseConfiguration.ExternalDatabase.parse("postgresql://u:p@h/db", "other", null);
		assertThat(overridden.username()).isEqualTo("other");
		assertThatThrownBy(() -> DatabaseConfiguration.ExternalDatabase.parse("mysql://h/db", null, null))
			.isInstanceOf(DatabaseUnavailable.class).hasMessageContaining("not a PostgreSQL URL");
	}

	private static void execute(EmbeddedDatabaseServer server, String... statements) throws Exception {
		try (Connection connection = DriverManager.getConnection(server.jdbcUrl("postgres"), "postgres", "");
				Statement statement = connection.createStatement()) {
			for (String sql : statements) {
				statement.execute(sql);
			}
		}
	}

	private static String queryString(EmbeddedDatabaseServer server, String sql) throws Exception {
		try (Connection connection = DriverManager.getConnection(server.jdbcUrl("postgres"), "postgres", "");
				Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
			rs.next();
			return rs.getString(1);
		}
	}
}
