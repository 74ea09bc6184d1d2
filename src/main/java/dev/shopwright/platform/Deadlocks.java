package dev.shopwright.platform;

import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.PessimisticLockingFailureException;

/**
 * Runs a whole transaction again when PostgreSQL aborted it to break a deadlock (or a serialization failure).
 * For large, idempotent units of work that touch many rows in an order other work does not share — the demo data
 * seeded at start-up while catalog events are being processed, for example. The work must start and end its own
 * transaction inside {@code work}, so that a retry starts from a clean state.
 */
public final class Deadlocks {

	private static final Logger log = LoggerFactory.getLogger(Deadlocks.class);

	private Deadlocks() {
	}

	public static <T> T retry(String what, Supplier<T> work) {
		int attempts = 5;
		for (int attempt = 1;; attempt++) {
			try {
				return work.get();
			}
			catch (PessimisticLockingFailureException ex) {
				if (attempt == attempts) {
					throw ex;
				}
				log.info("{}: the database broke a deadlock by aborting it; trying again ({} of {})", what, attempt + 1,
						attempts);
				try {
					Thread.sleep(50L * attempt);
				}
				catch (InterruptedException interrupted) {
					Thread.currentThread().interrupt();
					throw ex;
				}
			}
		}
	}
}
