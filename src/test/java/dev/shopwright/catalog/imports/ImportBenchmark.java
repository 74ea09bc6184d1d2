package dev.shopwright.catalog.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVPrinter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ContextConfiguration;

import dev.shopwright.testing.ApiClient;
import dev.shopwright.testing.DurableBenchDatabase;
import dev.shopwright.testing.Multipart;
import tools.jackson.databind.JsonNode;

/**
 * Generates a Shopify product CSV of 100,000 rows (25,000 products of 4 variants) and times its import through the
 * API, against an embedded PostgreSQL with durable commits (fsync on, as in production) — unlike the test suite's
 * throwaway database. Not part of the normal test run; see bench/import/README.md.
 */
@EnabledIfSystemProperty(named = "shopwright.bench", matches = "true")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
		"shopwright.admin.email=bench@test.local", "shopwright.admin.password=benchmark-password",
		"shopwright.demo.enabled=false", "shopwright.media.directory=target/bench/media",
		"logging.level.dev.shopwright.catalog=WARN", "shopwright.search.temporary-index=true" })
@ContextConfiguration(initializers = DurableBenchDatabase.class)
class ImportBenchmark {

	static final int ROWS = Integer.getInteger("shopwright.bench.rows", 100_000);

	static final int VARIANTS = 4;

	@LocalServerPort
	int port;

	@Test
	void importsAHundredThousandShopifyRows() throws IOException {
		Path file = Path.of("target/bench/shopify-" + ROWS + ".csv");
		generate(file, ROWS);
		byte[] content = Files.readAllBytes(file);
		ApiClient api = ApiClient.at(port).loggedIn("bench@test.local", "benchmark-password");
		String handle = ApiClient.unique("bench");
		assertThat(api.post("/api/admin/v1/stores", java.util.Map.of("name", "Bench", "handle", handle, "defaultCurrency",
				"EUR")).status()).isEqualTo(201);
		ApiClient store = api.store(handle);

		String created = run(store, file, content, "first import (creates every product)");
		String updated = run(store, file, content, "same file again (updates every product)");
		String report = created + "\n" + updated;
		System.out.println("\n=== Shopify import benchmark ===\n" + report);
		Files.writeString(Path.of("target/bench/import-result.txt"), report);
	}

	private String run(ApiClient store, Path file, byte[] content, String what) {
		awaitListenersIdle();
		DurableBenchDatabase.resetStatements(jdbc);
		java.util.Map<String, Long> scansBefore = sequentialScans();
		Duration jvmBefore = jvmCpu(), databaseBefore = databaseCpu();
		java.util.Map<String, Long> threadsBefore = threadCpu();
		long gcBefore = gcMillis(), jitBefore = jitMillis();
		Instant start = Instant.now();
		ApiClient.Response accepted = store.postMultipart("/api/admin/v1/imports",
				new Multipart().file("file", file.getFileName().toString(), "text/csv", content).field("format", "SHOPIFY"));
		Duration checked = Duration.between(start, Instant.now());
		assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
		String id = accepted.json().get("id").asString();
		JsonNode job;
		do {
			sleep();
			job = store.get("/api/admin/v1/imports/" + id).json();
		}
		while (!job.get("status").asString().equals("COMPLETED") && !job.get("status").asString().equals("FAILED"));
		Duration total = Duration.between(start, Instant.now());
		Duration jvm = jvmCpu().minus(jvmBefore), database = databaseCpu().minus(databaseBefore);
		String threads = threadBreakdown(threadsBefore, threadCpu(), gcMillis() - gcBefore, jitMillis() - jitBefore);
		Instant completed = Instant.now();
		awaitListenersIdle();
		Duration listenersAfter = Duration.between(completed, Instant.now());
		String statements = DurableBenchDatabase.topStatements(jdbc, 12).indent(4);
		String scans = scansSince(scansBefore);
		assertThat(job.get("failed").asInt()).isZero();
		assertThat(job.get("created").asInt() + job.get("updated").asInt()).isEqualTo(ROWS / VARIANTS);
		// the listeners are idle: every SKU is in inventory's mirror and every product has its search document
		assertThat(jdbc.sql("select count(*) from inventory.item where sku like 'B-%' and not deleted").query(Long.class)
			.single()).isEqualTo(ROWS);
		assertThat(jdbc.sql("select count(*) from search.product_document where handle like 'bench-product-%'")
			.query(Long.class).single()).isEqualTo(ROWS / VARIANTS);
		return """
				%s
				  rows:             %,d (%,d products × %d variants), %,d bytes
				  upload + checks:  %.1f s (202 Accepted)
				  total:            %.1f s (upload to COMPLETED)
				  throughput:       %,.0f rows/s, %,.0f products/s
				  CPU used:         %.1f s application JVM + %.1f s PostgreSQL (upload to COMPLETED; load average %.1f)
				  JVM CPU by thread: %s
				  listeners:        done %.1f s after COMPLETED (search index and inventory mirror current)
				  result:           status %s, %d created, %d updated, %d failed
				  rows read by sequential scans (upload to idle listeners): %s
				  PostgreSQL statements by execution time (pg_stat_statements, upload to idle listeners):
				%s""".formatted(what, ROWS, ROWS / VARIANTS, VARIANTS, content.length, checked.toMillis() / 1000.0,
				total.toMillis() / 1000.0, ROWS / (total.toMillis() / 1000.0), ROWS / VARIANTS / (total.toMillis() / 1000.0),
				jvm.toMillis() / 1000.0, database.toMillis() / 1000.0,
				java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), threads,
				listenersAfter.toMillis() / 1000.0,
				job.get("status").asString(), job.get("created").asInt(), job.get("updated").asInt(), job.get("failed").asInt(),
				scans, statements);
	}

	/** Rows read by sequential scans so far, per table: a lookup that scans a growing table shows up here. */
	private java.util.Map<String, Long> sequentialScans() {
		java.util.Map<String, Long> rows = new java.util.HashMap<>();
		jdbc.sql("select schemaname || '.' || relname, coalesce(seq_tup_read, 0) from pg_stat_user_tables")
			.query((rs, n) -> rows.put(rs.getString(1), rs.getLong(2))).list();
		return rows;
	}

	private String scansSince(java.util.Map<String, Long> before) {
		try {
			Thread.sleep(600); // the statistics collector reports backends' counters within half a second
		}
		catch (InterruptedException ex) {
			throw new IllegalStateException(ex);
		}
		StringBuilder text = new StringBuilder();
		sequentialScans().entrySet().stream()
			.map(e -> java.util.Map.entry(e.getKey(), e.getValue() - before.getOrDefault(e.getKey(), 0L)))
			.filter(e -> e.getValue() > 0).sorted(java.util.Map.Entry.<String, Long>comparingByValue().reversed()).limit(6)
			.forEach(e -> text.append("%s %,d, ".formatted(e.getKey(), e.getValue())));
		return text.isEmpty() ? "none" : text.substring(0, text.length() - 2);
	}

	/** Rows as Shopify exports them: the product on the first row, one variant per row, inventory columns filled. */
	static void generate(Path file, int rows) throws IOException {
		Files.createDirectories(file.getParent());
		try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
				CSVPrinter csv = new CSVPrinter(writer, CsvFiles.WRITE_FORMAT)) {
			writer.write('\ufeff');
			csv.printRecord(ShopifyFormat.TEMPLATE);
			String[] sizes = { "S", "M", "L", "XL" };
			for (int i = 0; i < rows; i++) {
				int product = i / VARIANTS;
				int variant = i % VARIANTS;
				List<String> row = new ArrayList<>();
				for (String column : ShopifyFormat.TEMPLATE) {
					row.add(switch (column) {
						case ShopifyFormat.HANDLE -> "bench-product-" + product;
						case ShopifyFormat.TITLE -> variant == 0 ? "Bench Product " + product : "";
						case ShopifyFormat.BODY -> variant == 0 ? "<p>Product " + product + ", made of <b>cotton</b>.</p>\n<ul><li>Fair</li></ul>" : "";
						case ShopifyFormat.VENDOR -> variant == 0 ? "Vendor " + (product % 50) : "";
						case ShopifyFormat.TYPE -> variant == 0 ? "Shirts" : "";
						case ShopifyFormat.TAGS -> variant == 0 ? "bench, tag" + (product % 20) : "";
						case ShopifyFormat.PUBLISHED -> variant == 0 ? "TRUE" : "";
						case "Option1 Name" -> variant == 0 ? "Size" : "";
						case "Option1 Value" -> sizes[variant];
						case ShopifyFormat.SKU -> "B-" + product + "-" + sizes[variant];
						case ShopifyFormat.GRAMS -> String.valueOf(200 + variant * 10);
						case ShopifyFormat.INVENTORY_TRACKER -> "shopify";
						case ShopifyFormat.INVENTORY_QTY -> String.valueOf(product % 40);
						case ShopifyFormat.INVENTORY_POLICY -> "deny";
						case ShopifyFormat.FULFILLMENT_SERVICE -> "manual";
						case ShopifyFormat.PRICE -> (19 + variant) + ".90";
						case ShopifyFormat.COMPARE_AT_PRICE -> variant == 0 ? "29.90" : "";
						case ShopifyFormat.REQUIRES_SHIPPING -> "TRUE";
						case ShopifyFormat.TAXABLE -> "TRUE";
						case ShopifyFormat.WEIGHT_UNIT -> "kg";
						case ShopifyFormat.COST -> "7.50";
						case ShopifyFormat.STATUS -> variant == 0 ? "active" : "";
						case ShopifyFormat.GIFT_CARD -> variant == 0 ? "FALSE" : "";
						default -> "";
					});
				}
				csv.printRecord(row);
			}
		}
	}

	/** CPU nanoseconds of every live Java thread, by name with numbers folded ("task-3" → "task-#"). */
	private static java.util.Map<String, Long> threadCpu() {
		var threads = java.lang.management.ManagementFactory.getThreadMXBean();
		java.util.Map<String, Long> byName = new java.util.HashMap<>();
		for (var info : threads.getThreadInfo(threads.getAllThreadIds())) {
			long cpu = info == null ? -1 : threads.getThreadCpuTime(info.getThreadId());
			if (cpu > 0) {
				byName.merge(info.getThreadId() + "|" + info.getThreadName().replaceAll("\\d+", "#"), cpu, Long::sum);
			}
		}
		return byName;
	}

	/** The threads that used the most CPU between two snapshots, plus garbage collection and JIT compilation. */
	private static String threadBreakdown(java.util.Map<String, Long> before, java.util.Map<String, Long> after, long gc,
			long jit) {
		java.util.Map<String, Long> used = new java.util.HashMap<>();
		after.forEach((key, cpu) -> used.merge(key.substring(key.indexOf('|') + 1), cpu - before.getOrDefault(key, 0L),
				Long::sum));
		StringBuilder text = new StringBuilder();
		used.entrySet().stream().sorted(java.util.Map.Entry.<String, Long>comparingByValue().reversed()).limit(6)
			.forEach(e -> text.append("%s %.1f s, ".formatted(e.getKey(), e.getValue() / 1e9)));
		return text.append("GC %.1f s, JIT %.1f s (wall time of those, not CPU)".formatted(gc / 1000.0, jit / 1000.0)).toString();
	}

	private static long gcMillis() {
		return java.lang.management.ManagementFactory.getGarbageCollectorMXBeans().stream()
			.mapToLong(java.lang.management.GarbageCollectorMXBean::getCollectionTime).sum();
	}

	private static long jitMillis() {
		return java.lang.management.ManagementFactory.getCompilationMXBean().getTotalCompilationTime();
	}

	/** CPU time of this JVM (application and test client; the client only polls the job). */
	private static Duration jvmCpu() {
		return DurableBenchDatabase.jvmCpu();
	}

	private static Duration databaseCpu() {
		return DurableBenchDatabase.databaseCpu();
	}

	@org.springframework.beans.factory.annotation.Autowired
	org.springframework.jdbc.core.simple.JdbcClient jdbc;

	/** Until the outbox holds no incomplete event: search and inventory have handled every change. */
	private void awaitListenersIdle() {
		while (jdbc.sql("select count(*) from event_publication where completion_date is null").query(Long.class).single() > 0) {
			sleep();
		}
	}

	private static void sleep() {
		try {
			Thread.sleep(200);
		}
		catch (InterruptedException ex) {
			throw new IllegalStateException(ex);
		}
	}
}
