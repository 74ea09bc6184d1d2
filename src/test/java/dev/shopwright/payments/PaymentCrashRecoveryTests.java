package dev.shopwright.payments;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import dev.shopwright.testing.ApiClient;
import dev.shopwright.testing.ChildApplication;
import dev.shopwright.testing.ShopwrightTest;
import dev.shopwright.testing.TestDatabase;
import tools.jackson.databind.JsonNode;

/**
 * Kills the application for real in the middle of a payment: a child JVM runs Shopwright on its own database and
 * halts (no shutdown hooks) right after the gateway charged the card and before the answer was recorded. A second
 * start must find the step PENDING and let the reconciler complete it from what the gateway says: one charge, one
 * captured payment, nothing lost.
 */
@ShopwrightTest // shares the run's embedded PostgreSQL (and keeps it up) with the other tests
class PaymentCrashRecoveryTests {

	@Test
	void aPaymentInterruptedByAKillIsCompletedByTheReconcilerAfterRestart() throws Exception {
		String database = "crash_" + Long.toHexString(System.nanoTime());
		String url = TestDatabase.createDatabase(database);

		int port = ChildApplication.freePort();
		Process first = start(url, port, true, "crash-first.log");
		try {
			awaitHealthy(first, port);
			ApiClient shop = ApiClient.at(port).loggedIn(ShopwrightTest.OWNER_EMAIL, ShopwrightTest.OWNER_PASSWORD)
				.store("demo");
			try {
				ApiClient.Response response = shop.post("/api/admin/v1/payments", Map.of("orderReference", "order-crash",
						"amount", Map.of("amount", "42.00", "currency", "EUR"), "method", "CARD", "card",
						Map.of("number", "4242424242424242", "expMonth", 12, "expYear", YearMonth.now().getYear() + 1, "cvc",
								"123")));
				throw new AssertionError("the process should have died mid-payment, but answered " + response);
			}
			catch (IllegalStateException connectionLost) {
				// expected: the server vanished while answering
			}
			assertThat(first.waitFor(60, TimeUnit.SECONDS)).as("the first process halted").isTrue();
			assertThat(first.exitValue()).isEqualTo(137);
		}
		finally {
			first.destroyForcibly();
		}

		// what the crash left: the gateway charged, our record says PENDING
		assertThat(query(url, "select status from payments.payment_transaction where kind = 'AUTHORIZE'"))
			.containsExactly("PENDING");
		assertThat(query(url, "select status from payments.sandbox_charge where operation = 'AUTHORIZE'"))
			.containsExactly("SUCCEEDED");

		int secondPort = ChildApplication.freePort();
		Process second = start(url, secondPort, false, "crash-second.log");
		try {
			awaitHealthy(second, secondPort);
			ApiClient shop = ApiClient.at(secondPort).loggedIn(ShopwrightTest.OWNER_EMAIL, ShopwrightTest.OWNER_PASSWORD)
				.store("demo");
			JsonNode payment = null;
			Instant deadline = Instant.now().plusSeconds(60);
			while (Instant.now().isBefore(deadline)) {
				JsonNode items = shop.get("/api/admin/v1/payments?orderReference=order-crash").json().get("items");
				assertThat(items).hasSize(1);
				payment = items.get(0);
				if (payment.get("status").asString().equals("CAPTURED")) {
					break;
				}
				Thread.sleep(500);
			}
			assertThat(payment).isNotNull();
			assertThat(payment.get("status").asString()).as(payment.toString()).isEqualTo("CAPTURED");
			assertThat(payment.get("captured").get("amount").asString()).isEqualTo("42.00");
			assertThat(payment.get("transactions").findValuesAsString("status")).containsExactly("SUCCEEDED", "SUCCEEDED");
			assertThat(query(url, "select count(*) from payments.sandbox_charge where operation = 'AUTHORIZE'"))
				.containsExactly("1");
			assertThat(query(url, "select count(*) from payments.sandbox_charge where operation = 'CAPTURE'"))
				.containsExactly("1");
		}
		finally {
			second.destroy();
			if (!second.waitFor(60, TimeUnit.SECONDS)) {
				second.destroyForcibly();
			}
		}
	}

	private static Process start(String url, int port, boolean crash, String log) throws IOException {
		List<String> arguments = new ArrayList<>(List.of("--shopwright.payments.reconciler.pending-age=PT1S",
				"--shopwright.payments.reconciler.interval=PT1S", "--shopwright.payments.reconciler.initial-delay=PT1S"));
		if (crash) {
			arguments.add("--shopwright.payments.simulate-crash-at=after-gateway-call");
		}
		return ChildApplication.start(url, port, log, arguments);
	}

	private static void awaitHealthy(Process process, int port) throws InterruptedException {
		ChildApplication.awaitHealthy(process, port, Duration.ofMinutes(6));
	}

	private static List<String> query(String url, String sql) throws Exception {
		return ChildApplication.query(url, sql);
	}
}
