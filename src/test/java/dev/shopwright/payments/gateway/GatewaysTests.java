package dev.shopwright.payments.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import dev.shopwright.shared.Money;
import dev.shopwright.shared.StoreId;

/**
 * The resilience around gateways, with Resilience4j for real: transient failures are retried with the same key,
 * declines never are, and a provider that keeps failing trips the circuit breaker so that calls stop reaching it.
 */
class GatewaysTests {

	/** A provider at the other end of a network: down for the first {@code failures} calls, then answering. */
	static final class FlakyProvider implements PaymentGateway {

		final AtomicInteger calls = new AtomicInteger();

		final int failures;

		final GatewayResult.Outcome outcome;

		FlakyProvider(int failures, GatewayResult.Outcome outcome) {
			this.failures = failures;
			this.outcome = outcome;
		}

		@Override
		public String name() {
			return "flaky";
		}

		private GatewayResult answer() {
			if (calls.incrementAndGet() <= failures) {
				throw new GatewayUnavailable("connect timed out");
			}
			return outcome == GatewayResult.Outcome.SUCCEEDED ? GatewayResult.succeeded("pay_1", "tx_" + calls.get(), null)
					: GatewayResult.declined("pay_1", "tx_" + calls.get(), "card_declined", "declined");
		}

		@Override
		public GatewayResult authorize(GatewayAuthorization request) {
			return answer();
		}

		@Override
		public GatewayResult capture(GatewayCall call, Money amount) {
			return answer();
		}

		@Override
		public GatewayResult voidAuthorization(GatewayCall call) {
			return answer();
		}

		@Override
		public GatewayResult refund(GatewayCall call, Money amount) {
			return answer();
		}

		@Override
		public Optional<GatewayResult> lookUp(StoreId store, String idempotencyKey) {
			return Optional.of(answer());
		}

		@Override
		public GatewayEvent parseWebhook(String payload, Map<String, String> headers) {
			throw new InvalidWebhookSignature("not used");
		}
	}

	private static final GatewayCall CALL = new GatewayCall(StoreId.of("00000000-0000-0000-0000-000000000001"), "pay_1",
			"capture:k1");

	@Test
	void transientFailuresAreRetriedAndDeclinesAreNot() {
		FlakyProvider recovering = new FlakyProvider(2, GatewayResult.Outcome.SUCCEEDED);
		Gateways gateways = new Gateways(List.of(recovering), 3, Duration.ofMillis(1));
		GatewayResult result = gateways.call("flaky", g -> g.capture(CALL, Money.of("1.00", "EUR")));
		assertThat(result.outcome()).isEqualTo(GatewayResult.Outcome.SUCCEEDED);
		assertThat(recovering.calls).hasValue(3);

		FlakyProvider declining = new FlakyProvider(0, GatewayResult.Outcome.DECLINED);
		Gateways other = new Gateways(List.of(declining), 3, Duration.ofMillis(1));
		assertThat(other.call("flaky", g -> g.capture(CALL, Money.of("1.00", "EUR"))).outcome())
			.isEqualTo(GatewayResult.Outcome.DECLINED);
		assertThat(declining.calls).hasValue(1);
	}

	@Test
	void aProviderThatKeepsFailingTripsTheBreakerAndIsNoLongerCalled() {
		FlakyProvider down = new FlakyProvider(Integer.MAX_VALUE, GatewayResult.Outcome.SUCCEEDED);
		Gateways gateways = new Gateways(List.of(down), 2, Duration.ofMillis(1));
		for (int i = 0; i < 5; i++) {
			assertThatThrownBy(() -> gateways.call("flaky", g -> g.voidAuthorization(CALL)))
				.isInstanceOf(GatewayUnavailable.class);
		}
		assertThat(down.calls).hasValue(10); // 5 calls x 2 attempts: the breaker needs 10 recorded calls
		assertThat(gateways.circuitState("flaky")).isEqualTo("OPEN");
		assertThatThrownBy(() -> gateways.call("flaky", g -> g.voidAuthorization(CALL)))
			.isInstanceOf(GatewayUnavailable.class).hasMessageContaining("circuit breaker open");
		assertThat(down.calls).as("an open breaker does not call the provider").hasValue(10);
	}
}
