package dev.shopwright.returns;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Currency;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import dev.shopwright.catalog.CatalogManagement;
import dev.shopwright.catalog.Product;
import dev.shopwright.catalog.ProductId;
import dev.shopwright.catalog.Variant;
import dev.shopwright.customers.CustomerId;
import dev.shopwright.inventory.InventoryManagement;
import dev.shopwright.inventory.MovementReason;
import dev.shopwright.inventory.StockAdjustment;
import dev.shopwright.orders.Order;
import dev.shopwright.orders.OrderId;
import dev.shopwright.orders.OrderManagement;
import dev.shopwright.orders.OrderStatus;
import dev.shopwright.orders.PlaceOrder;
import dev.shopwright.payments.PaymentIntent;
import dev.shopwright.payments.PaymentManagement;
import dev.shopwright.payments.PaymentRefused;
import dev.shopwright.payments.PaymentTransaction;
import dev.shopwright.platform.Actor;
import dev.shopwright.platform.AuditLog;
import dev.shopwright.platform.BusinessRuleViolation;
import dev.shopwright.platform.ResourceNotFound;
import dev.shopwright.pricing.DiscountAllocation;
import dev.shopwright.pricing.PriceBreakdown;
import dev.shopwright.pricing.PriceCalculation;
import dev.shopwright.pricing.PricingManagement;
import dev.shopwright.returns.domain.Returns;
import dev.shopwright.returns.domain.SkuSales;
import dev.shopwright.returns.domain.StoreCredits;
import dev.shopwright.returns.events.ReturnApproved;
import dev.shopwright.returns.events.ReturnReceived;
import dev.shopwright.returns.events.ReturnRequested;
import dev.shopwright.returns.events.ReturnResolved;
import dev.shopwright.shared.Money;
import dev.shopwright.shared.Page;
import dev.shopwright.shared.StoreId;
import dev.shopwright.fulfillment.FulfillmentManagement;
import dev.shopwright.fulfillment.Parcel;
import dev.shopwright.fulfillment.ShipmentStatus;

/**
 * The returns façade. Opening a return, each step of its state machine and each settlement is one transaction whose
 * rule lives in a conditional statement (units claimed per order line, status moves, balances); money moves through
 * payments under idempotency keys fixed per return and attempt, so a retry refunds once.
 */
@Service
public class ReturnManagement {

	public static final int MAX_PAGE = 100;

	public static final String SHOPPER = "SHOPPER";

	public static final String STAFF = "STAFF";

	/** The channel of an order placed to exchange returned items. */
	public static final String EXCHANGE_CHANNEL = "exchange";

	/** How long a settlement may go quiet before another request may take it over (a node crashed mid-way). */
	static final int STALE_SECONDS = 120;

	/** The parcel a return label is bought for: returns are usually one small box. */
	static final Parcel RETURN_PARCEL = new Parcel(1000, 30, 20, 10);

	private final Returns returns;

	private final StoreCredits credits;

	private final SkuSales sales;

	private final OrderManagement orders;

	private final PaymentManagement payments;

	private final InventoryManagement inventory;

	private final CatalogManagement catalog;

	private final PricingManagement pricing;

	private final AuditLog auditLog;

	private final TransactionTemplate transactions;

	private final ApplicationEventPublisher events;

	private final FulfillmentManagement fulfillment;

	ReturnManagement(Returns returns, StoreCredits credits, SkuSales sales, OrderManagement orders,
			PaymentManagement payments, InventoryManagement inventory, CatalogManagement catalog,
			PricingManagement pricing, AuditLog auditLog, TransactionTemplate transactions,
			ApplicationEventPublisher events, FulfillmentManagement fulfillment) {
		this.fulfillment = fulfillment;
		this.returns = returns;
		this.credits = credits;
		this.sales = sales;
		this.orders = orders;
		this.payments = payments;
		this.inventory = inventory;
		this.catalog = catalog;
		this.pricing = pricing;
		this.auditLog = auditLog;
		this.transactions = transactions;
		this.events = events;
	}

	// policy

	public ReturnPolicy policy(StoreId store) {
		return returns.policy(store);
	}

	public ReturnPolicy updatePolicy(StoreId store, ReturnPolicy policy) {
		if (policy.windowDays() < 0 || policy.windowDays() > 3650) {
			throw ReturnProblems.invalidPolicy("windowDays", "must be between 0 and 3650 days");
		}
		BigDecimal fee = policy.restockingFeePercent();
		if (fee.signum() < 0 || fee.compareTo(BigDecimal.valueOf(100)) > 0 || fee.stripTrailingZeros().scale() > 2) {
			throw ReturnProblems.invalidPolicy("restockingFeePercent", "must be 0 to 100 with at most 2 decimals");
		}
		List<String> skus = cleaned(policy.nonReturnableSkus(), "nonReturnableSkus");
		List<String> tags = cleaned(policy.nonReturnableTags(), "nonReturnableTags");
		ReturnPolicy saved = new ReturnPolicy(policy.windowDays(), skus, tags, fee.stripTrailingZeros(),
				policy.returnShippingPaidBy(), policy.autoReceiveOnDelivery());
		transactions.executeWithoutResult(tx -> {
			returns.savePolicy(store, saved);
			auditLog.record(store, "return-policy.updated", "return-policy", store.toString(),
					"Return window %d days, restocking fee %s%%, return shipping paid by %s, %d SKUs and %d tags excluded, %s"
						.formatted(saved.windowDays(), saved.restockingFeePercent().toPlainString(),
								saved.returnShippingPaidBy(), skus.size(), tags.size(), saved.autoReceiveOnDelivery()
										? "received when the parcel is delivered" : "received by staff"));
		});
		return policy(store);
	}

	private static List<String> cleaned(List<String> values, String field) {
		List<String> cleaned = values.stream().map(String::strip).filter(v -> !v.isEmpty()).distinct().sorted().toList();
		if (cleaned.size() > 500) {
			throw ReturnProblems.invalidPolicy(field, "at most 500 entries");
		}
		if (cleaned.stream().anyMatch(v -> v.length() > 255)) {
			throw ReturnProblems.invalidPolicy(field, "each entry at most 255 characters");
		}
		return cleaned;
	}

	// reads

	public Optional<ReturnRequest> find(StoreId store, ReturnId id) {
		return returns.find(store, id);
	}

	public ReturnRequest get(StoreId store, ReturnId id) {
		return find(store, id).orElseThrow(() -> new ResourceNotFound("Return", id.toString()));
	}

	/** Newest first; {@code limit} 1 to {@value #MAX_PAGE}. */
	public Page<ReturnRequest> list(StoreId store, ReturnListing filter, @Nullable String cursor, int limit) {
		if (limit < 1 || limit > MAX_PAGE) {
			throw ReturnProblems.invalid("limit", "limit must be between 1 and " + MAX_PAGE);
		}
		return returns.list(store, filter, cursor, limit);
	}

	public List<ReturnRequest> forOrder(StoreId store, OrderId order) {
		return returns.forOrder(store, order);
	}

	/**
	 * What each line of the order could still be returned: delivered (fulfilled) units, or bought units for a line
	 * that needs no shipping, less units already claimed by returns that were not rejected.
	 */
	public Map<UUID, Integer> returnable(StoreId store, Order order) {
		Map<UUID, Integer> claimed = returns.claimed(store, order.id());
		Map<UUID, Integer> left = new LinkedHashMap<>();
		for (Order.Line line : order.lines()) {
			left.put(line.id(), Math.max(0, limit(line) - claimed.getOrDefault(line.id(), 0)));
		}
		return left;
	}

	private static int limit(Order.Line line) {
		return line.requiresShipping() ? line.fulfilledQuantity() : line.quantity() - line.cancelledQuantity();
	}

	/** The last moment a return of the order may be opened: the window counts from delivery when known, else placement. */
	public Instant deadline(StoreId store, Order order) {
		return deadline(store, order, policy(store));
	}

	private Instant deadline(StoreId store, Order order, ReturnPolicy policy) {
		Instant from = returns.deliveredAt(store, order.id().value()).orElse(order.placedAt());
		return from.plus(policy.windowDays(), ChronoUnit.DAYS);
	}

	/** Fulfilment delivered a parcel of the order. */
	void recordDelivery(StoreId store, UUID orderId, Instant deliveredAt) {
		returns.recordDelivery(store, orderId, deliveredAt);
	}

	// opening

	/**
	 * Opens a return (REQUESTED) for units of the order's lines. Refused whole when the order is cancelled, the window
	 * has closed, an item is not returnable, or more units are asked than were delivered and not yet returned — the
	 * last rule is one conditional statement per line, so two requests for the same units cannot both pass.
	 */
	public ReturnRequest request(StoreId store, RequestReturn command, String openedBy) {
		if (!SHOPPER.equals(openedBy) && !STAFF.equals(openedBy)) {
			throw new IllegalArgumentException(openedBy);
		}
		Order order = orders.get(store, command.orderId());
		validate(command);
		if (order.status() == OrderStatus.CANCELLED) {
			throw ReturnProblems.orderNotReturnable(order.number(), "it was cancelled");
		}
		ReturnPolicy policy = policy(store);
		Instant deadline = deadline(store, order, policy);
		if (Instant.now().isAfter(deadline)) {
			throw ReturnProblems.windowClosed(order.number(), policy.windowDays(), deadline.toString().substring(0, 10));
		}
		Map<UUID, Order.Line> lines = new HashMap<>();
		order.lines().forEach(line -> lines.put(line.id(), line));
		Map<String, String> unknown = new TreeMap<>();
		Map<String, String> excluded = new TreeMap<>();
		for (int i = 0; i < command.items().size(); i++) {
			Order.Line line = lines.get(command.items().get(i).orderLineId());
			if (line == null) {
				unknown.put("items[" + i + "].orderLineId", "not a line of order " + order.number());
			}
			else if (policy.excludes(line.sku(), tagsOf(store, line))) {
				excluded.put("items[" + i + "].orderLineId", line.sku() + " is not returnable under the store's policy");
			}
		}
		if (!unknown.isEmpty()) {
			throw new BusinessRuleViolation("INVALID_RETURN", 422, "Some items are not lines of the order", unknown);
		}
		if (!excluded.isEmpty()) {
			throw ReturnProblems.notReturnable(excluded);
		}
		ReturnId id = ReturnId.random();
		Actor actor = Actor.current();
		ReturnRequest opened = transactions.execute(tx -> {
			Map<String, String> refused = new TreeMap<>();
			Map<UUID, Integer> claimed = returns.claimed(store, order.id());
			for (int i = 0; i < command.items().size(); i++) {
				RequestReturn.Item item = command.items().get(i);
				Order.Line line = lines.get(item.orderLineId());
				if (!returns.claim(store, order.id(), line.id(), item.quantity(), limit(line))) {
					int left = Math.max(0, limit(line) - claimed.getOrDefault(line.id(), 0));
					refused.put("items[" + i + "].quantity", "%s: %d asked, %d delivered and not yet returned"
						.formatted(line.sku(), item.quantity(), left));
				}
			}
			if (!refused.isEmpty()) {
				tx.setRollbackOnly();
				throw ReturnProblems.tooMany(refused);
			}
			long number = returns.nextNumber(store);
			returns.insert(store, new Returns.NewReturn(id, number, order.id(), order.number(), order.customerId(),
					order.email(), openedBy, blankToNull(command.note()), order.totals().total().currency(), policy));
			int position = 0;
			for (RequestReturn.Item item : command.items()) {
				Order.Line line = lines.get(item.orderLineId());
				returns.insertItem(store, id, position++, new Returns.NewItem(line.id(), line.sku(), line.productId(),
						line.title(), line.variantTitle(), item.quantity(), item.reason(), blankToNull(item.comment()),
						unitValue(line)));
			}
			ReturnRequest request = get(store, id);
			auditLog.record(store, "return.requested", "return", id.toString(), "Return %s of %d units of order %s opened by %s (%s)"
				.formatted(request.number(), request.units(), order.number(), openedBy.toLowerCase(), actor.actorName()));
			events.publishEvent(new ReturnRequested(store, id, request.number(), order.id(), order.email(),
					request.units(), openedBy));
			return request;
		});
		return java.util.Objects.requireNonNull(opened);
	}

	private static void validate(RequestReturn command) {
		if (command.items().isEmpty()) {
			throw ReturnProblems.invalid("items", "choose at least one item to return");
		}
		if (command.items().size() > 250) {
			throw ReturnProblems.invalid("items", "at most 250 items");
		}
		Set<UUID> seen = new HashSet<>();
		for (int i = 0; i < command.items().size(); i++) {
			RequestReturn.Item item = command.items().get(i);
			if (!seen.add(item.orderLineId())) {
				throw ReturnProblems.invalid("items[" + i + "].orderLineId", "the same line appears twice");
			}
			if (item.quantity() < 1) {
				throw ReturnProblems.invalid("items[" + i + "].quantity", "must be at least 1");
			}
			if (item.comment() != null && item.comment().length() > 1000) {
				throw ReturnProblems.invalid("items[" + i + "].comment", "at most 1000 characters");
			}
		}
		if (command.note() != null && command.note().length() > 2000) {
			throw ReturnProblems.invalid("note", "at most 2000 characters");
		}
	}

	/** What one unit cost the shopper (discount and tax included), rounded down so a return never pays back more. */
	private static Money unitValue(Order.Line line) {
		BigDecimal unit = line.total().amount().divide(BigDecimal.valueOf(line.quantity()), 10, RoundingMode.DOWN);
		return Money.of(unit, line.total().currency(), RoundingMode.DOWN);
	}

	private Set<String> tagsOf(StoreId store, Order.Line line) {
		if (line.productId() == null) {
			return Set.of();
		}
		return catalog.find(store, new ProductId(line.productId())).map(p -> Set.copyOf(p.tags())).orElse(Set.of());
	}

	// the state machine

	/**
	 * Approves a requested return and, when the order has a shipping address, buys a return label through
	 * fulfilment's carrier (shopper → the location the order shipped from). The label is bought before the approval's
	 * transaction, so a carrier's refusal cannot spoil it; if the approval then fails the label is voided.
	 */
	public ReturnRequest approve(StoreId store, ReturnId id) {
		ReturnRequest requested = get(store, id);
		if (requested.status() != ReturnStatus.REQUESTED) {
			throw ReturnProblems.notInStatus(requested.status(), "approved");
		}
		FulfillmentManagement.ReturnLabel label = returnLabel(store, requested);
		ReturnRequest approved;
		try {
			Money charge = label == null ? null : shippingCharge(store, requested, label);
			approved = transactions.execute(tx -> {
				move(store, id, ReturnStatus.REQUESTED, ReturnStatus.APPROVED, "approved_at", "approved");
				if (label != null) {
					returns.label(store, id, label.carrier(), label.trackingNumber(), UUID.randomUUID(), label.pdf(),
							label.price(), java.util.Objects.requireNonNull(charge));
					returns.recordParcelStep(store, id, new Returns.ParcelStep("label", ShipmentStatus.LABEL_CREATED,
							"Label created", null, Instant.now()));
				}
				ReturnRequest request = get(store, id);
				auditLog.record(store, "return.approved", "return", id.toString(), "Return " + request.number()
						+ " approved" + (label == null ? "" : ", return label " + label.trackingNumber()));
				events.publishEvent(new ReturnApproved(store, id, request.number(), request.orderId(), request.email(),
						request.labelUrl()));
				return request;
			});
		}
		catch (RuntimeException refused) {
			if (label != null) {
				fulfillment.carrier(label.carrier()).cancelLabel(store, label.trackingNumber());
			}
			throw refused;
		}
		return java.util.Objects.requireNonNull(approved);
	}

	/**
	 * What the shopper pays for the return label, in the order's currency: its cost converted at the store's current
	 * rate (as pricing converts shipping fees) when the policy recorded on the return says the customer pays, else 0.
	 * A currency without a rate is refused clearly rather than guessed.
	 */
	private Money shippingCharge(StoreId store, ReturnRequest request, FulfillmentManagement.ReturnLabel label) {
		Currency currency = request.value().currency();
		if (request.returnShippingPaidBy() == ReturnPolicy.ShippingPaidBy.MERCHANT) {
			return Money.zero(currency);
		}
		try {
			return pricing.convert(store, label.price(), currency);
		}
		catch (BusinessRuleViolation noRate) {
			throw ReturnProblems.shippingNotConvertible(label.price(), currency, noRate.getMessage());
		}
	}

	private FulfillmentManagement.@Nullable ReturnLabel returnLabel(StoreId store, ReturnRequest request) {
		Order order = orders.get(store, request.orderId());
		if (order.shippingAddress() == null || order.shippingAddress().address().country() == null) {
			return null; // nothing was shipped to the shopper: the approval email says how to send it back
		}
		try {
			return fulfillment.returnLabel(store, order.id().value(), order.number(), order.shippingAddress(),
					RETURN_PARCEL, request.number());
		}
		catch (BusinessRuleViolation noCarrier) {
			return null; // no enabled carrier has a rate: staff send the instructions themselves
		}
	}

	/** The return label's PDF, when one was bought. */
	public byte[] labelPdf(StoreId store, ReturnId id) {
		return returns.labelPdf(store, id).orElseThrow(() -> new ResourceNotFound("Return label", id.toString()));
	}

	/** The return label's PDF by the key in its download address (the shopper's email link). */
	public Optional<byte[]> labelPdfByKey(StoreId store, UUID key) {
		return returns.labelPdfByKey(store, key);
	}


	/**
	 * Voids the return label of an approved return whose parcel has not moved yet (the shopper sends it some other
	 * way, or staff buy none): the carrier is told, the link stops working and there is no return shipping charge.
	 */
	public ReturnRequest voidLabel(StoreId store, ReturnId id) {
		ReturnRequest request = get(store, id);
		if (request.labelTrackingNumber() == null || request.labelVoidedAt() != null) {
			throw ReturnProblems.noLabel(request.number());
		}
		if (request.status() != ReturnStatus.APPROVED
				|| (request.parcelStatus() != null && request.parcelStatus() != ShipmentStatus.LABEL_CREATED)) {
			throw new BusinessRuleViolation("LABEL_IN_USE", 409, "The return label of %s cannot be voided: the parcel is %s"
				.formatted(request.number(), request.parcelStatus() == null ? request.status().name().toLowerCase()
						: request.parcelStatus().name().toLowerCase().replace('_', ' ')));
		}
		fulfillment.carrier(java.util.Objects.requireNonNull(request.labelCarrier())).cancelLabel(store,
				request.labelTrackingNumber());
		transactions.executeWithoutResult(tx -> {
			if (returns.voidLabel(store, id)) {
				auditLog.record(store, "return.label-voided", "return", id.toString(), "Return label "
						+ request.labelTrackingNumber() + " of " + request.number() + " voided: no return shipping charge");
			}
		});
		return get(store, id);
	}

	/** The return parcel's tracking steps, oldest first. */
	public List<ParcelStep> parcelTimeline(StoreId store, ReturnId id) {
		return returns.parcelTimeline(store, id).stream()
			.map(step -> new ParcelStep(step.status(), step.description(), step.place(), step.occurredAt()))
			.toList();
	}

	/** One step of a return parcel's journey as the carrier reported it. */
	public record ParcelStep(ShipmentStatus status, String description, @Nullable String place, Instant occurredAt) {
	}

	/**
	 * A carrier reported a step of a parcel. Ignored unless it is one of this store's return labels; recorded once per
	 * key. DELIVERED marks the return RECEIVED when the store's policy opts in (else staff see "parcel delivered,
	 * awaiting receipt"); CANCELLED means the label was voided, so there is no return shipping charge.
	 */
	void trackParcel(StoreId store, String carrier, String trackingNumber, Returns.ParcelStep step) {
		Optional<ReturnId> found = returns.byTracking(store, carrier, trackingNumber);
		if (found.isEmpty()) {
			return; // not a return label of this store: someone else's parcel
		}
		ReturnId id = found.get();
		transactions.executeWithoutResult(tx -> {
			if (!returns.recordParcelStep(store, id, step)) {
				return;
			}
			ReturnRequest request = get(store, id);
			if (step.status() == ShipmentStatus.CANCELLED && returns.voidLabel(store, id)) {
				auditLog.record(store, "return.label-voided", "return", id.toString(), "The carrier cancelled return label "
						+ trackingNumber + " of " + request.number() + ": no return shipping charge");
			}
			if (step.status() == ShipmentStatus.DELIVERED && policy(store).autoReceiveOnDelivery()
					&& returns.transition(store, id, ReturnStatus.APPROVED, ReturnStatus.RECEIVED, "received_at")) {
				auditLog.record(store, "return.received", "return", id.toString(),
						"Return " + request.number() + " received: the carrier delivered parcel " + trackingNumber);
				events.publishEvent(new ReturnReceived(store, id, request.number(), request.orderId()));
			}
		});
	}

	/**
	 * Asks carriers that keep their own timeline (the sandbox) for news on every return parcel still on its way, as of
	 * {@code now}. Every node may run it: a step is recorded once by its key.
	 */
	public int followParcels(Instant now) {
		int asked = 0;
		for (Returns.FollowedParcel parcel : returns.parcelsOnTheirWay(500)) {
			List<dev.shopwright.fulfillment.Carrier.TrackingUpdate> steps;
			try {
				steps = fulfillment.carrier(parcel.carrier()).tracking(parcel.store(), parcel.trackingNumber(),
						parcel.labelCreatedAt(), now);
			}
			catch (BusinessRuleViolation unknownCarrier) {
				continue;
			}
			for (var step : steps) {
				trackParcel(parcel.store(), parcel.carrier(), parcel.trackingNumber(), new Returns.ParcelStep(step.key(),
						step.status(), step.description(), step.place(), step.occurredAt()));
			}
			asked++;
		}
		return asked;
	}

	/** Refuses a requested return; its units may be asked for again. */
	public ReturnRequest reject(StoreId store, ReturnId id, String reason) {
		String why = reason.strip();
		if (why.isEmpty() || why.length() > 500) {
			throw ReturnProblems.invalid("reason", "give a reason of 1 to 500 characters");
		}
		transactions.executeWithoutResult(tx -> {
			ReturnRequest request = get(store, id);
			if (!returns.reject(store, id, why)) {
				throw ReturnProblems.notInStatus(get(store, id).status(), "rejected");
			}
			request.items().forEach(item -> returns.release(store, request.orderId(), item.orderLineId(), item.quantity()));
			auditLog.record(store, "return.rejected", "return", id.toString(),
					"Return " + request.number() + " rejected: " + why);
		});
		return get(store, id);
	}

	/** The parcel arrived. */
	public ReturnRequest receive(StoreId store, ReturnId id) {
		ReturnRequest received = transactions.execute(tx -> {
			move(store, id, ReturnStatus.APPROVED, ReturnStatus.RECEIVED, "received_at", "received");
			ReturnRequest request = get(store, id);
			auditLog.record(store, "return.received", "return", id.toString(), "Return " + request.number() + " received");
			events.publishEvent(new ReturnReceived(store, id, request.number(), request.orderId()));
			return request;
		});
		return java.util.Objects.requireNonNull(received);
	}

	private void move(StoreId store, ReturnId id, ReturnStatus from, ReturnStatus to, String stamp, String action) {
		if (!returns.transition(store, id, from, to, stamp)) {
			throw ReturnProblems.notInStatus(get(store, id).status(), action);
		}
	}

	/**
	 * Records what staff found for some or all items of a received return, in one transaction: restocked units go
	 * back on hand through the inventory ledger (reason RETURNED, source the RMA number), damaged units are written
	 * off (recorded here, no stock). When every item is inspected the return becomes INSPECTED.
	 */
	public ReturnRequest inspect(StoreId store, ReturnId id, List<Inspection> inspections) {
		if (inspections.isEmpty()) {
			throw ReturnProblems.invalid("items", "inspect at least one item");
		}
		transactions.executeWithoutResult(tx -> {
			ReturnRequest request = get(store, id);
			if (request.status() != ReturnStatus.RECEIVED) {
				throw ReturnProblems.notInStatus(request.status(), "inspected");
			}
			Map<UUID, ReturnRequest.Item> items = new HashMap<>();
			request.items().forEach(item -> items.put(item.id(), item));
			Map<String, String> problems = new TreeMap<>();
			Set<UUID> seen = new HashSet<>();
			for (int i = 0; i < inspections.size(); i++) {
				Inspection inspection = inspections.get(i);
				ReturnRequest.Item item = items.get(inspection.itemId());
				String field = "items[" + i + "]";
				if (item == null) {
					problems.put(field + ".itemId", "not an item of return " + request.number());
				}
				else if (!seen.add(item.id())) {
					problems.put(field + ".itemId", "the same item appears twice");
				}
				else if (inspection.restock() < 0 || inspection.damaged() < 0
						|| inspection.restock() + inspection.damaged() != item.quantity()) {
					problems.put(field, "%s: restocked and damaged units must add up to the %d returned"
						.formatted(item.sku(), item.quantity()));
				}
				else if (item.inspectedAt() != null) {
					problems.put(field + ".itemId", item.sku() + " was inspected already");
				}
			}
			if (!problems.isEmpty()) {
				throw ReturnProblems.inspection("The inspection does not fit the return", problems);
			}
			StringBuilder summary = new StringBuilder();
			for (Inspection inspection : inspections) {
				ReturnRequest.Item item = items.get(inspection.itemId());
				var location = inspection.restock() > 0 && inspection.locationId() == null
						? inventory.defaultLocation(store).id() : inspection.locationId();
				if (!returns.inspect(store, id, item.id(), inspection.restock(), inspection.damaged(), location)) {
					throw ReturnProblems.inspection("Inspected by someone else meanwhile",
							Map.of("itemId", item.sku() + " was inspected already"));
				}
				if (inspection.restock() > 0) {
					inventory.adjust(store, new StockAdjustment(item.sku(), location, inspection.restock(), null,
							MovementReason.RETURNED, "Return " + request.number() + " of order " + request.orderNumber()),
							"return", request.number());
				}
				summary.append(summary.isEmpty() ? "" : "; ")
					.append("%s: %d restocked, %d written off".formatted(item.sku(), inspection.restock(),
							inspection.damaged()));
			}
			auditLog.record(store, "return.inspected", "return", id.toString(),
					"Return " + request.number() + " inspected: " + summary);
			if (get(store, id).allInspected()) {
				move(store, id, ReturnStatus.RECEIVED, ReturnStatus.INSPECTED, "inspected_at", "inspected");
			}
		});
		return get(store, id);
	}

	// settling

	/**
	 * Settles an inspected return. REFUND: the returned value less the restocking fee goes back to the order's
	 * payments (newest first), never more than they hold captured and not yet refunded — payments refuses the excess
	 * in one conditional statement, also when two returns of one order are refunded at once — and a refused refund
	 * leaves the return INSPECTED. STORE_CREDIT: the same amount onto the customer's balance, once. EXCHANGE: a new
	 * order (channel {@value #EXCHANGE_CHANNEL}) for the chosen SKUs with the returned value (no fee) credited against
	 * it; what is left over is refunded, what is missing stays to pay on the new order (payment state PENDING).
	 */
	public ReturnRequest resolve(StoreId store, ReturnId id, Settlement settlement) {
		ReturnRequest request = get(store, id);
		Order order = orders.get(store, request.orderId());
		boolean resuming = request.status() == ReturnStatus.RESOLVING && request.resolution() == settlement.resolution();
		if (request.status() != ReturnStatus.INSPECTED && !resuming) {
			throw ReturnProblems.notInStatus(request.status(), "resolved");
		}
		Money value = request.value();
		Money fee = settlement.resolution() == Resolution.EXCHANGE ? Money.zero(value.currency())
				: value.multiply(request.restockingFeePercent().movePointLeft(2), RoundingMode.HALF_UP);
		Money charge = request.shippingDeduction();
		// the return shipping the shopper pays comes off what they get back, never below zero
		Money credit = atLeastZero(value.minus(fee).minus(charge));
		if (settlement.resolution() == Resolution.STORE_CREDIT && request.customerId() == null) {
			throw ReturnProblems.storeCreditNeedsCustomer();
		}
		if (settlement.resolution() != Resolution.EXCHANGE && !settlement.exchange().isEmpty()) {
			throw ReturnProblems.invalid("exchange", "exchange lines only go with resolution EXCHANGE");
		}
		Exchange exchange = settlement.resolution() == Resolution.EXCHANGE ? exchange(store, request, order, settlement)
				: null;
		boolean claimed = resuming ? returns.takeOverResolving(store, id, settlement.resolution(), STALE_SECONDS)
				: returns.startResolving(store, id, settlement.resolution(), value, fee, charge);
		if (!claimed) {
			// another request is settling it right now (or got there first)
			throw ReturnProblems.notInStatus(get(store, id).status(), "resolved");
		}
		int attempt = returns.attempt(store, id);
		Money zero = Money.zero(value.currency());
		return switch (settlement.resolution()) {
			case REFUND -> {
				Money refunded = refund(store, request, order, credit, attempt, !resuming);
				yield finish(store, request, Resolution.REFUND, refunded, zero, null);
			}
			case STORE_CREDIT -> transactions.execute(tx -> {
				CustomerId customer = java.util.Objects.requireNonNull(request.customerId());
				if (!credit.isZero() && !credits.creditedFor(store, id)) {
					credits.change(store, customer, credit, id, request.number(),
							"Return " + request.number() + " of order " + request.orderNumber(), Actor.current().actorName());
				}
				return finish(store, request, Resolution.STORE_CREDIT, zero, credit, null);
			});
			case EXCHANGE -> {
				Exchange planned = java.util.Objects.requireNonNull(exchange);
				Order placed;
				try {
					placed = orders.place(store, planned.order());
				}
				catch (BusinessRuleViolation ex) {
					returns.abandonResolving(store, id);
					throw ex;
				}
				Money refunded = planned.refund().isZero() ? zero
						: refund(store, request, order, planned.refund(), attempt, !resuming);
				yield finish(store, request, Resolution.EXCHANGE, refunded, zero, placed.id());
			}
		};
	}

	private ReturnRequest finish(StoreId store, ReturnRequest request, Resolution resolution, Money refunded,
			Money storeCredit, @Nullable OrderId exchangeOrder) {
		ReturnRequest done = transactions.execute(tx -> {
			if (!returns.resolved(store, request.id(), refunded, storeCredit, exchangeOrder)) {
				throw ReturnProblems.notInStatus(get(store, request.id()).status(), "resolved");
			}
			auditLog.record(store, "return.resolved", "return", request.id().toString(), "Return %s resolved by %s%s%s%s%s"
				.formatted(request.number(), resolution, refunded.isZero() ? "" : ", refunded " + refunded,
						storeCredit.isZero() ? "" : ", store credit " + storeCredit,
						request.shippingDeduction().isZero() ? "" : ", return shipping " + request.shippingDeduction() + " charged",
						exchangeOrder == null ? "" : ", exchange order " + exchangeOrder));
			events.publishEvent(new ReturnResolved(store, request.id(), request.number(), request.orderId(),
					request.email(), resolution, refunded, storeCredit, exchangeOrder, request.shippingDeduction()));
			return get(store, request.id());
		});
		return java.util.Objects.requireNonNull(done);
	}

	/**
	 * Refunds {@code amount} over the order's payments, newest first, under keys fixed per return, attempt and payment.
	 * A refusal before any money moved hands the return back (INSPECTED); a gateway that did not answer leaves it
	 * RESOLVING, to be resolved again with the same resolution once payments has reconciled the step.
	 */
	private Money refund(StoreId store, ReturnRequest request, Order order, Money amount, int attempt,
			boolean fresh) {
		List<PaymentIntent> refundable = payments.forOrder(store, order.id().toString())
			.reversed()
			.stream()
			.filter(p -> p.refundable().amount().signum() > 0 && p.refundable().currency().equals(amount.currency()))
			.toList();
		Money available = refundable.stream().map(PaymentIntent::refundable).reduce(Money.zero(amount.currency()),
				Money::plus);
		if (fresh && available.compareTo(amount) < 0) {
			returns.abandonResolving(store, request.id());
			if (available.isZero()) {
				throw ReturnProblems.nothingPaid(order.number());
			}
			throw new BusinessRuleViolation("REFUND_EXCEEDS_PAID", 409,
					"Cannot refund %s: only %s of order %s is paid and not yet refunded".formatted(amount, available,
							order.number()), Map.of("amount", "at most " + available));
		}
		Money left = amount;
		Money moved = Money.zero(amount.currency());
		for (PaymentIntent payment : refundable) {
			if (left.isZero()) {
				break;
			}
			Money part = payment.refundable().compareTo(left) < 0 ? payment.refundable() : left;
			String key = "return:" + request.id() + ":" + attempt + ":" + payment.id();
			try {
				PaymentIntent after = payments.refund(store, payment.id(), part, key);
				boolean succeeded = after.transactions().stream()
					.anyMatch(t -> t.idempotencyKey().equals("refund:" + key)
							&& t.status() == PaymentTransaction.Status.SUCCEEDED);
				if (!succeeded) {
					throw new BusinessRuleViolation("REFUND_DECLINED", 409,
							"The payment gateway declined the refund of " + part);
				}
			}
			catch (BusinessRuleViolation ex) {
				boolean pending = ex instanceof PaymentRefused && ex.status() == 503;
				if (moved.isZero() && !pending) {
					returns.abandonResolving(store, request.id());
				}
				throw ex;
			}
			moved = moved.plus(part);
			left = left.minus(part);
		}
		return moved;
	}

	/** The exchange order as it will be placed, and what is left to refund after it. */
	record Exchange(PlaceOrder order, Money refund) {
	}

	private Exchange exchange(StoreId store, ReturnRequest request, Order order, Settlement settlement) {
		if (settlement.exchange().isEmpty()) {
			throw ReturnProblems.invalid("exchange", "name the SKUs and quantities the shopper gets instead");
		}
		Currency currency = order.totals().total().currency();
		List<PlaceOrder.Line> lines = new ArrayList<>();
		List<PriceCalculation.Line> priced = new ArrayList<>();
		Map<String, String> problems = new TreeMap<>();
		for (int i = 0; i < settlement.exchange().size(); i++) {
			Settlement.ExchangeLine wanted = settlement.exchange().get(i);
			if (wanted.quantity() < 1 || wanted.quantity() > InventoryManagement.MAX_QUANTITY) {
				problems.put("exchange[" + i + "].quantity", "must be at least 1");
				continue;
			}
			Optional<Product> product = catalog.findBySku(store, wanted.sku());
			Optional<Variant> variant = product.flatMap(p -> p.variants().stream()
				.filter(v -> wanted.sku().equals(v.sku()))
				.findFirst());
			if (variant.isEmpty()) {
				problems.put("exchange[" + i + "].sku", "no variant with SKU " + wanted.sku() + " in this store");
				continue;
			}
			Money price = variant.get().price().currency().equals(currency) ? variant.get().price()
					: pricing.priceIn(store, wanted.sku(), variant.get().price(), currency).price();
			String reference = "exchange-" + i;
			lines.add(new PlaceOrder.Line(reference, wanted.sku(), product.get().id().value(), variant.get().id().value(),
					product.get().title(), variant.get().title(), wanted.quantity(), price, null,
					variant.get().weightGrams(), true));
			priced.add(new PriceCalculation.Line(reference, price, wanted.quantity(), null, variant.get().taxable()));
		}
		if (!problems.isEmpty()) {
			throw new BusinessRuleViolation("INVALID_EXCHANGE", 422, "The exchange cannot be priced", problems);
		}
		var destination = order.shippingAddress() == null ? null : order.shippingAddress().address();
		PriceBreakdown full = pricing.calculate(store,
				new PriceCalculation(currency, priced, null, null, List.of(), destination, false));
		// the return shipping the shopper pays is worth less credit: it comes off the refund, or adds to what they settle
		Money value = atLeastZero(request.value().minus(request.shippingDeduction()));
		Money discount;
		Money refund;
		if (full.total().compareTo(value) <= 0) {
			// the returned units pay for everything: the new order costs nothing and the rest goes back
			discount = full.subtotal();
			refund = value.minus(full.total());
		}
		else {
			// in the prices' own terms (net or gross, as the order's lines were priced) so tax falls on the rest only
			Money inPriceTerms = priceTermsValue(request, order);
			discount = value.equals(request.value()) ? inPriceTerms
					: inPriceTerms.multiply(value.amount().divide(request.value().amount(), 10, RoundingMode.DOWN),
							RoundingMode.DOWN);
			refund = Money.zero(currency);
		}
		PriceBreakdown totals = pricing.calculate(store, new PriceCalculation(currency, priced, null, null,
				discount.isZero() ? List.of()
						: List.of(new DiscountAllocation("Exchange credit " + request.number(), discount, null)),
				destination, false));
		OrderId exchangeId = new OrderId(UUID.nameUUIDFromBytes(("exchange:" + store + ":" + request.id())
			.getBytes(StandardCharsets.UTF_8)));
		PlaceOrder place = new PlaceOrder(exchangeId, EXCHANGE_CHANNEL, order.customerId(), order.email(), lines,
				order.shippingAddress(), order.billingAddress(), null, totals, null, null, PlaceOrder.Risk.NOT_ASSESSED,
				"Exchange for return " + request.number() + " of order " + order.number(), null, null);
		return new Exchange(place, refund);
	}

	/** The returned units' worth before tax is added (or with it, when the store's prices include tax). */
	private static Money priceTermsValue(ReturnRequest request, Order order) {
		Map<UUID, Order.Line> lines = new HashMap<>();
		order.lines().forEach(line -> lines.put(line.id(), line));
		Money sum = Money.zero(order.totals().total().currency());
		for (ReturnRequest.Item item : request.items()) {
			Order.Line line = lines.get(item.orderLineId());
			Money discount = line.discount().multiply(
					BigDecimal.valueOf(item.quantity()).divide(BigDecimal.valueOf(line.quantity()), 10, RoundingMode.DOWN),
					RoundingMode.UP);
			sum = sum.plus(line.unitPrice().times(item.quantity()).minus(discount));
		}
		return sum;
	}

	// store credit

	public StoreCredit storeCredit(StoreId store, CustomerId customer, Currency currency) {
		return new StoreCredit(customer, credits.balance(store, customer, currency),
				credits.entries(store, customer, currency, 200));
	}

	/** Staff add (positive) or take (negative) store credit; the balance never goes below zero. */
	public StoreCredit adjustStoreCredit(StoreId store, CustomerId customer, Money amount, String note) {
		if (amount.isZero()) {
			throw ReturnProblems.invalid("amount", "must not be zero");
		}
		if (note.isBlank() || note.length() > 500) {
			throw ReturnProblems.invalid("note", "say why, in 1 to 500 characters");
		}
		transactions.executeWithoutResult(tx -> {
			if (credits.change(store, customer, amount, null, null, note.strip(), Actor.current().actorName()).isEmpty()) {
				throw ReturnProblems.insufficientCredit(credits.balance(store, customer, amount.currency()).toString());
			}
			auditLog.record(store, "store-credit.adjusted", "customer", customer.toString(),
					"Store credit changed by " + amount + ": " + note.strip());
		});
		return storeCredit(store, customer, amount.currency());
	}

	// report

	/** Return rate and reasons per SKU, highest rate first (SKUs never returned last, by units sold). */
	public List<ReturnRateRow> report(StoreId store) {
		Map<String, SkuSales.Sold> sold = sales.all(store);
		Map<String, Long> returned = new HashMap<>();
		Map<String, String> titles = new HashMap<>();
		Map<String, Map<ReturnReason, Long>> reasons = new HashMap<>();
		for (Returns.ReportedItem item : returns.reportedItems(store)) {
			returned.merge(item.sku(), (long) item.quantity(), Long::sum);
			titles.putIfAbsent(item.sku(), item.title());
			reasons.computeIfAbsent(item.sku(), k -> new EnumMap<>(ReturnReason.class))
				.merge(item.reason(), (long) item.quantity(), Long::sum);
		}
		Set<String> skus = new java.util.TreeSet<>(sold.keySet());
		skus.addAll(returned.keySet());
		List<ReturnRateRow> rows = new ArrayList<>();
		for (String sku : skus) {
			long units = sold.containsKey(sku) ? sold.get(sku).sold() : 0;
			long back = returned.getOrDefault(sku, 0L);
			BigDecimal rate = units == 0 ? null
					: BigDecimal.valueOf(back).divide(BigDecimal.valueOf(units), 4, RoundingMode.HALF_UP);
			String title = sold.containsKey(sku) ? sold.get(sku).title() : titles.get(sku);
			rows.add(new ReturnRateRow(sku, title, units, back, rate, reasons.getOrDefault(sku, Map.of())));
		}
		rows.sort(java.util.Comparator
			.comparing((ReturnRateRow r) -> r.rate() == null ? BigDecimal.valueOf(-1) : r.rate())
			.reversed()
			.thenComparing(ReturnRateRow::sold, java.util.Comparator.reverseOrder())
			.thenComparing(ReturnRateRow::sku));
		return rows;
	}

	/** Counts an order's units as sold once (the report's denominator). */
	void countSold(StoreId store, OrderId order, List<dev.shopwright.orders.events.OrderPlaced.Line> lines) {
		transactions.executeWithoutResult(tx -> {
			if (sales.countOnce(store, order)) {
				lines.forEach(line -> sales.add(store, line.sku(), line.title(), line.quantity()));
			}
		});
	}

	private static Money atLeastZero(Money amount) {
		return amount.isNegative() ? Money.zero(amount.currency()) : amount;
	}

	private static @Nullable String blankToNull(@Nullable String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}
}
