package dev.shopwright.payments;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Every {@code shopwright.payments.reconciler.interval}, resolves payment steps left PENDING for longer than
 * {@code shopwright.payments.reconciler.pending-age} by asking the gateway about their idempotency key. Runs on
 * every node: rows are claimed with {@code FOR UPDATE SKIP LOCKED} plus a short lease, so nodes share the work and
 * never resolve the same step twice (see ADR 0011).
 */
@Component
class PendingPaymentReconciler {

	private static final Logger log = LoggerFactory.getLogger(PendingPaymentReconciler.class);

	private final PaymentManagement payments;

	private final Duration pendingAge;

	PendingPaymentReconciler(PaymentManagement payments,
			@Value("${shopwright.payments.reconciler.pending-age:PT60S}") Duration pendingAge) {
		this.payments = payments;
		this.pendingAge = pendingAge;
	}

	@Scheduled(fixedDelayString = "${shopwright.payments.reconciler.interval:PT30S}", initialDelayString = "${shopwright.payments.reconciler.initial-delay:PT20S}")
	void run() {
		int resolved = runOnce(pendingAge);
		if (resolved > 0) {
			log.info("reconciler resolved {} pending payment steps", resolved);
		}
	}

	/** One pass over steps pending for longer than {@code age}; returns how many were resolved. */
	int runOnce(Duration age) {
		int total = 0;
		int resolved;
		do {
			resolved = payments.reconcile(age, Duration.ofMinutes(2), 50);
			total += resolved;
		}
		while (resolved == 50);
		return total;
	}
}
