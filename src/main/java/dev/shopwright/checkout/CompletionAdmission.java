package dev.shopwright.checkout;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Admission control for completions on this node: at most {@code max-concurrent} run at once; the others queue
 * (fairly, in arrival order) for up to {@code wait}, then get 503 {@code CHECKOUT_BUSY} with {@code Retry-After}
 * before anything was done. In a rush this keeps the database's connections and the hot SKU's row for the shoppers
 * being served, instead of letting hundreds of requests time out on the pool as 500s.
 */
@Component
class CompletionAdmission {

	private final Semaphore permits;

	private final Duration wait;

	CompletionAdmission(@Value("${shopwright.checkout.completion.max-concurrent:16}") int maxConcurrent,
			@Value("${shopwright.checkout.completion.admission-wait:PT30S}") Duration wait) {
		this.permits = new Semaphore(maxConcurrent, true);
		this.wait = wait;
	}

	<T> T within(Supplier<T> completion) {
		boolean admitted;
		try {
			admitted = permits.tryAcquire(wait.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			admitted = false;
		}
		if (!admitted) {
			throw CheckoutRefused.busy(Duration.ofSeconds(2));
		}
		try {
			return completion.get();
		}
		finally {
			permits.release();
		}
	}
}
