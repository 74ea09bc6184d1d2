package dev.shopwright.inventory.forecasting;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import dev.shopwright.platform.AuditLog;
import dev.shopwright.platform.BackgroundJobWorker;
import dev.shopwright.shared.StoreId;

/**
 * Runs "recompute forecasts" jobs in the background, one at a time per node. A job is claimed with {@code for update
 * skip locked}, so with several nodes each job runs once. SKUs are computed in batches in SKU order; each batch
 * commits with the job's progress (which doubles as its heartbeat), so a job whose node died is taken over by the next
 * node to look and continues after the last committed SKU. A graceful shutdown hands the job back at once.
 */
@Component
class ForecastWorker extends BackgroundJobWorker<ForecastRuns.Claimed> {

	private static final Logger log = LoggerFactory.getLogger(ForecastWorker.class);

	static final int BATCH_SIZE = 25;

	static final int MAX_ATTEMPTS = 5;

	/** Thrown inside a batch's transaction when another node has taken the job over: the batch rolls back. */
	static final class LostClaim extends RuntimeException {

		LostClaim() {
			super(null, null, false, false);
		}
	}

	private final ForecastRuns runs;

	private final Forecasts forecasts;

	private final ForecastComputation computation;

	private final AuditLog auditLog;

	private final TransactionTemplate transactions;

	private final Duration staleAfter;

	ForecastWorker(ForecastRuns runs, Forecasts forecasts, ForecastComputation computation, AuditLog auditLog,
			TransactionTemplate transactions,
			@Value("${shopwright.forecasts.poll-interval:5s}") Duration pollInterval,
			@Value("${shopwright.forecasts.stale-after:60s}") Duration staleAfter) {
		super("forecast-worker", pollInterval);
		this.runs = runs;
		this.forecasts = forecasts;
		this.computation = computation;
		this.auditLog = auditLog;
		this.transactions = transactions;
		this.staleAfter = staleAfter;
	}

	@Override
	protected Optional<ForecastRuns.Claimed> claim() {
		return Optional.ofNullable(transactions.execute(status -> runs.claim(node, staleAfter))).flatMap(c -> c);
	}

	@Override
	protected void run(ForecastRuns.Claimed job) {
		StoreId store = job.store();
		if (job.attempts() > MAX_ATTEMPTS) {
			runs.fail(store, job.id(), "The job was interrupted " + (job.attempts() - 1) + " times and was given up.");
			return;
		}
		long started = System.nanoTime();
		try {
			String after = job.lastSku();
			while (true) {
				if (!isRunning()) {
					transactions.executeWithoutResult(status -> runs.release(store, job.id(), node));
					return;
				}
				String from = after;
				String last = transactions.execute(status -> {
					List<Forecasts.TrackedSku> batch = forecasts.skus(store, from, BATCH_SIZE);
					if (batch.isEmpty()) {
						return null;
					}
					ForecastComputation.Outcome outcome = computation.computeAndStore(store, batch);
					String lastSku = batch.getLast().sku();
					if (!runs.progress(store, job.id(), node, outcome.computed(), outcome.failed(), lastSku,
							forecasts.countSkus(store))) {
						throw new LostClaim();
					}
					return lastSku;
				});
				if (last == null) {
					break;
				}
				after = last;
			}
			transactions.executeWithoutResult(status -> {
				runs.complete(store, job.id(), node);
				ForecastRun done = runs.find(store, job.id()).orElseThrow();
				log.info("Forecast job {} of store {}: {} SKUs ({} failed) in {} ms", job.id(), store, done.done(),
						done.failed(), (System.nanoTime() - started) / 1_000_000);
				auditLog.record(store, "forecasts.recomputed", "forecast-run", job.id().toString(),
						"Recomputed forecasts: %d SKUs, %d failed".formatted(done.done(), done.failed()));
			});
		}
		catch (LostClaim ex) {
			log.warn("Forecast job {} was taken over by another node", job.id());
		}
		catch (RuntimeException ex) {
			String incident = UUID.randomUUID().toString();
			log.error("Forecast job {} failed, incident {}", job.id(), incident, ex);
			runs.fail(store, job.id(), "The job stopped on an unexpected error (incident " + incident + ").");
		}
	}
}
