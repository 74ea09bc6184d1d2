package dev.shopwright.fulfillment;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import dev.shopwright.fulfillment.documents.FulfillmentDocuments;
import dev.shopwright.fulfillment.domain.Allocation;
import dev.shopwright.fulfillment.domain.CarrierSettings;
import dev.shopwright.fulfillment.domain.FulfillmentOrders;
import dev.shopwright.fulfillment.domain.PickLists;
import dev.shopwright.fulfillment.domain.Shipments;
import dev.shopwright.fulfillment.events.ParcelTracked;
import dev.shopwright.fulfillment.events.ShipmentDelivered;
import dev.shopwright.fulfillment.events.ShipmentShipped;
import dev.shopwright.inventory.Bin;
import dev.shopwright.inventory.CommittedUnits;
import dev.shopwright.inventory.InventoryManagement;
import dev.shopwright.inventory.Location;
import dev.shopwright.inventory.LocationId;
import dev.shopwright.inventory.StockLevel;
import dev.shopwright.inventory.StockSummary;
import dev.shopwright.orders.OrderId;
import dev.shopwright.orders.OrderManagement;
import dev.shopwright.orders.events.OrderPlaced;
import dev.shopwright.platform.Actor;
import dev.shopwright.platform.AuditLog;
import dev.shopwright.platform.BusinessRuleViolation;
import dev.shopwright.shared.Money;
import dev.shopwright.shared.Page;
import dev.shopwright.shared.StoreId;
import dev.shopwright.stores.StoreManagement;

/**
 * The fulfilment module's façade: fulfilment orders planned from placed orders, re-allocation, hold and cancel,
 * pick lists, packing, rate shopping, labels and shipments, tracking, and the carrier settings. Each change runs in
 * one transaction; quantities move only through conditional updates that carry the rule.
 */
@Service
public class FulfillmentManagement {

	private final FulfillmentOrders orders;

	private final Shipments shipments;

	private final PickLists pickLists;

	private final CarrierSettings settings;

	private final InventoryManagement inventory;

	private final StoreManagement stores;

	private final OrderManagement orderManagement;

	private final Map<String, Carrier> carriers;

	private final FulfillmentDocuments documents;

	private final ApplicationEventPublisher events;

	private final AuditLog auditLog;

	private final Clock clock;

	private final TransactionTemplate transactions;

	FulfillmentManagement(FulfillmentOrders orders, Shipments shipments, PickLists pickLists, CarrierSettings settings,
			InventoryManagement inventory, StoreManagement stores, OrderManagement orderManagement, List<Carrier> carriers, FulfillmentDocuments documents,
			ApplicationEventPublisher events, AuditLog auditLog, ObjectProvider<Clock> clock,
			PlatformTransactionManager transactionManager) {
		this.transactions = new TransactionTemplate(transactionManager);
		this.orders = orders;
		this.shipments = shipments;
		this.pickLists = pickLists;
		this.settings = settings;
		this.inventory = inventory;
		this.stores = stores;
		this.orderManagement = orderManagement;
		this.carriers = new TreeMap<>();
		carriers.forEach(carrier -> this.carriers.put(carrier.code(), carrier));
		this.documents = documents;
		this.events = events;
		this.auditLog = auditLog;
		this.clock = clock.getIfAvailable(Clock::systemUTC);
	}

	// --- planning -------------------------------------------------------------------------------------------------

	/**
	 * Plans a placed order once: the lines that need shipping are allocated to locations (see {@link Allocation})
	 * and become one fulfilment order per location. A redelivered event changes nothing.
	 */
	@Transactional
	public List<FulfillmentOrder> plan(OrderPlaced placed) {
		StoreId store = placed.storeId();
		UUID orderId = placed.orderId().value();
		ShippingAddress shipTo = placed.shippingAddress() == null ? null : toShippingAddress(placed.shippingAddress());
		boolean inserted = orders.insertPlan(new FulfillmentOrders.Plan(store, orderId, placed.orderNumber(),
				placed.email(), shipTo, placed.shippingMethodName(), placed.promisedBy(),
				placed.total().currency().getCurrencyCode(), placed.onHold(), placed.placedAt()));
		if (!inserted) {
			return orders.ofOrder(store, orderId, today());
		}
		List<OrderPlaced.Line> shippable = placed.lines().stream().filter(l -> l.requiresShipping() && l.quantity() > 0).toList();
		if (shippable.isEmpty()) {
			return List.of();
		}
		List<Location> locations = inventory.locations(store).stream().filter(l -> l.active() && l.fulfilsOnline()).toList();
		if (locations.isEmpty()) {
			locations = List.of(inventory.defaultLocation(store));
		}
		List<String> references = orderManagement.stockReferences(store, placed.orderId());
		Map<String, Map<UUID, Integer>> own = committedUnits(store, references);
		Set<String> skus = new LinkedHashSet<>();
		shippable.forEach(l -> skus.add(l.sku()));
		Map<UUID, Map<String, Integer>> stock = new HashMap<>();
		for (String sku : skus) {
			for (StockLevel level : levels(store, sku)) {
				int units = Math.max(0, level.available())
						+ own.getOrDefault(sku, Map.of()).getOrDefault(level.locationId().value(), 0);
				stock.computeIfAbsent(level.locationId().value(), k -> new HashMap<>()).put(sku, units);
			}
		}
		List<Allocation.Candidate> candidates = locations.stream()
			.map(l -> new Allocation.Candidate(l.id().value(), l.name(), l.priority(), l.address().country(),
					l.address().region(), stock.getOrDefault(l.id().value(), Map.of())))
			.toList();
		List<Allocation.Assignment> plan = Allocation.plan(
				shippable.stream().map(l -> new Allocation.Line(l.lineId(), l.sku(), l.quantity())).toList(), candidates,
				shipTo == null ? null : shipTo.country(), shipTo == null ? null : shipTo.region());
		Map<UUID, OrderPlaced.Line> byId = new HashMap<>();
		shippable.forEach(l -> byId.put(l.lineId(), l));
		Map<UUID, String> names = new HashMap<>();
		locations.forEach(l -> names.put(l.id().value(), l.name()));
		Map<UUID, UUID> fulfillmentOrderByLocation = new LinkedHashMap<>();
		Map<String, Map<UUID, Integer>> planned = new LinkedHashMap<>();
		Instant now = clock.instant();
		for (Allocation.Assignment assignment : plan) {
			UUID fo = fulfillmentOrderByLocation.computeIfAbsent(assignment.locationId(),
					location -> orders.insert(store, orderId, location, names.get(location), placed.onHold(), now));
			OrderPlaced.Line line = byId.get(assignment.lineId());
			orders.addLine(store, fo, new FulfillmentOrders.NewLine(line.lineId(), line.sku(), line.title(),
					line.variantTitle(), assignment.quantity(), line.unitPrice(), line.grams()));
			planned.computeIfAbsent(line.sku(), k -> new LinkedHashMap<>())
				.merge(assignment.locationId(), assignment.quantity(), Integer::sum);
		}
		planned.forEach((sku, wanted) -> followPlan(store, references, sku, wanted, own.getOrDefault(sku, Map.of())));
		return orders.ofOrder(store, orderId, today());
	}

	/**
	 * The order's committed units ({@link InventoryManagement#committedUnits}) per SKU and location: they are on the
	 * shelf for this order, so planning counts them as its own on top of what is available.
	 */
	private Map<String, Map<UUID, Integer>> committedUnits(StoreId store, List<String> references) {
		Map<String, Map<UUID, Integer>> units = new HashMap<>();
		if (references.isEmpty()) {
			return units;
		}
		for (CommittedUnits committed : inventory.committedUnits(store, references)) {
			units.computeIfAbsent(committed.sku(), k -> new HashMap<>())
				.merge(committed.locationId().value(), committed.units(), Integer::sum);
		}
		return units;
	}

	/**
	 * Moves the order's commitment of a SKU to where the plan ships it from, so each location's available figure is
	 * true before the parcel leaves. A move the target cannot take (its stock went meanwhile) is left out: the
	 * commitment stays where it is and the shipment settles it from there.
	 */
	private void followPlan(StoreId store, List<String> references, String sku, Map<UUID, Integer> wanted,
			Map<UUID, Integer> committed) {
		Map<UUID, Integer> surplus = new LinkedHashMap<>();
		committed.forEach((location, units) -> {
			int extra = units - wanted.getOrDefault(location, 0);
			if (extra > 0) {
				surplus.put(location, extra);
			}
		});
		for (Map.Entry<UUID, Integer> target : wanted.entrySet()) {
			int needed = target.getValue() - committed.getOrDefault(target.getKey(), 0);
			for (Map.Entry<UUID, Integer> from : surplus.entrySet()) {
				int units = Math.min(needed, from.getValue());
				if (units <= 0) {
					continue;
				}
				try {
					int moved = inventory.moveCommitment(store, references, sku, new LocationId(from.getKey()),
							new LocationId(target.getKey()), units);
					from.setValue(from.getValue() - moved);
					needed -= moved;
				}
				catch (BusinessRuleViolation refused) {
					break; // rolled back to its own savepoint; this plan goes on
				}
			}
		}
	}

	private List<StockLevel> levels(StoreId store, String sku) {
		try {
			return inventory.stock(store, sku).levels();
		}
		catch (BusinessRuleViolation unknownSku) {
			return List.of();
		}
	}

	@Transactional
	public void hold(StoreId store, UUID orderId) {
		orders.setHeld(store, orderId, true, clock.instant());
	}

	@Transactional
	public void release(StoreId store, UUID orderId) {
		orders.setHeld(store, orderId, false, clock.instant());
	}

	/** The order was cancelled: nothing not yet shipped will be. */
	@Transactional
	public void cancelOrder(StoreId store, UUID orderId) {
		Instant now = clock.instant();
		for (UUID fo : new LinkedHashSet<>(orders.cancelOrder(store, orderId))) {
			orders.refreshStatus(store, fo, now);
		}
	}

	// --- fulfilment orders ----------------------------------------------------------------------------------------

	@Transactional(readOnly = true)
	public List<FulfillmentOrder> fulfillmentOrders(StoreId store, UUID orderId) {
		return orders.ofOrder(store, orderId, today());
	}

	@Transactional(readOnly = true)
	public FulfillmentOrder fulfillmentOrder(StoreId store, UUID id) {
		return orders.find(store, id, today()).orElseThrow(() -> FulfillmentProblems.fulfillmentOrderNotFound(id));
	}

	@Transactional(readOnly = true)
	public Page<FulfillmentOrder> queue(StoreId store, FulfillmentOrder.Queue filter, @Nullable UUID locationId,
			@Nullable String cursor, int limit) {
		return orders.queue(store, filter, locationId, cursor, limit, today());
	}

	/**
	 * Moves what is left of the given lines (all lines when none are named) to another location that fulfils online
	 * orders: into that location's open fulfilment order of the same order, or a new one.
	 */
	@Transactional
	public List<FulfillmentOrder> reallocate(StoreId store, UUID fulfillmentOrderId, UUID locationId,
			@Nullable List<UUID> lineIds) {
		FulfillmentOrder source = open(store, fulfillmentOrderId);
		if (source.locationId().equals(locationId)) {
			throw FulfillmentProblems.invalid("SAME_LOCATION", "locationId", "The lines are already allocated to this location");
		}
		Location target = inventory.location(store, new LocationId(locationId));
		if (!target.active() || !target.fulfilsOnline()) {
			throw FulfillmentProblems.invalid("LOCATION_NOT_FULFILLING", "locationId",
					"%s is inactive or does not fulfil online orders".formatted(target.name()));
		}
		List<FulfillmentOrder.Line> moving = source.lines().stream()
			.filter(l -> lineIds == null || lineIds.isEmpty() || lineIds.contains(l.lineId()))
			.filter(l -> l.remaining() > 0)
			.toList();
		if (lineIds != null) {
			for (UUID lineId : lineIds) {
				requireLine(source, lineId, "lineIds");
			}
		}
		if (moving.isEmpty()) {
			throw FulfillmentProblems.invalid("NOTHING_TO_REALLOCATE", "lineIds", "Nothing is left to ship on these lines");
		}
		Instant now = clock.instant();
		UUID orderId = UUID.fromString(source.orderId());
		UUID destination = orders.openAt(store, orderId, locationId)
			.orElseGet(() -> orders.insert(store, orderId, locationId, target.name(), source.held(), now));
		Map<String, Integer> movingUnits = new TreeMap<>();
		for (FulfillmentOrder.Line line : moving) {
			if (!orders.removeUnits(store, source.id(), line.lineId(), line.remaining())) {
				throw FulfillmentProblems.quantityExceeded("lineIds", "Line %s changed meanwhile; try again".formatted(line.sku()));
			}
			orders.addLine(store, destination, new FulfillmentOrders.NewLine(line.lineId(), line.sku(), line.title(),
					line.variantTitle(), line.remaining(), line.unitPrice(), line.grams()));
			movingUnits.merge(line.sku(), line.remaining(), Integer::sum);
		}
		// the order's committed units follow the lines: refused (409 INSUFFICIENT_STOCK) when the target lacks them
		List<String> references = orderManagement.stockReferences(store, OrderId.of(source.orderId()));
		if (!references.isEmpty()) {
			movingUnits.forEach((sku, units) -> inventory.moveCommitment(store, references, sku,
					new LocationId(source.locationId()), new LocationId(locationId), units));
		}
		orders.refreshStatus(store, source.id(), now);
		orders.refreshStatus(store, destination, now);
		auditLog.record(store, "fulfillment.reallocated", "fulfillment-order", source.id().toString(),
				"%d line(s) of order %s to %s".formatted(moving.size(), source.orderNumber(), target.name()));
		return orders.ofOrder(store, orderId, today());
	}

	/**
	 * Staff cancel units not yet shipped (per line id); all of it or nothing. Stock is not touched: the order still
	 * claims the units (their commitment is released when they are cancelled or removed on the order itself).
	 */
	@Transactional
	public FulfillmentOrder cancelLines(StoreId store, UUID fulfillmentOrderId, Map<UUID, Integer> quantities) {
		FulfillmentOrder fo = open(store, fulfillmentOrderId);
		if (quantities.isEmpty()) {
			throw FulfillmentProblems.invalid("NOTHING_TO_CANCEL", "lines", "Name the lines and quantities to cancel");
		}
		quantities.forEach((lineId, units) -> {
			FulfillmentOrder.Line line = requireLine(fo, lineId, "lines");
			if (units <= 0 || !orders.cancelUnits(store, fo.id(), lineId, units)) {
				throw FulfillmentProblems.quantityExceeded("lines", "%s: %d to cancel, %d not yet shipped"
					.formatted(line.sku(), units, line.remaining()));
			}
		});
		orders.refreshStatus(store, fo.id(), clock.instant());
		auditLog.record(store, "fulfillment.lines-cancelled", "fulfillment-order", fo.id().toString(),
				"order %s: %s".formatted(fo.orderNumber(), quantities.values()));
		return fulfillmentOrder(store, fo.id());
	}

	// --- pick lists -----------------------------------------------------------------------------------------------

	/**
	 * A pick list for the given fulfilment orders (all at the same location, none on hold or closed), or for the
	 * oldest ready ones at the location (at most 50) when none are named.
	 */
	@Transactional
	public PickList createPickList(StoreId store, UUID locationId, @Nullable List<UUID> fulfillmentOrderIds) {
		Location location = inventory.location(store, new LocationId(locationId));
		List<UUID> ids = fulfillmentOrderIds == null || fulfillmentOrderIds.isEmpty() ? orders.readyAt(store, locationId, 50)
				: List.copyOf(new LinkedHashSet<>(fulfillmentOrderIds));
		if (ids.isEmpty()) {
			throw FulfillmentProblems.invalid("NOTHING_TO_PICK", "fulfillmentOrderIds", "No fulfilment order is ready at "
					+ location.name());
		}
		List<FulfillmentOrder> batch = orders.byIds(store, ids, today());
		for (UUID id : ids) {
			FulfillmentOrder fo = batch.stream().filter(o -> o.id().equals(id)).findFirst()
				.orElseThrow(() -> FulfillmentProblems.fulfillmentOrderNotFound(id));
			if (!fo.locationId().equals(locationId)) {
				throw FulfillmentProblems.invalid("WRONG_LOCATION", "fulfillmentOrderIds",
						"Order %s is allocated to %s, not %s".formatted(fo.orderNumber(), fo.locationName(), location.name()));
			}
			if (fo.held()) {
				throw FulfillmentProblems.onHold();
			}
			if (fo.status().isClosed()) {
				throw FulfillmentProblems.closed();
			}
		}
		UUID id = pickLists.insert(store, locationId, location.name(), ids, Actor.current().actorName(), clock.instant());
		return pickList(store, id);
	}

	@Transactional(readOnly = true)
	public PickList pickList(StoreId store, UUID id) {
		return assemble(store, pickLists.find(store, id).orElseThrow(() -> FulfillmentProblems.pickListNotFound(id)));
	}

	@Transactional(readOnly = true)
	public Page<PickList> pickLists(StoreId store, @Nullable String cursor, int limit) {
		Page<PickLists.Header> page = pickLists.list(store, cursor, limit);
		return new Page<>(page.items().stream().map(h -> assemble(store, h)).toList(), page.nextCursor());
	}

	@Transactional(readOnly = true)
	public byte[] pickListPdf(StoreId store, UUID id) {
		return documents.pickList(pickList(store, id));
	}

	/** Lines grouped by SKU (what is still to ship), in the walk through the location's bins. */
	private PickList assemble(StoreId store, PickLists.Header header) {
		List<FulfillmentOrder> batch = orders.byIds(store, header.fulfillmentOrderIds(), today());
		Map<String, Integer> quantities = new TreeMap<>();
		Map<String, String> titles = new HashMap<>();
		Map<String, Set<String>> orderNumbers = new HashMap<>();
		for (FulfillmentOrder fo : batch) {
			for (FulfillmentOrder.Line line : fo.lines()) {
				if (line.remaining() > 0) {
					quantities.merge(line.sku(), line.remaining(), Integer::sum);
					titles.putIfAbsent(line.sku(), line.title() + (line.variantTitle() == null ? "" : " — " + line.variantTitle()));
					orderNumbers.computeIfAbsent(line.sku(), k -> new LinkedHashSet<>()).add(fo.orderNumber());
				}
			}
		}
		Map<String, Bin> firstBin = new HashMap<>();
		for (Bin bin : inventory.bins(store, new LocationId(header.locationId()))) {
			for (Bin.Content content : bin.contents()) {
				if (content.quantity() > 0) {
					firstBin.merge(content.sku(), bin, (a, b) -> a.walkOrder() <= b.walkOrder() ? a : b);
				}
			}
		}
		List<PickList.Line> lines = new ArrayList<>();
		quantities.forEach((sku, quantity) -> {
			Bin bin = firstBin.get(sku);
			lines.add(new PickList.Line(sku, titles.get(sku), quantity, bin == null ? null : bin.code(),
					bin == null ? null : bin.walkOrder(), List.copyOf(orderNumbers.get(sku))));
		});
		lines.sort(Comparator.comparing((PickList.Line l) -> l.walkOrder() == null ? Integer.MAX_VALUE : l.walkOrder())
			.thenComparing(l -> l.bin() == null ? "" : l.bin())
			.thenComparing(PickList.Line::sku));
		return new PickList(header.id(), header.number(), header.locationId(), header.locationName(), header.createdAt(),
				header.createdBy(), header.fulfillmentOrderIds(), batch.stream().map(FulfillmentOrder::orderNumber).toList(),
				lines);
	}

	// --- packing --------------------------------------------------------------------------------------------------

	/**
	 * One scanned (or typed) code at the packing station: a SKU of the order, or a product barcode that inventory
	 * knows. Wrong items and surplus items are answered as warnings and change nothing.
	 */
	@Transactional
	public PackingScan scan(StoreId store, UUID fulfillmentOrderId, String code) {
		FulfillmentOrder fo = open(store, fulfillmentOrderId);
		String scanned = code.strip();
		Optional<FulfillmentOrder.Line> line = matchLine(store, fo, scanned);
		if (line.isEmpty()) {
			return packingState(store, fo.id(), PackingScan.Outcome.WRONG_ITEM,
					"Wrong item: %s is not on order %s".formatted(scanned, fo.orderNumber()), null);
		}
		String sku = line.get().sku();
		// several lines may share a SKU: pack into the first that still has room
		for (FulfillmentOrder.Line candidate : fo.lines()) {
			if (candidate.sku().equals(sku) && orders.packOne(store, fo.id(), candidate.lineId())) {
				return packingState(store, fo.id(), PackingScan.Outcome.PACKED, "Packed 1 × %s".formatted(sku), sku);
			}
		}
		return packingState(store, fo.id(), PackingScan.Outcome.SURPLUS,
				"Too many: all %d × %s are packed already".formatted(
						fo.lines().stream().filter(l -> l.sku().equals(sku)).mapToInt(FulfillmentOrder.Line::remaining).sum(), sku),
				sku);
	}

	@Transactional
	public PackingScan resetPacking(StoreId store, UUID fulfillmentOrderId) {
		FulfillmentOrder fo = open(store, fulfillmentOrderId);
		orders.resetPacking(store, fo.id());
		return packingState(store, fo.id(), PackingScan.Outcome.PACKED, "Packing started over", null);
	}

	@Transactional(readOnly = true)
	public PackingScan packing(StoreId store, UUID fulfillmentOrderId) {
		fulfillmentOrder(store, fulfillmentOrderId);
		return packingState(store, fulfillmentOrderId, PackingScan.Outcome.PACKED, "", null);
	}

	private Optional<FulfillmentOrder.Line> matchLine(StoreId store, FulfillmentOrder fo, String code) {
		Optional<FulfillmentOrder.Line> bySku = fo.lines().stream().filter(l -> l.sku().equalsIgnoreCase(code)).findFirst();
		if (bySku.isPresent() || code.isEmpty()) {
			return bySku;
		}
		// a product barcode: inventory's overview matches barcodes exactly (and SKUs/titles loosely, hence the filter)
		List<StockSummary> matches = inventory.overview(store, code, StockSummary.Filter.ALL, null, null, 20).items();
		return fo.lines().stream()
			.filter(l -> matches.stream().anyMatch(m -> m.sku().equals(l.sku())) && !l.title().toLowerCase(Locale.ROOT).contains(code.toLowerCase(Locale.ROOT)))
			.findFirst();
	}

	private PackingScan packingState(StoreId store, UUID id, PackingScan.Outcome outcome, String message,
			@Nullable String sku) {
		FulfillmentOrder fo = fulfillmentOrder(store, id);
		List<PackingScan.Missing> missing = fo.lines().stream()
			.filter(l -> l.remaining() > l.packed())
			.map(l -> new PackingScan.Missing(l.sku(), l.title(), l.remaining() - l.packed()))
			.toList();
		return new PackingScan(outcome, message, sku, fo, missing);
	}

	// --- rates and shipping ---------------------------------------------------------------------------------------

	/** A rate with its estimated delivery date and whether that meets the order's promised date. */
	public record RateQuote(String carrier, String carrierName, String service, String serviceName, Money price,
			int transitDays, LocalDate estimatedDelivery, boolean meetsPromise) {
	}

	/** Every enabled carrier's rates for a parcel of this fulfilment order, cheapest first. */
	@Transactional(readOnly = true)
	public List<RateQuote> rates(StoreId store, UUID fulfillmentOrderId, Parcel parcel) {
		FulfillmentOrder fo = fulfillmentOrder(store, fulfillmentOrderId);
		return quotes(store, fo, parcel, null);
	}

	private List<RateQuote> quotes(StoreId store, FulfillmentOrder fo, Parcel parcel, @Nullable String onlyCarrier) {
		ShippingAddress to = requireShipTo(fo);
		ShippingAddress from = origin(store, fo.locationId());
		String currency = stores.get(store).defaultCurrency().getCurrencyCode();
		LocalDate today = today();
		List<RateQuote> quotes = new ArrayList<>();
		for (CarrierSetting carrier : carrierSettings(store)) {
			if (!carrier.enabled() || (onlyCarrier != null && !onlyCarrier.equals(carrier.code()))) {
				continue;
			}
			Carrier implementation = carriers.get(carrier.code());
			for (Carrier.Rate rate : implementation.rates(store, parcel, from, to, currency)) {
				LocalDate estimated = today.plusDays(rate.transitDays());
				quotes.add(new RateQuote(rate.carrier(), implementation.name(), rate.service(), rate.serviceName(),
						rate.price(), rate.transitDays(), estimated,
						fo.promisedBy() == null || !estimated.isAfter(fo.promisedBy())));
			}
		}
		quotes.sort(Comparator.comparing((RateQuote q) -> q.price().amount()).thenComparingInt(RateQuote::transitDays));
		return quotes;
	}

	/**
	 * Rate shopping: among the rates that arrive by the promised date, the cheapest (or the fastest); when none can,
	 * the fastest of all, so the parcel is as little late as possible.
	 */
	static RateQuote choose(List<RateQuote> quotes, ShipOrder.Strategy strategy) {
		Comparator<RateQuote> cheapest = Comparator.comparing((RateQuote q) -> q.price().amount())
			.thenComparingInt(RateQuote::transitDays);
		Comparator<RateQuote> fastest = Comparator.comparingInt(RateQuote::transitDays)
			.thenComparing(q -> q.price().amount());
		List<RateQuote> onTime = quotes.stream().filter(RateQuote::meetsPromise).toList();
		if (onTime.isEmpty()) {
			return quotes.stream().min(fastest).orElseThrow();
		}
		return onTime.stream().min(strategy == ShipOrder.Strategy.FASTEST ? fastest : cheapest).orElseThrow();
	}

	/**
	 * Buys a label and ships: never more than is left on each line (the database refuses it, and nothing of the
	 * request is kept), never while the order is on hold. Publishes {@link ShipmentShipped}.
	 */
	@Transactional
	public Shipment ship(StoreId store, UUID fulfillmentOrderId, ShipOrder command) {
		FulfillmentOrder fo = orders.lock(store, fulfillmentOrderId, today())
			.orElseThrow(() -> FulfillmentProblems.fulfillmentOrderNotFound(fulfillmentOrderId));
		requireOpen(fo);
		Map<UUID, Integer> quantities = new LinkedHashMap<>();
		if (command.lines() != null && !command.lines().isEmpty()) {
			for (ShipOrder.LineQuantity line : command.lines()) {
				requireLine(fo, line.lineId(), "lines");
				quantities.merge(line.lineId(), line.quantity(), Integer::sum);
			}
		}
		else {
			fo.lines().stream().filter(l -> l.packed() > 0).forEach(l -> quantities.put(l.lineId(), l.packed()));
		}
		if (quantities.isEmpty()) {
			throw FulfillmentProblems.nothingToShip();
		}
		quantities.forEach((lineId, units) -> {
			if (!orders.shipUnits(store, fo.id(), lineId, units)) {
				FulfillmentOrder.Line line = requireLine(fo, lineId, "lines");
				throw FulfillmentProblems.quantityExceeded("lines", "%s: %d to ship, only %d left to ship".formatted(line.sku(),
						units, line.remaining()));
			}
		});

		List<RateQuote> quotes = quotes(store, fo, command.parcel(), command.carrier());
		if (command.carrier() != null && carrierSettings(store).stream().noneMatch(c -> c.code().equals(command.carrier()) && c.enabled())) {
			throw FulfillmentProblems.unknownCarrier(command.carrier());
		}
		if (command.service() != null) {
			quotes = quotes.stream().filter(q -> q.service().equals(command.service())).toList();
		}
		if (quotes.isEmpty()) {
			throw FulfillmentProblems.noRate("No enabled carrier has a rate for this parcel to "
					+ requireShipTo(fo).country());
		}
		RateQuote rate = choose(quotes, command.strategy() == null ? ShipOrder.Strategy.CHEAPEST : command.strategy());

		ShippingAddress from = origin(store, fo.locationId());
		CarrierSettings.Customs customs = settings.customs(store);
		String originCountry = from.country() != null ? from.country() : customs.originCountry();
		boolean international = fo.international(originCountry);
		Map<String, ShipOrder.Customs> customsBySku = new HashMap<>();
		if (command.customs() != null) {
			command.customs().forEach(c -> customsBySku.put(c.sku(), c));
		}
		List<Shipment.Line> lines = new ArrayList<>();
		for (Map.Entry<UUID, Integer> entry : quantities.entrySet()) {
			FulfillmentOrder.Line line = requireLine(fo, entry.getKey(), "lines");
			String hsCode = null;
			String origin = null;
			if (international) {
				ShipOrder.Customs given = customsBySku.get(line.sku());
				hsCode = given != null && given.hsCode() != null ? given.hsCode() : customs.defaultHsCode();
				origin = given != null && given.originCountry() != null ? given.originCountry()
						: customs.originCountry() != null ? customs.originCountry() : originCountry;
				if (hsCode == null || origin == null) {
					throw FulfillmentProblems.invalid("CUSTOMS_INFORMATION_MISSING", "customs",
							"%s ships abroad: give its HS code and origin country (or set the store's customs defaults)"
								.formatted(line.sku()));
				}
			}
			lines.add(new Shipment.Line(line.lineId(), line.sku(), line.title(), entry.getValue(), line.unitPrice(), hsCode,
					origin));
		}

		Carrier carrier = carriers.get(rate.carrier());
		Carrier.Label label = carrier.createLabel(store, new Carrier.LabelRequest(rate.service(), command.parcel(), from,
				requireShipTo(fo), fo.orderNumber()));
		Instant now = clock.instant();
		UUID shipmentId = UUID.randomUUID();
		OrderId orderId = OrderId.of(fo.orderId());
		if (orderManagement.find(store, orderId).isPresent()) {
			// the order's own guard (never more than ordered − cancelled − fulfilled, not while held or closed) and the
			// capture on fulfilment; refused, the whole shipment rolls back and the label is voided
			try {
				orderManagement.recordFulfillment(store, orderId, quantities, shipmentId.toString());
				orderManagement.trackShipment(store, orderId, shipmentId.toString(), carrier.code(),
						label.trackingNumber(), label.trackingUrl(), ShipmentStatus.LABEL_CREATED.name());
			}
			catch (RuntimeException refused) {
				carrier.cancelLabel(store, label.trackingNumber());
				throw refused;
			}
		}
		// the units leave on hand at this location, settling the order's committed units (ADR 0022); applied once
		// per shipment id, in this transaction, after the order's rows (locked first, as an order edit does)
		Map<String, Integer> units = new TreeMap<>();
		lines.forEach(l -> units.merge(l.sku(), l.quantity(), Integer::sum));
		inventory.fulfilCommitted(store, orderManagement.stockReferences(store, orderId), new LocationId(fo.locationId()),
				units, shipmentId.toString());
		shipments.insert(store, new Shipments.NewShipment(shipmentId, fo.id(), UUID.fromString(fo.orderId()),
				fo.locationId(), carrier.code(), rate.service(), label.serviceName(), label.trackingNumber(),
				label.trackingUrl(), rate.price(), command.parcel(), from, international, rate.estimatedDelivery(),
				fo.promisedBy(), fo.placedAt(), now, lines));
		shipments.record(store, shipmentId, new Carrier.TrackingUpdate("label", ShipmentStatus.LABEL_CREATED,
				"Label created", from.city(), now), now);
		orders.refreshStatus(store, fo.id(), now);
		auditLog.record(store, "fulfillment.shipped", "shipment", shipmentId.toString(),
				"order %s: %s %s".formatted(fo.orderNumber(), label.serviceName(), label.trackingNumber()));
		events.publishEvent(new ShipmentShipped(store, shipmentId, fo.orderId(), fo.orderNumber(), fo.email(),
				carrier.code(), label.serviceName(), label.trackingNumber(), label.trackingUrl(),
				lines.stream().map(l -> new ShipmentShipped.Line(l.lineId(), l.sku(), l.title(), l.quantity())).toList(),
				now));
		return shipment(store, shipmentId);
	}

	@Transactional(readOnly = true)
	public Shipment shipment(StoreId store, UUID id) {
		return shipments.find(store, id).orElseThrow(() -> FulfillmentProblems.shipmentNotFound(id));
	}

	/** The shipments of an order (for the order page and for returns). */
	@Transactional(readOnly = true)
	public List<Shipment> shipmentsOfOrder(StoreId store, UUID orderId) {
		return shipments.ofOrder(store, orderId);
	}

	@Transactional(readOnly = true)
	public Optional<Shipment> shipmentByTracking(StoreId store, String carrier, String trackingNumber) {
		return shipments.byTracking(store, carrier, trackingNumber);
	}

	@Transactional(readOnly = true)
	public Page<Shipment> shipments(StoreId store, @Nullable ShipmentStatus status, @Nullable String cursor, int limit) {
		return shipments.list(store, status, cursor, limit);
	}

	@Transactional(readOnly = true)
	public byte[] labelPdf(StoreId store, UUID shipmentId) {
		return documents.label(shipment(store, shipmentId), stores.get(store).name());
	}

	@Transactional(readOnly = true)
	public byte[] packingSlipPdf(StoreId store, UUID shipmentId) {
		return documents.packingSlip(shipment(store, shipmentId), stores.get(store).name());
	}

	// --- tracking -------------------------------------------------------------------------------------------------

	/** A carrier's tracking event as it arrives at the webhook. */
	public record TrackingEvent(String eventId, String trackingNumber, ShipmentStatus status, String description,
			@Nullable String place, Instant occurredAt) {
	}

	/**
	 * Applies a carrier's signed tracking event: the signature (HMAC-SHA256 with the store's secret for that carrier)
	 * is checked before anything is read; a redelivered event changes nothing. Returns the shipment, or empty when the
	 * tracking number is not a shipment's: then the event is published as {@link ParcelTracked} for whoever bought
	 * that label (returns) and otherwise ignored.
	 */
	@Transactional
	public Optional<Shipment> receiveTrackingEvent(StoreId store, String carrier, String payload,
			@Nullable String signature) {
		CarrierSettings.Account account = settings.account(store, carrier)
			.orElseThrow(() -> FulfillmentProblems.invalidSignature("no webhook secret is set up for " + carrier));
		TrackingSignatures.verify(account.webhookSecret(), payload, signature, clock.instant());
		TrackingEvent event = TrackingSignatures.parse(payload);
		Optional<Shipment> shipment = shipments.byTracking(store, carrier, event.trackingNumber());
		if (shipment.isEmpty()) {
			events.publishEvent(new ParcelTracked(store, carrier, event.trackingNumber(), "evt:" + event.eventId(),
					event.status(), event.description(), event.place(), event.occurredAt()));
			return Optional.empty();
		}
		apply(store, shipment.get(), new Carrier.TrackingUpdate("evt:" + event.eventId(), event.status(),
				event.description(), event.place(), event.occurredAt()));
		return Optional.of(shipment(store, shipment.get().id()));
	}

	/**
	 * Asks carriers that keep their own timeline (the sandbox) for news on every parcel still on its way, as of
	 * {@code now}; returns how many steps were new. The scheduled job calls it with the clock's time.
	 */
	public int followTracking(Instant now) {
		int recorded = 0;
		for (Carrier carrier : carriers.values()) {
			for (Shipments.Followed followed : shipments.onTheirWay(carrier.code(), 500)) {
				Integer steps = transactions.execute(status -> followOne(followed, carrier, now));
				recorded += steps == null ? 0 : steps;
			}
		}
		return recorded;
	}

	private int followOne(Shipments.Followed followed, Carrier carrier, Instant now) {
		List<Carrier.TrackingUpdate> updates = carrier.tracking(followed.store(), followed.trackingNumber(),
				followed.shippedAt(), now);
		if (updates.isEmpty()) {
			return 0; // a carrier that pushes its events
		}
		Shipment shipment = shipment(followed.store(), followed.id());
		int recorded = 0;
		for (Carrier.TrackingUpdate update : updates) {
			if (apply(followed.store(), shipment, update)) {
				recorded++;
			}
		}
		return recorded;
	}

	private boolean apply(StoreId store, Shipment before, Carrier.TrackingUpdate update) {
		boolean recorded = shipments.record(store, before.id(), update, clock.instant());
		if (recorded) {
			Shipment now = shipment(store, before.id());
			// the order's page shows where the parcel stands; orders only keeps what it is told
			orderManagement.trackShipment(store, OrderId.of(now.orderId()), now.id().toString(), now.carrier(),
					now.trackingNumber(), now.trackingUrl(), now.status().name());
		}
		if (recorded && update.status() == ShipmentStatus.DELIVERED && before.status() != ShipmentStatus.DELIVERED) {
			Shipment after = shipment(store, before.id());
			if (after.status() == ShipmentStatus.DELIVERED && after.deliveredAt() != null) {
				events.publishEvent(new ShipmentDelivered(store, after.id(), after.orderId(), after.orderNumber(),
						after.email(), after.trackingNumber(), after.trackingUrl(), after.deliveredAt(), after.onTime()));
			}
		}
		return recorded;
	}

	// --- carriers and settings ------------------------------------------------------------------------------------

	/** A carrier as a store has set it up; the sandbox is enabled until the store turns it off. */
	public record CarrierSetting(String code, String name, boolean enabled, boolean tableRates,
			@Nullable String webhookSecret, List<CarrierSettings.TableRate> rates) {
	}

	/**
	 * A return label as bought for a return: who carries it, its tracking number, the printable 4×6 PDF and what the
	 * carrier charges for it ({@code price}, in the store's currency).
	 */
	public record ReturnLabel(String carrier, String serviceName, String trackingNumber, String trackingUrl, byte[] pdf,
			Money price) {
	}

	/**
	 * Buys a return label: from the shopper's address to the location the order shipped from (its first shipment's),
	 * else the store's default location, with the carrier that shipped it (else the first enabled one) at its cheapest
	 * service. Nothing is stored here; the caller keeps the tracking number and the PDF.
	 */
	@Transactional(readOnly = true)
	public ReturnLabel returnLabel(StoreId store, UUID orderId, String orderNumber,
			dev.shopwright.customers.AddressDetails shopper, Parcel parcel, String reference) {
		List<Shipment> shipped = shipmentsOfOrder(store, orderId);
		UUID locationId = shipped.isEmpty() ? inventory.defaultLocation(store).id().value()
				: shipped.getFirst().locationId();
		ShippingAddress to = origin(store, locationId);
		ShippingAddress from = toShippingAddress(shopper);
		List<String> candidates = new ArrayList<>();
		shipped.forEach(s -> candidates.add(s.carrier()));
		carrierSettings(store).stream().filter(CarrierSetting::enabled).forEach(c -> candidates.add(c.code()));
		String currency = stores.get(store).defaultCurrency().getCurrencyCode();
		for (String code : candidates) {
			Carrier carrier = carriers.get(code);
			if (carrier == null) {
				continue;
			}
			Optional<Carrier.Rate> cheapest = carrier.rates(store, parcel, from, to, currency).stream()
				.min(Comparator.comparing((Carrier.Rate r) -> r.price().amount()));
			if (cheapest.isEmpty()) {
				continue;
			}
			Carrier.Label label = carrier.createLabel(store,
					new Carrier.LabelRequest(cheapest.get().service(), parcel, from, to, reference));
			byte[] pdf = documents.returnLabel(from, to, stores.get(store).name(), label.serviceName(),
					"Return " + reference + " · order " + orderNumber, label.trackingNumber());
			return new ReturnLabel(carrier.code(), label.serviceName(), label.trackingNumber(), label.trackingUrl(), pdf,
					cheapest.get().price());
		}
		throw FulfillmentProblems.noRate("No enabled carrier has a rate for a return parcel from " + from.country());
	}

	/** The carrier with this code (for returns: rates and a return label). */
	public Carrier carrier(String code) {
		Carrier carrier = carriers.get(code);
		if (carrier == null) {
			throw FulfillmentProblems.unknownCarrier(code);
		}
		return carrier;
	}

	@Transactional(readOnly = true)
	public List<CarrierSetting> carrierSettings(StoreId store) {
		Map<String, CarrierSettings.Account> accounts = new HashMap<>();
		settings.accounts(store).forEach(a -> accounts.put(a.carrier(), a));
		return carriers.values().stream().map(carrier -> {
			CarrierSettings.Account account = accounts.get(carrier.code());
			boolean enabled = account != null ? account.enabled() : SandboxCarrierCode.is(carrier.code());
			return new CarrierSetting(carrier.code(), carrier.name(), enabled, !SandboxCarrierCode.is(carrier.code()),
					account == null ? null : account.webhookSecret(), settings.rates(store, carrier.code()));
		}).toList();
	}

	@Transactional
	public CarrierSetting setCarrierEnabled(StoreId store, String code, boolean enabled) {
		carrier(code);
		settings.setEnabled(store, code, enabled, clock.instant());
		auditLog.record(store, "fulfillment.carrier", "carrier", code, enabled ? "enabled" : "disabled");
		return carrierSettings(store).stream().filter(c -> c.code().equals(code)).findFirst().orElseThrow();
	}

	@Transactional
	public CarrierSetting rotateWebhookSecret(StoreId store, String code) {
		carrier(code);
		if (settings.account(store, code).isEmpty()) {
			settings.setEnabled(store, code, SandboxCarrierCode.is(code), clock.instant());
		}
		settings.rotateSecret(store, code, clock.instant());
		auditLog.record(store, "fulfillment.carrier-secret", "carrier", code, "webhook secret rotated");
		return carrierSettings(store).stream().filter(c -> c.code().equals(code)).findFirst().orElseThrow();
	}

	@Transactional
	public CarrierSettings.TableRate putRate(StoreId store, CarrierSettings.TableRate rate) {
		if (SandboxCarrierCode.is(rate.carrier())) {
			throw FulfillmentProblems.invalid("NOT_A_TABLE_RATE_CARRIER", "carrier", "The sandbox carrier has fixed prices");
		}
		carrier(rate.carrier());
		CarrierSettings.TableRate saved = settings.putRate(store, rate);
		auditLog.record(store, "fulfillment.rate", "carrier", rate.carrier(),
				"%s %s ≤ %d g: %s".formatted(rate.service(), rate.zone(), rate.maxGrams(), rate.price()));
		return saved;
	}

	@Transactional
	public void deleteRate(StoreId store, UUID rateId) {
		if (!settings.deleteRate(store, rateId)) {
			throw new dev.shopwright.platform.ResourceNotFound("Rate", rateId.toString());
		}
	}

	@Transactional(readOnly = true)
	public CarrierSettings.Customs customs(StoreId store) {
		return settings.customs(store);
	}

	@Transactional
	public CarrierSettings.Customs setCustoms(StoreId store, @Nullable String defaultHsCode, @Nullable String originCountry) {
		if (defaultHsCode != null && !defaultHsCode.matches("[0-9]{6,10}")) {
			throw FulfillmentProblems.invalid("INVALID_CUSTOMS", "defaultHsCode", "An HS code is 6 to 10 digits");
		}
		if (originCountry != null && !originCountry.matches("[A-Z]{2}")) {
			throw FulfillmentProblems.invalid("INVALID_CUSTOMS", "originCountry", "A two-letter country code, e.g. DE");
		}
		return settings.setCustoms(store, new CarrierSettings.Customs(defaultHsCode, originCountry), clock.instant());
	}

	// --- helpers --------------------------------------------------------------------------------------------------

	private FulfillmentOrder open(StoreId store, UUID id) {
		FulfillmentOrder fo = orders.lock(store, id, today()).orElseThrow(() -> FulfillmentProblems.fulfillmentOrderNotFound(id));
		requireOpen(fo);
		return fo;
	}

	private static void requireOpen(FulfillmentOrder fo) {
		if (fo.status().isClosed()) {
			throw FulfillmentProblems.closed();
		}
		if (fo.held()) {
			throw FulfillmentProblems.onHold();
		}
	}

	private static FulfillmentOrder.Line requireLine(FulfillmentOrder fo, UUID lineId, String field) {
		return fo.lines().stream().filter(l -> l.lineId().equals(lineId)).findFirst()
			.orElseThrow(() -> FulfillmentProblems.invalid("UNKNOWN_LINE", field,
					"Line %s is not part of this fulfilment order".formatted(lineId)));
	}

	private static ShippingAddress requireShipTo(FulfillmentOrder fo) {
		if (fo.shipTo() == null || fo.shipTo().country() == null) {
			throw FulfillmentProblems.invalid("NO_SHIPPING_ADDRESS", "shipTo", "Order %s has no shipping address".formatted(fo.orderNumber()));
		}
		return fo.shipTo();
	}

	private ShippingAddress origin(StoreId store, UUID locationId) {
		Location location = inventory.location(store, new LocationId(locationId));
		String country = location.address().country() != null ? location.address().country()
				: stores.get(store).address().country();
		return new ShippingAddress(location.name(), stores.get(store).name(), null, location.address().line1(),
				location.address().line2(), location.address().city(), location.address().region(),
				location.address().postalCode(), country);
	}

	private static ShippingAddress toShippingAddress(dev.shopwright.customers.AddressDetails details) {
		String name = String.join(" ", java.util.stream.Stream.of(details.firstName(), details.lastName())
			.filter(s -> s != null && !s.isBlank()).toList());
		var a = details.address();
		return new ShippingAddress(name, details.company(), details.phone(), a.line1(), a.line2(), a.city(), a.region(),
				a.postalCode(), a.country());
	}

	private LocalDate today() {
		return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
	}

	/** The sandbox carrier's code without a compile-time tie to its implementation package. */
	private static final class SandboxCarrierCode {

		static boolean is(String code) {
			return "sandbox".equals(code);
		}
	}
}
