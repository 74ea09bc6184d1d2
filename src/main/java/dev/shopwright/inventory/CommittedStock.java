package dev.shopwright.inventory;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import dev.shopwright.inventory.domain.Commitments;
import dev.shopwright.inventory.domain.Commitments.Kind;
import dev.shopwright.inventory.domain.Commitments.Open;
import dev.shopwright.inventory.domain.Items;
import dev.shopwright.inventory.domain.Items.Item;
import dev.shopwright.inventory.domain.Levels;
import dev.shopwright.inventory.domain.Levels.Change;
import dev.shopwright.inventory.domain.Levels.Guard;
import dev.shopwright.inventory.domain.Levels.Row;
import dev.shopwright.inventory.domain.Reservations;
import dev.shopwright.platform.Actor;
import dev.shopwright.platform.BusinessRuleViolation;
import dev.shopwright.shared.StoreId;

/**
 * Committed stock after the purchase (ADR 0022): shipping takes it off on hand at the location that ships, a
 * cancellation or an edit releases what was not shipped, staff and planning move it between locations. An order's
 * units are found through the references of its confirmed reservations; every unit settled is taken off an open
 * commitment row under its lock, so nothing is shipped, released or moved twice, and shipping and releasing are
 * applied once per source.
 */
@Component
class CommittedStock {

	static final String SOURCE_SHIPMENT = "shipment";

	static final String SOURCE_RELEASE = "release";

	private final Commitments commitments;

	private final Reservations reservations;

	private final Levels levels;

	private final Items items;

	private final TrackedSkus trackedSkus;

	private final StockReservations stockReservations;

	CommittedStock(Commitments commitments, Reservations reservations, Levels levels, Items items,
			TrackedSkus trackedSkus, StockReservations stockReservations) {
		this.commitments = commitments;
		this.reservations = reservations;
		this.levels = levels;
		this.items = items;
		this.trackedSkus = trackedSkus;
		this.stockReservations = stockReservations;
	}

	@Transactional
	public CommitmentSettlement fulfil(StoreId store, Collection<String> references, LocationId shippedFrom,
			Map<String, Integer> units, String source, Actor actor) {
		if (!commitments.claim(store, Kind.SHIPPED, source)) {
			return new CommitmentSettlement(true, Map.of());
		}
		List<ReservationId> confirmed = reservations.confirmed(store, references);
		List<ReservationId> soldEarlier = commitments.soldBeforeCommitting(store, confirmed);
		List<ReservationId> committing = confirmed.stream().filter(id -> !soldEarlier.contains(id)).toList();
		Map<String, Integer> settledBySku = new LinkedHashMap<>();
		for (Map.Entry<String, Integer> line : new TreeMap<>(units).entrySet()) {
			String sku = line.getKey();
			if (line.getValue() <= 0 || !stocked(store, sku)) {
				continue; // a SKU inventory never stocked has nothing to take off
			}
			int onlineBefore = levels.availableOnline(store, sku);
			Map<LocationId, Integer> settled = settle(store, committing, sku, shippedFrom, line.getValue());
			int fromCommitment = settled.values().stream().mapToInt(Integer::intValue).sum();
			// units beyond the commitment leave on hand too (a backorder, an order placed without a reservation),
			// except units of a reservation confirmed before committed stock existed: those left on hand back then
			int leaving = fromCommitment == line.getValue() || soldEarlier.isEmpty() || !soldEarlierHolds(store, soldEarlier, sku)
					? line.getValue() : fromCommitment;
			Map<LocationId, Change> changes = new TreeMap<>(Comparator.comparing(LocationId::toString));
			if (leaving > 0 || settled.containsKey(shippedFrom)) {
				changes.put(shippedFrom, new Change(sku, shippedFrom, null, MovementReason.SHIPPED, -leaving, 0,
						-settled.getOrDefault(shippedFrom, 0), 0, null, SOURCE_SHIPMENT, source, null, Guard.NONE));
			}
			settled.forEach((location, count) -> {
				if (!location.equals(shippedFrom)) {
					changes.put(location, new Change(sku, location, null, MovementReason.SHIPPED, 0, 0, -count, 0, null,
							SOURCE_SHIPMENT, source, "committed here, shipped from another location", Guard.NONE));
				}
			});
			publish(store, sku, apply(store, changes.values(), actor), onlineBefore);
			if (fromCommitment > 0) {
				settledBySku.put(sku, fromCommitment);
			}
		}
		return new CommitmentSettlement(false, settledBySku);
	}

	@Transactional
	public CommitmentSettlement release(StoreId store, Collection<String> references, Map<String, Integer> units,
			String source, String note, Actor actor) {
		if (!commitments.claim(store, Kind.UNCOMMITTED, source)) {
			return new CommitmentSettlement(true, Map.of());
		}
		List<ReservationId> confirmed = reservations.confirmed(store, references);
		Map<String, Integer> releasedBySku = new LinkedHashMap<>();
		for (Map.Entry<String, Integer> line : new TreeMap<>(units).entrySet()) {
			String sku = line.getKey();
			if (line.getValue() <= 0 || confirmed.isEmpty()) {
				continue;
			}
			int onlineBefore = levels.availableOnline(store, sku);
			Map<LocationId, Integer> released = settle(store, confirmed, sku, null, line.getValue());
			Map<LocationId, Change> changes = new TreeMap<>(Comparator.comparing(LocationId::toString));
			released.forEach((location, count) -> changes.put(location, new Change(sku, location, null,
					MovementReason.UNCOMMITTED, 0, 0, -count, 0, null, SOURCE_RELEASE, source, note, Guard.NONE)));
			publish(store, sku, apply(store, changes.values(), actor), onlineBefore);
			int total = released.values().stream().mapToInt(Integer::intValue).sum();
			if (total > 0) {
				releasedBySku.put(sku, total);
			}
		}
		return new CommitmentSettlement(false, releasedBySku);
	}

	/**
	 * Moves up to {@code quantity} of the references' units committed at {@code from} to {@code to}; returns how many
	 * moved (0 when none are committed there). The target must have them available unless the SKU's policy sells
	 * past zero; otherwise 409 {@code INSUFFICIENT_STOCK} and nothing moved. A savepoint of its own, so a refused move
	 * leaves the caller's transaction usable (planning goes on without it).
	 */
	@Transactional(propagation = Propagation.NESTED)
	public int move(StoreId store, Collection<String> references, String sku, LocationId from, LocationId to,
			int quantity, Actor actor) {
		List<ReservationId> confirmed = reservations.confirmed(store, references);
		if (confirmed.isEmpty() || quantity <= 0 || from.equals(to)) {
			return 0;
		}
		List<Open> open = commitments.lockOpen(store, confirmed, sku, from).stream()
			.filter(o -> o.locationId().equals(from))
			.toList();
		int moving = Math.min(quantity, open.stream().mapToInt(Open::units).sum());
		if (moving == 0) {
			return 0;
		}
		Item item = trackedSkus.require(store, sku);
		Guard guard = switch (item.policy()) {
			case CONTINUE -> Guard.NONE;
			case PREORDER -> Guard.availableCovers(item.preorderLimit() == null ? 0 : item.preorderLimit());
			case DENY -> Guard.availableCovers(0);
		};
		int onlineBefore = levels.availableOnline(store, sku);
		String note = "moved to another location";
		List<Row> rows = new ArrayList<>();
		boolean targetFirst = to.toString().compareTo(from.toString()) < 0; // level rows locked in a stable order
		if (!targetFirst) {
			rows.add(levels.apply(store, new Change(sku, from, null, MovementReason.COMMITMENT_MOVED, 0, 0, -moving, 0, null,
					"location", to.toString(), note, Guard.NONE), actor).orElseThrow());
		}
		Optional<Row> target = levels.apply(store, new Change(sku, to, null, MovementReason.COMMITMENT_MOVED, 0, 0, moving, 0,
				null, "location", from.toString(), "moved from another location", guard), actor);
		if (target.isEmpty()) {
			int there = levels.find(store, sku, to).map(Row::available).orElse(0);
			throw new BusinessRuleViolation("INSUFFICIENT_STOCK", 409,
					"Only %d of %s are available at the target location; %d are needed".formatted(Math.max(0, there), sku,
							moving),
					Map.of("locationId", "%s: %d needed, %d available".formatted(sku, moving, Math.max(0, there))));
		}
		rows.add(target.get());
		if (targetFirst) {
			rows.add(levels.apply(store, new Change(sku, from, null, MovementReason.COMMITMENT_MOVED, 0, 0, -moving, 0, null,
					"location", to.toString(), note, Guard.NONE), actor).orElseThrow());
		}
		int left = moving;
		for (Open row : open) {
			int units = Math.min(left, row.units());
			if (units > 0) {
				if (!commitments.settle(store, row.reservationId(), sku, from, units)) {
					throw new IllegalStateException("a locked commitment of " + sku + " changed under its lock");
				}
				commitments.add(store, row.reservationId(), sku, to, units);
				left -= units;
			}
		}
		publish(store, sku, rows, onlineBefore);
		return moving;
	}

	/** What the references still have committed, per SKU and location. */
	@Transactional(readOnly = true)
	public List<CommittedUnits> open(StoreId store, Collection<String> references) {
		List<ReservationId> confirmed = reservations.confirmed(store, references);
		if (confirmed.isEmpty()) {
			return List.of();
		}
		Map<String, Integer> units = new LinkedHashMap<>();
		Map<String, Open> first = new LinkedHashMap<>();
		for (Open open : commitments.open(store, confirmed)) {
			String key = open.sku() + "/" + open.locationId();
			units.merge(key, open.units(), Integer::sum);
			first.putIfAbsent(key, open);
		}
		return first.entrySet().stream()
			.map(e -> new CommittedUnits(e.getValue().sku(), e.getValue().locationId(), units.get(e.getKey())))
			.toList();
	}

	/**
	 * Takes up to {@code wanted} units off the open commitments of a SKU ({@code first} location first, then by
	 * priority), under the rows' locks. Returns the units settled per location.
	 */
	private Map<LocationId, Integer> settle(StoreId store, List<ReservationId> reservationIds, String sku,
			LocationId first, int wanted) {
		Map<LocationId, Integer> settled = new LinkedHashMap<>();
		if (reservationIds.isEmpty()) {
			return settled;
		}
		int left = wanted;
		for (Open open : commitments.lockOpen(store, reservationIds, sku, first)) {
			if (left == 0) {
				break;
			}
			int units = Math.min(left, open.units());
			if (!commitments.settle(store, open.reservationId(), sku, open.locationId(), units)) {
				throw new IllegalStateException("a locked commitment of " + sku + " changed under its lock");
			}
			settled.merge(open.locationId(), units, Integer::sum);
			left -= units;
		}
		return settled;
	}

	private List<Row> apply(StoreId store, Collection<Change> changes, Actor actor) {
		List<Row> rows = new ArrayList<>();
		for (Change change : changes) {
			rows.add(levels.apply(store, change, actor).orElseThrow());
		}
		return rows;
	}

	private void publish(StoreId store, String sku, List<Row> rows, int onlineBefore) {
		if (rows.isEmpty()) {
			return;
		}
		int lowered = onlineBefore - levels.availableOnline(store, sku);
		stockReservations.publishChanges(store, rows, lowered == 0 ? Map.of() : Map.of(sku, lowered));
	}

	/** Inventory has (or can fetch from the catalog) the SKU; a deleted product's SKU still has its levels. */
	private boolean stocked(StoreId store, String sku) {
		if (items.find(store, sku).isPresent()) {
			return true;
		}
		try {
			trackedSkus.require(store, sku);
			return true;
		}
		catch (BusinessRuleViolation unknown) {
			return false;
		}
	}

	private boolean soldEarlierHolds(StoreId store, List<ReservationId> soldEarlier, String sku) {
		return soldEarlier.stream()
			.anyMatch(id -> reservations.allocations(store, id).containsKey(sku));
	}
}
