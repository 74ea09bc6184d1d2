package dev.shopwright.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import dev.shopwright.ShopwrightApplication;

/**
 * Shopwright in a child JVM on a database of its own, for tests that kill the process for real (crash recovery):
 * start it with extra arguments, wait until it is healthy, read its database directly.
 */
public final class ChildApplication {

	public static final Path ARTIFACTS = Path.of(System.getProperty("shopwright.test.artifacts", "target/test-artifacts"));

	private ChildApplication() {
	}

	/** Starts the application on {@code port} against {@code url}; its output goes to {@code log} in the artifacts. */
	public static Process start(String url, int port, String log, List<String> arguments) throws IOException {
		Files.createDirectories(ARTIFACTS);
		List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-Xmx512m", "-cp", System.getProperty("java.class.path"), ShopwrightApplication.class.getName(),
				"--server.port=" + port, "--shopwright.database.url=" + url, "--shopwright.database.username=postgres",
				"--shopwright.admin.email=" + ShopwrightTest.OWNER_EMAIL,
				"--shopwright.admin.password=" + ShopwrightTest.OWNER_PASSWORD,
				"--shopwright.media.directory=" + ARTIFACTS.resolve("child-media").toAbsolutePath()));
		command.addAll(arguments);
		File output = ARTIFACTS.resolve(log).toFile();
		return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output).start();
	}

	/** Waits for the health endpoint (a loaded 2-core machine may take minutes to start two applications). */
	public static void awaitHealthy(Process process, int port, Duration patience) throws InterruptedException {
		Instant deadline = Instant.now().plus(patience);
		while (Instant.now().isBefore(deadline)) {
			assertThat(process.isAlive()).as("the child application is running (see its log in the test artifacts)").isTrue();
			try {
				if (ApiClient.at(port).get("/actuator/health").status() == 200) {
					return;
				}
			}
			catch (IllegalStateException notYet) {
				// not listening yet
			}
			Thread.sleep(500);
		}
		throw new AssertionError("the child application did not start within " + patience);
	}

	/** The first column of every row of {@code sql}, as text. */
	public static List<String> query(String url, String sql) throws Exception {
		List<String> rows = new ArrayList<>();
		try (Connection connection = DriverManager.getConnection(url, "postgres", "");
				ResultSet result = connection.createStatement().executeQuery(sql)) {
			while (result.next()) {
				rows.add(result.getString(1));
			}
		}
		return rows;
	}

	public static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}
}
