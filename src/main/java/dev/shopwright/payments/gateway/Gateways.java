package dev.shopwright.payments.gateway;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;

/**
 * The installed gateways, each called through a Resilience4j retry (exponential backoff, transient failures only:
 * a decline is an answer and is never retried) inside which a circuit breaker stops calling a provider that keeps
 * failing. Retrying is safe because every call carries the same idempotency key.
 */
@Component
public class Gateways {

	private record Guarded(PaymentGateway gateway, Retry retry, CircuitBreaker breaker) {
	}

	private final Map<String, Guarded> byName = new LinkedHashMap<>();

	Gateways(List<PaymentGateway> gateways, @Value("${shopwright.payments.gateway.max-attempts:3}") int maxAttempts,
			@Value("${shopwright.payments.gateway.initial-backoff:PT0.2S}") Duration initialBackoff) {
		RetryConfig retry = RetryConfig.custom()
			.maxAttempts(maxAttempts)
			.intervalFunction(IntervalFunction.ofExponentialBackoff(initialBackoff, 2.0))
			.retryExceptions(GatewayUnavailable.class)
			.build();
		CircuitBreakerConfig breaker = CircuitBreakerConfig.custom()
			.slidingWindowSize(20)
			.minimumNumberOfCalls(10)
			.failureRateThreshold(50)
			.waitDurationInOpenState(Duration.ofSeconds(30))
			.recordExceptions(GatewayUnavailable.class)
			.build();
		for (PaymentGateway gateway : gateways) {
			byName.put(gateway.name(), new Guarded(gateway, Retry.of("payments-" + gateway.name(), retry),
					CircuitBreaker.of("payments-" + gateway.name(), breaker)));
		}
	}

	public Optional<PaymentGateway> find(String name) {
		return Optional.ofNullable(byName.get(name)).map(Guarded::gateway);
	}

	/** The gateway card payments go through (the first installed: the sandbox until a provider adapter is added). */
	public String defaultGateway() {
		return byName.keySet().iterator().next();
	}

	/**
	 * Runs {@code call} against the gateway with retries and the circuit breaker.
	 *
	 * @throws GatewayUnavailable when every attempt failed transiently or the breaker is open
	 */
	public <T> T call(String name, Function<PaymentGateway, T> call) {
		Guarded guarded = byName.get(name);
		if (guarded == null) {
			throw new IllegalArgumentException("no payment gateway named " + name);
		}
		try {
			return Retry.decorateSupplier(guarded.retry(),
					CircuitBreaker.decorateSupplier(guarded.breaker(), () -> call.apply(guarded.gateway()))).get();
		}
		catch (CallNotPermittedException ex) {
			throw new GatewayUnavailable("circuit breaker open for " + name, ex);
		}
	}

	/** The breaker's state, for the console and tests. */
	public String circuitState(String name) {
		Guarded guarded = byName.get(name);
		return guarded == null ? "UNKNOWN" : guarded.breaker().getState().name();
	}
}
