package dev.shopwright.checkout;

import static dev.shopwright.checkout.CheckoutShop.card;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import dev.shopwright.inventory.InventoryManagement;
import dev.shopwright.orders.OrderId;
import dev.shopwright.orders.OrderManagement;
import dev.shopwright.orders.PaymentState;
import dev.shopwright.orders.PlaceOrder;
import dev.shopwright.payments.CardInput;
import dev.shopwright.platform.CurrentStore;
import dev.shopwright.testing.ApiClient;
import dev.shopwright.testing.DurableBenchDatabase;
import dev.shopwright.testing.ShopwrightTest;
import dev.shopwright.testing.TestMail;

/**
 * Hot-SKU checkout through the HTTP Store API: many shoppers, each with a ready cart (one unit, email, address,
 * shipping), complete at once on one SKU with the sandbox's 4242 card, until the stock is gone. Two ways, same
 * PostgreSQL (fsync on), same run, alternating per round:
 * <ul>
 * <li>{@code naive}: the same completion, but inside one database transaction that first locks the SKU's stock row
 * ({@code SELECT … FOR UPDATE}) and holds it through payment and order placement — how engines that "never
 * oversell" usually do it, and the baseline the issue names;</li>
 * <li>{@code shopwright}: {@code POST /api/store/v1/carts/{id}/complete} as it is (ADR 0012, ADR 0017).</li>
 * </ul>
 * Every mode must sell exactly the stock (zero oversell), every 201 must be a PAID order, and no answer may be a
 * server error other than 503 CHECKOUT_BUSY (retried, as a shopper's browser would). See bench/checkout/README.md.
 */
@EnabledIfSystemProperty(named = "shopwright.bench", matches = "true")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
		"shopwright.admin.email=" + ShopwrightTest.OWNER_EMAIL, "shopwright.admin.password=" + ShopwrightTest.OWNER_PASSWORD,
		"shopwright.auth.login-failures-per-address=1000", "shopwright.search.temporary-index=true",
		"shopwright.forecasts.recompute-demo-on-start=false", "shopwright.demo.enabled=false",
		"shopwright.media.directory=target/bench/media", "logging.level.dev.shopwright=WARN" })
@ContextConfiguration(initializers = { DurableBenchDatabase.class, TestMail.class })
@Import(CheckoutBenchmark.NaiveCheckout.class)
class CheckoutBenchmark {

	static final int CLIENTS = Integer.getInteger("shopwright.bench.clients", 32);

	static final int STOCK = Integer.getInteger("shopwright.bench.stock", 400);

	static final int SHOPPERS = Integer.getInteger("shopwright.bench.shoppers", STOCK + STOCK / 4);

	static final int ROUNDS = Integer.getInteger("shopwright.bench.rounds", 3);

	static final int WARM_UP = 40;

	static final String NAIVE_PATH = "/api/store/v1/bench-naive/carts/";

	@LocalServerPort
	int port;

	@Autowired
	OrderManagement orders;

	@Autowired
	InventoryManagement inventory;

	@Autowired
	JdbcClient jdbc;

	/** Statements of the last shopwright round, by PostgreSQL execution time. */
	private String statements = "";

	record Result(String mode, int round, int placed, int soldOut, int busyRetries, double seconds, double ordersPerSecond,
			double p50Ms, double p99Ms, double jvmCpuMsPerOrder, double databaseCpuMsPerOrder) {

		String line() {
			return "| %-10s | %d | %,5d | %,5d | %,5d | %6.2f | %,7.1f | %7.1f | %8.1f | %5.1f | %5.1f |".formatted(mode, round,
					placed, soldOut, busyRetries, seconds, ordersPerSecond, p50Ms, p99Ms, jvmCpuMsPerOrder,
					databaseCpuMsPerOrder);
		}
	}

	@Test
	void completesCheckoutsOnOneHotSku() throws Exception {
		CheckoutShop shop = new CheckoutShop(port);
		Function<CheckoutShop.Guest, String> naive = guest -> NAIVE_PATH + guest.id() + "/complete";
		Function<CheckoutShop.Guest, String> shopwright = guest -> guest.path("/complete");
		// warm-up (JIT, pools, caches) for both ways, not reported
		run(shop, "naive", 0, naive, WARM_UP, WARM_UP);
		run(shop, "shopwright", 0, shopwright, WARM_UP, WARM_UP);
		List<Result> results = new ArrayList<>();
		for (int round = 1; round <= ROUNDS; round++) {
			results.add(run(shop, "naive", round, naive, STOCK, SHOPPERS));
			results.add(run(shop, "shopwright", round, shopwright, STOCK, SHOPPERS));
		}
		String report = report(results);
		System.out.println("\n=== Checkout benchmark ===\n" + report);
		Files.createDirectories(Path.of("target/bench"));
		Files.writeString(Path.of("target/bench/checkout-result.md"), report);
	}

	private Result run(CheckoutShop shop, String mode, int round, Function<CheckoutShop.Guest, String> path, int stock,
			int shoppers) throws Exception {
		String sku = shop.product("25.00", stock);
		Queue<CheckoutShop.Guest> carts = new ConcurrentLinkedQueue<>();
		try (ExecutorService setup = Executors.newFixedThreadPool(8)) {
			List<Future<CheckoutShop.Guest>> ready = new ArrayList<>();
			for (int i = 0; i < shoppers; i++) {
				ready.add(setup.submit(() -> shop.readyCart(sku, 1)));
			}
			for (Future<CheckoutShop.Guest> guest : ready) {
				carts.add(guest.get());
			}
		}
		awaitOutboxDrained();
		DurableBenchDatabase.resetStatements(jdbc);
		java.time.Duration jvmBefore = DurableBenchDatabase.jvmCpu();
		java.time.Duration databaseBefore = DurableBenchDatabase.databaseCpu();
		List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
		List<String> placed = Collections.synchronizedList(new ArrayList<>());
		Map<Integer, Integer> answers = new ConcurrentHashMap<>();
		CountDownLatch start = new CountDownLatch(1);
		long began;
		long ended;
		try (ExecutorService clients = Executors.newFixedThreadPool(CLIENTS)) {
			List<Future<?>> running = new ArrayList<>();
			for (int c = 0; c < CLIENTS; c++) {
				running.add(clients.submit(() -> {
					start.await();
					for (CheckoutShop.Guest guest; (guest = carts.poll()) != null;) {
						String key = UUID.randomUUID().toString();
						long t0 = System.nanoTime();
						ApiClient.Response answer;
						while (true) {
							answer = guest.api().with("Idempotency-Key", key).post(path.apply(guest), card("4242424242424242"));
							answers.merge(answer.status(), 1, Integer::sum);
							if (answer.status() != 503) {
								break;
							}
							assertThat(answer.json().get("code").asString()).isEqualTo("CHECKOUT_BUSY");
							Thread.sleep(50); // a browser retrying after the shopper's next click
						}
						long t1 = System.nanoTime();
						assertThat(answer.status()).as(mode + ": " + answer.body()).isIn(201, 409);
						if (answer.status() == 201) {
							latencies.add(t1 - t0);
							placed.add(answer.json().get("orderId").asString());
						}
						else {
							assertThat(answer.json().get("code").asString()).isEqualTo("INSUFFICIENT_STOCK");
						}
					}
					return null;
				}));
			}
			began = System.nanoTime();
			start.countDown();
			for (Future<?> client : running) {
				client.get();
			}
			ended = System.nanoTime();
		}
		// the confirmation mails of this round are part of its cost: CPU is counted until they are all sent
		awaitOutboxDrained();
		double jvmCpuMs = DurableBenchDatabase.jvmCpu().minus(jvmBefore).toNanos() / 1e6;
		double databaseCpuMs = DurableBenchDatabase.databaseCpu().minus(databaseBefore).toNanos() / 1e6;
		if (mode.equals("shopwright")) {
			statements = DurableBenchDatabase.topStatements(jdbc, 15);
		}
		assertThat(placed).as(mode + ": exactly the stock sold, no oversell").hasSize(stock);
		for (String id : placed) {
			assertThat(orders.get(shop.store, OrderId.of(id)).paymentState()).as(mode + ": every 201 a paid order")
				.isEqualTo(PaymentState.PAID);
		}
		assertThat(inventory.availableOnline(shop.store, sku)).isZero();
		assertThat(inventory.ledgerDiscrepancies(shop.store)).isEmpty();
		List<Long> sorted = new ArrayList<>(latencies);
		Collections.sort(sorted);
		double seconds = (ended - began) / 1e9;
		int soldOut = answers.getOrDefault(409, 0);
		int busy = answers.getOrDefault(503, 0);
		return new Result(mode, round, placed.size(), soldOut, busy, seconds, placed.size() / seconds,
				percentile(sorted, 0.50), percentile(sorted, 0.99), jvmCpuMs / placed.size(), databaseCpuMs / placed.size());
	}

	/** Until every event publication (confirmation mails above all) of the rounds so far has completed. */
	private void awaitOutboxDrained() throws InterruptedException {
		long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.MINUTES.toNanos(2);
		while (jdbc.sql("select count(*) from event_publication where completion_date is null").query(Long.class).single() > 0) {
			assertThat(System.nanoTime()).as("the outbox drains within 2 minutes").isLessThan(deadline);
			Thread.sleep(100);
		}
	}

	private static double percentile(List<Long> sorted, double p) {
		return sorted.isEmpty() ? 0 : sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(p * sorted.size()) - 1)) / 1e6;
	}

	private String report(List<Result> results) {
		StringBuilder out = new StringBuilder(("%d concurrent HTTP clients, %,d shoppers with a ready cart for one SKU with %,d "
				+ "units, card 4242…, fsync on, %d rounds\n\n").formatted(CLIENTS, SHOPPERS, STOCK, ROUNDS));
		out.append("| mode       | round | orders | sold out (409) | busy retries (503) | seconds | orders/s | p50 ms | p99 ms "
				+ "| JVM CPU ms/order | PostgreSQL CPU ms/order |\n");
		out.append("|------------|---|-------|-------|-------|--------|---------|---------|----------|-------|-------|\n");
		results.forEach(r -> out.append(r.line()).append('\n'));
		Map<String, Double> medians = new TreeMap<>();
		for (String mode : List.of("naive", "shopwright")) {
			List<Double> rates = results.stream().filter(r -> r.mode().equals(mode)).map(Result::ordersPerSecond).sorted().toList();
			medians.put(mode, rates.get(rates.size() / 2));
			out.append("%nmedian %-10s %,8.1f orders/s".formatted(mode, medians.get(mode)));
		}
		out.append("%nratio shopwright / naive: %.2f%n".formatted(medians.get("shopwright") / medians.get("naive")));
		out.append("\nCPU per order: from the start of the round until its confirmation mails are sent; JVM = application "
				+ "and load generator.\n\nPostgreSQL statements of the last shopwright round (execution time):\n\n");
		out.append(statements.indent(4));
		return out.toString();
	}

	/**
	 * The baseline: the same completion inside one transaction that holds the SKU's stock rows locked from before
	 * the payment until the order is placed, so checkouts of the hot SKU run one after the other.
	 */
	@TestConfiguration
	static class NaiveCheckout {

		@RestController
		static class NaiveCheckoutController {

			private final CheckoutManagement checkout;

			private final CurrentStore currentStore;

			private final TransactionTemplate transaction;

			private final JdbcClient jdbc;

			/**
			 * Waiters on the row lock each hold a pooled connection; with more of them than half the pool, the lock
			 * holder could not get the connections it needs and everything would stall until the pool times out.
			 */
			private final java.util.concurrent.Semaphore lockHolders = new java.util.concurrent.Semaphore(8, true);

			NaiveCheckoutController(CheckoutManagement checkout, CurrentStore currentStore, TransactionTemplate transaction,
					JdbcClient jdbc) {
				this.checkout = checkout;
				this.currentStore = currentStore;
				this.transaction = transaction;
				this.jdbc = jdbc;
			}

			@PostMapping(NAIVE_PATH + "{id}/complete")
			ResponseEntity<Map<String, Object>> complete(@PathVariable UUID id,
					@RequestHeader("X-Cart-Token") String token, @RequestHeader(value = "Idempotency-Key", required = false)
					@Nullable String key) {
				CartAccess access = CartAccess.guest(token);
				CartId cartId = new CartId(id);
				lockHolders.acquireUninterruptibly();
				CheckoutResult result;
				try {
					result = lockedCompletion(cartId, access);
				}
				finally {
					lockHolders.release();
				}
				return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("orderId", result.orderId().toString()));
			}

			private CheckoutResult lockedCompletion(CartId cartId, CartAccess access) {
				return java.util.Objects.requireNonNull(transaction.execute(status -> {
					for (Cart.Line line : checkout.cart(currentStore.id(), cartId, access).lines()) {
						jdbc.sql("select on_hand from inventory.level where store_id = ? and sku = ? for update")
							.param(currentStore.id().value())
							.param(line.sku())
							.query()
							.listOfRows();
					}
					return checkout.complete(currentStore.id(), cartId, access,
							CheckoutPayment.card(new CardInput("4242424242424242", 12, 2099, "123")), PlaceOrder.STORE_API, null);
				}));
			}
		}
	}
}
