package dev.shopwright.orders.drafts;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import dev.shopwright.customers.Customer;
import dev.shopwright.customers.CustomerId;
import dev.shopwright.customers.CustomerManagement;
import dev.shopwright.inventory.InventoryManagement;
import dev.shopwright.inventory.Reservation;
import dev.shopwright.inventory.ReserveStock;
import dev.shopwright.orders.Order;
import dev.shopwright.orders.OrderId;
import dev.shopwright.orders.OrderManagement;
import dev.shopwright.orders.PlaceOrder;
import dev.shopwright.payments.CardInput;
import dev.shopwright.payments.PaymentIntent;
import dev.shopwright.payments.PaymentManagement;
import dev.shopwright.payments.PaymentMethod;
import dev.shopwright.payments.PaymentSettings;
import dev.shopwright.payments.PaymentStatus;
import dev.shopwright.payments.StartPayment;
import dev.shopwright.platform.AuditLog;
import dev.shopwright.platform.BusinessRuleViolation;
import dev.shopwright.platform.ResourceNotFound;
import dev.shopwright.pricing.PriceBreakdown;
import dev.shopwright.pricing.PriceCalculation;
import dev.shopwright.pricing.PricingManagement;
import dev.shopwright.shared.Money;
import dev.shopwright.shared.Page;
import dev.shopwright.shared.StoreId;
import dev.shopwright.stores.Store;
import dev.shopwright.stores.StoreManagement;

/**
 * Draft orders: staff build an order (lines by SKU, custom prices with a reason, a typed shipping line), send the
 * shopper an invoice with a pay link, and the draft becomes an order through {@link OrderManagement#place} with
 * channel {@code draft} when the shopper pays by card or staff mark it paid. The order's id is the draft's id, so
 * converting twice (a double click, a retry after a crash) places one order; stock is reserved before the money is
 * taken and confirmed by placing.
 */
@Service
public class DraftOrders {

	public static final int MAX_PAGE = 100;

	/** How long stock stays reserved while the shopper passes 3-D Secure. */
	static final Duration HOLD_WHILE_PAYING = Duration.ofMinutes(30);

	/** What paying by card came to. */
	public record PayResult(Outcome outcome, @Nullable String message, @Nullable String redirectUrl,
			@Nullable OrderId orderId) {

		public enum Outcome {
			PAID, CHALLENGE, DECLINED
		}

		static PayResult paid(OrderId order) {
			return new PayResult(Outcome.PAID, null, null, order);
		}

		static PayResult declined(String message) {
			return new PayResult(Outcome.DECLINED, message, null, null);
		}
	}

	private final DraftOrderRows rows;

	private final PayLinks links;

	private final CatalogPrices prices;

	private final PricingManagement pricing;

	private final CustomerManagement customers;

	private final StoreManagement stores;

	private final InventoryManagement inventory;

	private final PaymentManagement payments;

	private final OrderManagement orders;

	private final TransactionTemplate transactions;

	private final AuditLog auditLog;

	DraftOrders(DraftOrderRows rows, PayLinks links, CatalogPrices prices, PricingManagement pricing,
			CustomerManagement customers, StoreManagement stores, InventoryManagement inventory,
			PaymentManagement payments, OrderManagement orders, TransactionTemplate transactions, AuditLog auditLog) {
		this.rows = rows;
		this.links = links;
		this.prices = prices;
		this.pricing = pricing;
		this.customers = customers;
		this.stores = stores;
		this.inventory = inventory;
		this.payments = payments;
		this.orders = orders;
		this.transactions = transactions;
		this.auditLog = auditLog;
	}

	// reads

	public Optional<DraftOrder> find(StoreId store, UUID id) {
		return rows.find(store, id).map(row -> price(row, rows.lines(store, id)));
	}

	public DraftOrder get(StoreId store, UUID id) {
		return find(store, id).orElseThrow(() -> new ResourceNotFound("Draft order", id.toString()));
	}

	/** Newest first; {@code limit} 1 to {@value #MAX_PAGE}. */
	public Page<DraftOrder> list(StoreId store, @Nullable DraftOrderStatus status, @Nullable String query,
			@Nullable String cursor, int limit) {
		if (limit < 1 || limit > MAX_PAGE) {
			throw DraftProblems.invalid(Map.of("limit", "limit must be between 1 and " + MAX_PAGE));
		}
		Page<DraftOrderRows.Row> page = rows.list(store, status, query, cursor, limit);
		return new Page<>(page.items().stream().map(row -> price(row, rows.lines(store, row.id()))).toList(),
				page.nextCursor());
	}

	// staff changes

	public DraftOrder create(StoreId store, DraftOrderDetails details) {
		Checked checked = check(store, details);
		UUID id = UUID.randomUUID();
		transactions.executeWithoutResult(tx -> {
			long number = rows.nextNumber(store);
			rows.insert(store, id, number, checked.values());
			rows.replaceLines(store, id, checked.lines());
			auditLog.record(store, "draft-order.created", "draft-order", id.toString(), "Draft D" + number + " for "
					+ checked.values().email());
		});
		return get(store, id);
	}

	/** Replaces what staff typed; refused once completed, while the shopper pays, or on a stale {@code expectedVersion}. */
	public DraftOrder update(StoreId store, UUID id, DraftOrderDetails details, @Nullable Integer expectedVersion) {
		DraftOrderRows.Row row = rows.find(store, id).orElseThrow(() -> new ResourceNotFound("Draft order", id.toString()));
		if (row.status() == DraftOrderStatus.COMPLETED) {
			throw DraftProblems.completed("D" + row.number());
		}
		Checked checked = check(store, details);
		transactions.executeWithoutResult(tx -> {
			if (!rows.update(store, id, expectedVersion, checked.values())) {
				DraftOrderRows.Row now = rows.find(store, id).orElseThrow();
				throw now.status() == DraftOrderStatus.COMPLETED ? DraftProblems.completed("D" + now.number())
						: DraftProblems.changedOrPaying("D" + now.number());
			}
			rows.replaceLines(store, id, checked.lines());
			auditLog.record(store, "draft-order.updated", "draft-order", id.toString(), "Draft D" + row.number());
		});
		return get(store, id);
	}

	public void delete(StoreId store, UUID id) {
		DraftOrderRows.Row row = rows.find(store, id).orElseThrow(() -> new ResourceNotFound("Draft order", id.toString()));
		transactions.executeWithoutResult(tx -> {
			if (!rows.delete(store, id)) {
				throw row.status() == DraftOrderStatus.COMPLETED ? DraftProblems.completed("D" + row.number())
						: DraftProblems.changedOrPaying("D" + row.number());
			}
			auditLog.record(store, "draft-order.deleted", "draft-order", id.toString(), "Draft D" + row.number());
		});
	}

	/**
	 * Emails the shopper the invoice: the lines and totals and a pay link {@code <linkBase>/pay/<id>?token=…} (a new
	 * token each time; the earlier link stops working). The draft is then INVOICE_SENT.
	 */
	public DraftOrder sendInvoice(StoreId store, UUID id, String linkBase) {
		DraftOrder draft = get(store, id);
		if (!draft.editable()) {
			throw DraftProblems.completed(draft.number());
		}
		requireSellable(draft);
		String path = transactions.execute(tx -> {
			String issued = links.issueForDraft(store, id);
			rows.invoiceSent(store, id);
			auditLog.record(store, "draft-order.invoice-sent", "draft-order", id.toString(),
					"Invoice for " + draft.number() + " sent to " + draft.email());
			return issued;
		});
		Store s = stores.get(store);
		StringBuilder text = new StringBuilder();
		text.append("Hello,\n\n").append(s.name()).append(" has prepared an order for you (").append(draft.number())
			.append("):\n\n");
		for (DraftOrder.Line line : draft.lines()) {
			text.append("  ").append(line.quantity()).append(" × ").append(line.title())
				.append(line.variantTitle() == null ? "" : " (" + line.variantTitle() + ")").append("  ")
				.append(line.total()).append('\n');
		}
		if (draft.shipping() != null) {
			text.append("  Shipping: ").append(draft.shipping().name()).append("  ").append(draft.totals().shippingTotal())
				.append('\n');
		}
		text.append("\nTotal: ").append(draft.totals().total()).append(draft.totals().taxTotal().isZero() ? ""
				: " (tax " + draft.totals().taxTotal() + ")").append("\n\nPay here:\n").append(linkBase).append(path)
			.append("\n");
		links.send(store, draft.email(), "Your order " + draft.number() + " from " + s.name(), text.toString());
		return get(store, id);
	}

	// paying and converting

	/**
	 * The shopper pays the draft by card from the pay page. Stock is reserved first (409 INSUFFICIENT_STOCK, nothing
	 * charged, when it is gone); then the card is charged under a key made from {@code attemptKey} (the same form
	 * sent twice charges once); a 3-D Secure card returns CHALLENGE with the URL to send the shopper to, and
	 * {@link #resume} finishes when they come back. A paid draft becomes the order.
	 */
	public PayResult payByCard(StoreId store, UUID id, CardInput card, String attemptKey, String returnUrl) {
		DraftOrderRows.Row row = rows.find(store, id).orElseThrow(() -> new ResourceNotFound("Draft order", id.toString()));
		if (row.status() == DraftOrderStatus.COMPLETED) {
			return PayResult.paid(new OrderId(id));
		}
		DraftOrder draft = price(row, rows.lines(store, id));
		requireSellable(draft);
		if (draft.totals().total().isZero()) {
			return PayResult.paid(convert(store, id, null, attempt(store, id, attemptKey, draft)).id());
		}
		String reservation = attempt(store, id, attemptKey, draft);
		PaymentIntent intent;
		try {
			intent = payments.start(store, new StartPayment(id.toString(), draft.totals().total(), PaymentMethod.CARD,
					card, null, returnUrl, "draft:" + id + ":" + attemptKey));
		}
		catch (BusinessRuleViolation refused) {
			giveUp(store, id, attemptKey, reservation);
			throw refused;
		}
		return afterPayment(store, id, attemptKey, reservation, intent);
	}

	/** After 3-D Secure: asks the gateway again about the draft's open payment and converts the draft once it is paid. */
	public PayResult resume(StoreId store, UUID id) {
		DraftOrderRows.Row row = rows.find(store, id).orElseThrow(() -> new ResourceNotFound("Draft order", id.toString()));
		if (row.status() == DraftOrderStatus.COMPLETED) {
			return PayResult.paid(new OrderId(id));
		}
		List<PaymentIntent> attempts = payments.forOrder(store, id.toString());
		if (row.attemptKey() == null || attempts.isEmpty()) {
			return PayResult.declined("The payment was not completed; please enter your card again.");
		}
		PaymentIntent latest = attempts.getLast();
		if (latest.status() == PaymentStatus.REQUIRES_ACTION || latest.status() == PaymentStatus.PENDING) {
			latest = payments.refresh(store, latest.id());
		}
		return afterPayment(store, id, row.attemptKey(), row.reservationRef(), latest);
	}

	/**
	 * Converts a draft whose payment attempt has succeeded, if it is not converted yet (see
	 * {@code DraftPaymentEvents}); does nothing for any other reference.
	 */
	void convertIfPaid(StoreId store, UUID id) {
		Optional<DraftOrderRows.Row> row = rows.find(store, id);
		if (row.isEmpty() || row.get().status() == DraftOrderStatus.COMPLETED || row.get().attemptKey() == null) {
			return;
		}
		payments.forOrder(store, id.toString()).stream()
			.filter(p -> p.status() == PaymentStatus.AUTHORIZED || p.status() == PaymentStatus.CAPTURED
					|| p.status() == PaymentStatus.PARTIALLY_CAPTURED)
			.findFirst()
			.ifPresent(paid -> convert(store, id, paid, row.get().reservationRef()));
	}

	private PayResult afterPayment(StoreId store, UUID id, String attemptKey, @Nullable String reservation,
			PaymentIntent intent) {
		return switch (intent.status()) {
			case AUTHORIZED, PARTIALLY_CAPTURED, CAPTURED -> PayResult.paid(convert(store, id, intent, reservation).id());
			case REQUIRES_ACTION -> new PayResult(PayResult.Outcome.CHALLENGE, null, intent.nextActionUrl(), null);
			case PENDING -> PayResult.declined("The bank has not answered yet; please try again in a moment.");
			default -> {
				giveUp(store, id, attemptKey, reservation);
				yield PayResult.declined("The card was declined" + (intent.failureMessage() == null ? "."
						: ": " + intent.failureMessage()));
			}
		};
	}

	/**
	 * Staff record that the shopper paid outside the shop (bank transfer or cash, whichever the store offers): a
	 * manual payment marked paid, and the draft becomes the order. {@code idempotencyKey} makes a retry convert once.
	 */
	public Order markPaid(StoreId store, UUID id, String idempotencyKey) {
		DraftOrderRows.Row row = rows.find(store, id).orElseThrow(() -> new ResourceNotFound("Draft order", id.toString()));
		if (row.status() == DraftOrderStatus.COMPLETED) {
			return orders.get(store, new OrderId(id));
		}
		DraftOrder draft = price(row, rows.lines(store, id));
		requireSellable(draft);
		String attemptKey = "manual:" + idempotencyKey;
		PaymentSettings settings = payments.settings(store);
		PaymentMethod method = settings.offers(PaymentMethod.BANK_TRANSFER) ? PaymentMethod.BANK_TRANSFER
				: settings.offers(PaymentMethod.CASH_ON_DELIVERY) ? PaymentMethod.CASH_ON_DELIVERY : null;
		if (method == null && !draft.totals().total().isZero()) {
			throw DraftProblems.noManualMethod();
		}
		String reservation = attempt(store, id, attemptKey, draft);
		PaymentIntent paid = null;
		try {
			if (method != null && !draft.totals().total().isZero()) {
				PaymentIntent intent = payments.start(store, new StartPayment(id.toString(), draft.totals().total(), method,
						null, null, null, "draft:" + id + ":" + attemptKey));
				paid = payments.markPaid(store, intent.id(), "draft:" + id + ":" + attemptKey);
			}
		}
		catch (BusinessRuleViolation refused) {
			giveUp(store, id, attemptKey, reservation);
			throw refused;
		}
		return convert(store, id, paid, reservation);
	}

	/** Claims the draft for this attempt and reserves its stock; returns the reservation's reference. */
	private String attempt(StoreId store, UUID id, String attemptKey, DraftOrder draft) {
		if (attemptKey.isBlank() || attemptKey.length() > 120) {
			throw DraftProblems.invalid(Map.of("attemptKey", "must be 1 to 120 characters"));
		}
		if (!rows.claimAttempt(store, id, attemptKey)) {
			if (rows.find(store, id).map(r -> r.status() == DraftOrderStatus.COMPLETED).orElse(false)) {
				throw DraftProblems.completed(draft.number());
			}
			throw DraftProblems.paymentInProgress();
		}
		String reference = "draft:" + id + ":" + attemptKey;
		List<ReserveStock.Line> lines = draft.lines().stream()
			.map(l -> new ReserveStock.Line(l.sku(), l.quantity()))
			.toList();
		try {
			inventory.reserve(store, new ReserveStock(reference, lines, HOLD_WHILE_PAYING));
		}
		catch (BusinessRuleViolation refused) {
			rows.releaseAttempt(store, id, attemptKey);
			throw refused;
		}
		rows.reservation(store, id, attemptKey, reference);
		return reference;
	}

	/** The attempt failed: the stock is free again and another attempt may start. */
	private void giveUp(StoreId store, UUID id, String attemptKey, @Nullable String reservation) {
		if (paymentUnderWay(store, id)) {
			// a double submit shares the attempt and its reservation: the twin that is paying (or has paid) keeps
			// the stock; left alone, the reservation expires after HOLD_WHILE_PAYING
			return;
		}
		if (reservation != null) {
			for (Reservation held : inventory.reservations(store, Reservation.Status.ACTIVE, reservation, null, 5).items()) {
				inventory.release(store, held.id());
			}
		}
		rows.releaseAttempt(store, id, attemptKey);
	}

	private boolean paymentUnderWay(StoreId store, UUID id) {
		return rows.find(store, id).map(r -> r.status() == DraftOrderStatus.COMPLETED).orElse(false)
				|| payments.forOrder(store, id.toString()).stream().anyMatch(p -> switch (p.status()) {
					case PENDING, REQUIRES_ACTION, AUTHORIZED, PARTIALLY_CAPTURED, CAPTURED -> true;
					default -> false;
				});
	}

	/** Places the draft's order (idempotent: its id is the draft's) and marks the draft completed. */
	private Order convert(StoreId store, UUID id, @Nullable PaymentIntent payment, @Nullable String reservation) {
		DraftOrderRows.Row row = rows.find(store, id).orElseThrow();
		DraftOrder draft = price(row, rows.lines(store, id));
		List<PlaceOrder.Line> lines = new ArrayList<>();
		for (DraftOrder.Line line : draft.lines()) {
			CatalogPrices.Item item = prices.item(store, line.sku()).orElseThrow(() -> DraftProblems.unavailable(
					Map.of(line.sku(), line.sku() + " no longer exists")));
			lines.add(new PlaceOrder.Line(line.sku(), line.sku(), item.product().id().value(), item.variant().id().value(),
					line.title(), line.variantTitle(), line.quantity(), line.unitPrice(), null,
					item.variant().weightGrams(), true));
		}
		String tokenHash = rows.link(id).map(DraftOrderRows.LinkRow::tokenHash).orElse(null);
		PlaceOrder command = new PlaceOrder(new OrderId(id), PlaceOrder.DRAFT,
				row.customerId() == null ? null : new CustomerId(row.customerId()), row.email(), lines,
				row.shippingAddress(), row.shippingAddress(),
				draft.shipping() == null ? null : new PlaceOrder.Shipping("draft", draft.shipping().name(), null),
				draft.totals(), reservation, payment == null ? null : payment.id(), PlaceOrder.Risk.NOT_ASSESSED,
				row.note(), null, tokenHash);
		Order order = orders.place(store, command);
		if (rows.complete(store, id)) {
			auditLog.record(store, "draft-order.completed", "draft-order", id.toString(),
					"Draft " + draft.number() + " became order " + order.number());
		}
		return order;
	}

	private static void requireSellable(DraftOrder draft) {
		if (draft.status() == DraftOrderStatus.COMPLETED) {
			throw DraftProblems.completed(draft.number());
		}
		Map<String, String> gone = new LinkedHashMap<>();
		draft.lines().stream().filter(l -> !l.available())
			.forEach(l -> gone.put(l.sku(), l.sku() + " is no longer in the catalog"));
		if (!gone.isEmpty()) {
			throw DraftProblems.unavailable(gone);
		}
	}

	// checking and pricing

	private record Checked(DraftOrderRows.Values values, List<DraftOrderRows.LineRow> lines) {
	}

	private Checked check(StoreId store, DraftOrderDetails details) {
		Store s = stores.get(store);
		Map<String, String> errors = new LinkedHashMap<>();
		Customer customer = null;
		if (details.customerId() != null) {
			customer = customers.find(store, details.customerId()).orElse(null);
			if (customer == null) {
				errors.put("customerId", "no such customer in this store");
			}
		}
		String email = details.email() == null || details.email().isBlank()
				? customer == null ? null : customer.email() : details.email().strip();
		if (email == null || !email.contains("@") || email.length() > 320 || email.length() < 3) {
			errors.put("email", "give the shopper's email address (or a customer)");
		}
		Currency currency = s.defaultCurrency();
		if (details.currency() != null && !details.currency().isBlank()) {
			try {
				currency = Currency.getInstance(details.currency().strip());
			}
			catch (IllegalArgumentException ex) {
				errors.put("currency", "not a currency code");
			}
			if (!s.currencies().contains(currency) && !currency.equals(s.defaultCurrency())) {
				errors.put("currency", "the store does not sell in " + details.currency());
			}
		}
		if (details.lines().isEmpty()) {
			errors.put("lines", "add at least one line");
		}
		if (details.lines().size() > 250) {
			errors.put("lines", "at most 250 lines");
		}
		List<DraftOrderRows.LineRow> lines = new ArrayList<>();
		Set<String> skus = new HashSet<>();
		for (int i = 0; i < details.lines().size(); i++) {
			DraftOrderDetails.Line line = details.lines().get(i);
			String field = "lines[" + i + "]";
			String sku = line.sku() == null ? "" : line.sku().strip();
			if (sku.isEmpty()) {
				errors.put(field + ".sku", "give a SKU");
				continue;
			}
			if (!skus.add(sku)) {
				errors.put(field + ".sku", sku + " is already a line; change its quantity instead");
			}
			else if (prices.item(store, sku).isEmpty()) {
				errors.put(field + ".sku", "no variant with SKU " + sku + " in this store");
			}
			if (line.quantity() < 1 || line.quantity() > 100000) {
				errors.put(field + ".quantity", "between 1 and 100000");
			}
			BigDecimal custom = line.customPrice();
			String reason = line.priceReason() == null || line.priceReason().isBlank() ? null : line.priceReason().strip();
			if (custom != null) {
				if (custom.signum() < 0 || custom.scale() > currency.getDefaultFractionDigits()) {
					errors.put(field + ".customPrice", "a price of 0 or more with at most "
							+ currency.getDefaultFractionDigits() + " decimals");
				}
				if (reason == null) {
					errors.put(field + ".priceReason", "say why the price differs from the catalog's");
				}
				else if (reason.length() > 500) {
					errors.put(field + ".priceReason", "at most 500 characters");
				}
			}
			lines.add(new DraftOrderRows.LineRow(i, sku, line.quantity(), custom, custom == null ? null : reason));
		}
		String shippingName = null;
		BigDecimal shippingPrice = null;
		if (details.shipping() != null) {
			shippingName = details.shipping().name() == null ? "" : details.shipping().name().strip();
			shippingPrice = details.shipping().price();
			if (shippingName.isEmpty() || shippingName.length() > 200) {
				errors.put("shipping.name", "name the shipping (1 to 200 characters)");
			}
			if (shippingPrice == null || shippingPrice.signum() < 0
					|| shippingPrice.scale() > currency.getDefaultFractionDigits()) {
				errors.put("shipping.price", "a price of 0 or more with at most " + currency.getDefaultFractionDigits()
						+ " decimals");
			}
		}
		if (details.note() != null && details.note().length() > 5000) {
			errors.put("note", "at most 5000 characters");
		}
		if (details.shippingAddress() != null && details.shippingAddress().address().country() == null) {
			errors.put("shippingAddress.address.country", "give the country");
		}
		if (!errors.isEmpty()) {
			throw DraftProblems.invalid(errors);
		}
		boolean taxExempt = customer != null && customer.taxExempt();
		String note = details.note() == null || details.note().isBlank() ? null : details.note().strip();
		return new Checked(new DraftOrderRows.Values(details.customerId() == null ? null : details.customerId().value(),
				email, currency.getCurrencyCode(), taxExempt, details.shippingAddress(), shippingName, shippingPrice, note),
				lines);
	}

	/** The draft with prices of now: custom or catalog unit prices, and pricing's totals over the available lines. */
	private DraftOrder price(DraftOrderRows.Row row, List<DraftOrderRows.LineRow> lineRows) {
		StoreId store = row.store();
		Currency currency = Currency.getInstance(row.currency());
		Map<String, CatalogPrices.Item> items = new HashMap<>();
		List<PriceCalculation.Line> calculation = new ArrayList<>();
		Map<String, Money[]> unitPrices = new HashMap<>();
		for (DraftOrderRows.LineRow line : lineRows) {
			Optional<CatalogPrices.Item> item = prices.item(store, line.sku());
			if (item.isEmpty()) {
				continue;
			}
			items.put(line.sku(), item.get());
			Money catalogPrice = prices.unitPrice(store, item.get(), currency);
			Money unit = line.customPrice() == null ? catalogPrice
					: Money.of(line.customPrice(), currency, RoundingMode.HALF_UP);
			unitPrices.put(line.sku(), new Money[] { unit, catalogPrice });
			calculation.add(new PriceCalculation.Line(line.sku(), unit, line.quantity(), null, item.get().variant().taxable()));
		}
		Money shippingPrice = row.shippingPrice() == null ? null : Money.of(row.shippingPrice(), currency, RoundingMode.HALF_UP);
		PriceBreakdown totals = pricing.calculate(store, new PriceCalculation(currency, calculation, shippingPrice,
				shippingPrice == null ? null : prices.shippingTaxClass(store), List.of(),
				row.shippingAddress() == null ? null : row.shippingAddress().address(), row.taxExempt()));
		Map<String, PriceBreakdown.LineTotal> byReference = new HashMap<>();
		totals.lines().forEach(t -> byReference.put(t.reference(), t));
		List<DraftOrder.Line> lines = lineRows.stream().map(line -> {
			CatalogPrices.Item item = items.get(line.sku());
			if (item == null) {
				return new DraftOrder.Line(line.sku(), line.sku(), null, line.quantity(), false, null, null,
						line.priceReason(), null);
			}
			Money[] unit = unitPrices.get(line.sku());
			return new DraftOrder.Line(line.sku(), item.title(), item.variantTitle(), line.quantity(), true, unit[0],
					unit[1], line.priceReason(), byReference.get(line.sku()).total());
		}).toList();
		return new DraftOrder(row.id(), "D" + row.number(), row.status(),
				row.customerId() == null ? null : new CustomerId(row.customerId()), row.email(), row.currency(), lines,
				row.shippingAddress(), shippingPrice == null ? null : new DraftOrder.Shipping(row.shippingName(), shippingPrice),
				row.note(), row.taxExempt(), totals, row.orderId() == null ? null : new OrderId(row.orderId()),
				row.invoiceSentAt(), row.completedAt(), row.createdAt(), row.updatedAt(), row.version());
	}
}
