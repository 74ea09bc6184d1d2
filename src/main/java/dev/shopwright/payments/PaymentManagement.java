package dev.shopwright.payments;

import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import dev.shopwright.payments.PaymentTransaction.Kind;
import dev.shopwright.payments.PaymentTransaction.Status;
import dev.shopwright.payments.domain.Cards;
import dev.shopwright.payments.domain.PaymentIntents;
import dev.shopwright.payments.domain.PaymentIntents.Intent;
import dev.shopwright.payments.domain.PaymentIntents.Transaction;
import dev.shopwright.payments.domain.PaymentSettingsRecords;
import dev.shopwright.payments.events.DisputeOpened;
import dev.shopwright.payments.events.PaymentAuthorized;
import dev.shopwright.payments.events.PaymentCaptured;
import dev.shopwright.payments.events.PaymentFailed;
import dev.shopwright.payments.events.PaymentRefunded;
import dev.shopwright.payments.events.PaymentVoided;
import dev.shopwright.payments.gateway.GatewayAuthorization;
import dev.shopwright.payments.gateway.GatewayCall;
import dev.shopwright.payments.gateway.GatewayEvent;
import dev.shopwright.payments.gateway.GatewayResult;
import dev.shopwright.payments.gateway.GatewayUnavailable;
import dev.shopwright.payments.gateway.Gateways;
import dev.shopwright.payments.gateway.InvalidWebhookSignature;
import dev.shopwright.payments.gateway.PaymentGateway;
import dev.shopwright.platform.AuditLog;
import dev.shopwright.platform.ResourceNotFound;
import dev.shopwright.shared.Money;
import dev.shopwright.shared.Page;
import dev.shopwright.shared.StoreId;

/**
 * The payments façade. Every step follows one pattern that makes it safe against retries and crashes:
 * <ol>
 * <li>one database transaction checks the rule with a conditional UPDATE (reserving the amount) and records the
 * step as a PENDING transaction with its idempotency key, and commits;</li>
 * <li>the gateway is called with that key (retried on transient failures: the key makes retries harmless);</li>
 * <li>a second transaction moves the step from PENDING to its outcome, exactly once, and publishes the event.</li>
 * </ol>
 * A crash between 1 and 3 leaves a PENDING step that the reconciler resolves by asking the gateway about the key.
 * Calling a step again with the same key returns its recorded result, or finishes it if it is still pending.
 */
@Service
public class PaymentManagement {

	private static final Logger log = LoggerFactory.getLogger(PaymentManagement.class);

	private final PaymentIntents intents;

	private final PaymentSettingsRecords settingsRecords;

	private final Gateways gateways;

	private final TransactionTemplate transactions;

	private final ApplicationEventPublisher events;

	private final AuditLog auditLog;

	private final SimulatedCrash crash;

	PaymentManagement(PaymentIntents intents, PaymentSettingsRecords settingsRecords, Gateways gateways,
			TransactionTemplate transactions, ApplicationEventPublisher events, AuditLog auditLog, SimulatedCrash crash) {
		this.crash = crash;
		this.intents = intents;
		this.settingsRecords = settingsRecords;
		this.gateways = gateways;
		this.transactions = transactions;
		this.events = events;
		this.auditLog = auditLog;
	}

	// reads

	public Optional<PaymentIntent> find(StoreId store, PaymentIntentId id) {
		return intents.find(store, id);
	}

	public PaymentIntent get(StoreId store, PaymentIntentId id) {
		return find(store, id).orElseThrow(() -> new ResourceNotFound("Payment", id.toString()));
	}

	/** The order's payments, oldest first (a declined attempt, then the one that worked …). */
	public List<PaymentIntent> forOrder(StoreId store, String orderReference) {
		return intents.list(store, new PaymentListing(orderReference, null, null), null, 100).items().reversed();
	}

	public Page<PaymentIntent> list(StoreId store, PaymentListing listing, @Nullable String cursor, int limit) {
		return intents.list(store, listing, cursor, limit);
	}

	public PaymentSettings settings(StoreId store) {
		return settingsRecords.find(store);
	}

	public PaymentSettings updateSettings(StoreId store, PaymentSettings settings) {
		if (!settings.cardEnabled() && !settings.bankTransferEnabled() && !settings.cashOnDeliveryEnabled()) {
			throw PaymentRefused.invalid("methods", "offer at least one payment method");
		}
		transactions.executeWithoutResult(status -> {
			settingsRecords.save(store, settings);
			auditLog.record(store, "payments.settings-updated", "payment-settings", store.toString(),
					"Payment methods " + settings.offeredMethods() + ", capture " + settings.captureMode());
		});
		return settings;
	}

	// steps

	/**
	 * Starts paying for an order: a card is authorised (and captured at once if the store captures immediately); a
	 * manual method waits, PENDING, for staff to mark it paid. A declined card gives an intent in FAILED with the
	 * gateway's code; a 3-D Secure card gives REQUIRES_ACTION with {@code nextActionUrl}. Sending the same command
	 * with the same idempotency key again returns the same intent and never charges twice.
	 */
	public PaymentIntent start(StoreId store, StartPayment command) {
		validate(store, command);
		String gateway = command.method().isManual() ? null : gateways.defaultGateway();
		Optional<PaymentIntentId> earlier = intents.findByCreationKey(store, command.idempotencyKey());
		PaymentIntentId id = earlier.orElseGet(PaymentIntentId::random);
		if (earlier.isEmpty()) {
			boolean created = Boolean.TRUE.equals(transactions.execute(status -> {
				if (!intents.insert(store, id, command.orderReference(), command.idempotencyKey(), command.method(),
						PaymentStatus.PENDING, command.amount(), gateway, command.returnUrl())) {
					return false;
				}
				if (!command.method().isManual()) {
					intents.insertTransaction(store, UUID.randomUUID(), id, Kind.AUTHORIZE, Status.PENDING, command.amount(),
							authorizeKey(command.idempotencyKey()));
				}
				return true;
			}));
			if (!created) { // a concurrent duplicate created it first: carry on as a retry of that one
				return start(store, command);
			}
		}
		else {
			PaymentIntent existing = get(store, id);
			if (!existing.orderReference().equals(command.orderReference()) || !existing.amount().equals(command.amount())
					|| existing.method() != command.method()) {
				throw PaymentRefused.idempotencyKeyReused();
			}
		}
		if (!command.method().isManual()) {
			Transaction authorization = intents.transaction(store, authorizeKey(command.idempotencyKey())).orElseThrow();
			if (authorization.status() == Status.PENDING) {
				Intent intent = intents.intent(store, id).orElseThrow();
				GatewayResult result = callGateway(intent, g -> g.authorize(new GatewayAuthorization(store,
						authorization.idempotencyKey(), command.amount(), command.card(), command.gatewayToken(),
						command.returnUrl(), command.orderReference())));
				apply(authorization, result);
			}
			captureIfImmediate(store, id);
		}
		return get(store, id);
	}

	/**
	 * Asks the gateway again about the intent's open steps (after the shopper came back from 3-D Secure, say) and
	 * records what it says. Safe to call any number of times.
	 */
	public PaymentIntent refresh(StoreId store, PaymentIntentId id) {
		Intent intent = intents.intent(store, id).orElseThrow(() -> new ResourceNotFound("Payment", id.toString()));
		for (Transaction open : intents.openTransactions(store, id)) {
			if (intent.gateway() != null) {
				callGateway(intent, g -> g.lookUp(store, open.idempotencyKey())).ifPresent(result -> apply(open, result));
			}
		}
		captureIfImmediate(store, id);
		return get(store, id);
	}

	/** Captures {@code amount}, or everything still capturable when null. */
	public PaymentIntent capture(StoreId store, PaymentIntentId id, @Nullable Money amount, String idempotencyKey) {
		return step(store, id, Kind.CAPTURE, amount, idempotencyKey);
	}

	/** Releases an authorisation that has not been captured (or cancels an unpaid manual payment). */
	public PaymentIntent voidPayment(StoreId store, PaymentIntentId id, String idempotencyKey) {
		return step(store, id, Kind.VOID, null, idempotencyKey);
	}

	/** Refunds {@code amount}, or everything still refundable when null. */
	public PaymentIntent refund(StoreId store, PaymentIntentId id, @Nullable Money amount, String idempotencyKey) {
		return step(store, id, Kind.REFUND, amount, idempotencyKey);
	}

	/** Staff confirm that a bank transfer or cash on delivery payment arrived in full. */
	public PaymentIntent markPaid(StoreId store, PaymentIntentId id, String idempotencyKey) {
		String key = "mark-paid:" + idempotencyKey;
		Intent intent = intents.intent(store, id).orElseThrow(() -> new ResourceNotFound("Payment", id.toString()));
		if (replayed(store, id, Kind.MARK_PAID, key)) {
			return get(store, id);
		}
		if (!intent.method().isManual()) {
			throw PaymentRefused.notInState("PAYMENT_NOT_MANUAL", "marked paid (card payments are captured)",
					intent.status());
		}
		transactions.executeWithoutResult(status -> {
			if (!intents.markPaid(store, id)) {
				throw PaymentRefused.notInState("PAYMENT_NOT_PENDING", "marked paid", intents.intent(store, id)
					.orElseThrow().status());
			}
			intents.insertTransaction(store, UUID.randomUUID(), id, Kind.MARK_PAID, Status.SUCCEEDED, intent.amount(), key);
			auditLog.record(store, "payment.marked-paid", "payment", id.toString(),
					"Marked " + intent.method() + " payment of " + intent.amount() + " paid");
			events.publishEvent(new PaymentCaptured(store, id, intent.orderReference(), intent.amount(), intent.amount()));
		});
		return get(store, id);
	}

	private PaymentIntent step(StoreId store, PaymentIntentId id, Kind kind, @Nullable Money requested, String idempotencyKey) {
		if (idempotencyKey.isBlank() || idempotencyKey.length() > 200) {
			throw PaymentRefused.invalid("idempotencyKey", "must be 1 to 200 characters");
		}
		String key = kind.name().toLowerCase(java.util.Locale.ROOT) + ":" + idempotencyKey;
		Intent intent = intents.intent(store, id).orElseThrow(() -> new ResourceNotFound("Payment", id.toString()));
		Optional<Transaction> earlier = intents.transaction(store, key);
		if (earlier.isPresent()) {
			if (!earlier.get().intentId().equals(id) || earlier.get().kind() != kind
					|| (requested != null && !requested.equals(earlier.get().amount()))) {
				throw PaymentRefused.idempotencyKeyReused();
			}
			if (earlier.get().status() == Status.PENDING && intent.gateway() != null) {
				send(intent, earlier.get());
			}
			return get(store, id);
		}
		Money amount = amountFor(intent, kind, requested);
		Transaction transaction = new Transaction(store, UUID.randomUUID(), id, kind, Status.PENDING, amount, key);
		boolean offline = intent.method().isManual();
		transactions.executeWithoutResult(status -> {
			reserve(intent, kind, amount);
			intents.insertTransaction(store, transaction.id(), id, kind, Status.PENDING, amount, key);
		});
		if (offline) {
			// a manual payment's money moves outside any gateway: staff record what they did
			apply(transaction, GatewayResult.succeeded("manual", "manual", null));
		}
		else {
			send(intent, transaction);
		}
		return get(store, id);
	}

	private Money amountFor(Intent intent, Kind kind, @Nullable Money requested) {
		Money zero = Money.zero(intent.amount().currency());
		if (kind == Kind.VOID) {
			return zero;
		}
		if (requested != null) {
			if (!requested.currency().equals(intent.amount().currency())) {
				throw PaymentRefused.currencyMismatch(intent.amount().currency().getCurrencyCode());
			}
			if (requested.amount().signum() <= 0) {
				throw PaymentRefused.invalid("amount", "must be more than zero");
			}
			return requested;
		}
		return kind == Kind.CAPTURE ? intent.authorized().minus(intent.captured()) : intent.captured().minus(intent.refunded());
	}

	/** The conditional update that guards the rule; when it matches nothing, works out which rule was broken. */
	private void reserve(Intent intent, Kind kind, Money amount) {
		StoreId store = intent.store();
		boolean reserved = switch (kind) {
			case CAPTURE -> intents.reserveCapture(store, intent.id(), amount);
			case REFUND -> intents.reserveRefund(store, intent.id(), amount);
			case VOID -> intents.reserveVoid(store, intent.id());
			default -> throw new IllegalArgumentException(kind.name());
		};
		if (reserved) {
			return;
		}
		Intent now = intents.intent(store, intent.id()).orElseThrow();
		switch (kind) {
			case CAPTURE -> {
				if (now.voided() || now.refunded().amount().signum() > 0
						|| !(now.status() == PaymentStatus.AUTHORIZED || now.status() == PaymentStatus.PARTIALLY_CAPTURED)) {
					throw PaymentRefused.notInState("PAYMENT_NOT_CAPTURABLE", "captured", now.status());
				}
				throw PaymentRefused.captureExceedsAuthorized(amount.toString(), now.authorized().minus(now.captured()).toString());
			}
			case REFUND -> {
				if (!List.of(PaymentStatus.PARTIALLY_CAPTURED, PaymentStatus.CAPTURED, PaymentStatus.PARTIALLY_REFUNDED,
						PaymentStatus.REFUNDED).contains(now.status())) {
					throw PaymentRefused.notInState("PAYMENT_NOT_REFUNDABLE", "refunded", now.status());
				}
				throw PaymentRefused.refundExceedsCaptured(amount.toString(), now.captured().minus(now.refunded()).toString());
			}
			default -> {
				if (now.captured().amount().signum() > 0) {
					throw PaymentRefused.alreadyCaptured();
				}
				throw PaymentRefused.notInState("PAYMENT_NOT_VOIDABLE", "voided", now.status());
			}
		}
	}

	/** Sends a recorded step to the gateway and records the answer; a gateway that stays down leaves it PENDING. */
	private void send(Intent intent, Transaction transaction) {
		GatewayCall call = new GatewayCall(intent.store(), String.valueOf(intent.gatewayReference()),
				transaction.idempotencyKey());
		GatewayResult result = callGateway(intent, g -> switch (transaction.kind()) {
			case CAPTURE -> g.capture(call, transaction.amount());
			case VOID -> g.voidAuthorization(call);
			case REFUND -> g.refund(call, transaction.amount());
			default -> throw new IllegalArgumentException(transaction.kind().name());
		});
		apply(transaction, result);
	}

	private <T> T callGateway(Intent intent, Function<PaymentGateway, T> call) {
		String gateway = String.valueOf(intent.gateway());
		try {
			T answer = gateways.call(gateway, call);
			crash.at(SimulatedCrash.AFTER_GATEWAY_CALL);
			return answer;
		}
		catch (GatewayUnavailable ex) {
			log.warn("gateway {} unavailable for payment {}: {}", gateway, intent.id(), ex.getMessage());
			throw PaymentRefused.gatewayUnavailable(gateway);
		}
	}

	/**
	 * Records the gateway's answer to a step: the transaction leaves PENDING (only once, whoever gets there first),
	 * the intent's totals and status follow, and the event goes out through the outbox in the same transaction.
	 */
	void apply(Transaction transaction, GatewayResult result) {
		StoreId store = transaction.store();
		PaymentIntentId id = transaction.intentId();
		transactions.executeWithoutResult(tx -> {
			Intent intent = intents.lock(store, id);
			Status outcome = switch (result.outcome()) {
				case SUCCEEDED -> Status.SUCCEEDED;
				case DECLINED -> Status.FAILED;
				case REQUIRES_ACTION -> Status.REQUIRES_ACTION;
			};
			if (!intents.complete(store, transaction.id(), outcome, result.transactionReference(), result.errorCode(),
					result.errorMessage())) {
				// already recorded by a retry, a webhook or the reconciler; a success arriving after the reconciler
				// gave up on the step means money moved that we recorded as not moved: say so loudly
				intents.transaction(store, transaction.idempotencyKey())
					.filter(recorded -> recorded.status() == Status.FAILED && outcome == Status.SUCCEEDED)
					.ifPresent(recorded -> log.error("payment {} step {} succeeded at the gateway after it was recorded "
							+ "as failed; check pending-age against the gateway time-out", id, recorded.id()));
				return;
			}
			String order = intent.orderReference();
			if (outcome == Status.FAILED) {
				String code = String.valueOf(result.errorCode());
				String message = String.valueOf(result.errorMessage());
				if (transaction.kind() == Kind.AUTHORIZE) {
					intents.failed(store, id, result.paymentReference(), code, message);
				}
				else {
					intents.release(store, id, transaction.kind(), transaction.amount());
				}
				events.publishEvent(new PaymentFailed(store, id, order, transaction.kind().name(), code, message));
				return;
			}
			if (outcome == Status.REQUIRES_ACTION) {
				intents.requiresAction(store, id, result.paymentReference(), String.valueOf(result.nextActionUrl()),
						result.card());
				return;
			}
			switch (transaction.kind()) {
				case AUTHORIZE -> {
					intents.authorized(store, id, transaction.amount(), String.valueOf(result.paymentReference()),
							result.card());
					events.publishEvent(new PaymentAuthorized(store, id, order, transaction.amount()));
				}
				case CAPTURE -> {
					intents.captureConfirmed(store, id, transaction.amount());
					audit(store, id, "payment.captured", "Captured " + transaction.amount());
					events.publishEvent(new PaymentCaptured(store, id, order, transaction.amount(), settledCaptured(store, id,
							intent)));
				}
				case REFUND -> {
					audit(store, id, "payment.refunded", "Refunded " + transaction.amount());
					Money refunded = new Money(intents.settled(store, id).refunded(), intent.amount().currency());
					events.publishEvent(new PaymentRefunded(store, id, order, transaction.amount(), refunded));
				}
				case VOID -> {
					audit(store, id, "payment.voided", "Voided the payment");
					events.publishEvent(new PaymentVoided(store, id, order));
				}
				default -> {
				}
			}
			intents.status(store, id, derivedStatus(store, id));
		});
	}

	private Money settledCaptured(StoreId store, PaymentIntentId id, Intent intent) {
		return new Money(intents.settled(store, id).captured(), intent.amount().currency());
	}

	private PaymentStatus derivedStatus(StoreId store, PaymentIntentId id) {
		PaymentIntents.Settled settled = intents.settled(store, id);
		Intent intent = intents.intent(store, id).orElseThrow();
		if (settled.voided()) {
			return PaymentStatus.VOIDED;
		}
		if (settled.refunded().signum() > 0) {
			return settled.refunded().compareTo(settled.captured()) >= 0 ? PaymentStatus.REFUNDED
					: PaymentStatus.PARTIALLY_REFUNDED;
		}
		if (settled.captured().signum() > 0) {
			return settled.captured().compareTo(intent.authorized().amount()) >= 0 ? PaymentStatus.CAPTURED
					: PaymentStatus.PARTIALLY_CAPTURED;
		}
		return settled.authorized() ? PaymentStatus.AUTHORIZED : intent.status();
	}

	private void audit(StoreId store, PaymentIntentId id, String action, String summary) {
		auditLog.record(store, action, "payment", id.toString(), summary);
	}

	/** With capture mode IMMEDIATE an authorised card payment is captured at once, under a key fixed per intent. */
	private void captureIfImmediate(StoreId store, PaymentIntentId id) {
		Intent intent = intents.intent(store, id).orElseThrow();
		if (intent.status() == PaymentStatus.AUTHORIZED && intent.captured().isZero() && !intent.voided()
				&& settingsRecords.find(store).captureMode() == CaptureMode.IMMEDIATE) {
			step(store, id, Kind.CAPTURE, null, "auto:" + id);
		}
	}

	private boolean replayed(StoreId store, PaymentIntentId id, Kind kind, String key) {
		Optional<Transaction> earlier = intents.transaction(store, key);
		if (earlier.isPresent() && (!earlier.get().intentId().equals(id) || earlier.get().kind() != kind)) {
			throw PaymentRefused.idempotencyKeyReused();
		}
		return earlier.isPresent();
	}

	private static String authorizeKey(String creationKey) {
		return "authorize:" + creationKey;
	}

	private void validate(StoreId store, StartPayment command) {
		if (command.orderReference().isBlank() || command.orderReference().length() > 200) {
			throw PaymentRefused.invalid("orderReference", "must be 1 to 200 characters");
		}
		if (command.idempotencyKey().isBlank() || command.idempotencyKey().length() > 200) {
			throw PaymentRefused.invalid("idempotencyKey", "must be 1 to 200 characters");
		}
		if (command.amount().amount().signum() <= 0) {
			throw PaymentRefused.invalid("amount", "must be more than zero");
		}
		String returnUrl = command.returnUrl();
		if (returnUrl != null && !(returnUrl.startsWith("/") && !returnUrl.startsWith("//")
				|| returnUrl.startsWith("https://") || returnUrl.startsWith("http://"))) {
			throw PaymentRefused.invalid("returnUrl", "must be a path on this site or an http(s) URL");
		}
		if (!settingsRecords.find(store).offers(command.method())) {
			throw PaymentRefused.methodNotOffered(command.method());
		}
		if (command.method().isManual()) {
			return;
		}
		CardInput card = command.card();
		if (card == null && (command.gatewayToken() == null || command.gatewayToken().isBlank())) {
			throw PaymentRefused.invalid("card", "a card or a gatewayToken is required");
		}
		if (card != null) {
			Map<String, String> problems = Cards.problems(card, YearMonth.now(ZoneOffset.UTC));
			if (problems.containsKey("card.expYear") && problems.get("card.expYear").startsWith("the card expired")) {
				throw new PaymentRefused("CARD_EXPIRED", 422, "The card " + problems.get("card.expYear"), problems);
			}
			if (!problems.isEmpty()) {
				throw new PaymentRefused("INVALID_CARD", 422, "The card details are not valid", problems);
			}
		}
	}

	// webhooks and reconciliation

	/**
	 * Applies a webhook a gateway sent: the signature is verified first (a bad one is a 400 and nothing is applied),
	 * a redelivered event changes nothing, a dispute is recorded and announced, a payment update is looked up.
	 */
	public void handleWebhook(StoreId store, String gatewayName, String payload, Map<String, String> headers) {
		PaymentGateway gateway = gateways.find(gatewayName)
			.orElseThrow(() -> new ResourceNotFound("Payment gateway", gatewayName));
		GatewayEvent event;
		try {
			event = gateway.parseWebhook(payload, headers);
		}
		catch (InvalidWebhookSignature ex) {
			throw PaymentRefused.invalidWebhookSignature(ex.getMessage());
		}
		catch (RuntimeException ex) {
			throw PaymentRefused.invalidWebhookSignature("the body is not an event this gateway sends");
		}
		Optional<Intent> intent = intents.findByGatewayReference(store, gatewayName, event.paymentReference());
		boolean first = Boolean.TRUE.equals(transactions.execute(status -> {
			if (!intents.firstDelivery(store, gatewayName, event.eventId(), event.type().name())) {
				return false;
			}
			if (event.type() == GatewayEvent.Type.DISPUTE_OPENED && intent.isPresent() && event.amount() != null) {
				UUID disputeId = UUID.randomUUID();
				String reason = event.reason() == null ? "unknown" : event.reason();
				if (intents.insertDispute(store, disputeId, intent.get().id(),
						String.valueOf(event.disputeReference()), event.amount(), reason)) {
					audit(store, intent.get().id(), "payment.disputed", "Dispute opened: " + reason + ", " + event.amount());
					events.publishEvent(new DisputeOpened(store, intent.get().id(), intent.get().orderReference(), disputeId,
							event.amount(), reason));
				}
			}
			return true;
		}));
		if (first && event.type() == GatewayEvent.Type.PAYMENT_UPDATED && intent.isPresent()) {
			refresh(store, intent.get().id());
		}
	}

	/**
	 * Resolves steps left PENDING for longer than {@code age} (a crash, a time-out): what the gateway did for the
	 * key is recorded; a key the gateway never received is failed (nothing was charged) and its reservation
	 * released. Returns how many were resolved.
	 */
	int reconcile(Duration age, Duration lease, int batch) {
		int resolved = 0;
		for (Transaction pending : intents.claimPending(age, lease, batch)) {
			Intent intent = intents.intent(pending.store(), pending.intentId()).orElseThrow();
			if (intent.gateway() == null) {
				continue;
			}
			try {
				Optional<GatewayResult> result = gateways.call(intent.gateway(),
						g -> g.lookUp(pending.store(), pending.idempotencyKey()));
				apply(pending, result.orElseGet(() -> GatewayResult.declined(intent.gatewayReference(), null,
						"not_at_gateway", "The gateway never received this step, so nothing was charged")));
				if (pending.kind() == Kind.AUTHORIZE) {
					captureIfImmediate(pending.store(), pending.intentId());
				}
				resolved++;
			}
			catch (GatewayUnavailable | PaymentRefused ex) {
				log.warn("reconciler: payment {} step {} stays pending: {}", intent.id(), pending.id(), ex.getMessage());
			}
		}
		return resolved;
	}
}
