package dev.shopwright.checkout;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import dev.shopwright.checkout.shipping.ShippingQuote;
import dev.shopwright.inventory.InventoryManagement;
import dev.shopwright.inventory.Reservation;
import dev.shopwright.inventory.ReserveStock;
import dev.shopwright.orders.Order;
import dev.shopwright.orders.OrderId;
import dev.shopwright.orders.OrderManagement;
import dev.shopwright.orders.PlaceOrder;
import dev.shopwright.payments.PaymentIntent;
import dev.shopwright.payments.PaymentIntentId;
import dev.shopwright.payments.PaymentManagement;
import dev.shopwright.payments.PaymentStatus;
import dev.shopwright.payments.StartPayment;
import dev.shopwright.platform.BusinessRuleViolation;
import dev.shopwright.shared.StoreId;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns a cart into an order exactly once (ADR 0017). The cart row is the lock and the journal: one conditional
 * update moves it ACTIVE → COMPLETING (only one caller wins), and each later step is recorded in it before the
 * next one starts, so a crash at any point leaves a stage the reconciler can finish from payments' and inventory's
 * own records: the order is placed when money exists for it, otherwise the stock is released and the cart reopened.
 * No database transaction spans a call to another module.
 */
@Component
class CheckoutCompletion {

	private static final Logger log = LoggerFactory.getLogger(CheckoutCompletion.class);

	/** How long the reserved units wait for the shopper (3-D Secure) before inventory lets them go. */
	static final Duration RESERVATION_TTL = Duration.ofHours(1);

	private static final Duration RETRY_PENDING = Duration.ofSeconds(30);

	private final Carts carts;

	private final CartPricing pricing;

	private final InventoryManagement inventory;

	private final PaymentManagement payments;

	private final OrderManagement orders;

	private final JsonMapper json;

	private final CompletionAdmission admission;

	private final RiskScreening screening;

	CheckoutCompletion(Carts carts, CartPricing pricing, InventoryManagement inventory, PaymentManagement payments,
			OrderManagement orders, JsonMapper json, CompletionAdmission admission, RiskScreening screening) {
		this.screening = screening;
		this.carts = carts;
		this.pricing = pricing;
		this.inventory = inventory;
		this.payments = payments;
		this.orders = orders;
		this.json = json;
		this.admission = admission;
	}

	// ---- the request path ----------------------------------------------------------------------------------

	CheckoutResult complete(Carts.Row row, CheckoutPayment payment, String channel, @Nullable String clientAddress) {
		switch (row.status()) {
			case COMPLETED:
				return alreadyPlaced(row);
			case COMPLETING:
				if (row.stage() == Carts.Stage.AWAITING_ACTION) {
					return confirm(row);
				}
				throw CheckoutRefused.inProgress();
			case ABANDONED, MERGED:
				throw CheckoutRefused.notActive(row.status());
			default:
				break;
		}
		requirePaymentDetails(row.store(), payment);
		return admission.within(() -> start(row, payment, channel, clientAddress));
	}

	/** After 3-D Secure: finishes a completion that waits for the shopper, whoever calls first. */
	CheckoutResult confirm(Carts.Row row) {
		if (row.status() == CartStatus.COMPLETED) {
			return alreadyPlaced(row);
		}
		if (row.status() != CartStatus.COMPLETING || row.stage() != Carts.Stage.AWAITING_ACTION) {
			if (row.status() == CartStatus.COMPLETING) {
				throw CheckoutRefused.inProgress();
			}
			throw new CheckoutRefused("NOTHING_TO_CONFIRM", 409,
					"This cart has no payment waiting for the shopper; complete it first");
		}
		StoreId store = row.store();
		if (!carts.advance(store, row.id(), row.attempt(), Carts.Stage.AWAITING_ACTION, Carts.Stage.PLACING)) {
			return settledMeanwhile(store, row.id());
		}
		PaymentIntent intent = payments.refresh(store, new PaymentIntentId(java.util.Objects.requireNonNull(row.paymentIntentId())));
		if (holdsMoney(intent)) {
			return place(store, row.id(), row.attempt(), snapshot(row), intent.id());
		}
		if (intent.status() == PaymentStatus.REQUIRES_ACTION) {
			carts.advance(store, row.id(), row.attempt(), Carts.Stage.PLACING, Carts.Stage.AWAITING_ACTION);
			return new CheckoutResult(CheckoutResult.Outcome.REQUIRES_ACTION, row.id(), orderId(row), null,
					intent.nextActionUrl());
		}
		if (intent.status() == PaymentStatus.FAILED) {
			abandonAttempt(store, row.id(), row.attempt(), orderId(row));
			throw CheckoutRefused.declined(intent.failureCode(), intent.failureMessage());
		}
		throw CheckoutRefused.paymentPending(RETRY_PENDING); // the reconciler finishes it once payments knows
	}

	private CheckoutResult start(Carts.Row before, CheckoutPayment payment, String channel,
			@Nullable String clientAddress) {
		StoreId store = before.store();
		CartId id = before.id();
		Carts.Claim claim = carts.claim(store, id, OrderId.random()).orElse(null);
		if (claim == null) {
			return settledMeanwhile(store, id);
		}
		int attempt = claim.attempt();
		String reference = claim.orderId().toString();

		// PRICING: the order as the shopper agreed to it, frozen before stock or money moves
		PlaceOrder order;
		try {
			Carts.Row row = carts.find(store, id).orElseThrow();
			order = screening.screen(store, orderFor(row, claim.orderId(), channel, clientAddress), payment);
			if (!carts.recordSnapshot(store, id, attempt, json.writeValueAsString(order))) {
				throw CheckoutRefused.inProgress();
			}
		}
		catch (RuntimeException ex) {
			carts.reopen(store, id, attempt);
			throw ex;
		}

		// RESERVING: outside any transaction, so inventory combines it with other shoppers' (ADR 0012)
		try {
			inventory.reserve(store, new ReserveStock(reference, reservationLines(order), RESERVATION_TTL));
		}
		catch (RuntimeException ex) {
			releaseStock(store, reference); // a failure after the commit (lost answer) must not keep units
			carts.reopen(store, id, attempt);
			throw ex; // INSUFFICIENT_STOCK (409) names each short line
		}
		if (!carts.advance(store, id, attempt, Carts.Stage.RESERVING, Carts.Stage.PAYING)) {
			releaseStock(store, reference); // the reconciler reopened a stalled attempt: ours is over
			throw CheckoutRefused.inProgress();
		}

		// PAYING: the key is the cart and attempt, so a retry of this step can never charge twice
		if (order.totals().total().isZero()) {
			carts.advance(store, id, attempt, Carts.Stage.PAYING, Carts.Stage.PLACING);
			return place(store, id, attempt, order, null);
		}
		PaymentIntent intent;
		try {
			intent = payments.start(store, new StartPayment(reference, order.totals().total(), payment.method(),
					payment.card(), payment.gatewayToken(), payment.returnUrl(), "checkout:" + id + ":" + attempt));
		}
		catch (BusinessRuleViolation ex) {
			if (ex.status() == 503) { // recorded as pending at payments; its reconciler and ours finish it
				throw CheckoutRefused.paymentPending(RETRY_PENDING);
			}
			abandonAttempt(store, id, attempt, claim.orderId()); // refused before anything reached the gateway
			throw ex;
		}
		if (intent.status() == PaymentStatus.FAILED) {
			abandonAttempt(store, id, attempt, claim.orderId());
			throw CheckoutRefused.declined(intent.failureCode(), intent.failureMessage());
		}
		if (intent.status() == PaymentStatus.REQUIRES_ACTION) {
			carts.recordPayment(store, id, attempt, intent.id().value(), Carts.Stage.AWAITING_ACTION);
			return new CheckoutResult(CheckoutResult.Outcome.REQUIRES_ACTION, id, claim.orderId(), null,
					intent.nextActionUrl());
		}
		if (!holdsMoney(intent)) {
			carts.recordPayment(store, id, attempt, intent.id().value(), Carts.Stage.PAYING);
			throw CheckoutRefused.paymentPending(RETRY_PENDING);
		}
		carts.recordPayment(store, id, attempt, intent.id().value(), Carts.Stage.PLACING);
		return place(store, id, attempt, order, intent.id());
	}

	/** PLACING: the order (idempotent on its id), then the cart is done. */
	private CheckoutResult place(StoreId store, CartId id, int attempt, PlaceOrder order,
			@Nullable PaymentIntentId payment) {
		PlaceOrder paid = withPayment(order, payment);
		Order placed;
		try {
			placed = orders.place(store, paid);
		}
		catch (BusinessRuleViolation ex) {
			// orders refused it outright: give the money back rather than keep a charge without an order
			log.error("orders refused to place {} for cart {}: {}; refunding and reopening the cart", order.id(), id,
					ex.getMessage());
			giveBack(store, payment, "checkout:" + id + ":" + attempt);
			abandonAttempt(store, id, attempt, order.id());
			throw ex;
		}
		carts.completed(store, id, attempt);
		return new CheckoutResult(CheckoutResult.Outcome.PLACED, id, placed.id(), placed, null);
	}

	// ---- the reconciler's path ----------------------------------------------------------------------------

	/** Finishes a completion that stalled (crash, lost shopper) from payments' and inventory's records. */
	void resolve(Carts.Row row) {
		StoreId store = row.store();
		OrderId orderId = orderId(row);
		Carts.Stage stage = java.util.Objects.requireNonNull(row.stage());
		if (stage == Carts.Stage.PRICING || stage == Carts.Stage.RESERVING) {
			abandonAttempt(store, row.id(), row.attempt(), orderId); // no payment can have started
			log.info("reconciler: reopened cart {} (stopped at {}; nothing was charged)", row.id(), stage);
			return;
		}
		List<PaymentIntent> intents = payments.forOrder(store, orderId.toString());
		Optional<PaymentIntent> paid = intents.stream().filter(CheckoutCompletion::holdsMoney).findFirst();
		if (paid.isPresent()) {
			place(store, row.id(), row.attempt(), snapshot(row), paid.get().id());
			log.info("reconciler: placed order {} for cart {} (payment {})", orderId, row.id(), paid.get().id());
			return;
		}
		for (PaymentIntent waiting : intents.stream().filter(i -> !i.method().isManual()
				&& (i.status() == PaymentStatus.REQUIRES_ACTION || i.status() == PaymentStatus.PENDING)).toList()) {
			PaymentIntent now = payments.refresh(store, waiting.id());
			if (holdsMoney(now)) {
				place(store, row.id(), row.attempt(), snapshot(row), now.id());
				log.info("reconciler: placed order {} for cart {} once payments settled payment {}", orderId, row.id(), now.id());
				return;
			}
			if (now.status() != PaymentStatus.FAILED) {
				return; // still up to the shopper or the gateway: look again next round
			}
		}
		abandonAttempt(store, row.id(), row.attempt(), orderId);
		log.info("reconciler: reopened cart {} (no payment holds money for order {})", row.id(), orderId);
	}

	// ---- pieces --------------------------------------------------------------------------------------------

	private PlaceOrder orderFor(Carts.Row row, OrderId orderId, String channel, @Nullable String clientAddress) {
		CartPricing.Priced priced = pricing.price(row, carts.lines(row.store(), row.id()));
		Map<String, String> problems = new LinkedHashMap<>();
		if (priced.lines().isEmpty()) {
			throw new CheckoutRefused("CART_EMPTY", 422, "The cart has no lines", Map.of("lines", "add at least one"));
		}
		List<String> unavailable = priced.lines().stream().filter(l -> l.sellable() == null).map(l -> l.row().sku())
			.toList();
		if (!unavailable.isEmpty()) {
			Map<String, String> errors = new LinkedHashMap<>();
			unavailable.forEach(sku -> errors.put("lines." + sku, "is no longer for sale; remove it"));
			throw new CheckoutRefused("LINES_UNAVAILABLE", 409, "Some lines can no longer be bought: " + unavailable, errors);
		}
		if (row.email() == null) {
			problems.put("email", "is required: the order confirmation goes there");
		}
		if (row.shippingAddress() == null) {
			problems.put("shippingAddress", "is required");
		}
		else if (priced.chosen() == null) {
			problems.put("shippingOption", priced.options().isEmpty() ? "the store does not ship to this address"
					: "choose one of the shipping options");
		}
		if (!problems.isEmpty()) {
			throw new CheckoutRefused("CHECKOUT_INCOMPLETE", 422, "The cart is not ready to check out: "
					+ String.join(", ", problems.keySet()), problems);
		}
		ShippingQuote chosen = java.util.Objects.requireNonNull(priced.chosen());
		List<PlaceOrder.Line> lines = new ArrayList<>();
		for (CartPricing.PricedLine line : priced.lines()) {
			var variant = java.util.Objects.requireNonNull(line.sellable()).variant();
			lines.add(new PlaceOrder.Line(line.row().sku(), line.row().sku(), line.row().productId(),
					line.row().variantId(), line.row().title(), line.row().variantTitle(), line.row().quantity(),
					java.util.Objects.requireNonNull(line.unitPrice()), null, variant.weightGrams(), true));
		}
		return new PlaceOrder(orderId, channel, row.customer(), java.util.Objects.requireNonNull(row.email()), lines,
				row.shippingAddress(), row.billingAddress() == null ? row.shippingAddress() : row.billingAddress(),
				new PlaceOrder.Shipping(chosen.methodId().toString(), chosen.name(), chosen.deliveryTo()),
				priced.cart().totals(), orderId.toString(), null, PlaceOrder.Risk.NOT_ASSESSED, null, clientAddress,
				// the order page opens for whoever holds the cart token (ShopperTokens: hex SHA-256, as the cart keeps it)
				java.util.HexFormat.of().formatHex(row.tokenHash()));
	}

	private static List<ReserveStock.Line> reservationLines(PlaceOrder order) {
		return order.lines().stream().map(l -> new ReserveStock.Line(l.sku(), l.quantity())).toList();
	}

	private PlaceOrder snapshot(Carts.Row row) {
		return json.readValue(java.util.Objects.requireNonNull(row.snapshot(), "snapshot"), PlaceOrder.class);
	}

	private static PlaceOrder withPayment(PlaceOrder o, @Nullable PaymentIntentId payment) {
		return new PlaceOrder(o.id(), o.channel(), o.customer(), o.email(), o.lines(), o.shippingAddress(),
				o.billingAddress(), o.shipping(), o.totals(), o.reservationReference(), payment, o.risk(), o.note(),
				o.clientAddress(), o.shopperTokenHash());
	}

	/** Authorised, captured (or later), or a manual method waiting for staff: the order may be placed on it. */
	static boolean holdsMoney(PaymentIntent intent) {
		return switch (intent.status()) {
			case AUTHORIZED, PARTIALLY_CAPTURED, CAPTURED, PARTIALLY_REFUNDED, REFUNDED -> true;
			case PENDING -> intent.method().isManual();
			default -> false;
		};
	}

	/** The attempt failed before money existed: its units go back and the cart is ACTIVE again. */
	private void abandonAttempt(StoreId store, CartId id, int attempt, OrderId orderId) {
		releaseStock(store, orderId.toString());
		carts.reopen(store, id, attempt);
	}

	void releaseStock(StoreId store, String reference) {
		for (Reservation reservation : inventory.reservations(store, Reservation.Status.ACTIVE, reference, null, 50).items()) {
			inventory.release(store, reservation.id());
		}
	}

	private void giveBack(StoreId store, @Nullable PaymentIntentId payment, String key) {
		if (payment == null) {
			return;
		}
		PaymentIntent intent = payments.get(store, payment);
		if (intent.captured().isZero()) {
			payments.voidPayment(store, payment, key + ":void");
		}
		else {
			payments.refund(store, payment, null, key + ":refund");
		}
	}

	private CheckoutResult settledMeanwhile(StoreId store, CartId id) {
		Carts.Row now = carts.find(store, id).orElseThrow(() -> CheckoutRefused.cartNotFound(id));
		if (now.status() == CartStatus.COMPLETED) {
			return alreadyPlaced(now);
		}
		throw now.status() == CartStatus.COMPLETING ? CheckoutRefused.inProgress() : CheckoutRefused.notActive(now.status());
	}

	private CheckoutResult alreadyPlaced(Carts.Row row) {
		OrderId orderId = orderId(row);
		return new CheckoutResult(CheckoutResult.Outcome.ALREADY_PLACED, row.id(), orderId,
				orders.find(row.store(), orderId).orElse(null), null);
	}

	private void requirePaymentDetails(StoreId store, CheckoutPayment payment) {
		if (!payments.settings(store).offers(payment.method())) {
			throw CheckoutRefused.field("PAYMENT_METHOD_NOT_OFFERED", "payment.method",
					"This store does not offer " + payment.method().name().toLowerCase(java.util.Locale.ROOT));
		}
		if (!payment.method().isManual() && payment.card() == null
				&& (payment.gatewayToken() == null || payment.gatewayToken().isBlank())) {
			throw CheckoutRefused.field("PAYMENT_DETAILS_REQUIRED", "payment.card", "send a card or a gatewayToken");
		}
	}

	private static OrderId orderId(Carts.Row row) {
		return java.util.Objects.requireNonNull(row.orderId(), "order id");
	}
}
