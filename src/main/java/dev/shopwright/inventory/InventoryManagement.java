package dev.shopwright.inventory;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import dev.shopwright.catalog.CatalogManagement;
import dev.shopwright.catalog.Product;
import dev.shopwright.inventory.domain.Items;
import dev.shopwright.inventory.domain.Items.Item;
import dev.shopwright.inventory.domain.Levels;
import dev.shopwright.inventory.domain.Levels.Change;
import dev.shopwright.inventory.domain.Levels.Guard;
import dev.shopwright.inventory.domain.Locations;
import dev.shopwright.inventory.domain.Reservations;
import dev.shopwright.inventory.domain.Bins;
import dev.shopwright.inventory.domain.CountSheets;
import dev.shopwright.inventory.domain.StockOverview;
import dev.shopwright.inventory.domain.Transfers;
import dev.shopwright.inventory.domain.Valuations;
import dev.shopwright.inventory.events.BackInStock;
import dev.shopwright.inventory.events.LowStockReached;
import dev.shopwright.inventory.events.OutOfStock;
import dev.shopwright.inventory.events.StockLevelChanged;
import dev.shopwright.platform.Actor;
import dev.shopwright.platform.AuditLog;
import dev.shopwright.platform.BusinessRuleViolation;
import dev.shopwright.platform.ResourceNotFound;
import dev.shopwright.shared.Page;
import dev.shopwright.shared.StoreId;

/**
 * The inventory module's façade: locations, stock per SKU and location, and every change of it as a ledger
 * movement. Each change is one conditional update in the database plus its movement row, in one transaction.
 */
@Service
public class InventoryManagement {

	/** No single change may move more units than this; larger figures are typing mistakes. */
	public static final int MAX_QUANTITY = 1_000_000;

	private final Items items;

	private final Locations locations;

	private final Levels levels;

	private final CatalogManagement catalog;

	private final ApplicationEventPublisher events;

	private final AuditLog auditLog;

	private final TrackedSkus trackedSkus;

	private final StockReservations reservations;

	private final ReservationBatcher batcher;

	private final Reservations reservationRows;

	private final Bins bins;

	private final StockTransfers transfers;

	private final CycleCounts counts;

	private final StockOverview overview;

	private final Transfers transferRows;

	private final CountSheets countRows;

	private final Valuations valuations;

	private final CommittedStock committedStock;

	InventoryManagement(Items items, Locations locations, Levels levels, CatalogManagement catalog,
			ApplicationEventPublisher events, AuditLog auditLog, TrackedSkus trackedSkus,
			StockReservations reservations, ReservationBatcher batcher, Reservations reservationRows, Bins bins,
			StockTransfers transfers, CycleCounts counts, StockOverview overview,
			Transfers transferRows, CountSheets countRows, Valuations valuations, CommittedStock committedStock) {
		this.committedStock = committedStock;
		this.valuations = valuations;
		this.items = items;
		this.locations = locations;
		this.levels = levels;
		this.catalog = catalog;
		this.events = events;
		this.auditLog = auditLog;
		this.trackedSkus = trackedSkus;
		this.reservations = reservations;
		this.batcher = batcher;
		this.reservationRows = reservationRows;
		this.bins = bins;
		this.transfers = transfers;
		this.counts = counts;
		this.overview = overview;
		this.transferRows = transferRows;
		this.countRows = countRows;
	}

	// --- reservations ---

	/**
	 * Holds stock for {@code command.reference()} until it is confirmed, released or expires: per line from the
	 * active locations that fulfil online orders, by priority, split across them when one has too few. Policy
	 * DENY never reserves past available, CONTINUE always reserves, PREORDER up to the item's preorder limit past
	 * zero. All lines or none: a short line refuses the whole request with {@code INSUFFICIENT_STOCK} (409),
	 * naming each short line. Reserving again for a live reference with the same lines returns that reservation.
	 * <p>
	 * Called inside a transaction, it joins it (as a savepoint); called outside one, the request is combined with
	 * the other requests of this node into one commit (ADR 0012).
	 */
	public Reservation reserve(StoreId store, ReserveStock command) {
		validate(command);
		Actor actor = Actor.current();
		if (TransactionSynchronizationManager.isActualTransactionActive()) {
			return reservations.reserve(store, command, actor);
		}
		return batcher.reserve(store, command, actor);
	}

	/**
	 * The reserved units are sold: at each location they came from, reserved turns into committed (ledger:
	 * COMMITTED with the reference); on hand stays until a shipment takes them ({@link #fulfilCommitted}). Only an
	 * ACTIVE reservation is confirmed (of two nodes confirming it, one does); confirming again returns it as it is.
	 */
	public Reservation confirm(StoreId store, ReservationId id) {
		return reservations.confirm(store, id, Actor.current());
	}

	// --- committed stock (ADR 0022) ---

	/**
	 * A parcel left {@code shippedFrom} with {@code units} (SKU → quantity) of the order whose stock lives under
	 * {@code references}: on hand goes down there, and as many of the order's committed units are settled, first
	 * those committed at that location, then (the commitment moves) those committed elsewhere (ledger: SHIPPED).
	 * Units beyond what is committed (a backorder, an order placed without a reservation) just leave on hand. Applied
	 * once per {@code source} (the shipment id): a retry changes nothing and says so.
	 */
	public CommitmentSettlement fulfilCommitted(StoreId store, Collection<String> references, LocationId shippedFrom,
			Map<String, Integer> units, String source) {
		requireSource(source);
		requireUnits(units);
		resolve(store, shippedFrom);
		return committedStock.fulfil(store, List.copyOf(references), shippedFrom, units, source, Actor.current());
	}

	/**
	 * Units of an order that will not ship (the order was cancelled, an edit removed them) are available again:
	 * committed goes down where they are committed (ledger: UNCOMMITTED), never by more than is open. Returns what
	 * was released per SKU; applied once per {@code source}.
	 */
	public CommitmentSettlement releaseCommitted(StoreId store, Collection<String> references, Map<String, Integer> units,
			String source, @Nullable String note) {
		requireSource(source);
		requireUnits(units);
		return committedStock.release(store, List.copyOf(references), units, source, note, Actor.current());
	}

	/**
	 * Moves up to {@code quantity} committed units of the order from one location to another (staff re-allocate, or
	 * planning ships them from elsewhere); returns how many moved. The target must have them available unless the
	 * SKU's policy sells past zero: 409 INSUFFICIENT_STOCK and nothing moved. Runs as a savepoint inside a caller's
	 * transaction, so a refusal can be answered without losing the rest of it.
	 */
	public int moveCommitment(StoreId store, Collection<String> references, String sku, LocationId from, LocationId to,
			int quantity) {
		if (quantity < 1 || quantity > MAX_QUANTITY) {
			throw InventoryProblems.invalidQuantity("quantity", "quantity must be between 1 and %d".formatted(MAX_QUANTITY));
		}
		resolve(store, from);
		resolve(store, to);
		return committedStock.move(store, List.copyOf(references), sku, from, to, quantity, Actor.current());
	}

	/** What the references (an order's reservations) still have committed, per SKU and location. */
	public List<CommittedUnits> committedUnits(StoreId store, Collection<String> references) {
		return committedStock.open(store, List.copyOf(references));
	}

	private static void requireSource(String source) {
		if (source == null || source.isBlank() || source.length() > 200) {
			throw BusinessRuleViolation.ofField("INVALID_SOURCE", "source", "source must be 1-200 characters");
		}
	}

	private static void requireUnits(Map<String, Integer> units) {
		units.forEach((sku, quantity) -> {
			if (sku == null || sku.isBlank()) {
				throw BusinessRuleViolation.ofField("INVALID_RESERVATION", "units", "sku is required");
			}
			if (quantity == null || quantity < 1 || quantity > MAX_QUANTITY) {
				throw InventoryProblems.invalidQuantity("units." + sku, "quantity must be between 1 and %d".formatted(MAX_QUANTITY));
			}
		});
	}

	/** The reserved units are available again. Releasing a released or expired reservation changes nothing. */
	public Reservation release(StoreId store, ReservationId id) {
		return reservations.release(store, id, Actor.current());
	}

	@Transactional(readOnly = true)
	public Reservation reservation(StoreId store, ReservationId id) {
		return reservationRows.find(store, id)
			.map(head -> reservations.load(store, head))
			.orElseThrow(() -> new ResourceNotFound("Reservation", id.toString()));
	}

	/** Newest first, optionally of one status or one reference. */
	@Transactional(readOnly = true)
	public Page<Reservation> reservations(StoreId store, Reservation.@Nullable Status status, @Nullable String reference,
			@Nullable String cursor, int limit) {
		Page<Reservations.Head> heads = reservationRows.list(store, status, reference, cursor, limit);
		return new Page<>(heads.items().stream().map(head -> reservations.load(store, head)).toList(), heads.nextCursor());
	}

	/**
	 * Expires due reservations of every store, at most {@code limit}; safe to run on every node at once (each
	 * reservation is claimed by one of them). Returns how many this call expired.
	 */
	public int expireDueReservations(int limit) {
		return reservations.expireDue(limit);
	}

	private static void validate(ReserveStock command) {
		if (command.reference() == null || command.reference().isBlank() || command.reference().length() > 200) {
			throw BusinessRuleViolation.ofField("INVALID_RESERVATION", "reference", "reference must be 1-200 characters");
		}
		if (command.lines() == null || command.lines().isEmpty() || command.lines().size() > 250) {
			throw BusinessRuleViolation.ofField("INVALID_RESERVATION", "lines", "give 1-250 lines");
		}
		for (int i = 0; i < command.lines().size(); i++) {
			ReserveStock.Line line = command.lines().get(i);
			if (line == null || line.sku() == null || line.sku().isBlank()) {
				throw BusinessRuleViolation.ofField("INVALID_RESERVATION", "lines[%d].sku".formatted(i), "sku is required");
			}
			if (line.quantity() < 1 || line.quantity() > MAX_QUANTITY) {
				throw InventoryProblems.invalidQuantity("lines[%d].quantity".formatted(i),
						"quantity must be between 1 and %d".formatted(MAX_QUANTITY));
			}
		}
		long total = command.lines().stream().mapToLong(ReserveStock.Line::quantity).sum();
		if (total > MAX_QUANTITY) {
			throw InventoryProblems.invalidQuantity("lines", "at most %d units in one reservation".formatted(MAX_QUANTITY));
		}
		if (command.ttl() == null || command.ttl().isNegative() || command.ttl().isZero()
				|| command.ttl().compareTo(ReserveStock.MAX_TTL) > 0) {
			throw BusinessRuleViolation.ofField("INVALID_RESERVATION", "ttl", "ttl must be positive and at most 30 days");
		}
	}

	// --- locations ---

	@Transactional(readOnly = true)
	public List<Location> locations(StoreId store) {
		return locations.all(store);
	}

	@Transactional(readOnly = true)
	public Location location(StoreId store, LocationId id) {
		return locations.find(store, id).orElseThrow(() -> new ResourceNotFound("Location", id.toString()));
	}

	/** The store's default location, created as "Main warehouse" the first time anyone needs it. */
	@Transactional
	public Location defaultLocation(StoreId store) {
		return locations.defaultLocation(store);
	}

	@Transactional
	public Location createLocation(StoreId store, LocationDraft draft) {
		locations.defaultLocation(store);
		Location created = locations.create(store, draft);
		auditLog.record(store, "location.created", "location", created.id().toString(), created.name());
		return created;
	}

	@Transactional
	public Location updateLocation(StoreId store, LocationId id, LocationDraft draft) {
		Location updated = locations.update(store, location(store, id), draft);
		auditLog.record(store, "location.updated", "location", id.toString(), updated.name());
		return updated;
	}

	@Transactional
	public void makeDefaultLocation(StoreId store, LocationId id) {
		Location location = location(store, id);
		locations.makeDefault(store, id);
		auditLog.record(store, "location.made-default", "location", id.toString(), location.name());
	}

	/**
	 * Deletes a location that has never held stock, bins, transfers or counts; one that has is deactivated
	 * instead (PATCH active=false), so that its ledger stays readable.
	 */
	@Transactional
	public void deleteLocation(StoreId store, LocationId id) {
		Location location = location(store, id);
		if (!locations.deleteUnused(store, id)) {
			throw new BusinessRuleViolation("LOCATION_IN_USE", 409, location.isDefault()
					? "The default location cannot be deleted; make another location the default first"
					: "%s has held stock (or has bins, transfers or counts); deactivate it instead".formatted(location.name()));
		}
		auditLog.record(store, "location.deleted", "location", id.toString(), location.name());
	}

	// --- bins ---

	private static final java.util.regex.Pattern BIN_CODE = java.util.regex.Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,39}");

	/** The bins of a location in walking order, with what each holds. */
	@Transactional(readOnly = true)
	public List<Bin> bins(StoreId store, LocationId locationId) {
		return bins.all(store, location(store, locationId).id());
	}

	@Transactional
	public Bin createBin(StoreId store, LocationId locationId, String code, int walkOrder) {
		location(store, locationId);
		if (code == null || !BIN_CODE.matcher(code).matches()) {
			throw BusinessRuleViolation.ofField("INVALID_BIN_CODE", "code", "A bin code is 1-40 letters, digits, dots, dashes or underscores");
		}
		if (walkOrder < 0 || walkOrder > MAX_QUANTITY) {
			throw BusinessRuleViolation.ofField("INVALID_WALK_ORDER", "walkOrder", "walkOrder must be between 0 and %d".formatted(MAX_QUANTITY));
		}
		bins.create(store, locationId, code, walkOrder);
		auditLog.record(store, "bin.created", "bin", locationId + "/" + code, code);
		return new Bin(locationId, code, walkOrder, List.of());
	}

	@Transactional
	public void setBinWalkOrder(StoreId store, LocationId locationId, String code, int walkOrder) {
		if (walkOrder < 0 || walkOrder > MAX_QUANTITY) {
			throw BusinessRuleViolation.ofField("INVALID_WALK_ORDER", "walkOrder", "walkOrder must be between 0 and %d".formatted(MAX_QUANTITY));
		}
		if (!bins.setWalkOrder(store, location(store, locationId).id(), code, walkOrder)) {
			throw new ResourceNotFound("Bin", code);
		}
	}

	/**
	 * Moves units of a SKU between bins of one location ({@code fromBin} null: units in no bin yet; {@code toBin}
	 * null: out of bins). The location's figures stay as they are, so the ledger gets no row; the audit log does.
	 */
	@Transactional
	public List<Bin.Content> moveBetweenBins(StoreId store, String sku, LocationId locationId, @Nullable String fromBin,
			@Nullable String toBin, int quantity) {
		requireItem(store, sku);
		location(store, locationId);
		if (quantity < 1 || quantity > MAX_QUANTITY) {
			throw InventoryProblems.invalidQuantity("quantity", "quantity must be between 1 and %d".formatted(MAX_QUANTITY));
		}
		if (java.util.Objects.equals(fromBin, toBin)) {
			throw BusinessRuleViolation.ofField("SAME_BIN", "toBin", "Units move from one bin to another");
		}
		for (String bin : java.util.Arrays.asList(fromBin, toBin)) {
			if (bin != null && !bins.exists(store, locationId, bin)) {
				throw BusinessRuleViolation.ofField("UNKNOWN_BIN", bin.equals(fromBin) ? "fromBin" : "toBin",
						"Bin '%s' does not exist at this location".formatted(bin));
			}
		}
		levels.lock(store, sku, locationId); // bin figures of this level change one move at a time
		if (fromBin == null) {
			if (bins.unbinned(store, locationId, sku) < quantity) {
				throw new BusinessRuleViolation("BIN_STOCK_WOULD_GO_NEGATIVE", 409,
						"Fewer than %d units of %s are outside bins here".formatted(quantity, sku));
			}
		}
		else if (!bins.take(store, locationId, fromBin, sku, quantity)) {
			throw new BusinessRuleViolation("BIN_STOCK_WOULD_GO_NEGATIVE", 409,
					"Bin %s holds fewer than %d units of %s".formatted(fromBin, quantity, sku));
		}
		if (toBin != null) {
			bins.put(store, locationId, toBin, sku, quantity);
		}
		auditLog.record(store, "bin.moved", "sku", sku, "%d from %s to %s".formatted(quantity,
				fromBin == null ? "(no bin)" : fromBin, toBin == null ? "(no bin)" : toBin));
		return bins.forSku(store, locationId, sku);
	}

	/** Per bin (walking order) the units of a SKU at a location. */
	@Transactional(readOnly = true)
	public List<Bin.Content> binsOf(StoreId store, String sku, LocationId locationId) {
		return bins.forSku(store, locationId, sku);
	}

	// --- transfers ---

	public Transfer createTransfer(StoreId store, TransferDraft draft) {
		return transfers.create(store, draft);
	}

	@Transactional(readOnly = true)
	public Transfer transfer(StoreId store, java.util.UUID id) {
		return transfers.get(store, id);
	}

	@Transactional(readOnly = true)
	public Page<Transfer> transfers(StoreId store, Transfer.@Nullable Status status, @Nullable String cursor, int limit) {
		return transferRows.list(store, status, cursor, limit);
	}

	public Transfer shipTransfer(StoreId store, java.util.UUID id) {
		return transfers.ship(store, id);
	}

	/** Receives the given quantities per SKU, or all that is outstanding when {@code quantities} is null or empty. */
	public Transfer receiveTransfer(StoreId store, java.util.UUID id, java.util.@Nullable Map<String, Integer> quantities,
			@Nullable String binCode) {
		return transfers.receive(store, id, quantities, binCode);
	}

	public Transfer cancelTransfer(StoreId store, java.util.UUID id) {
		return transfers.cancel(store, id);
	}

	// --- cycle counts ---

	/** A count sheet of a location (or one bin), of the given SKUs or of all stocked there. */
	public CountSheet createCountSheet(StoreId store, LocationId locationId, @Nullable String binCode,
			@Nullable List<String> skus, @Nullable String note) {
		return counts.create(store, locationId, binCode, skus, note);
	}

	/** The sheet; {@code blind} hides the expected figures (what a counter sees). */
	@Transactional(readOnly = true)
	public CountSheet countSheet(StoreId store, java.util.UUID id, boolean blind) {
		CountSheet sheet = counts.get(store, id);
		return blind ? sheet.blind() : sheet;
	}

	@Transactional(readOnly = true)
	public Page<CountSheet> countSheets(StoreId store, @Nullable String cursor, int limit) {
		return countRows.list(store, cursor, limit);
	}

	public CountSheet recordCounts(StoreId store, java.util.UUID id, int version,
			java.util.Map<String, @Nullable Integer> counted) {
		return counts.record(store, id, version, counted);
	}

	public CountSheet approveCountSheet(StoreId store, java.util.UUID id, int version) {
		return counts.approve(store, id, version);
	}

	public CountSheet cancelCountSheet(StoreId store, java.util.UUID id, int version) {
		return counts.cancel(store, id, version);
	}

	// --- stock ---

	/** Every tracked SKU with its totals (at one location if given), by SKU; searchable by SKU, title or barcode. */
	/** Stock on hand at weighted average cost: per location, in total, and the SKUs worth the most. */
	@Transactional(readOnly = true)
	public StockValuation valuation(StoreId store, @Nullable LocationId locationId, int topSkus) {
		if (locationId != null) {
			resolve(store, locationId);
		}
		return valuations.valuation(store, locationId, Math.max(1, Math.min(topSkus, 500)));
	}

	@Transactional(readOnly = true)
	public Page<StockSummary> overview(StoreId store, @Nullable String query, StockSummary.Filter filter,
			@Nullable LocationId locationId, @Nullable String cursor, int limit) {
		return overview.page(store, query, filter, locationId, cursor, limit);
	}

	/** The units kept back from sale at a location (available subtracts it); at the default location if none given. */
	@Transactional
	public StockLevel setSafetyStock(StoreId store, String sku, @Nullable LocationId locationId, int safetyStock) {
		if (safetyStock < 0 || safetyStock > MAX_QUANTITY) {
			throw InventoryProblems.invalidQuantity("safetyStock", "safetyStock must be between 0 and %d".formatted(MAX_QUANTITY));
		}
		requireItem(store, sku);
		LocationId location = resolve(store, locationId);
		int onlineBefore = levels.availableOnline(store, sku);
		levels.setSafetyStock(store, sku, location, safetyStock);
		auditLog.record(store, "stock.safety-stock", "sku", sku, Integer.toString(safetyStock));
		return changed(store, sku, location, onlineBefore);
	}

	/** The stock of one SKU per location and in total. */
	@Transactional
	public SkuStock stock(StoreId store, String sku) {
		Item item = requireItem(store, sku);
		List<StockLevel> perLocation = levels.forSku(store, sku);
		int onHand = 0, reserved = 0, committed = 0, available = 0, online = 0, incoming = 0;
		for (StockLevel level : perLocation) {
			onHand += level.onHand();
			reserved += level.reserved();
			committed += level.committed();
			available += level.available();
			incoming += level.incoming();
			if (level.fulfilsOnline()) {
				online += level.available();
			}
		}
		return new SkuStock(sku, item.title(), item.policy(), item.preorderLimit(), item.reorderPoint(), perLocation,
				onHand, reserved, committed, available, online, incoming);
	}

	/** What shoppers may buy of a SKU now (summed over the locations that fulfil online orders). */
	@Transactional(readOnly = true)
	public int availableOnline(StoreId store, String sku) {
		return levels.availableOnline(store, sku);
	}

	/**
	 * {@link #availableOnline(StoreId, String)} for many SKUs at once (search indexing reads whole catalogs); SKUs
	 * inventory does not track are not in the map.
	 */
	@Transactional(readOnly = true)
	public java.util.Map<String, Integer> availableOnline(StoreId store, java.util.Collection<String> skus) {
		return skus.isEmpty() ? java.util.Map.of() : levels.availableOnline(store, skus);
	}

	/** A manual correction of on hand, by a delta or to an absolute figure; on hand never goes below zero. */
	@Transactional
	public StockLevel adjust(StoreId store, StockAdjustment adjustment) {
		return adjust(store, adjustment, "adjustment", null);
	}

	/**
	 * {@link #adjust(StoreId, StockAdjustment)} recording the record that caused it in the ledger (for instance
	 * {@code "return"} and the RMA number), so a movement can be traced back to it.
	 */
	@Transactional
	public StockLevel adjust(StoreId store, StockAdjustment adjustment, String sourceType, @Nullable String sourceId) {
		if ((adjustment.delta() == null) == (adjustment.set() == null)) {
			throw InventoryProblems.invalidQuantity("delta", "Give exactly one of delta or set");
		}
		if (adjustment.delta() != null && (adjustment.delta() == 0 || Math.abs(adjustment.delta()) > MAX_QUANTITY)) {
			throw InventoryProblems.invalidQuantity("delta", "delta must be non-zero and at most %d units either way".formatted(MAX_QUANTITY));
		}
		if (adjustment.set() != null && (adjustment.set() < 0 || adjustment.set() > MAX_QUANTITY)) {
			throw InventoryProblems.invalidQuantity("set", "set must be between 0 and %d".formatted(MAX_QUANTITY));
		}
		if (!adjustment.reason().isManualAdjustment()) {
			throw InventoryProblems.invalidQuantity("reason", "An adjustment's reason is ADJUSTED, DAMAGED, RETURNED or RECEIVED");
		}
		requireItem(store, adjustment.sku());
		LocationId location = resolve(store, adjustment.locationId());
		int delta;
		if (adjustment.set() != null) {
			// the row lock makes "set to N" exact against concurrent changes: the delta is computed under it
			int current = levels.lock(store, adjustment.sku(), location).onHand();
			delta = adjustment.set() - current;
		}
		else {
			delta = adjustment.delta();
		}
		Change change = new Change(adjustment.sku(), location, null, adjustment.reason(), delta, 0, 0, null, sourceType,
				sourceId, adjustment.note(), Guard.ON_HAND_STAYS_NON_NEGATIVE);
		if (delta == 0) {
			return level(store, adjustment.sku(), location);
		}
		int onlineBefore = levels.availableOnline(store, adjustment.sku());
		levels.apply(store, change, Actor.current())
			.orElseThrow(() -> InventoryProblems.stockWouldGoNegative(adjustment.sku(),
					levels.find(store, adjustment.sku(), location).map(Levels.Row::onHand).orElse(0), delta));
		return changed(store, adjustment.sku(), location, onlineBefore);
	}

	/** Units arriving: on hand up, weighted average cost updated, incoming down when they were on order. */
	@Transactional
	public StockLevel receive(StoreId store, StockReceipt receipt) {
		if (receipt.quantity() <= 0 || receipt.quantity() > MAX_QUANTITY) {
			throw InventoryProblems.invalidQuantity("quantity", "quantity must be between 1 and %d".formatted(MAX_QUANTITY));
		}
		requireItem(store, receipt.sku());
		LocationId location = resolve(store, receipt.locationId());
		if (receipt.unitCost() != null) {
			if (receipt.unitCost().isNegative()) {
				throw InventoryProblems.invalidQuantity("unitCost", "unitCost may not be negative");
			}
			Optional<java.util.Currency> valuedIn = levels.costCurrency(store, receipt.sku(), location);
			if (valuedIn.isPresent() && !valuedIn.get().equals(receipt.unitCost().currency())) {
				throw InventoryProblems.currencyMismatch(receipt.sku(), valuedIn.get().getCurrencyCode(),
						receipt.unitCost().currency().getCurrencyCode());
			}
		}
		int onlineBefore = levels.availableOnline(store, receipt.sku());
		levels.apply(store, new Change(receipt.sku(), location, receipt.binCode(), receipt.reason(), receipt.quantity(), 0,
				receipt.fromIncoming() ? -receipt.quantity() : 0, receipt.unitCost(), receipt.sourceType(),
				receipt.sourceId(), receipt.note(), Guard.NONE), Actor.current());
		return changed(store, receipt.sku(), location, onlineBefore);
	}

	/**
	 * Units expected at a location (a purchase order sent: positive) or no longer expected (cancelled: negative).
	 * Incoming never goes below zero.
	 */
	@Transactional
	public StockLevel changeIncoming(StoreId store, String sku, @Nullable LocationId locationId, int delta,
			MovementReason reason, @Nullable String sourceType, @Nullable String sourceId) {
		if (delta == 0 || Math.abs(delta) > MAX_QUANTITY) {
			throw InventoryProblems.invalidQuantity("quantity", "quantity must be between 1 and %d".formatted(MAX_QUANTITY));
		}
		requireItem(store, sku);
		LocationId location = resolve(store, locationId);
		levels.apply(store, new Change(sku, location, null, reason, 0, 0, delta, null, sourceType, sourceId, null, Guard.NONE),
				Actor.current());
		return level(store, sku, location);
	}

	@Transactional
	public void setReorderPoint(StoreId store, String sku, @Nullable Integer reorderPoint) {
		if (reorderPoint != null && (reorderPoint < 0 || reorderPoint > MAX_QUANTITY)) {
			throw InventoryProblems.invalidQuantity("reorderPoint", "reorderPoint must be between 0 and %d".formatted(MAX_QUANTITY));
		}
		requireItem(store, sku);
		items.setReorderPoint(store, sku, reorderPoint);
	}

	/** The ledger of a SKU, newest first. */
	@Transactional(readOnly = true)
	public Page<StockMovement> movements(StoreId store, String sku, @Nullable String cursor, int limit) {
		return levels.movements(store, sku, cursor, limit);
	}

	/** Proof that the ledger sums to every level's figures; empty when it does. */
	@Transactional(readOnly = true)
	public List<LedgerDiscrepancy> ledgerDiscrepancies(StoreId store) {
		return levels.discrepancies(store);
	}

	/** Brings the SKU mirror in line with a product (called from catalog events and before the first stock change). */
	@Transactional
	public void track(StoreId store, Product product) {
		items.sync(store, product);
	}

	// --- internals shared by the module's workflows ---

	/** The tracked SKU, fetched from the catalog if its event has not arrived yet. */
	Item requireItem(StoreId store, String sku) {
		return trackedSkus.require(store, sku);
	}

	LocationId resolve(StoreId store, @Nullable LocationId locationId) {
		if (locationId == null) {
			return locations.defaultLocation(store).id();
		}
		return locations.find(store, locationId)
			.orElseThrow(() -> InventoryProblems.unknownLocation(locationId.toString()))
			.id();
	}

	/** Publishes what other modules react to after a change of one level. */
	StockLevel changed(StoreId store, String sku, LocationId location, int onlineBefore) {
		StockLevel level = level(store, sku, location);
		int onlineAfter = levels.availableOnline(store, sku);
		events.publishEvent(new StockLevelChanged(store, sku, location, level.onHand(), level.reserved(), level.available(),
				onlineAfter, level.committed()));
		if (onlineBefore > 0 && onlineAfter <= 0) {
			events.publishEvent(new OutOfStock(store, sku));
		}
		else if (onlineBefore <= 0 && onlineAfter > 0) {
			events.publishEvent(new BackInStock(store, sku, onlineAfter));
		}
		Integer reorderPoint = items.find(store, sku).map(Item::reorderPoint).orElse(null);
		if (reorderPoint != null && onlineBefore > reorderPoint && onlineAfter <= reorderPoint && onlineAfter > 0) {
			events.publishEvent(new LowStockReached(store, sku, onlineAfter, reorderPoint));
		}
		return level;
	}

	private StockLevel level(StoreId store, String sku, LocationId location) {
		return levels.forSku(store, sku)
			.stream()
			.filter(l -> l.locationId().equals(location))
			.findFirst()
			.orElseGet(() -> new StockLevel(sku, location, location(store, location).name(), false, 0, 0, 0, 0, 0, 0, null));
	}
}
