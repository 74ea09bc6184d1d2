package dev.shopwright.orders;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import dev.shopwright.customers.CustomerId;
import dev.shopwright.inventory.CommitmentSettlement;
import dev.shopwright.inventory.InventoryManagement;
import dev.shopwright.inventory.MovementReason;
import dev.shopwright.inventory.Reservation;
import dev.shopwright.inventory.ReserveStock;
import dev.shopwright.inventory.StockAdjustment;
import dev.shopwright.orders.domain.Orders;
import dev.shopwright.orders.events.OrderCancelled;
import dev.shopwright.orders.events.OrderHeld;
import dev.shopwright.orders.events.OrderPlaced;
import dev.shopwright.orders.events.OrderReleased;
import dev.shopwright.payments.PaymentIntent;
import dev.shopwright.payments.PaymentManagement;
import dev.shopwright.platform.Actor;
import dev.shopwright.platform.BusinessRuleViolation;
import dev.shopwright.platform.ResourceNotFound;
import dev.shopwright.pricing.PriceBreakdown;
import dev.shopwright.shared.Money;
import dev.shopwright.shared.Page;
import dev.shopwright.shared.StoreId;
import dev.shopwright.stores.StoreManagement;

/**
 * The orders façade. Placing is one transaction and idempotent on the order id; the order's payment state is
 * derived from its payments (the payments module is the truth about money); every change leaves a timeline entry.
 */
@Service
public class OrderManagement {

	public static final int MAX_PAGE = 100;

	private final Orders orders;

	private final PaymentManagement payments;

	private final InventoryManagement inventory;

	private final TransactionTemplate transactions;

	private final ApplicationEventPublisher events;

	private final StoreManagement stores;

	private final InvoiceDocument invoices;

	OrderManagement(Orders orders, PaymentManagement payments, InventoryManagement inventory,
			TransactionTemplate transactions, ApplicationEventPublisher events, StoreManagement stores,
			InvoiceDocument invoices) {
		this.stores = stores;
		this.invoices = invoices;
		this.orders = orders;
		this.payments = payments;
		this.inventory = inventory;
		this.transactions = transactions;
		this.events = events;
	}

	// reads

	public Optional<Order> find(StoreId store, OrderId id) {
		return orders.find(store, id);
	}

	public Order get(StoreId store, OrderId id) {
		return find(store, id).orElseThrow(() -> new ResourceNotFound("Order", id.toString()));
	}

	/**
	 * The inventory reservation references the order's stock lives under: the one checkout reserved it with, and one
	 * per edit (units an edit added are reserved and committed under {@link #editStockReference}). Fulfilment ships
	 * and re-allocates the order's committed units through them. Empty for an unknown order or one placed without
	 * stock.
	 */
	public List<String> stockReferences(StoreId store, OrderId id) {
		Optional<Orders.Head> head = orders.head(store, id);
		if (head.isEmpty()) {
			return List.of();
		}
		List<String> references = new ArrayList<>();
		if (head.get().reservationReference() != null) {
			references.add(head.get().reservationReference());
		}
		for (int number : orders.editNumbers(store, id)) {
			references.add(editStockReference(id, number));
		}
		return references;
	}

	/** The reservation reference of the units edit {@code number} added to the order. */
	public static String editStockReference(OrderId id, int number) {
		return id + ":edit:" + number;
	}

	/** Newest first; {@code limit} 1 to {@value #MAX_PAGE}. */
	public Page<Order> list(StoreId store, OrderListing filter, @Nullable String cursor, int limit) {
		if (limit < 1 || limit > MAX_PAGE) {
			throw OrderProblems.invalid("limit", "limit must be between 1 and " + MAX_PAGE);
		}
		return orders.list(store, filter, cursor, limit);
	}

	/** Everything that happened to the order, oldest first. */
	public List<TimelineEntry> timeline(StoreId store, OrderId id) {
		get(store, id);
		return orders.timeline(store, id);
	}

	/** The order's invoice as a PDF (see {@link InvoiceDocument}). */
	public byte[] invoicePdf(StoreId store, OrderId id) {
		return invoices.render(get(store, id), stores.get(store));
	}

	/**
	 * Whether a shopper may see the order: the holder of the cart token whose hash it keeps or of the order's status
	 * key ({@link #statusPath}), or the signed-in customer it belongs to. Anything else is "no such order", so that
	 * guessing ids reveals nothing.
	 */
	public Optional<Order> findForShopper(StoreId store, OrderId id, @Nullable String cartToken,
			@Nullable CustomerId customer) {
		return orders.shopperAccess(store, id).filter(access -> {
			boolean given = cartToken != null && !cartToken.isBlank();
			boolean tokenMatches = given && access.shopperTokenHash() != null
					&& ShopperTokens.matches(cartToken, access.shopperTokenHash());
			boolean keyMatches = given && MessageDigest.isEqual(cartToken.getBytes(StandardCharsets.UTF_8),
					access.statusKey().getBytes(StandardCharsets.UTF_8));
			boolean owner = customer != null && customer.value().equals(access.customerId());
			return tokenMatches || keyMatches || owner;
		}).flatMap(access -> find(store, id));
	}

	/**
	 * The path of the order's status page that opens it for anyone holding the link, {@code /orders/{id}?token=osk_…}:
	 * the order's own random status key (256 bits), sent in the confirmation mail and shown on the confirmation page,
	 * so a guest can open the order in any browser. The status page, the Store API and the return pages accept it
	 * where they accept the cart token.
	 */
	public String statusPath(StoreId store, OrderId id) {
		String key = orders.shopperAccess(store, id).orElseThrow(() -> new ResourceNotFound("Order", id.toString()))
			.statusKey();
		return "/orders/" + id + "?token=" + key;
	}

	// placing

	/**
	 * Turns a checkout into an order, in one transaction: the order, its lines and tax lines, its payment state (from
	 * the payment), ON_HOLD when the risk is HIGH, the reservation confirmed (units sold), the timeline and the
	 * {@link OrderPlaced} event. Placing an id that exists returns that order unchanged, whoever placed it.
	 */
	public Order place(StoreId store, PlaceOrder command) {
		validate(command);
		Optional<Order> earlier = find(store, command.id());
		if (earlier.isPresent()) {
			return earlier.get();
		}
		if (command.payment() != null) {
			PaymentIntent payment = payments.find(store, command.payment())
				.orElseThrow(() -> OrderProblems.invalid("payment", "no payment " + command.payment() + " in this store"));
			if (!payment.orderReference().equals(command.id().toString())) {
				throw OrderProblems.paymentNotForOrder(payment.id().toString(), command.id());
			}
		}
		transactions.executeWithoutResult(tx -> placeInTransaction(store, command));
		return get(store, command.id());
	}

	private void placeInTransaction(StoreId store, PlaceOrder command) {
		OrderId id = command.id();
		// the same lock the payment listeners take: a payment event for this order waits until it is placed
		orders.lockOrder(store, id);
		PriceBreakdown totals = command.totals();
		PaymentState paymentState = PaymentStates.of(payments.forOrder(store, id.toString()), totals.total());
		boolean held = command.risk().level() == RiskLevel.HIGH;
		if (!orders.insert(store, command, held ? OrderStatus.ON_HOLD : OrderStatus.OPEN, paymentState)) {
			return; // placed already (a retry that raced the first attempt): change nothing
		}
		Map<String, PriceBreakdown.LineTotal> lineTotals = new HashMap<>();
		totals.lines().forEach(line -> lineTotals.put(line.reference(), line));
		Actor actor = Actor.current();
		int position = 0;
		for (PlaceOrder.Line line : command.lines()) {
			orders.insertLine(store, id, UUID.randomUUID(), position++, line, lineTotals.get(line.reference()));
		}
		position = 0;
		for (PriceBreakdown.TaxLine tax : totals.taxLines()) {
			orders.insertTaxLine(store, id, position++, tax);
		}
		orders.appendTimeline(store, id, "placed", "Order placed through " + command.channel() + " for "
				+ totals.total() + " (payment " + paymentState + ")", actor,
				Map.of("total", totals.total().toString(), "paymentState", paymentState.name()), null);
		String reservation = command.reservationReference();
		String holdReason = "High fraud risk (score " + command.risk().score() + ")"
				+ (command.risk().reasons().isEmpty() ? "" : ": " + String.join("; ", command.risk().reasons()));
		if (reservation != null && !confirmReservation(store, command, reservation, actor) && !held) {
			held = orders.status(store, id, Set.of(OrderStatus.OPEN), OrderStatus.ON_HOLD);
			holdReason = "The stock ran out before the order was placed";
		}
		if (held) {
			orders.appendTimeline(store, id, "held", "Put on hold for review: " + holdReason, actor,
					Map.of("riskScore", String.valueOf(command.risk().score())), null);
		}
		// the number is taken last, so that the store's counter row stays locked as briefly as possible
		long number = orders.nextNumber(store);
		orders.number(store, id, number);
		Order order = orders.find(store, id).orElseThrow();
		events.publishEvent(placedEvent(order, command));
		if (held) {
			events.publishEvent(new OrderHeld(store, id, holdReason));
		}
	}

	/**
	 * Confirms the order's reservation: its units are committed to the order (they stay on hand until shipped). A
	 * reservation that lapsed before the order was placed (a 3-D Secure challenge left open past its hold, say) is
	 * made again and confirmed; when the units are gone by then, returns false and the order goes on hold for staff —
	 * it is paid for, so it must not be refused.
	 */
	private boolean confirmReservation(StoreId store, PlaceOrder command, String reference, Actor actor) {
		OrderId id = command.id();
		List<Reservation> found = inventory.reservations(store, null, reference, null, 10).items();
		Optional<Reservation> active = found.stream().filter(r -> r.status() == Reservation.Status.ACTIVE).findFirst();
		if (active.isPresent()) {
			inventory.confirm(store, active.get().id());
			orders.appendTimeline(store, id, "stock.confirmed", "Reserved stock committed to the order", actor,
					Map.of("reservation", reference), null);
			return true;
		}
		if (found.stream().anyMatch(r -> r.status() == Reservation.Status.CONFIRMED)) {
			return true;
		}
		List<ReserveStock.Line> lines = command.lines().stream()
			.map(line -> new ReserveStock.Line(line.sku(), line.quantity()))
			.toList();
		try {
			Reservation again = inventory.reserve(store, new ReserveStock(reference, lines, Duration.ofMinutes(5)));
			inventory.confirm(store, again.id());
			orders.appendTimeline(store, id, "stock.confirmed",
					"The stock reservation had lapsed; the units were reserved again and committed to the order", actor,
					Map.of("reservation", reference), null);
			return true;
		}
		catch (BusinessRuleViolation gone) {
			orders.appendTimeline(store, id, "stock.not-reserved", "The stock reservation " + reference
					+ " had lapsed and the units are no longer available: " + gone.getMessage(), actor,
					Map.of("reservation", reference), null);
			return false;
		}
	}

	private static OrderPlaced placedEvent(Order order, PlaceOrder command) {
		List<OrderPlaced.Line> lines = order.lines()
			.stream()
			.map(l -> new OrderPlaced.Line(l.id(), l.sku(), l.title(), l.variantTitle(), l.quantity(), l.unitPrice(),
					l.grams(), l.requiresShipping()))
			.toList();
		PlaceOrder.Shipping shipping = command.shipping();
		return new OrderPlaced(order.storeId(), order.id(), order.number(), order.channel(), order.customerId(),
				order.email(), lines, order.shippingAddress(), shipping == null ? null : shipping.methodId(),
				shipping == null ? null : shipping.name(), shipping == null ? null : shipping.promisedBy(),
				order.totals().total(), order.status() == OrderStatus.ON_HOLD, order.placedAt());
	}

	private static void validate(PlaceOrder command) {
		if (command.lines().isEmpty()) {
			throw OrderProblems.invalid("lines", "an order needs at least one line");
		}
		if (command.email().isBlank() || !command.email().contains("@") || command.email().length() > 320) {
			throw OrderProblems.invalid("email", "a valid email address is required");
		}
		if (command.channel().isBlank() || command.channel().length() > 40) {
			throw OrderProblems.invalid("channel", "channel must be 1 to 40 characters");
		}
		String tokenHash = command.shopperTokenHash();
		if (tokenHash != null && !tokenHash.matches("[0-9a-f]{64}")) {
			throw OrderProblems.invalid("shopperTokenHash", "must be a lower-case hex SHA-256");
		}
		PriceBreakdown totals = command.totals();
		Set<String> references = new HashSet<>();
		for (PlaceOrder.Line line : command.lines()) {
			if (!references.add(line.reference())) {
				throw OrderProblems.invalid("lines", "line reference " + line.reference() + " appears twice");
			}
			if (line.quantity() < 1) {
				throw OrderProblems.invalid("lines", "line " + line.reference() + " must have a quantity of at least 1");
			}
			Optional<PriceBreakdown.LineTotal> total = totals.lines()
				.stream()
				.filter(t -> t.reference().equals(line.reference()))
				.findFirst();
			if (total.isEmpty() || total.get().quantity() != line.quantity()) {
				throw OrderProblems.invalid("totals", "the totals have no line " + line.reference() + " of quantity "
						+ line.quantity());
			}
			if (!total.get().unitPrice().currency().equals(totals.currency())) {
				throw OrderProblems.invalid("totals", "line " + line.reference() + " is not in " + totals.currency());
			}
		}
		if (totals.lines().size() != command.lines().size()) {
			throw OrderProblems.invalid("totals", "the totals have lines the order does not");
		}
		if (totals.total().isNegative()) {
			throw OrderProblems.invalid("totals", "the total cannot be negative");
		}
	}

	// fulfilment

	/**
	 * Fulfilment tells the order where a recorded shipment stands: carrier, tracking number and link, and the parcel's
	 * status (its own words). The shopper's order page shows them. False when the shipment was not recorded here.
	 */
	public boolean trackShipment(StoreId store, OrderId id, String shipmentReference, String carrier,
			String trackingNumber, @Nullable String trackingUrl, String status) {
		return orders.trackShipment(store, id, shipmentReference, carrier, trackingNumber, trackingUrl, status);
	}

	/** The shipments fulfilment recorded for the order, oldest first. */
	public List<OrderShipment> shipments(StoreId store, OrderId id) {
		return orders.shipments(store, id);
	}

	/**
	 * Records that a shipment carried {@code quantities} (line id → units) of the order, once per
	 * {@code shipmentReference} (recording it again returns the order unchanged). Never more than a line's quantity
	 * less what is cancelled or shipped already — a shipment that would exceed it is refused whole (409). Moves the
	 * fulfilment status; when the store captures on fulfilment, captures what is authorised.
	 */
	public Order recordFulfillment(StoreId store, OrderId id, Map<UUID, Integer> quantities, String shipmentReference) {
		if (quantities.isEmpty()) {
			throw OrderProblems.invalid("quantities", "name at least one line and its quantity");
		}
		if (shipmentReference.isBlank() || shipmentReference.length() > 200) {
			throw OrderProblems.invalid("shipmentReference", "must be 1 to 200 characters");
		}
		quantities.forEach((line, quantity) -> {
			if (quantity == null || quantity < 1) {
				throw OrderProblems.invalid("quantities", "line " + line + " needs a quantity of at least 1");
			}
		});
		Actor actor = Actor.current();
		boolean recorded = Boolean.TRUE.equals(transactions.execute(tx -> {
			Orders.Head head = orders.lock(store, id).orElseThrow(() -> new ResourceNotFound("Order", id.toString()));
			if (!orders.insertFulfillment(store, id, shipmentReference)) {
				return false;
			}
			if (head.status() != OrderStatus.OPEN) {
				throw OrderProblems.notInStatus(head.status() == OrderStatus.ON_HOLD ? "ORDER_ON_HOLD" : "ORDER_NOT_OPEN",
						head.status(), "fulfilled");
			}
			Map<UUID, Order.Line> lines = new HashMap<>();
			get(store, id).lines().forEach(line -> lines.put(line.id(), line));
			Map<String, String> refused = new java.util.TreeMap<>();
			StringBuilder shipped = new StringBuilder();
			for (Map.Entry<UUID, Integer> entry : new java.util.TreeMap<>(quantities).entrySet()) {
				Order.Line line = lines.get(entry.getKey());
				if (line == null) {
					refused.put("quantities." + entry.getKey(), "not a line of this order");
					continue;
				}
				if (!orders.fulfil(store, id, shipmentReference, line.id(), entry.getValue())) {
					int open = line.quantity() - line.cancelledQuantity() - line.fulfilledQuantity();
					refused.put("quantities." + line.id(), "%s: %d asked, %d left to fulfil".formatted(line.sku(),
							entry.getValue(), open));
				}
				shipped.append(shipped.isEmpty() ? "" : ", ").append(entry.getValue()).append(" × ").append(line.sku());
			}
			if (!refused.isEmpty()) {
				throw OrderProblems.overFulfilled("The shipment is more than is left to fulfil", refused);
			}
			FulfillmentStatus status = orders.refreshFulfillmentStatus(store, id);
			orders.appendTimeline(store, id, "fulfilled", "Shipment " + shipmentReference + ": " + shipped + " ("
					+ status + ")", actor, Map.of("shipment", shipmentReference, "fulfillmentStatus", status.name()),
					null);
			return true;
		}));
		if (recorded && payments.settings(store).captureMode() == dev.shopwright.payments.CaptureMode.ON_FULFILMENT) {
			captureAuthorized(store, id);
		}
		return get(store, id);
	}

	/**
	 * Captures what the order still owes from its authorisations — never more than its total, which an edit may
	 * have lowered below what was authorised.
	 */
	private void captureAuthorized(StoreId store, OrderId id) {
		List<PaymentIntent> paymentsOfOrder = payments.forOrder(store, id.toString());
		Money owed = get(store, id).totals().total();
		for (PaymentIntent payment : paymentsOfOrder) {
			owed = owed.minus(payment.captured()).plus(payment.refunded());
		}
		for (PaymentIntent payment : paymentsOfOrder) {
			if (owed.amount().signum() <= 0) {
				return;
			}
			if (payment.capturable().amount().signum() > 0 && payment.status() == dev.shopwright.payments.PaymentStatus.AUTHORIZED) {
				Money part = payment.capturable().compareTo(owed) <= 0 ? payment.capturable() : owed;
				owed = owed.minus(part);
				try {
					payments.capture(store, payment.id(), part, "fulfilment:" + id + ":" + payment.id());
				}
				catch (dev.shopwright.payments.PaymentRefused ex) {
					// the shipment stands; the failed capture is on the timeline (PaymentFailed) for staff to retry
					appendInOwnTransaction(store, id, "payment.capture-failed",
							"Capturing on fulfilment failed: " + ex.getMessage(), Map.of("payment", payment.id().toString()));
				}
			}
		}
	}

	// staff actions

	/**
	 * Cancels an order nothing of which is fulfilled (else 409 ORDER_ALREADY_FULFILLED): an ACTIVE reservation is
	 * released, units committed to the order are available again (they never left the shelf; ledger: UNCOMMITTED);
	 * with {@code restock}, units that did leave on hand (confirmed before committed stock existed, ADR 0022) are put
	 * back where they came from (ledger: RETURNED, noting the order number); then the money: an uncaptured
	 * authorisation is voided, what was captured is refunded, under keys fixed per order and payment. Cancelling a cancelled order again only finishes the
	 * money steps (after a gateway outage, say) and changes nothing else.
	 */
	public Order cancel(StoreId store, OrderId id, String reason, boolean restock) {
		String why = reason.isBlank() ? "Cancelled by staff" : reason.strip();
		if (why.length() > 500) {
			throw OrderProblems.invalid("reason", "at most 500 characters");
		}
		Actor actor = Actor.current();
		transactions.executeWithoutResult(tx -> {
			Orders.Head head = orders.lock(store, id).orElseThrow(() -> new ResourceNotFound("Order", id.toString()));
			if (head.status() == OrderStatus.CANCELLED) {
				return;
			}
			Map<String, Integer> held = openUnits(orders.find(store, id).orElseThrow());
			if (!orders.cancel(store, id, why)) {
				if (head.status() == OrderStatus.CLOSED) {
					throw OrderProblems.notInStatus("ORDER_CLOSED", head.status(), "cancelled");
				}
				throw OrderProblems.alreadyFulfilled("cancelled");
			}
			String number = "#" + head.number();
			String stock = settleStock(store, head, id, number, restock, held);
			orders.appendTimeline(store, id, "cancelled", "Order cancelled: " + why + stock, actor,
					Map.of("reason", why, "restock", String.valueOf(restock)), null);
			events.publishEvent(new OrderCancelled(store, id, number, why));
		});
		settleMoney(store, id);
		return get(store, id);
	}

	/** Units per SKU the order's lines still claim (bought, less what edits removed and what was shipped). */
	private static Map<String, Integer> openUnits(Order order) {
		Map<String, Integer> open = new LinkedHashMap<>();
		for (Order.Line line : order.lines()) {
			int units = line.quantity() - line.cancelledQuantity() - line.fulfilledQuantity();
			if (units > 0) {
				open.merge(line.sku(), units, Integer::sum);
			}
		}
		return open;
	}

	/**
	 * Releases what is still held: an active reservation, and the units the order's lines still claim (after edits
	 * that is not what was first reserved) from its commitments. Units that left on hand when the order was placed
	 * (before committed stock existed) are put back with {@code restock} to the locations the order's reservation
	 * took them from, the rest to the default location. Returns words for the timeline.
	 */
	private String settleStock(StoreId store, Orders.Head head, OrderId id, String number, boolean restock,
			Map<String, Integer> held) {
		String reference = head.reservationReference();
		if (reference == null) {
			return ""; // the order never took stock (placed without a reservation)
		}
		List<Reservation> found = inventory.reservations(store, null, reference, null, 10).items();
		for (Reservation reservation : found) {
			if (reservation.status() == Reservation.Status.ACTIVE) {
				inventory.release(store, reservation.id());
				return "; reserved stock released";
			}
		}
		if (held.isEmpty()) {
			return "";
		}
		Map<String, Integer> left = new LinkedHashMap<>(held);
		CommitmentSettlement released = inventory.releaseCommitted(store, stockReferences(store, id), held,
				"cancel:" + id, "Released by cancelled order " + number);
		released.settled().forEach((sku, units) -> left.merge(sku, -units, Integer::sum));
		left.values().removeIf(units -> units <= 0);
		String words = released.settled().isEmpty() ? "" : "; committed stock released";
		if (left.isEmpty()) {
			return words;
		}
		if (!restock) {
			return words + "; stock not restocked";
		}
		String note = "Restocked from cancelled order " + number;
		found.stream().filter(r -> r.status() == Reservation.Status.CONFIRMED).flatMap(r -> r.lines().stream())
			.forEach(line -> line.allocations().forEach(allocation -> {
				int units = Math.min(allocation.quantity(), left.getOrDefault(line.sku(), 0));
				if (units > 0) {
					inventory.adjust(store, new StockAdjustment(line.sku(), allocation.locationId(), units, null,
							MovementReason.RETURNED, note));
					left.merge(line.sku(), -units, Integer::sum);
				}
			}));
		left.forEach((sku, units) -> {
			if (units > 0) {
				inventory.adjust(store, new StockAdjustment(sku, null, units, null, MovementReason.RETURNED, note));
			}
		});
		return words + "; units restocked";
	}

	/** Voids what is only authorised and refunds what was captured, for every payment of the order. */
	private void settleMoney(StoreId store, OrderId id) {
		for (PaymentIntent payment : payments.forOrder(store, id.toString())) {
			String key = "cancel:" + id + ":" + payment.id();
			try {
				if (payment.captured().isZero() && (payment.status() == dev.shopwright.payments.PaymentStatus.AUTHORIZED
						|| payment.status() == dev.shopwright.payments.PaymentStatus.PENDING && payment.method().isManual())) {
					payments.voidPayment(store, payment.id(), key);
				}
				else if (payment.refundable().amount().signum() > 0) {
					payments.refund(store, payment.id(), null, key);
				}
			}
			catch (dev.shopwright.payments.PaymentRefused ex) {
				appendInOwnTransaction(store, id, "payment.settle-failed",
						"Could not give the money back yet (" + ex.getMessage() + "); cancel again to retry",
						Map.of("payment", payment.id().toString()));
			}
		}
	}

	/** Puts an open order on hold (fulfilment waits); 409 unless it is OPEN. */
	public Order hold(StoreId store, OrderId id, String reason) {
		String why = reason.isBlank() ? "Held by staff" : reason.strip();
		Actor actor = Actor.current();
		transactions.executeWithoutResult(tx -> {
			Orders.Head head = orders.lock(store, id).orElseThrow(() -> new ResourceNotFound("Order", id.toString()));
			if (!orders.status(store, id, Set.of(OrderStatus.OPEN), OrderStatus.ON_HOLD)) {
				throw OrderProblems.notInStatus("ORDER_NOT_OPEN", head.status(), "put on hold");
			}
			orders.appendTimeline(store, id, "held", "Put on hold: " + why, actor, Map.of("reason", why), null);
			events.publishEvent(new OrderHeld(store, id, why));
		});
		return get(store, id);
	}

	/** Releases a held order for fulfilment; 409 unless it is ON_HOLD. */
	public Order release(StoreId store, OrderId id) {
		Actor actor = Actor.current();
		transactions.executeWithoutResult(tx -> {
			Orders.Head head = orders.lock(store, id).orElseThrow(() -> new ResourceNotFound("Order", id.toString()));
			if (!orders.status(store, id, Set.of(OrderStatus.ON_HOLD), OrderStatus.OPEN)) {
				throw OrderProblems.notInStatus("ORDER_NOT_ON_HOLD", head.status(), "released");
			}
			orders.appendTimeline(store, id, "released", "Released from hold", actor, Map.of(), null);
			events.publishEvent(new OrderReleased(store, id));
		});
		return get(store, id);
	}

	/** A staff note on the timeline (the shopper's own note stays in {@link Order#note()}). */
	public TimelineEntry addNote(StoreId store, OrderId id, String note) {
		String text = note.strip();
		if (text.isEmpty() || text.length() > 5000) {
			throw OrderProblems.invalid("note", "a note is 1 to 5000 characters");
		}
		get(store, id);
		orders.appendTimeline(store, id, "note", text, Actor.current(), Map.of(), null);
		return orders.timeline(store, id).getLast();
	}

	/**
	 * Replaces the order's tags (trimmed, at most 40 of 1–60 characters). With {@code expectedVersion} the change is
	 * refused (409 ORDER_VERSION_CONFLICT) if someone changed the order since that version was read.
	 */
	public Order setTags(StoreId store, OrderId id, Set<String> tags, @Nullable Integer expectedVersion) {
		Set<String> clean = new java.util.TreeSet<>();
		for (String tag : tags) {
			String t = tag.strip();
			if (t.isEmpty() || t.length() > 60) {
				throw OrderProblems.invalid("tags", "a tag is 1 to 60 characters");
			}
			clean.add(t);
		}
		if (clean.size() > 40) {
			throw OrderProblems.invalid("tags", "at most 40 tags");
		}
		Actor actor = Actor.current();
		transactions.executeWithoutResult(tx -> {
			Orders.Head head = orders.head(store, id).orElseThrow(() -> new ResourceNotFound("Order", id.toString()));
			if (!orders.tags(store, id, clean, expectedVersion)) {
				throw OrderProblems.versionConflict(expectedVersion == null ? head.version() : expectedVersion,
						orders.head(store, id).orElseThrow().version());
			}
			orders.appendTimeline(store, id, "tags", "Tags: " + (clean.isEmpty() ? "none" : String.join(", ", clean)),
					actor, Map.of(), null);
		});
		return get(store, id);
	}

	// money through the order

	/**
	 * Captures {@code amount} of what the order's card payments hold (everything capturable when null), never more
	 * than is authorised (409 CAPTURE_EXCEEDS_AUTHORIZED). {@code idempotencyKey} makes a retry capture once.
	 */
	public Order capture(StoreId store, OrderId id, @Nullable Money amount, String idempotencyKey) {
		Order order = get(store, id);
		List<PaymentIntent> capturable = payments.forOrder(store, id.toString())
			.stream()
			.filter(p -> p.capturable().amount().signum() > 0 && p.refunded().isZero())
			.filter(p -> p.status() == dev.shopwright.payments.PaymentStatus.AUTHORIZED
					|| p.status() == dev.shopwright.payments.PaymentStatus.PARTIALLY_CAPTURED)
			.toList();
		Money available = capturable.stream().map(PaymentIntent::capturable)
			.reduce(Money.zero(order.totals().total().currency()), Money::plus);
		Money wanted = amount == null ? available : amount;
		requirePositive(wanted, amount, order, "capture");
		if (wanted.compareTo(available) > 0) {
			throw OrderProblems.amountTooHigh("CAPTURE_EXCEEDS_AUTHORIZED", "captured", available.toString());
		}
		Money left = wanted;
		for (PaymentIntent payment : capturable) {
			if (left.isZero()) {
				break;
			}
			Money part = payment.capturable().compareTo(left) < 0 ? payment.capturable() : left;
			payments.capture(store, payment.id(), part, "order-capture:" + idempotencyKey + ":" + payment.id());
			left = left.minus(part);
		}
		return get(store, id);
	}

	/**
	 * Refunds {@code amount} (everything refundable when null) over the order's captured payments, newest first; never
	 * more than was paid and not yet refunded (409 REFUND_EXCEEDS_PAID). The reason goes on the timeline.
	 */
	public Order refund(StoreId store, OrderId id, @Nullable Money amount, String reason, String idempotencyKey) {
		Order order = get(store, id);
		List<PaymentIntent> refundable = payments.forOrder(store, id.toString())
			.reversed()
			.stream()
			.filter(p -> p.refundable().amount().signum() > 0)
			.toList();
		Money available = refundable.stream().map(PaymentIntent::refundable)
			.reduce(Money.zero(order.totals().total().currency()), Money::plus);
		Money wanted = amount == null ? available : amount;
		requirePositive(wanted, amount, order, "refund");
		if (wanted.compareTo(available) > 0) {
			throw OrderProblems.amountTooHigh("REFUND_EXCEEDS_PAID", "refunded", available.toString());
		}
		String why = reason.isBlank() ? "no reason given" : reason.strip();
		appendInOwnTransaction(store, id, "refund.requested", "Refund of " + wanted + " requested: " + why,
				Map.of("amount", wanted.toString(), "reason", why));
		Money left = wanted;
		for (PaymentIntent payment : refundable) {
			if (left.isZero()) {
				break;
			}
			Money part = payment.refundable().compareTo(left) < 0 ? payment.refundable() : left;
			payments.refund(store, payment.id(), part, "order-refund:" + idempotencyKey + ":" + payment.id());
			left = left.minus(part);
		}
		return get(store, id);
	}

	private static void requirePositive(Money wanted, @Nullable Money asked, Order order, String step) {
		if (!wanted.currency().equals(order.totals().total().currency())) {
			throw OrderProblems.invalid("amount", "the order is in " + order.totals().total().currency());
		}
		if (asked != null && asked.amount().signum() <= 0) {
			throw OrderProblems.invalid("amount", "must be more than zero");
		}
		if (wanted.amount().signum() <= 0) {
			throw OrderProblems.nothingLeft(step);
		}
	}

	private void appendInOwnTransaction(StoreId store, OrderId id, String kind, String message, Map<String, String> data) {
		Actor actor = Actor.current();
		transactions.executeWithoutResult(tx -> orders.appendTimeline(store, id, kind, message, actor, data, null));
	}

	// following payments

	/**
	 * Works the payment state out again from the order's payments and records what happened on the timeline (once
	 * per {@code dedupeKey}). Does nothing for a reference that is not an order of the store (yet: placing reads
	 * the payments itself, under the same lock).
	 */
	void followPayment(StoreId store, String orderReference, String kind, String message, Map<String, String> data,
			String dedupeKey) {
		OrderId id;
		try {
			id = OrderId.of(orderReference);
		}
		catch (IllegalArgumentException notAnOrderId) {
			return;
		}
		orders.lockOrder(store, id);
		Optional<Orders.Head> head = orders.head(store, id);
		if (head.isEmpty()) {
			return;
		}
		Money total = head.get().totals().total();
		PaymentState state = PaymentStates.of(payments.forOrder(store, orderReference), total);
		orders.paymentState(store, id, state);
		Map<String, String> withState = new HashMap<>(data);
		withState.put("paymentState", state.name());
		orders.appendTimeline(store, id, kind, message, Actor.current(), withState, dedupeKey);
	}

	// order edits

	/**
	 * Works the payment state out again from the order's payments and its current total, after an order edit
	 * changed the total (the one hook {@code orders.edits} needs). Joins the caller's transaction.
	 */
	public PaymentState recomputePaymentStateAfterEdit(StoreId store, OrderId id) {
		orders.lockOrder(store, id);
		Money total = orders.head(store, id).orElseThrow(() -> new ResourceNotFound("Order", id.toString()))
			.totals()
			.total();
		PaymentState state = PaymentStates.of(payments.forOrder(store, id.toString()), total);
		orders.paymentState(store, id, state);
		return state;
	}
}
