package dev.shopwright.inventory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import dev.shopwright.catalog.InventoryPolicy;
import dev.shopwright.inventory.Reservation.Allocation;
import dev.shopwright.inventory.Reservation.Status;
import dev.shopwright.inventory.domain.Items;
import dev.shopwright.inventory.domain.Items.Item;
import dev.shopwright.inventory.domain.Commitments;
import dev.shopwright.inventory.domain.Levels;
import dev.shopwright.inventory.domain.Levels.Change;
import dev.shopwright.inventory.domain.Levels.Guard;
import dev.shopwright.inventory.domain.Levels.Row;
import dev.shopwright.inventory.domain.Locations;
import dev.shopwright.inventory.domain.Reservations;
import dev.shopwright.inventory.domain.Reservations.Claimed;
import dev.shopwright.inventory.domain.Reservations.Head;
import dev.shopwright.inventory.events.BackInStock;
import dev.shopwright.inventory.events.LowStockReached;
import dev.shopwright.inventory.events.OutOfStock;
import dev.shopwright.inventory.events.StockLevelChanged;
import dev.shopwright.platform.Actor;
import dev.shopwright.platform.BusinessRuleViolation;
import dev.shopwright.platform.ResourceNotFound;
import dev.shopwright.shared.StoreId;

/**
 * Reserving, confirming, releasing and expiring, each in one transaction. Every unit held is one guarded
 * update of a level row ({@link Levels#apply}), so the database decides who gets the last unit, however many
 * nodes ask at once. Reserving runs as a nested transaction: inside a caller's transaction (or a batch) a
 * refused reservation rolls back to its savepoint and leaves the rest standing.
 */
@Component
class StockReservations {

	static final String SOURCE_RESERVATION = "reservation";

	static final String SOURCE_REFERENCE = "reference";

	private final Reservations reservations;

	private final Levels levels;

	private final Items items;

	private final Locations locations;

	private final TrackedSkus trackedSkus;

	private final Commitments commitments;

	private final ApplicationEventPublisher events;

	StockReservations(Reservations reservations, Levels levels, Items items, Locations locations,
			TrackedSkus trackedSkus, Commitments commitments, ApplicationEventPublisher events) {
		this.commitments = commitments;
		this.reservations = reservations;
		this.levels = levels;
		this.items = items;
		this.locations = locations;
		this.trackedSkus = trackedSkus;
		this.events = events;
	}

	/** What one line could not get: requested units, and how many were there to take. */
	record Shortage(int line, String sku, int requested, int obtainable) {
	}

	@Transactional(propagation = Propagation.NESTED)
	public Reservation reserve(StoreId store, ReserveStock command, Actor actor) {
		Instant now = Instant.now();
		Map<String, Integer> lines = merged(command);
		String linesKey = lines.entrySet().stream().map(e -> e.getKey() + ":" + e.getValue()).collect(Collectors.joining(","));
		Optional<Reservation> existing = existing(store, command.reference(), linesKey, now, actor);
		if (existing.isPresent()) {
			return existing.get();
		}
		ReservationId id = new ReservationId(UUID.randomUUID());
		if (!reservations.insertIfNoLiveOne(store, id, command.reference(), linesKey, now.plus(command.ttl()), now)) {
			// another request for the same reference committed between our look and our insert
			return existing(store, command.reference(), linesKey, now, actor)
				.orElseThrow(() -> referenceInUse(command.reference()));
		}
		List<Shortage> shortages = new ArrayList<>();
		List<Row> changedRows = new ArrayList<>();
		Map<String, Integer> takenOnline = new LinkedHashMap<>();
		int index = 0;
		for (Map.Entry<String, Integer> line : lines.entrySet()) {
			Item item = trackedSkus.require(store, line.getKey());
			int taken = take(store, id, command.reference(), item, line.getValue(), actor, changedRows);
			if (taken < line.getValue()) {
				shortages.add(new Shortage(index, line.getKey(), line.getValue(), taken));
			}
			takenOnline.put(line.getKey(), taken);
			index++;
		}
		if (!shortages.isEmpty()) {
			throw insufficientStock(command, shortages);
		}
		// published last: a refused reservation rolls back to its savepoint before any event is out
		publishChanges(store, changedRows, takenOnline);
		return load(store, reservations.find(store, id).orElseThrow());
	}

	/**
	 * Takes up to {@code quantity} units of the SKU from the active online locations by priority, splitting the
	 * line when one location has too few; what the policy allows beyond that comes from the first of them.
	 * Returns the units taken.
	 */
	private int take(StoreId store, ReservationId id, String reference, Item item, int quantity, Actor actor,
			List<Row> changedRows) {
		int remaining = quantity;
		List<StockLevel> online = levels.forSku(store, item.sku()).stream().filter(StockLevel::fulfilsOnline).toList();
		for (StockLevel level : online) {
			if (remaining == 0) {
				break;
			}
			if (level.available() <= 0) {
				continue; // a hint from our snapshot; the guarded update below is what decides
			}
			Optional<Row> whole = hold(store, id, reference, item.sku(), level.locationId(), remaining, Guard.availableCovers(0), actor);
			if (whole.isPresent()) {
				changedRows.add(whole.get());
				remaining = 0;
				break;
			}
			// not enough here for all of it: lock the row and take what it has now
			int there = Math.min(remaining, levels.lock(store, item.sku(), level.locationId()).available());
			if (there > 0) {
				changedRows.add(hold(store, id, reference, item.sku(), level.locationId(), there, Guard.availableCovers(0), actor)
					.orElseThrow());
				remaining -= there;
			}
		}
		if (remaining > 0 && item.policy() != InventoryPolicy.DENY) {
			LocationId first = online.isEmpty() ? firstOnlineLocation(store) : online.getFirst().locationId();
			Guard beyond = item.policy() == InventoryPolicy.CONTINUE ? Guard.NONE
					: Guard.availableCovers(item.preorderLimit() == null ? 0 : item.preorderLimit());
			Optional<Row> backordered = hold(store, id, reference, item.sku(), first, remaining, beyond, actor);
			if (backordered.isPresent()) {
				changedRows.add(backordered.get());
				remaining = 0;
			}
		}
		return quantity - remaining;
	}

	private Optional<Row> hold(StoreId store, ReservationId id, String reference, String sku, LocationId location,
			int quantity, Guard guard, Actor actor) {
		Optional<Row> row = levels.apply(store, new Change(sku, location, null, MovementReason.RESERVATION_TAKEN, 0, quantity, 0,
				null, SOURCE_RESERVATION, id.toString(), reference, guard), actor);
		row.ifPresent(r -> reservations.allocate(store, id, sku, location, quantity));
		return row;
	}

	private LocationId firstOnlineLocation(StoreId store) {
		return locations.all(store)
			.stream()
			.filter(l -> l.active() && l.fulfilsOnline())
			.findFirst()
			.orElseGet(() -> locations.defaultLocation(store))
			.id();
	}

	/** A live reservation for the reference: returned when its lines are the same; expired on the spot when due. */
	private Optional<Reservation> existing(StoreId store, String reference, String linesKey, Instant now, Actor actor) {
		Optional<Head> live = reservations.findLive(store, reference);
		if (live.isEmpty()) {
			return Optional.empty();
		}
		Head head = live.get();
		if (head.status() == Status.ACTIVE && !head.expiresAt().isAfter(now)) {
			if (reservations.leaveActive(store, head.id(), Status.EXPIRED, now, false)) {
				giveBack(store, head.id(), reference, MovementReason.RESERVATION_RELEASED, "expired", actor);
			}
			return Optional.empty();
		}
		if (!head.linesKey().equals(linesKey)) {
			throw referenceInUse(reference);
		}
		return Optional.of(load(store, head));
	}

	@Transactional
	public Reservation confirm(StoreId store, ReservationId id, Actor actor) {
		Head head = reservations.find(store, id).orElseThrow(() -> new ResourceNotFound("Reservation", id.toString()));
		Instant now = Instant.now();
		if (!reservations.leaveActive(store, id, Status.CONFIRMED, now, true)) {
			Head current = reservations.find(store, id).orElseThrow();
			if (current.status() == Status.CONFIRMED) {
				return load(store, current);
			}
			throw notActive(current, "confirmed");
		}
		commit(store, id, head.reference(), actor);
		return load(store, reservations.find(store, id).orElseThrow());
	}

	@Transactional
	public Reservation release(StoreId store, ReservationId id, Actor actor) {
		Head head = reservations.find(store, id).orElseThrow(() -> new ResourceNotFound("Reservation", id.toString()));
		if (!reservations.leaveActive(store, id, Status.RELEASED, Instant.now(), false)) {
			Head current = reservations.find(store, id).orElseThrow();
			if (current.status() == Status.RELEASED || current.status() == Status.EXPIRED) {
				return load(store, current);
			}
			throw notActive(current, "released");
		}
		giveBack(store, id, head.reference(), MovementReason.RESERVATION_RELEASED, "released", actor);
		return load(store, reservations.find(store, id).orElseThrow());
	}

	/** Expires up to {@code limit} due reservations of every store; returns how many this call expired. */
	@Transactional
	public int expireDue(int limit) {
		List<Claimed> claimed = reservations.claimDue(Instant.now(), limit);
		for (Claimed c : claimed) {
			giveBack(c.store(), c.id(), c.reference(), MovementReason.RESERVATION_RELEASED, "expired", Actor.SYSTEM);
		}
		return claimed.size();
	}

	/**
	 * The reserved units are sold: at each allocation reserved turns into committed (on hand stays until a shipment
	 * takes the units), and the reservation's open commitment is recorded per SKU and location.
	 */
	private void commit(StoreId store, ReservationId id, String reference, Actor actor) {
		List<Row> changed = new ArrayList<>();
		reservations.allocations(store, id).forEach((sku, allocations) -> {
			for (Allocation allocation : allocations) {
				changed.add(levels.apply(store, new Change(sku, allocation.locationId(), null, MovementReason.COMMITTED, 0,
						-allocation.quantity(), allocation.quantity(), 0, null, SOURCE_REFERENCE, reference,
						"reservation " + id, Guard.NONE), actor).orElseThrow());
				commitments.add(store, id, sku, allocation.locationId(), allocation.quantity());
			}
		});
		publishChanges(store, changed, Map.of()); // available is unchanged: the units were held already
	}

	/** Lets go of every allocation: reserved down, the units are available again. */
	private void giveBack(StoreId store, ReservationId id, String reference, MovementReason reason,
			String note, Actor actor) {
		List<Row> changed = new ArrayList<>();
		Map<String, Integer> givenBack = new LinkedHashMap<>();
		reservations.allocations(store, id).forEach((sku, allocations) -> {
			for (Allocation allocation : allocations) {
				Change change = new Change(sku, allocation.locationId(), null, reason, 0, -allocation.quantity(), 0, null,
						SOURCE_RESERVATION, id.toString(), note, Guard.NONE);
				changed.add(levels.apply(store, change, actor).orElseThrow());
				givenBack.merge(sku, -allocation.quantity(), Integer::sum);
			}
		});
		publishChanges(store, changed, givenBack);
	}

	/** {@code takenOnline}: per SKU, how much the change lowered the sellable total (negative: raised it). */
	void publishChanges(StoreId store, List<Row> rows, Map<String, Integer> takenOnline) {
		for (Row row : rows) {
			int online = levels.availableOnline(store, row.sku());
			events.publishEvent(new StockLevelChanged(store, row.sku(), row.locationId(), row.onHand(), row.reserved(),
					row.available(), online, row.committed()));
		}
		takenOnline.forEach((sku, taken) -> {
			if (taken == 0) {
				return;
			}
			int after = levels.availableOnline(store, sku);
			int before = after + taken;
			if (before > 0 && after <= 0) {
				events.publishEvent(new OutOfStock(store, sku));
			}
			else if (before <= 0 && after > 0) {
				events.publishEvent(new BackInStock(store, sku, after));
			}
			Integer reorderPoint = items.find(store, sku).map(Item::reorderPoint).orElse(null);
			if (reorderPoint != null && before > reorderPoint && after <= reorderPoint && after > 0) {
				events.publishEvent(new LowStockReached(store, sku, after, reorderPoint));
			}
		});
	}

	Reservation load(StoreId store, Head head) {
		List<Reservation.Line> lines = new ArrayList<>();
		reservations.allocations(store, head.id()).forEach((sku, allocations) -> lines
			.add(new Reservation.Line(sku, allocations.stream().mapToInt(Allocation::quantity).sum(), allocations)));
		return new Reservation(head.id(), head.reference(), head.status(), head.expiresAt(), head.createdAt(), lines);
	}

	/** Lines of the same SKU added together, in SKU order: one request locks its rows in a stable order. */
	static Map<String, Integer> merged(ReserveStock command) {
		Map<String, Integer> lines = new TreeMap<>();
		for (ReserveStock.Line line : command.lines()) {
			lines.merge(line.sku(), line.quantity(), Integer::sum);
		}
		return lines;
	}

	private static BusinessRuleViolation insufficientStock(ReserveStock command, List<Shortage> shortages) {
		Map<String, String> errors = new LinkedHashMap<>();
		for (Shortage s : shortages) {
			int line = indexOf(command, s.sku());
			errors.put("lines[%d].quantity".formatted(line),
					"%s: %d requested, %d obtainable".formatted(s.sku(), s.requested(), s.obtainable()));
		}
		String summary = shortages.stream()
			.map(s -> "%s (%d requested, %d obtainable)".formatted(s.sku(), s.requested(), s.obtainable()))
			.collect(Collectors.joining(", "));
		return new BusinessRuleViolation("INSUFFICIENT_STOCK", 409, "Not enough stock for " + summary, errors);
	}

	private static int indexOf(ReserveStock command, String sku) {
		for (int i = 0; i < command.lines().size(); i++) {
			if (command.lines().get(i).sku().equals(sku)) {
				return i;
			}
		}
		return 0;
	}

	private static BusinessRuleViolation referenceInUse(String reference) {
		return new BusinessRuleViolation("RESERVATION_REFERENCE_IN_USE", 409,
				"Reference '%s' already holds a reservation with other lines; release it first".formatted(reference));
	}

	private static BusinessRuleViolation notActive(Head head, String attempted) {
		String code = head.status() == Status.EXPIRED || head.status() == Status.ACTIVE ? "RESERVATION_EXPIRED"
				: "RESERVATION_NOT_ACTIVE";
		return new BusinessRuleViolation(code, 409, "Reservation %s is %s and cannot be %s".formatted(head.id(),
				head.status() == Status.ACTIVE ? "past its expiry" : head.status().name().toLowerCase(java.util.Locale.ROOT),
				attempted));
	}
}
