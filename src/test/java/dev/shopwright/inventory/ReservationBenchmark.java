package dev.shopwright.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntPredicate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.transaction.support.TransactionTemplate;

import dev.shopwright.catalog.CatalogManagement;
import dev.shopwright.catalog.ProductDraft;
import dev.shopwright.platform.Actor;
import dev.shopwright.platform.BusinessRuleViolation;
import dev.shopwright.shared.Money;
import dev.shopwright.shared.StoreId;
import dev.shopwright.stores.StoreManagement;
import dev.shopwright.testing.DurableBenchDatabase;

/**
 * Reservation throughput on one hot SKU with many concurrent requesters, against an embedded PostgreSQL with
 * durable commits (fsync on). Three ways, same database, same run:
 * <ol>
 * <li>naive: one transaction per request with one conditional {@code UPDATE … WHERE available >= 1} (the baseline
 * the issue names);</li>
 * <li>unbatched: the full reservation (reservation row, allocation, guarded level update, ledger row) in one
 * transaction per request;</li>
 * <li>batched: {@link InventoryManagement#reserve} as callers use it (requests of the node combined per commit).</li>
 * </ol>
 * Every mode reserves until the stock is gone and must end with exactly the stock reserved (zero oversell). Not part
 * of the normal test run; see bench/reservations/README.md.
 */
@EnabledIfSystemProperty(named = "shopwright.bench", matches = "true")
@SpringBootTest(properties = { "shopwright.admin.email=bench@test.local", "shopwright.admin.password=benchmark-password",
		"shopwright.demo.enabled=false", "shopwright.media.directory=target/bench/media",
		"shopwright.inventory.reservation-expiry-interval=PT1H", "logging.level.dev.shopwright=WARN" })
@ContextConfiguration(initializers = DurableBenchDatabase.class)
class ReservationBenchmark {

	static final int REQUESTERS = Integer.getInteger("shopwright.bench.requesters", 32);

	static final int STOCK = Integer.getInteger("shopwright.bench.stock", 4000);

	static final int ROUNDS = Integer.getInteger("shopwright.bench.rounds", 3);

	@Autowired
	InventoryManagement inventory;

	@Autowired
	StockReservations reservations;

	@Autowired
	CatalogManagement catalog;

	@Autowired
	StoreManagement stores;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transaction;

	record Result(String mode, int round, int succeeded, int refused, double seconds, double perSecond, double p50Ms,
			double p99Ms) {

		String line() {
			return "| %-9s | %d | %,6d | %,6d | %6.2f | %,8.0f | %6.2f | %7.2f |".formatted(mode, round, succeeded, refused,
					seconds, perSecond, p50Ms, p99Ms);
		}
	}

	@Test
	void reservesOneHotSkuFromManyRequesters() throws Exception {
		StoreId store = stores.defaultStore().orElseGet(() -> stores.all().getFirst()).id();
		String currency = stores.get(store).defaultCurrency().getCurrencyCode();
		List<Result> results = new ArrayList<>();
		for (int round = 1; round <= ROUNDS; round++) {
			String naive = hotSku(store, currency);
			LocationId location = inventory.stock(store, naive).levels().getFirst().locationId();
			results.add(run("naive", round, naive, store, i -> naiveReserve(store, naive, location)));
			assertExact(store, naive);

			String unbatched = hotSku(store, currency);
			results.add(run("unbatched", round, unbatched, store, i -> attempt(() -> transaction.execute(status ->
					reservations.reserve(store, command(unbatched), Actor.SYSTEM)))));
			assertExact(store, unbatched);

			String batched = hotSku(store, currency);
			results.add(run("batched", round, batched, store, i -> attempt(() -> inventory.reserve(store, command(batched)))));
			assertExact(store, batched);
		}
		String report = report(results);
		System.out.println("\n=== Reservation benchmark ===\n" + report);
		Files.createDirectories(Path.of("target/bench"));
		Files.writeString(Path.of("target/bench/reservations-result.md"), report);
	}

	private String hotSku(StoreId store, String currency) {
		String sku = "HOT-" + UUID.randomUUID().toString().substring(0, 8);
		catalog.create(store, ProductDraft.of("Hot item " + sku, ProductDraft.VariantDraft.priced(sku, Money.of("10.00", currency))));
		inventory.receive(store, StockReceipt.of(sku, STOCK, null));
		return sku;
	}

	private static ReserveStock command(String sku) {
		return ReserveStock.of("bench-" + UUID.randomUUID(), Duration.ofHours(1), new ReserveStock.Line(sku, 1));
	}

	/** The baseline: one conditional update of the one row per request, each its own commit. */
	private boolean naiveReserve(StoreId store, String sku, LocationId location) {
		Integer updated = transaction.execute(status -> jdbc.sql("""
				update inventory.level set reserved = reserved + 1
				where store_id = ? and sku = ? and location_id = ? and on_hand - reserved - committed - safety_stock >= 1""")
			.params(store.value(), sku, location.value())
			.update());
		return updated != null && updated == 1;
	}

	private static boolean attempt(Runnable reserve) {
		try {
			reserve.run();
			return true;
		}
		catch (BusinessRuleViolation e) {
			if (!e.code().equals("INSUFFICIENT_STOCK")) {
				throw e;
			}
			return false;
		}
	}

	/** {@code REQUESTERS} threads reserve one unit at a time until they are refused. */
	private Result run(String mode, int round, String sku, StoreId store, IntPredicate reserve) throws Exception {
		CountDownLatch start = new CountDownLatch(1);
		AtomicInteger succeeded = new AtomicInteger();
		AtomicInteger refused = new AtomicInteger();
		List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
		long began;
		long ended;
		try (var threads = Executors.newFixedThreadPool(REQUESTERS)) {
			List<Future<?>> requesters = new ArrayList<>();
			for (int r = 0; r < REQUESTERS; r++) {
				int requester = r;
				requesters.add(threads.submit(() -> {
					start.await();
					while (true) {
						long t0 = System.nanoTime();
						boolean ok = reserve.test(requester);
						long t1 = System.nanoTime();
						if (!ok) {
							refused.incrementAndGet();
							return null;
						}
						latencies.add(t1 - t0);
						succeeded.incrementAndGet();
					}
				}));
			}
			began = System.nanoTime();
			start.countDown();
			for (Future<?> requester : requesters) {
				requester.get();
			}
			ended = System.nanoTime();
		}
		List<Long> sorted = new ArrayList<>(latencies);
		Collections.sort(sorted);
		double seconds = (ended - began) / 1e9;
		assertThat(succeeded.get()).as(mode + ": exactly the stock, no oversell").isEqualTo(STOCK);
		return new Result(mode, round, succeeded.get(), refused.get(), seconds, succeeded.get() / seconds,
				percentile(sorted, 0.50), percentile(sorted, 0.99));
	}

	private void assertExact(StoreId store, String sku) {
		SkuStock stock = inventory.stock(store, sku);
		assertThat(stock.reserved()).isEqualTo(STOCK);
		assertThat(stock.available()).isZero();
	}

	private static double percentile(List<Long> sorted, double p) {
		if (sorted.isEmpty()) {
			return 0;
		}
		return sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(p * sorted.size()) - 1)) / 1e6;
	}

	private static String report(List<Result> results) {
		StringBuilder out = new StringBuilder("%d requesters, one SKU with %,d units, 1 unit per request, fsync on, %d rounds\n\n"
			.formatted(REQUESTERS, STOCK, ROUNDS));
		out.append("| mode      | round | reserved | refused | seconds | reservations/s | p50 ms | p99 ms |\n");
		out.append("|-----------|---|--------|--------|--------|----------|--------|---------|\n");
		results.forEach(r -> out.append(r.line()).append('\n'));
		out.append('\n');
		for (String mode : List.of("naive", "unbatched", "batched")) {
			out.append("median %-9s %,8.0f reservations/s%n".formatted(mode, median(results, mode)));
		}
		out.append("ratio batched / naive:     %.2f%n".formatted(median(results, "batched") / median(results, "naive")));
		out.append("ratio batched / unbatched: %.2f%n".formatted(median(results, "batched") / median(results, "unbatched")));
		return out.toString();
	}

	private static double median(List<Result> results, String mode) {
		List<Double> rates = results.stream().filter(r -> r.mode().equals(mode)).map(Result::perSecond).sorted().toList();
		return rates.get(rates.size() / 2);
	}
}
