import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;

/**
 * Runs generate.sql against the running Shopwright database for the store with the given handle, without
 * needing psql. Usage (classpath: the PostgreSQL JDBC driver from ~/.m2):
 * java -cp postgresql.jar bench/search/Generate.java jdbc:postgresql://localhost:15432/postgres demo
 */
public class Generate {
	public static void main(String[] args) throws Exception {
		try (var connection = DriverManager.getConnection(args[0], "postgres", "")) {
			String store;
			try (var st = connection.prepareStatement("select id from stores.store where handle = ?")) {
				st.setString(1, args[1]);
				var rs = st.executeQuery();
				rs.next();
				store = rs.getString(1);
			}
			String script = Files.readString(Path.of(args.length > 2 ? args[2] : "bench/search/generate.sql"))
				.replaceAll("(?m)^\\\\.*$", "").replace(":'store'", "'" + store + "'");
			for (String statement : script.split(";\\s*\\n")) {
				if (statement.strip().isEmpty() || statement.strip().startsWith("--") && !statement.contains("insert")) {
					continue;
				}
				long start = System.nanoTime();
				try (var st = connection.createStatement()) {
					int rows = st.executeUpdate(statement);
					System.out.printf("%d rows in %d ms%n", rows, (System.nanoTime() - start) / 1_000_000);
				}
			}
		}
	}
}
