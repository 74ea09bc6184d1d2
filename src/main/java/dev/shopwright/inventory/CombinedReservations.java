package dev.shopwright.inventory;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import dev.shopwright.catalog.InventoryPolicy;
import dev.shopwright.inventory.Reservation.Allocation;
import dev.shopwright.inventory.domain.Items.Item;
import dev.shopwright.inventory.domain.Levels;
import dev.shopwright.inventory.domain.Levels.Guard;
import dev.shopwright.inventory.domain.Levels.Hold;
import dev.shopwright.inventory.domain.Levels.Locked;
import dev.shopwright.inventory.domain.Levels.Row;
import dev.shopwright.inventory.domain.Reservations;
import dev.shopwright.inventory.domain.Reservations.NewReservation;
import dev.shopwright.inventory.events.LowStockReached;
import dev.shopwright.inventory.events.OutOfStock;
import dev.shopwright.inventory.events.StockLevelChanged;
import dev.shopwright.platform.Actor;
import dev.shopwright.platform.BusinessRuleViolation;
import dev.shopwright.shared.StoreId;

/**
 * The batch's fast path (ADR 0012): the single-SKU requests of a batch for one SKU are decided together. The
 * SKU's level rows at the online locations are locked ({@code FOR UPDATE}), so what they say is available stays
 * true until the commit; each request is then decided in arrival order against those figures, and the winners are
 * written with one guarded update per location (the guard still checks, as a safety net) and multi-row inserts.
 * A handful of statements serve the whole batch instead of a dozen per request.
 * <p>
 * Requests this path does not take (several SKUs, a reference that already holds a reservation, a repeated
 * reference, a SKU with no online level yet) are left for the one-by-one path.
 */
@Component
class CombinedReservations {

	/** One request of a batch, and what became of it. */
	static final class Pending {

		final StoreId store;

		final ReserveStock command;

		final Actor actor;

		Object outcome; // a Reservation, a BusinessRuleViolation, or null: not decided here

		Pending(StoreId store, ReserveStock command, Actor actor) {
			this.store = store;
			this.command = command;
			this.actor = actor;
		}
	}

	private final Levels levels;

	private final Reservations reservations;

	private final TrackedSkus trackedSkus;

	private final ApplicationEventPublisher events;

	CombinedReservations(Levels levels, Reservations reservations, TrackedSkus trackedSkus, ApplicationEventPublisher events) {
		this.levels = levels;
		this.reservations = reservations;
		this.trackedSkus = trackedSkus;
		this.events = events;
	}

	/** Decides what it can of the batch, inside the batch's transaction; the rest keep a null outcome. */
	@Transactional(propagation = Propagation.MANDATORY)
	public void decide(List<Pending> batch) {
		Map<String, List<Pending>> bySku = new java.util.TreeMap<>(); // SKU order: the order rows are locked in
		for (Pending pending : batch) {
			Map<String, Integer> lines = StockReservations.merged(pending.command);
			if (lines.size() == 1) {
				bySku.computeIfAbsent(pending.store.value() + "/" + lines.keySet().iterator().next(), k -> new ArrayList<>())
					.add(pending);
			}
		}
		bySku.values().forEach(this::decideOneSku);
	}

	private void decideOneSku(List<Pending> requests) {
		StoreId store = requests.getFirst().store;
		String sku = StockReservations.merged(requests.getFirst().command).keySet().iterator().next();
		Item item;
		try {
			item = trackedSkus.require(store, sku);
		}
		catch (BusinessRuleViolation unknown) {
			requests.forEach(p -> p.outcome = unknown);
			return;
		}
		Set<String> seen = new HashSet<>();
		List<Pending> eligible = new ArrayList<>();
		for (Pending p : requests) {
			if (seen.add(p.command.reference())) {
				eligible.add(p); // a reference seen before goes one by one, and finds its reservation there
			}
		}
		List<Locked> rows = levels.lockOnline(store, sku);
		if (eligible.isEmpty() || rows.isEmpty()) {
			return;
		}
		int[] available = rows.stream().mapToInt(Locked::available).toArray();
		int beyond = item.policy() == InventoryPolicy.CONTINUE ? Integer.MAX_VALUE
				: item.policy() == InventoryPolicy.PREORDER ? (item.preorderLimit() == null ? 0 : item.preorderLimit()) : 0;
		Instant now = Instant.now();
		List<NewReservation> winners = new ArrayList<>();
		List<Pending> winnerRequests = new ArrayList<>();
		for (Pending p : eligible) {
			int quantity = p.command.lines().stream().mapToInt(ReserveStock.Line::quantity).sum();
			int[] take = new int[rows.size()];
			int remaining = quantity;
			for (int i = 0; i < rows.size() && remaining > 0; i++) {
				take[i] = Math.max(0, Math.min(remaining, available[i]));
				remaining -= take[i];
			}
			if (remaining > 0) {
				// what the policy allows past zero comes from the first location, as on the one-by-one path
				long headroom = (long) available[0] - take[0] + beyond;
				if (beyond > 0 && headroom >= remaining) {
					take[0] += remaining;
					remaining = 0;
				}
			}
			if (remaining > 0) {
				p.outcome = new BusinessRuleViolation("INSUFFICIENT_STOCK", 409,
						"Not enough stock for %s (%d requested, %d obtainable)".formatted(sku, quantity, quantity - remaining),
						Map.of("lines[0].quantity", "%s: %d requested, %d obtainable".formatted(sku, quantity, quantity - remaining)));
				continue;
			}
			ReservationId id = new ReservationId(UUID.randomUUID());
			List<Allocation> allocations = new ArrayList<>();
			for (int i = 0; i < rows.size(); i++) {
				if (take[i] > 0) {
					available[i] -= take[i];
					allocations.add(new Allocation(rows.get(i).locationId(), take[i]));
				}
			}
			NewReservation reservation = new NewReservation(id, p.command.reference(), sku, quantity,
					now.plus(p.command.ttl()).truncatedTo(ChronoUnit.MILLIS), allocations);
			winners.add(reservation);
			winnerRequests.add(p);
			p.outcome = new Reservation(id, p.command.reference(), Reservation.Status.ACTIVE, reservation.expiresAt(),
					now.truncatedTo(ChronoUnit.MICROS), List.of(new Reservation.Line(sku, quantity, allocations)));
		}
		if (winners.isEmpty()) {
			return;
		}
		Set<ReservationId> stored = reservations.insertAll(store, winners, now.truncatedTo(ChronoUnit.MICROS));
		Map<Integer, List<Hold>> holdsByLocation = new LinkedHashMap<>();
		for (int w = 0; w < winners.size(); w++) {
			NewReservation winner = winners.get(w);
			if (!stored.contains(winner.id())) {
				// its reference holds a live reservation already: the one-by-one path returns that one
				winnerRequests.get(w).outcome = null;
				for (Allocation a : winner.allocations()) {
					available[indexOf(rows, a.locationId())] += a.quantity();
				}
				continue;
			}
			for (Allocation a : winner.allocations()) {
				holdsByLocation.computeIfAbsent(indexOf(rows, a.locationId()), k -> new ArrayList<>())
					.add(new Hold(winner.id().toString(), winner.reference(), a.quantity(), winnerRequests.get(w).actor));
			}
		}
		List<Row> changed = new ArrayList<>();
		int totalTaken = 0;
		for (Map.Entry<Integer, List<Hold>> entry : holdsByLocation.entrySet()) {
			Guard guard = entry.getKey() == 0 && beyond == Integer.MAX_VALUE ? Guard.NONE
					: Guard.availableCovers(entry.getKey() == 0 ? beyond : 0);
			Row row = levels.reserveTogether(store, sku, rows.get(entry.getKey()).locationId(), entry.getValue(), guard)
				.orElseThrow(() -> new IllegalStateException("a locked level of " + sku + " changed under its lock"));
			changed.add(row);
			totalTaken += entry.getValue().stream().mapToInt(Hold::quantity).sum();
		}
		// every online level of the SKU is locked by us, so their sum is what shoppers can buy now
		publish(store, sku, item, changed, totalTaken, java.util.Arrays.stream(available).sum());
	}

	private static int indexOf(List<Locked> rows, LocationId location) {
		for (int i = 0; i < rows.size(); i++) {
			if (rows.get(i).locationId().equals(location)) {
				return i;
			}
		}
		throw new IllegalStateException("not a locked location: " + location);
	}

	private void publish(StoreId store, String sku, Item item, List<Row> changed, int taken, int after) {
		for (Row row : changed) {
			events.publishEvent(new StockLevelChanged(store, sku, row.locationId(), row.onHand(), row.reserved(), row.available(), after,
					row.committed()));
		}
		int before = after + taken;
		if (before > 0 && after <= 0) {
			events.publishEvent(new OutOfStock(store, sku));
		}
		Integer reorderPoint = item.reorderPoint();
		if (reorderPoint != null && before > reorderPoint && after <= reorderPoint && after > 0) {
			events.publishEvent(new LowStockReached(store, sku, after, reorderPoint));
		}
	}
}
