package dev.shopwright.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.shopwright.ShopwrightApplication;
import dev.shopwright.catalog.CatalogManagement;
import dev.shopwright.platform.BusinessRuleViolation;
import dev.shopwright.shared.StoreId;
import dev.shopwright.stores.StoreManagement;
import dev.shopwright.testing.ShopwrightTest;

/**
 * Two application instances on one PostgreSQL database: the test's own context and a second Shopwright started
 * on the same JDBC URL. The availability rule and the expiry must hold across them.
 */
@ShopwrightTest
class TwoNodeReservationTests {

	private static ConfigurableApplicationContext secondNode;

	@Autowired
	InventoryManagement inventory;

	@Autowired
	CatalogManagement catalog;

	@Autowired
	StoreManagement stores;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Environment environment;

	InventoryFixtures fixtures;

	StoreId store;

	InventoryManagement otherInventory;

	@BeforeEach
	void twoNodes() {
		fixtures = new InventoryFixtures(catalog, stores);
		store = fixtures.demo();
		synchronized (TwoNodeReservationTests.class) {
			if (secondNode == null) {
				// command-line arguments: they outrank application.properties (builder properties would not)
				secondNode = new SpringApplicationBuilder(ShopwrightApplication.class).run(
						"--shopwright.database.url=" + environment.getRequiredProperty("shopwright.database.url"),
						"--shopwright.database.username=postgres", "--server.port=0",
						"--shopwright.admin.email=" + ShopwrightTest.OWNER_EMAIL,
						"--shopwright.admin.password=" + ShopwrightTest.OWNER_PASSWORD,
						"--shopwright.home=target/test-artifacts/second-node",
						"--shopwright.media.directory=target/test-artifacts/second-node/media",
						"--shopwright.inventory.reservation-expiry-interval=PT1H");
			}
		}
		otherInventory = secondNode.getBean(InventoryManagement.class);
	}

	@AfterAll
	static void stopSecondNode() {
		if (secondNode != null) {
			secondNode.close();
			secondNode = null;
		}
	}

	@Test
	void fiveHundredAttemptsOnTwoNodesForFiftyUnitsYieldExactlyFiftyReservations() throws Exception {
		String sku = fixtures.newSku(store);
		inventory.receive(store, StockReceipt.of(sku, 50, null));
		CountDownLatch start = new CountDownLatch(1);
		AtomicInteger refused = new AtomicInteger();
		List<Callable<Boolean>> attempts = new ArrayList<>();
		for (int i = 0; i < 500; i++) {
			InventoryManagement node = i % 2 == 0 ? inventory : otherInventory;
			String reference = "cart-" + i + "-" + sku;
			attempts.add(() -> {
				start.await();
				try {
					node.reserve(store, ReserveStock.of(reference, Duration.ofMinutes(10), new ReserveStock.Line(sku, 1)));
					return true;
				}
				catch (BusinessRuleViolation e) {
					assertThat(e.code()).isEqualTo("INSUFFICIENT_STOCK");
					refused.incrementAndGet();
					return false;
				}
			});
		}
		int succeeded = 0;
		try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
			List<Future<Boolean>> results = attempts.stream().map(threads::submit).toList();
			start.countDown();
			for (Future<Boolean> result : results) {
				succeeded += result.get() ? 1 : 0;
			}
		}

		assertThat(succeeded).isEqualTo(50);
		assertThat(refused).hasValue(450);
		SkuStock stock = inventory.stock(store, sku);
		assertThat(stock.reserved()).isEqualTo(50);
		assertThat(stock.availableOnline()).isZero();
		assertThat(jdbc.sql("""
				select count(*) from inventory.reservation r join inventory.reservation_allocation a
				  on a.store_id = r.store_id and a.reservation_id = r.id where a.sku = ? and r.status = 'ACTIVE'""")
			.param(sku).query(Integer.class).single()).isEqualTo(50);
		assertThat(inventory.ledgerDiscrepancies(store)).isEmpty();
		assertThat(otherInventory.ledgerDiscrepancies(store)).isEmpty();
	}

	@Test
	void twoNodesExpiringTheSameDueReservationsReleaseEachExactlyOnce() throws Exception {
		String sku = fixtures.newSku(store);
		inventory.receive(store, StockReceipt.of(sku, 60, null));
		List<ReservationId> ids = new ArrayList<>();
		for (int i = 0; i < 60; i++) {
			InventoryManagement node = i % 2 == 0 ? inventory : otherInventory;
			ids.add(node.reserve(store, ReserveStock.of("cart-" + UUID.randomUUID(), Duration.ofMinutes(10),
					new ReserveStock.Line(sku, 1))).id());
		}
		jdbc.sql("update inventory.reservation set expires_at = now() - interval '1 second' where id = any (?)")
			.param(ids.stream().map(ReservationId::value).toArray(UUID[]::new))
			.update();

		CountDownLatch start = new CountDownLatch(1);
		List<Callable<Integer>> expirers = new ArrayList<>();
		for (int i = 0; i < 6; i++) {
			InventoryManagement node = i % 2 == 0 ? inventory : otherInventory;
			expirers.add(() -> {
				start.await();
				int expired = 0;
				for (int n; (n = node.expireDueReservations(3)) > 0;) {
					expired += n;
				}
				return expired;
			});
		}
		int expiredByUs = 0;
		try (var threads = Executors.newFixedThreadPool(6)) {
			List<Future<Integer>> results = expirers.stream().map(threads::submit).toList();
			start.countDown();
			for (Future<Integer> result : results) {
				expiredByUs += result.get();
			}
		}

		// the first node's scheduled job may have taken a few; the ledger shows each was released once
		assertThat(expiredByUs).isBetween(1, 60);
		for (ReservationId id : ids) {
			assertThat(inventory.reservation(store, id).status()).isEqualTo(Reservation.Status.EXPIRED);
		}
		List<Integer> releasesPerReservation = jdbc.sql("""
				select count(*) from inventory.movement where store_id = ? and sku = ? and reason = 'RESERVATION_RELEASED'
				group by source_id""")
			.params(store.value(), sku)
			.query(Integer.class)
			.list();
		assertThat(releasesPerReservation).hasSize(60).containsOnly(1);
		assertThat(inventory.stock(store, sku).reserved()).isZero();
		assertThat(inventory.ledgerDiscrepancies(store)).isEmpty();
	}

	@Test
	void twoNodesConfirmingAndThenReleasingOneReservationCommitAndReleaseItsUnitsOnce() throws Exception {
		String sku = fixtures.newSku(store);
		inventory.receive(store, StockReceipt.of(sku, 10, null));
		String reference = "order-" + UUID.randomUUID();
		ReservationId id = inventory.reserve(store, ReserveStock.of(reference, Duration.ofMinutes(10),
				new ReserveStock.Line(sku, 4))).id();

		List<Callable<Reservation.Status>> confirms = new ArrayList<>();
		for (int i = 0; i < 8; i++) {
			InventoryManagement node = i % 2 == 0 ? inventory : otherInventory;
			confirms.add(() -> node.confirm(store, id).status());
		}
		assertThat(runAtOnce(confirms)).containsOnly(Reservation.Status.CONFIRMED);
		assertThat(inventory.stock(store, sku).committed()).as("committed once").isEqualTo(4);
		assertThat(inventory.stock(store, sku).reserved()).isZero();

		// the order is cancelled on both nodes at once (a retried request): released once
		List<Callable<Integer>> releases = new ArrayList<>();
		for (int i = 0; i < 8; i++) {
			InventoryManagement node = i % 2 == 0 ? inventory : otherInventory;
			releases.add(() -> node.releaseCommitted(store, List.of(reference), java.util.Map.of(sku, 4),
					"cancel:" + reference, "cancelled").settled(sku));
		}
		assertThat(runAtOnce(releases).stream().mapToInt(Integer::intValue).sum()).isEqualTo(4);
		assertThat(inventory.stock(store, sku).committed()).isZero();
		assertThat(inventory.stock(store, sku).onHand()).isEqualTo(10);
		assertThat(inventory.availableOnline(store, sku)).isEqualTo(10);
		assertThat(inventory.ledgerDiscrepancies(store)).isEmpty();
	}

	private static <T> List<T> runAtOnce(List<Callable<T>> work) throws Exception {
		CountDownLatch start = new CountDownLatch(1);
		List<T> results = new ArrayList<>();
		try (var threads = Executors.newFixedThreadPool(work.size())) {
			List<Future<T>> futures = work.stream().map(task -> threads.submit(() -> {
				start.await();
				return task.call();
			})).toList();
			start.countDown();
			for (Future<T> future : futures) {
				results.add(future.get());
			}
		}
		return results;
	}
}
