package dev.shopwright.inventory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import dev.shopwright.platform.Actor;
import dev.shopwright.platform.BusinessRuleViolation;
import dev.shopwright.shared.StoreId;

/**
 * Combines the reservation requests that arrive on this node at the same time into one transaction (ADR 0012).
 * A hot SKU's level row can only change once per commit while its lock is held; one commit for a batch lets
 * many requests through per lock hold. Single-SKU requests are decided together under the SKU's row locks
 * ({@link CombinedReservations}); the others run their own guarded updates in a savepoint, so a refused one rolls
 * back alone. Every request gets its own decision. If the batch itself fails (a deadlock
 * with another node, a lost connection), every request of it is run again on its own; a retry of a request that
 * did commit finds its reservation by reference.
 * <p>
 * Requests are spread over a few lanes by their first SKU, so that one hot SKU does not queue the others.
 */
@Component
class ReservationBatcher implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(ReservationBatcher.class);

	private record Request(StoreId store, ReserveStock command, Actor actor, CompletableFuture<Reservation> result) {
	}

	private static final Request STOP = new Request(new StoreId(new java.util.UUID(0, 0)),
			new ReserveStock("stop", List.of(), java.time.Duration.ZERO), Actor.SYSTEM, new CompletableFuture<>());

	private final StockReservations reservations;

	private final CombinedReservations combined;

	private final TransactionTemplate transaction;

	private final int maxBatch;

	private final List<BlockingQueue<Request>> lanes = new ArrayList<>();

	private final List<Thread> workers = new ArrayList<>();

	ReservationBatcher(StockReservations reservations, CombinedReservations combined, TransactionTemplate transaction,
			@Value("${shopwright.inventory.reservation-batch.lanes:4}") int laneCount,
			@Value("${shopwright.inventory.reservation-batch.max-size:64}") int maxBatch) {
		this.reservations = reservations;
		this.combined = combined;
		this.transaction = transaction;
		this.maxBatch = Math.max(1, maxBatch);
		for (int i = 0; i < Math.max(1, laneCount); i++) {
			BlockingQueue<Request> lane = new LinkedBlockingQueue<>();
			lanes.add(lane);
			Thread worker = Thread.ofPlatform().daemon().name("reservation-batcher-" + i).start(() -> work(lane));
			workers.add(worker);
		}
	}

	/** Reserves through the batch of this node; blocks until the batch holding the request has committed. */
	Reservation reserve(StoreId store, ReserveStock command, Actor actor) {
		Request request = new Request(store, command, actor, new CompletableFuture<>());
		String firstSku = StockReservations.merged(command).keySet().iterator().next();
		lanes.get(Math.floorMod(firstSku.hashCode(), lanes.size())).add(request);
		try {
			return request.result().get();
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while reserving", e);
		}
		catch (ExecutionException e) {
			if (e.getCause() instanceof RuntimeException runtime) {
				throw runtime;
			}
			throw new IllegalStateException(e.getCause());
		}
	}

	private void work(BlockingQueue<Request> lane) {
		List<Request> batch = new ArrayList<>();
		while (true) {
			try {
				batch.add(lane.take());
			}
			catch (InterruptedException e) {
				return;
			}
			lane.drainTo(batch, maxBatch - 1);
			boolean stop = batch.remove(STOP);
			try {
				run(batch);
			}
			catch (Throwable unexpected) {
				batch.forEach(r -> r.result().completeExceptionally(unexpected));
			}
			batch.clear();
			if (stop) {
				lane.forEach(r -> r.result().completeExceptionally(new IllegalStateException("shutting down")));
				return;
			}
		}
	}

	private void run(List<Request> batch) {
		if (batch.isEmpty()) {
			return;
		}
		if (batch.size() == 1) {
			runAlone(batch.getFirst());
			return;
		}
		Map<Request, Object> outcomes = new LinkedHashMap<>();
		try {
			transaction.executeWithoutResult(status -> {
				List<CombinedReservations.Pending> pending = batch.stream()
					.map(r -> new CombinedReservations.Pending(r.store(), r.command(), r.actor()))
					.toList();
				combined.decide(pending);
				for (int i = 0; i < batch.size(); i++) {
					Request request = batch.get(i);
					Object decided = pending.get(i).outcome;
					if (decided != null) {
						outcomes.put(request, decided);
						continue;
					}
					try {
						outcomes.put(request, reservations.reserve(request.store(), request.command(), request.actor()));
					}
					catch (BusinessRuleViolation refused) {
						outcomes.put(request, refused); // rolled back to its savepoint; the others stand
					}
				}
			});
		}
		catch (RuntimeException batchFailed) {
			log.debug("Reservation batch of {} failed ({}); running its requests one by one", batch.size(),
					batchFailed.toString());
			batch.forEach(this::runAlone);
			return;
		}
		outcomes.forEach((request, outcome) -> {
			if (outcome instanceof Reservation reservation) {
				request.result().complete(reservation);
			}
			else {
				request.result().completeExceptionally((Throwable) outcome);
			}
		});
	}

	private void runAlone(Request request) {
		try {
			request.result()
				.complete(transaction.execute(status -> reservations.reserve(request.store(), request.command(), request.actor())));
		}
		catch (Throwable failed) {
			request.result().completeExceptionally(failed);
		}
	}

	@Override
	public void destroy() throws InterruptedException {
		lanes.forEach(lane -> lane.add(STOP));
		for (Thread worker : workers) {
			worker.join(10_000);
		}
	}
}
