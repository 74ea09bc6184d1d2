package dev.shopwright.orders;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import dev.shopwright.inventory.InventoryManagement;
import dev.shopwright.inventory.Reservation;
import dev.shopwright.orders.domain.Orders;
import dev.shopwright.orders.events.OrderHeld;
import dev.shopwright.orders.events.OrderPlaced;
import dev.shopwright.payments.PaymentIntent;
import dev.shopwright.payments.PaymentManagement;
import dev.shopwright.platform.Actor;
import dev.shopwright.platform.ResourceNotFound;
import dev.shopwright.pricing.PriceBreakdown;
import dev.shopwright.shared.Money;
import dev.shopwright.shared.Page;
import dev.shopwright.shared.StoreId;

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

	OrderManagement(Orders orders, PaymentManagement payments, InventoryManagement inventory,
			TransactionTemplate transactions, ApplicationEventPublisher events) {
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
		if (reservation != null) {
			confirmReservation(store, id, reservation, actor);
		}
		String holdReason = "High fraud risk (score " + command.risk().score() + ")"
				+ (command.risk().reasons().isEmpty() ? "" : ": " + String.join("; ", command.risk().reasons()));
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

	private void confirmReservation(StoreId store, OrderId id, String reference, Actor actor) {
		List<Reservation> found = inventory.reservations(store, null, reference, null, 10).items();
		Optional<Reservation> active = found.stream().filter(r -> r.status() == Reservation.Status.ACTIVE).findFirst();
		if (active.isPresent()) {
			inventory.confirm(store, active.get().id());
			orders.appendTimeline(store, id, "stock.confirmed", "Reserved stock confirmed as sold", actor,
					Map.of("reservation", reference), null);
		}
		else if (found.stream().noneMatch(r -> r.status() == Reservation.Status.CONFIRMED)) {
			// expired or released before the order was placed: staff must check the stock by hand
			orders.appendTimeline(store, id, "stock.not-reserved",
					"The stock reservation " + reference + " was no longer held when the order was placed", actor,
					Map.of("reservation", reference), null);
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
}
