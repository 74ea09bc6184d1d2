package dev.shopwright.orders.edits;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import dev.shopwright.inventory.CommitmentSettlement;
import dev.shopwright.inventory.InventoryManagement;
import dev.shopwright.inventory.MovementReason;
import dev.shopwright.inventory.Reservation;
import dev.shopwright.inventory.ReserveStock;
import dev.shopwright.inventory.StockAdjustment;
import dev.shopwright.orders.FulfillmentStatus;
import dev.shopwright.orders.Order;
import dev.shopwright.orders.OrderId;
import dev.shopwright.orders.OrderManagement;
import dev.shopwright.orders.OrderStatus;
import dev.shopwright.orders.PlaceOrder;
import dev.shopwright.orders.domain.Orders;
import dev.shopwright.orders.drafts.CatalogPrices;
import dev.shopwright.orders.drafts.DraftOrders.PayResult;
import dev.shopwright.orders.drafts.OutstandingBalance;
import dev.shopwright.orders.drafts.PayLinks;
import dev.shopwright.orders.events.OrderEdited;
import dev.shopwright.payments.CardInput;
import dev.shopwright.payments.PaymentIntent;
import dev.shopwright.payments.PaymentManagement;
import dev.shopwright.payments.PaymentMethod;
import dev.shopwright.payments.PaymentStatus;
import dev.shopwright.payments.StartPayment;
import dev.shopwright.platform.Actor;
import dev.shopwright.platform.BusinessRuleViolation;
import dev.shopwright.platform.ResourceNotFound;
import dev.shopwright.pricing.PriceBreakdown;
import dev.shopwright.pricing.PriceCalculation;
import dev.shopwright.pricing.PricingManagement;
import dev.shopwright.shared.Money;
import dev.shopwright.shared.StoreId;

/**
 * Edits of an order before fulfilment: add a line (priced from the catalog in the order's currency), remove a line,
 * change a quantity; preview the new totals, then commit in one transaction — lines, tax lines and totals at the
 * version the staff member saw (409 ORDER_VERSION_CONFLICT otherwise), added units reserved and confirmed as sold
 * (409 INSUFFICIENT_STOCK and nothing changed when they are not there), removed units restocked, the payment state
 * worked out again, the timeline and {@link OrderEdited}. After the commit the money follows: a higher total is
 * collected through a pay link emailed to the shopper, a lower one refunded (never more than was captured).
 */
@Service
public class OrderEdits {

	/** What a commit did: the order now, the edit's number and what happened to the money. */
	public record Committed(Order order, int editNumber, EditPreview preview, @Nullable String payLinkSentTo,
			Money refunded, List<String> moneyProblems) {
	}

	private final OrderManagement orderManagement;

	private final Orders orders;

	private final OrderEditRows rows;

	private final CatalogPrices prices;

	private final PricingManagement pricing;

	private final InventoryManagement inventory;

	private final PaymentManagement payments;

	private final PayLinks payLinks;

	private final TransactionTemplate transactions;

	private final ApplicationEventPublisher events;

	OrderEdits(OrderManagement orderManagement, Orders orders, OrderEditRows rows, CatalogPrices prices,
			PricingManagement pricing, InventoryManagement inventory, PaymentManagement payments, PayLinks payLinks,
			TransactionTemplate transactions, ApplicationEventPublisher events) {
		this.orderManagement = orderManagement;
		this.orders = orders;
		this.rows = rows;
		this.prices = prices;
		this.pricing = pricing;
		this.inventory = inventory;
		this.payments = payments;
		this.payLinks = payLinks;
		this.transactions = transactions;
		this.events = events;
	}

	/** What the edit would do, without changing anything. */
	public EditPreview preview(StoreId store, OrderId id, EditOrder edit) {
		Order order = orderManagement.get(store, id);
		OrderEditRows.Facts facts = rows.facts(store, id, false).orElseThrow();
		return compute(store, order, facts, edit).preview();
	}

	/** The order's committed edits, first first. */
	public List<OrderEdit> history(StoreId store, OrderId id) {
		orderManagement.get(store, id);
		return rows.edits(store, id);
	}

	/**
	 * Commits the edit (see the class comment). {@code linkBase} is where the balance pay link points
	 * ({@link PayLinks#base}).
	 */
	public Committed commit(StoreId store, OrderId id, EditOrder edit, String linkBase) {
		Actor actor = Actor.current();
		record Done(Computation computation, int number) {
		}
		Done done = transactions.execute(tx -> {
			// the payment listeners' lock first, then the row: the same order as theirs, so no deadlock
			orders.lockOrder(store, id);
			OrderEditRows.Facts facts = rows.facts(store, id, true)
				.orElseThrow(() -> new ResourceNotFound("Order", id.toString()));
			if (facts.version() != edit.expectedVersion()) {
				throw EditProblems.versionConflict(edit.expectedVersion(), facts.version());
			}
			Order order = orderManagement.get(store, id);
			Computation c = compute(store, order, facts, edit);
			int number = rows.nextEditNumber(store, id);
			apply(store, order, c, number);
			if (!rows.totals(store, id, facts.version(), c.preview().totals())) {
				throw EditProblems.versionConflict(edit.expectedVersion(), facts.version() + 1);
			}
			moveStock(store, order, c, number);
			EditPreview p = c.preview();
			rows.insertEdit(store, id, number, p.totalBefore(), p.totals().total(), p.changes(), actor.actorName());
			String reason = edit.reason() == null || edit.reason().isBlank() ? null : edit.reason().strip();
			Map<String, String> data = new LinkedHashMap<>();
			data.put("edit", String.valueOf(number));
			data.put("totalBefore", p.totalBefore().toString());
			data.put("totalAfter", p.totals().total().toString());
			data.put("changes", String.join("; ", p.changes()));
			if (reason != null) {
				data.put("reason", reason);
			}
			orders.appendTimeline(store, id, "edited", "Order edited (edit " + number + "): " + String.join("; ",
					p.changes()) + ". Total " + p.totalBefore() + " → " + p.totals().total()
					+ (reason == null ? "" : ". Reason: " + reason), actor, data, "edit:" + number);
			orderManagement.recomputePaymentStateAfterEdit(store, id);
			events.publishEvent(new OrderEdited(store, id, order.number(), number, currentLines(store, id), p.changes(),
					p.totalBefore(), p.totals().total()));
			return new Done(c, number);
		});
		EditPreview p = done.computation().preview();
		List<String> problems = new ArrayList<>();
		String sentTo = null;
		if (p.toCollect().amount().signum() > 0) {
			sentTo = collect(store, id, p, done.number(), linkBase, problems);
		}
		Money refunded = Money.zero(p.totalBefore().currency());
		if (p.toRefund().amount().signum() > 0) {
			refunded = refund(store, id, p.toRefund(), done.number(), problems);
		}
		return new Committed(orderManagement.get(store, id), done.number(), p, sentTo, refunded, problems);
	}

	// money after the commit

	private @Nullable String collect(StoreId store, OrderId id, EditPreview p, int number, String linkBase,
			List<String> problems) {
		Order order = orderManagement.get(store, id);
		String path = payLinks.issueForBalance(store, id.value());
		try {
			payLinks.send(store, order.email(), "Please pay the balance of your order " + order.number(), """
					Hello,

					Your order %s was changed: its total is now %s (it was %s).
					%s is left to pay. Pay it here:
					%s%s
					""".formatted(order.number(), p.totals().total(), p.totalBefore(), p.toCollect(), linkBase, path));
			appendNow(store, id, "payment.link-sent", "Pay link for " + p.toCollect() + " emailed to " + order.email(),
					Map.of("amount", p.toCollect().toString(), "edit", String.valueOf(number)));
			return order.email();
		}
		catch (BusinessRuleViolation notSent) {
			problems.add(notSent.getMessage());
			appendNow(store, id, "payment.link-failed", "The pay link for " + p.toCollect() + " could not be emailed: "
					+ notSent.getMessage(), Map.of("amount", p.toCollect().toString(), "edit", String.valueOf(number)));
			return null;
		}
	}

	/** Refunds {@code amount} over the captured payments, newest first, under keys fixed per edit and payment. */
	private Money refund(StoreId store, OrderId id, Money amount, int number, List<String> problems) {
		Money left = amount;
		for (PaymentIntent payment : payments.forOrder(store, id.toString()).reversed()) {
			if (left.isZero()) {
				break;
			}
			if (payment.refundable().amount().signum() <= 0 || !payment.refundable().currency().equals(left.currency())) {
				continue;
			}
			Money part = payment.refundable().compareTo(left) < 0 ? payment.refundable() : left;
			try {
				payments.refund(store, payment.id(), part, "edit:" + id + ":" + number + ":" + payment.id());
				left = left.minus(part);
			}
			catch (BusinessRuleViolation refused) {
				problems.add(refused.getMessage());
				appendNow(store, id, "refund.failed", "Refunding " + part + " for edit " + number + " failed: "
						+ refused.getMessage(), Map.of("payment", payment.id().toString(), "amount", part.toString()));
			}
		}
		return amount.minus(left);
	}

	private void appendNow(StoreId store, OrderId id, String kind, String message, Map<String, String> data) {
		Actor actor = Actor.current();
		transactions.executeWithoutResult(tx -> orders.appendTimeline(store, id, kind, message, actor, data, null));
	}

	// paying the balance through the link

	/** What the order still owes (zero or more). */
	public Money balanceDue(StoreId store, OrderId id) {
		Order order = orderManagement.get(store, id);
		Money due = OutstandingBalance.due(payments.forOrder(store, id.toString()), order.totals().total());
		return due.isNegative() ? Money.zero(due.currency()) : due;
	}

	/**
	 * The shopper pays what the order owes by card from a balance pay link; {@code attemptKey} (from the form) makes a
	 * double submit charge once. The payment state follows through the payment events.
	 */
	public PayResult payBalance(StoreId store, OrderId id, CardInput card, String attemptKey, String returnUrl) {
		Money due = balanceDue(store, id);
		if (due.isZero()) {
			throw EditProblems.nothingToPay();
		}
		PaymentIntent intent = payments.start(store, new StartPayment(id.toString(), due, PaymentMethod.CARD, card, null,
				returnUrl, "balance:" + id + ":" + attemptKey));
		return outcome(intent, id);
	}

	/** After 3-D Secure: asks the gateway again about the order's open payment. */
	public PayResult resumeBalance(StoreId store, OrderId id) {
		List<PaymentIntent> all = payments.forOrder(store, id.toString());
		Optional<PaymentIntent> open = all.reversed().stream()
			.filter(p -> p.status() == PaymentStatus.REQUIRES_ACTION || p.status() == PaymentStatus.PENDING
					&& p.method() == PaymentMethod.CARD)
			.findFirst();
		if (open.isPresent()) {
			return outcome(payments.refresh(store, open.get().id()), id);
		}
		return balanceDue(store, id).isZero() ? new PayResult(PayResult.Outcome.PAID, null, null, id)
				: new PayResult(PayResult.Outcome.DECLINED, "The payment was not completed; please enter your card again.",
						null, null);
	}

	private static PayResult outcome(PaymentIntent intent, OrderId id) {
		return switch (intent.status()) {
			case AUTHORIZED, PARTIALLY_CAPTURED, CAPTURED -> new PayResult(PayResult.Outcome.PAID, null, null, id);
			case REQUIRES_ACTION -> new PayResult(PayResult.Outcome.CHALLENGE, null, intent.nextActionUrl(), null);
			case PENDING -> new PayResult(PayResult.Outcome.DECLINED,
					"The bank has not answered yet; please try again in a moment.", null, null);
			default -> new PayResult(PayResult.Outcome.DECLINED, "The card was declined"
					+ (intent.failureMessage() == null ? "." : ": " + intent.failureMessage()), null, null);
		};
	}

	// computing

	private record Added(String reference, CatalogPrices.Item item, int quantity, Money unitPrice) {
	}

	private record Computation(EditPreview preview, Map<UUID, Integer> quantities, List<Added> added,
			Map<String, PriceBreakdown.LineTotal> lineTotals) {
	}

	private Computation compute(StoreId store, Order order, OrderEditRows.Facts facts, EditOrder edit) {
		if (facts.status() != OrderStatus.OPEN && facts.status() != OrderStatus.ON_HOLD) {
			throw EditProblems.notEditable(order.number(), facts.status().name());
		}
		if (facts.fulfillmentStatus() == FulfillmentStatus.FULFILLED) {
			throw EditProblems.notEditable(order.number(), "fulfilled");
		}
		if (!order.totals().discountTotal().isZero()) {
			throw EditProblems.hasDiscounts();
		}
		if (edit.changes().isEmpty() || edit.changes().size() > 100) {
			throw EditProblems.invalid(Map.of("changes", "give 1 to 100 changes"));
		}
		Currency currency = order.totals().total().currency();
		Map<UUID, Order.Line> byId = new LinkedHashMap<>();
		Map<UUID, Integer> quantities = new LinkedHashMap<>();
		for (Order.Line line : order.lines()) {
			byId.put(line.id(), line);
			quantities.put(line.id(), line.quantity() - line.cancelledQuantity());
		}
		Map<String, String> errors = new LinkedHashMap<>();
		List<Added> added = new ArrayList<>();
		List<String> changes = new ArrayList<>();
		for (int i = 0; i < edit.changes().size(); i++) {
			EditOrder.Change change = edit.changes().get(i);
			String field = "changes[" + i + "]";
			if (change == null || change.kind() == null) {
				errors.put(field + ".kind", "ADD, REMOVE or SET_QUANTITY");
				continue;
			}
			Integer quantity = change.quantity();
			if (change.kind() != EditOrder.Kind.REMOVE && (quantity == null || quantity < 1 || quantity > 100000)) {
				errors.put(field + ".quantity", "between 1 and 100000");
				continue;
			}
			if (change.kind() == EditOrder.Kind.ADD) {
				String sku = change.sku() == null ? "" : change.sku().strip();
				Optional<CatalogPrices.Item> item = sku.isEmpty() ? Optional.empty() : prices.item(store, sku);
				if (item.isEmpty()) {
					errors.put(field + ".sku", sku.isEmpty() ? "give a SKU" : "no variant with SKU " + sku + " in this store");
					continue;
				}
				Money unit = prices.unitPrice(store, item.get(), currency);
				added.add(new Added("edit-" + UUID.randomUUID(), item.get(), quantity, unit));
				changes.add("added " + quantity + " × " + sku + " at " + unit);
				continue;
			}
			Order.Line line = change.lineId() == null ? null : byId.get(change.lineId());
			if (line == null) {
				errors.put(field + ".lineId", "not a line of this order");
				continue;
			}
			if (line.fulfilledQuantity() > 0) {
				throw EditProblems.lineFulfilled(line.sku());
			}
			if (line.cancelledQuantity() > 0) {
				throw EditProblems.lineRemoved(line.sku());
			}
			int before = quantities.get(line.id());
			int after = change.kind() == EditOrder.Kind.REMOVE ? 0 : quantity;
			quantities.put(line.id(), after);
			changes.add(after == 0 ? "removed " + line.sku() + " (" + line.quantity() + ")"
					: line.sku() + " quantity " + before + " → " + after);
		}
		if (!errors.isEmpty()) {
			throw EditProblems.invalid(errors);
		}
		boolean changesSomething = !added.isEmpty() || order.lines().stream()
			.anyMatch(l -> quantities.get(l.id()) != l.quantity() - l.cancelledQuantity());
		if (!changesSomething) {
			throw EditProblems.invalid(Map.of("changes", "the edit changes nothing"));
		}
		if (added.isEmpty() && quantities.values().stream().allMatch(q -> q == 0)) {
			throw EditProblems.invalid(Map.of("changes", "an order keeps at least one line; cancel the order instead"));
		}
		// price the order as it would be: kept lines at the price the shopper agreed to, added ones at today's
		List<PriceCalculation.Line> calculation = new ArrayList<>();
		for (Order.Line line : order.lines()) {
			int q = quantities.get(line.id());
			if (q > 0) {
				boolean taxable = prices.item(store, line.sku()).map(i -> i.variant().taxable()).orElse(true);
				calculation.add(new PriceCalculation.Line(line.id().toString(), line.unitPrice(), q, line.taxClass(), taxable));
			}
		}
		for (Added a : added) {
			calculation.add(new PriceCalculation.Line(a.reference(), a.unitPrice(), a.quantity(), null,
					a.item().variant().taxable()));
		}
		Order.ShippingLine shipping = order.shipping();
		Money shippingPrice = order.totals().shipping();
		String shippingClass = shipping != null && !shipping.tax().isZero() ? prices.shippingTaxClass(store) : null;
		PriceBreakdown totals = pricing.calculate(store, new PriceCalculation(currency, calculation,
				shippingPrice.isZero() ? null : shippingPrice, shippingClass, List.of(),
				order.shippingAddress() == null ? null : order.shippingAddress().address(), facts.taxExempt()));
		Map<String, PriceBreakdown.LineTotal> lineTotals = new HashMap<>();
		totals.lines().forEach(t -> lineTotals.put(t.reference(), t));
		Money zero = Money.zero(currency);
		List<EditPreview.Line> lines = new ArrayList<>();
		for (Order.Line line : order.lines()) {
			int before = line.quantity() - line.cancelledQuantity();
			if (before == 0) {
				continue; // removed by an earlier edit
			}
			int after = quantities.get(line.id());
			PriceBreakdown.LineTotal t = lineTotals.get(line.id().toString());
			lines.add(new EditPreview.Line(line.id(), line.sku(), line.title(), line.variantTitle(), before, after,
					line.fulfilledQuantity(), line.unitPrice(), t == null ? zero : t.total(), false));
		}
		for (Added a : added) {
			lines.add(new EditPreview.Line(null, a.item().variant().sku(), a.item().title(), a.item().variantTitle(), 0,
					a.quantity(), 0, a.unitPrice(), lineTotals.get(a.reference()).total(), true));
		}
		List<PaymentIntent> paid = payments.forOrder(store, order.id().toString());
		Money covered = OutstandingBalance.covered(paid, totals.total());
		Money due = totals.total().minus(covered);
		Money refundable = paid.stream().map(PaymentIntent::refundable).filter(m -> m.currency().equals(currency))
			.reduce(zero, Money::plus);
		Money toCollect = due.amount().signum() > 0 ? due : zero;
		Money owed = due.amount().signum() < 0 ? due.negate() : zero;
		Money toRefund = owed.compareTo(refundable) > 0 ? refundable : owed;
		EditPreview preview = new EditPreview(order.id(), order.number(), facts.version(), lines, changes,
				order.totals().total(), totals, totals.total().minus(order.totals().total()), covered, toCollect, toRefund,
				refundable);
		return new Computation(preview, quantities, added, lineTotals);
	}

	private void apply(StoreId store, Order order, Computation c, int number) {
		OrderId id = order.id();
		for (Order.Line line : order.lines()) {
			int before = line.quantity() - line.cancelledQuantity();
			int after = c.quantities().get(line.id());
			if (after != before) {
				boolean changed = after == 0 ? rows.remove(store, id, line.id()) : rows.setQuantity(store, id, line.id(), after);
				if (!changed) {
					throw EditProblems.lineFulfilled(line.sku());
				}
			}
			if (after > 0) {
				rows.lineTotals(store, id, line.id(), c.lineTotals().get(line.id().toString()));
			}
		}
		int position = rows.nextPosition(store, id);
		for (Added a : c.added()) {
			orders.insertLine(store, id, UUID.randomUUID(), position++, new PlaceOrder.Line(a.reference(),
					a.item().variant().sku(), a.item().product().id().value(), a.item().variant().id().value(),
					a.item().title(), a.item().variantTitle(), a.quantity(), a.unitPrice(), null,
					a.item().variant().weightGrams(), true), c.lineTotals().get(a.reference()));
		}
		rows.deleteTaxLines(store, id);
		int taxPosition = 0;
		for (PriceBreakdown.TaxLine tax : c.preview().totals().taxLines()) {
			orders.insertTaxLine(store, id, taxPosition++, tax);
		}
	}

	/**
	 * Added units reserved and at once committed to the order (under the edit's own reference); removed units
	 * released from the order's commitments (ledger: UNCOMMITTED). Removed units that had left on hand already (the
	 * order was placed before committed stock existed, ADR 0022) are put back on hand (ledger: RETURNED).
	 */
	private void moveStock(StoreId store, Order order, Computation c, int number) {
		Map<String, Integer> more = new LinkedHashMap<>();
		Map<String, Integer> fewer = new LinkedHashMap<>();
		for (Order.Line line : order.lines()) {
			int delta = c.quantities().get(line.id()) - (line.quantity() - line.cancelledQuantity());
			if (delta > 0) {
				more.merge(line.sku(), delta, Integer::sum);
			}
			else if (delta < 0) {
				fewer.merge(line.sku(), -delta, Integer::sum);
			}
		}
		for (Added a : c.added()) {
			more.merge(a.item().variant().sku(), a.quantity(), Integer::sum);
		}
		if (!more.isEmpty()) {
			List<ReserveStock.Line> lines = more.entrySet().stream()
				.map(e -> new ReserveStock.Line(e.getKey(), e.getValue()))
				.toList();
			Reservation reservation = inventory.reserve(store,
					new ReserveStock(OrderManagement.editStockReference(order.id(), number), lines, Duration.ofMinutes(10)));
			inventory.confirm(store, reservation.id());
		}
		if (fewer.isEmpty()) {
			return;
		}
		List<String> references = orderManagement.stockReferences(store, order.id());
		if (references.isEmpty()) {
			return; // the order never took stock
		}
		String note = "Removed from order " + order.number() + " by edit " + number;
		CommitmentSettlement released = inventory.releaseCommitted(store, references, fewer,
				"edit:" + order.id() + ":" + number, note);
		fewer.forEach((sku, units) -> {
			int leftOnHandEarlier = units - released.settled(sku);
			if (leftOnHandEarlier > 0) {
				inventory.adjust(store, new StockAdjustment(sku, null, leftOnHandEarlier, null, MovementReason.RETURNED, note));
			}
		});
	}

	private List<OrderEdited.Line> currentLines(StoreId store, OrderId id) {
		return orderManagement.get(store, id).lines().stream()
			.map(l -> new OrderEdited.Line(l.id(), l.sku(), l.quantity() - l.cancelledQuantity(),
					l.quantity() - l.cancelledQuantity() - l.fulfilledQuantity()))
			.toList();
	}
}
