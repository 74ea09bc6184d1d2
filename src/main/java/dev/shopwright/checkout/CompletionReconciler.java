package dev.shopwright.checkout;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Every {@code shopwright.checkout.reconciler.interval}, finishes completions whose stage has not moved for
 * {@code shopwright.checkout.reconciler.stale-after} (a crash, a lost connection, a shopper who left during 3-D
 * Secure): money exists → the order is placed; none → the stock is released and the cart reopened (ADR 0017). Runs
 * on every node: carts are claimed with {@code FOR UPDATE SKIP LOCKED} and a lease, so each goes to one node.
 */
@Component
class CompletionReconciler {

	private static final Logger log = LoggerFactory.getLogger(CompletionReconciler.class);

	private static final int BATCH = 20;

	private final Carts carts;

	private final CheckoutCompletion completion;

	private final Duration staleAfter;

	CompletionReconciler(Carts carts, CheckoutCompletion completion,
			@Value("${shopwright.checkout.reconciler.stale-after:PT5M}") Duration staleAfter) {
		this.carts = carts;
		this.completion = completion;
		this.staleAfter = staleAfter;
	}

	@Scheduled(fixedDelayString = "${shopwright.checkout.reconciler.interval:PT60S}",
			initialDelayString = "${shopwright.checkout.reconciler.initial-delay:PT30S}")
	void run() {
		int handled = runOnce(staleAfter);
		if (handled > 0) {
			log.info("checkout reconciler looked at {} stalled completions", handled);
		}
	}

	/** One pass over completions stalled for longer than {@code age}; returns how many it looked at. */
	int runOnce(Duration age) {
		int total = 0;
		int claimed;
		do {
			var stalled = carts.claimStale(age, Duration.ofMinutes(2), BATCH);
			claimed = stalled.size();
			for (Carts.Row row : stalled) {
				try {
					completion.resolve(row);
				}
				catch (RuntimeException ex) { // one cart's trouble must not stop the others; its lease expires
					log.warn("checkout reconciler: cart {} stays COMPLETING for now: {}", row.id(), ex.toString());
				}
			}
			total += claimed;
		}
		while (claimed == BATCH);
		return total;
	}
}
