package dev.shopwright.payments.sandbox;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import dev.shopwright.payments.CardInput;
import dev.shopwright.payments.PaymentIntent.CardSummary;
import dev.shopwright.payments.domain.Cards;
import dev.shopwright.payments.gateway.GatewayAuthorization;
import dev.shopwright.payments.gateway.GatewayCall;
import dev.shopwright.payments.gateway.GatewayEvent;
import dev.shopwright.payments.gateway.GatewayResult;
import dev.shopwright.payments.gateway.GatewayUnavailable;
import dev.shopwright.payments.gateway.PaymentGateway;
import dev.shopwright.payments.gateway.WebhookSignatures;
import dev.shopwright.shared.Money;
import dev.shopwright.shared.StoreId;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The built-in test gateway. It behaves like a provider: it keeps its own ledger ({@code payments.sandbox_charge},
 * "the gateway's side"), answers a repeated idempotency key with the first answer, refuses to capture or refund more
 * than it holds, and signs its webhooks. Test cards (any future expiry, any CVC):
 * <ul>
 * <li>4242 4242 4242 4242 succeeds; 4000 0000 0000 0002 is declined ({@code card_declined});</li>
 * <li>4000 0000 0000 9995 is declined for insufficient funds ({@code insufficient_funds});</li>
 * <li>4000 0000 0000 3220 requires 3-D Secure: the shopper passes or fails it on {@code /payments/sandbox/3ds/{id}};</li>
 * <li>4000 0000 0000 0259 succeeds, and once captured the issuer opens a dispute (a signed webhook);</li>
 * <li>4000 0000 0000 0119 fails transiently on the first attempt of each step (a processing error), then works.</li>
 * </ul>
 */
@Component
@Order(0)
public class SandboxGateway implements PaymentGateway {

	public static final String NAME = "sandbox";

	static final String SUCCEEDS = "4242424242424242";
	static final String DECLINED = "4000000000000002";
	static final String INSUFFICIENT_FUNDS = "4000000000009995";
	static final String REQUIRES_3DS = "4000000000003220";
	static final String DISPUTED_LATER = "4000000000000259";
	static final String PROCESSING_ERROR = "4000000000000119";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final SandboxWebhooks webhooks;

	private final String webhookSecret;

	private final Clock clock;

	/** Steps that already failed once on the processing-error card, so their retry succeeds (one node is enough here). */
	private final Set<String> failedOnce = ConcurrentHashMap.newKeySet();

	SandboxGateway(JdbcClient jdbc, TransactionTemplate transactions, SandboxWebhooks webhooks,
			@Value("${shopwright.payments.sandbox.webhook-secret:whsec_sandbox_not_for_production}") String webhookSecret) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.webhooks = webhooks;
		this.webhookSecret = webhookSecret;
		this.clock = Clock.systemUTC();
	}

	@Override
	public String name() {
		return NAME;
	}

	private record Charge(UUID id, StoreId store, String idempotencyKey, String operation, UUID paymentId, String status,
			Money amount, @Nullable String declineCode, @Nullable String cardLast4, @Nullable String cardBrand,
			@Nullable Integer expMonth, @Nullable Integer expYear, @Nullable String returnUrl) {
	}

	@Override
	public GatewayResult authorize(GatewayAuthorization request) {
		Optional<Charge> earlier = find(request.store(), request.idempotencyKey());
		if (earlier.isPresent()) {
			return repeated(earlier.get());
		}
		CardInput card = request.card() != null ? request.card() : fromToken(request.token());
		if (card == null) {
			return GatewayResult.declined(null, null, "invalid_token", "The sandbox does not know this token");
		}
		String digits = Cards.digits(card.number());
		simulateProcessingError(digits, request.idempotencyKey());
		Map<String, String> problems = Cards.problems(card, YearMonth.now(clock.withZone(ZoneOffset.UTC)));
		String status = "SUCCEEDED";
		String declineCode = null;
		if (problems.containsKey("card.expYear")) {
			status = "DECLINED";
			declineCode = "expired_card";
		}
		else if (!problems.isEmpty()) {
			status = "DECLINED";
			declineCode = problems.containsKey("card.cvc") ? "incorrect_cvc" : "incorrect_number";
		}
		else if (digits.equals(DECLINED)) {
			status = "DECLINED";
			declineCode = "card_declined";
		}
		else if (digits.equals(INSUFFICIENT_FUNDS)) {
			status = "DECLINED";
			declineCode = "insufficient_funds";
		}
		else if (digits.equals(REQUIRES_3DS)) {
			status = "REQUIRES_ACTION";
		}
		insert(request.store(), request.idempotencyKey(), "AUTHORIZE", UUID.randomUUID(), status, request.amount(),
				declineCode, Cards.last4(digits), Cards.brand(digits), card.expMonth(), card.expYear(), request.returnUrl());
		return result(find(request.store(), request.idempotencyKey()).orElseThrow());
	}

	@Override
	public GatewayResult capture(GatewayCall call, Money amount) {
		return followUp(call, "CAPTURE", amount, (authorization, totals) -> {
			if (totals.voided()) {
				return "payment_voided";
			}
			return totals.captured().add(amount.amount()).compareTo(authorization.amount().amount()) > 0 ? "amount_too_large"
					: null;
		});
	}

	@Override
	public GatewayResult voidAuthorization(GatewayCall call) {
		return followUp(call, "VOID", null, (authorization, totals) -> totals.captured().signum() > 0 ? "already_captured"
				: totals.voided() ? "payment_voided" : null);
	}

	@Override
	public GatewayResult refund(GatewayCall call, Money amount) {
		return followUp(call, "REFUND", amount, (authorization, totals) ->
				totals.refunded().add(amount.amount()).compareTo(totals.captured()) > 0 ? "amount_too_large" : null);
	}

	@Override
	public Optional<GatewayResult> lookUp(StoreId store, String idempotencyKey) {
		return find(store, idempotencyKey).map(this::result);
	}

	@Override
	public GatewayEvent parseWebhook(String payload, Map<String, String> headers) {
		WebhookSignatures.verify(webhookSecret, payload, header(headers, WebhookSignatures.HEADER), clock.instant());
		JsonNode event = JSON.readTree(payload);
		JsonNode data = event.path("data");
		GatewayEvent.Type type = switch (event.path("type").asString("")) {
			case "dispute.created" -> GatewayEvent.Type.DISPUTE_OPENED;
			case "payment.updated" -> GatewayEvent.Type.PAYMENT_UPDATED;
			default -> GatewayEvent.Type.OTHER;
		};
		Money amount = data.has("amount") ? Money.of(data.path("amount").path("amount").asString(),
				data.path("amount").path("currency").asString()) : null;
		return new GatewayEvent(event.path("id").asString(), type, data.path("payment").asString(""),
				data.has("dispute") ? data.path("dispute").asString() : null, amount,
				data.has("reason") ? data.path("reason").asString() : null);
	}

	/** A signed webhook body and headers as this sandbox sends them (also used by tests to forge good and bad ones). */
	public SandboxWebhooks.Delivery signedEvent(StoreId store, String type, Map<String, Object> data) {
		String payload = JSON.writeValueAsString(Map.of("id", "evt_" + UUID.randomUUID(), "type", type, "data", data));
		return new SandboxWebhooks.Delivery(store, payload,
				Map.of(WebhookSignatures.HEADER, WebhookSignatures.sign(webhookSecret, payload, clock.instant())));
	}

	/** The charge a 3-D Secure page shows; empty if the sandbox has no such challenge. */
	public Optional<Challenge> challenge(UUID chargeId) {
		return jdbc.sql("select * from payments.sandbox_charge where id = :id and operation = 'AUTHORIZE'")
			.param("id", chargeId).query(this::charge).optional()
			.map(c -> new Challenge(c.id(), c.store(), c.amount(), String.valueOf(c.cardBrand()), String.valueOf(c.cardLast4()),
					c.status(), c.returnUrl()));
	}

	public record Challenge(UUID id, StoreId store, Money amount, String brand, String last4, String status,
			@Nullable String returnUrl) {

		public boolean open() {
			return status.equals("REQUIRES_ACTION");
		}
	}

	/**
	 * The shopper passed or failed the challenge: the sandbox settles its charge and tells the shop by a signed
	 * {@code payment.updated} webhook, as a provider would. Answering twice changes nothing.
	 */
	public Challenge completeChallenge(UUID chargeId, boolean passed) {
		int changed = jdbc.sql("""
				update payments.sandbox_charge set status = :status, decline_code = :code
				where id = :id and operation = 'AUTHORIZE' and status = 'REQUIRES_ACTION'""")
			.param("status", passed ? "SUCCEEDED" : "DECLINED")
			.param("code", passed ? null : "authentication_failed")
			.param("id", chargeId)
			.update();
		Challenge challenge = challenge(chargeId).orElseThrow();
		if (changed == 1) {
			String payment = jdbc.sql("select payment_id from payments.sandbox_charge where id = :id").param("id", chargeId)
				.query(UUID.class).single().toString();
			webhooks.deliverNow(signedEvent(challenge.store(), "payment.updated", Map.of("payment", payment)));
		}
		return challenge;
	}

	private record Totals(BigDecimal captured, BigDecimal refunded, boolean voided) {
	}

	private interface Rule {

		@Nullable String refusal(Charge authorization, Totals totals);
	}

	private GatewayResult followUp(GatewayCall call, String operation, @Nullable Money amount, Rule rule) {
		Optional<Charge> earlier = find(call.store(), call.idempotencyKey());
		if (earlier.isPresent()) {
			return repeated(earlier.get());
		}
		UUID paymentId;
		try {
			paymentId = UUID.fromString(call.paymentReference());
		}
		catch (IllegalArgumentException ex) {
			return GatewayResult.declined(call.paymentReference(), null, "no_such_payment", "Unknown payment");
		}
		Charge outcome = transactions.execute(status -> {
			// the gateway serialises the steps of one payment so that its own totals stay right
			Optional<Charge> authorization = jdbc.sql("""
					select * from payments.sandbox_charge
					where store_id = :store and payment_id = :payment and operation = 'AUTHORIZE' and status = 'SUCCEEDED'
					for update""").param("store", call.store().value()).param("payment", paymentId).query(this::charge)
				.optional();
			if (authorization.isEmpty()) {
				return null;
			}
			Charge auth = authorization.get();
			simulateProcessingError(auth.cardLast4() != null && auth.cardLast4().equals("0119") ? PROCESSING_ERROR : "",
					call.idempotencyKey());
			Totals totals = jdbc.sql("""
					select coalesce(sum(amount) filter (where operation = 'CAPTURE'), 0) as captured,
					       coalesce(sum(amount) filter (where operation = 'REFUND'), 0) as refunded,
					       count(*) filter (where operation = 'VOID') > 0 as voided
					from payments.sandbox_charge
					where store_id = :store and payment_id = :payment and status = 'SUCCEEDED'""")
				.param("store", call.store().value()).param("payment", paymentId)
				.query((rs, n) -> new Totals(rs.getBigDecimal("captured"), rs.getBigDecimal("refunded"), rs.getBoolean("voided")))
				.single();
			String refusal = rule.refusal(auth, totals);
			Money recorded = amount != null ? amount : Money.zero(auth.amount().currency());
			insert(call.store(), call.idempotencyKey(), operation, paymentId, refusal == null ? "SUCCEEDED" : "DECLINED",
					recorded, refusal, null, null, null, null, null);
			if (refusal == null && operation.equals("CAPTURE") && "0259".equals(auth.cardLast4())) {
				Money disputed = recorded;
				TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
					@Override
					public void afterCommit() {
						webhooks.deliverLater(signedEvent(call.store(), "dispute.created", Map.of("payment",
								paymentId.toString(), "dispute", "dp_" + UUID.randomUUID(), "amount",
								Map.of("amount", disputed.amount().toPlainString(), "currency",
										disputed.currency().getCurrencyCode()),
								"reason", "fraudulent")));
					}
				});
			}
			return find(call.store(), call.idempotencyKey()).orElseThrow();
		});
		if (outcome == null) {
			return GatewayResult.declined(call.paymentReference(), null, "no_such_payment",
					"The sandbox holds no authorised payment " + call.paymentReference());
		}
		return result(outcome);
	}

	/** A step sent again with the same key: counted, and answered as the first time (nothing moves twice). */
	private GatewayResult repeated(Charge charge) {
		jdbc.sql("update payments.sandbox_charge set attempts = attempts + 1 where id = :id").param("id", charge.id()).update();
		return result(charge);
	}

	private void simulateProcessingError(String digits, String idempotencyKey) {
		if (digits.equals(PROCESSING_ERROR) && failedOnce.add(idempotencyKey)) {
			throw new GatewayUnavailable("sandbox: simulated processing error, try again");
		}
	}

	private @Nullable CardInput fromToken(@Nullable String token) {
		// sandbox tokens stand for a test card: tok_<card number>, e.g. tok_4242424242424242
		if (token == null || !token.matches("tok_\\d{12,19}")) {
			return null;
		}
		return new CardInput(token.substring(4), 12, YearMonth.now(clock.withZone(ZoneOffset.UTC)).getYear() + 3, "123");
	}

	private void insert(StoreId store, String key, String operation, UUID paymentId, String status, Money amount,
			@Nullable String declineCode, @Nullable String last4, @Nullable String brand, @Nullable Integer expMonth,
			@Nullable Integer expYear, @Nullable String returnUrl) {
		jdbc.sql("""
				insert into payments.sandbox_charge (id, store_id, idempotency_key, operation, payment_id, status, currency,
				    amount, decline_code, card_last4, card_brand, card_exp_month, card_exp_year, return_url)
				values (:id, :store, :key, :operation, :payment, :status, :currency, :amount, :code, :last4, :brand,
				    :expMonth, :expYear, :returnUrl)
				on conflict (store_id, idempotency_key) do update set attempts = payments.sandbox_charge.attempts + 1""")
			.param("id", UUID.randomUUID())
			.param("store", store.value())
			.param("key", key)
			.param("operation", operation)
			.param("payment", paymentId)
			.param("status", status)
			.param("currency", amount.currency().getCurrencyCode())
			.param("amount", amount.amount())
			.param("code", declineCode)
			.param("last4", last4)
			.param("brand", brand)
			.param("expMonth", expMonth)
			.param("expYear", expYear)
			.param("returnUrl", returnUrl)
			.update();
	}

	private Optional<Charge> find(StoreId store, String key) {
		return jdbc.sql("select * from payments.sandbox_charge where store_id = :store and idempotency_key = :key")
			.param("store", store.value()).param("key", key).query(this::charge).optional();
	}

	/** How many times the sandbox was asked to do the step with this key (a retry with the same key adds one). */
	public int attempts(StoreId store, String key) {
		return jdbc.sql("select attempts from payments.sandbox_charge where store_id = :store and idempotency_key = :key")
			.param("store", store.value()).param("key", key).query(Integer.class).optional().orElse(0);
	}

	/** Successful money movements the sandbox made for one payment (for tests that count charges). */
	public int succeededOperations(StoreId store, String paymentReference, String operation) {
		return jdbc.sql("""
				select count(*) from payments.sandbox_charge
				where store_id = :store and payment_id = :payment and operation = :operation and status = 'SUCCEEDED'""")
			.param("store", store.value()).param("payment", UUID.fromString(paymentReference)).param("operation", operation)
			.query(Integer.class).single();
	}

	private Charge charge(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		return new Charge(rs.getObject("id", UUID.class), new StoreId(rs.getObject("store_id", UUID.class)),
				rs.getString("idempotency_key"), rs.getString("operation"), rs.getObject("payment_id", UUID.class),
				rs.getString("status"), Money.of(rs.getBigDecimal("amount").stripTrailingZeros().toPlainString(),
						rs.getString("currency")),
				rs.getString("decline_code"), rs.getString("card_last4"), rs.getString("card_brand"),
				(Integer) rs.getObject("card_exp_month", Integer.class), (Integer) rs.getObject("card_exp_year", Integer.class),
				rs.getString("return_url"));
	}

	private GatewayResult result(Charge charge) {
		String payment = charge.paymentId().toString();
		return switch (charge.status()) {
			case "SUCCEEDED" -> GatewayResult.succeeded(payment, charge.id().toString(),
					charge.operation().equals("AUTHORIZE") ? card(charge) : null);
			case "REQUIRES_ACTION" -> new GatewayResult(GatewayResult.Outcome.REQUIRES_ACTION, payment, charge.id().toString(),
					null, null, "/payments/sandbox/3ds/" + charge.id(), card(charge));
			default -> GatewayResult.declined(payment, charge.id().toString(), String.valueOf(charge.declineCode()),
					message(String.valueOf(charge.declineCode())));
		};
	}

	private static CardSummary card(Charge charge) {
		return new CardSummary(String.valueOf(charge.cardBrand()), String.valueOf(charge.cardLast4()),
				charge.expMonth() == null ? 0 : charge.expMonth(), charge.expYear() == null ? 0 : charge.expYear(),
				"card_" + charge.paymentId());
	}

	private static String message(String code) {
		return switch (code) {
			case "card_declined" -> "The card was declined.";
			case "insufficient_funds" -> "The card has insufficient funds.";
			case "authentication_failed" -> "3-D Secure authentication failed.";
			case "expired_card" -> "The card has expired.";
			case "incorrect_cvc" -> "The card's security code is incorrect.";
			case "incorrect_number" -> "The card number is incorrect.";
			case "amount_too_large" -> "The amount is more than the payment holds.";
			case "already_captured" -> "The payment has been captured.";
			case "payment_voided" -> "The payment has been voided.";
			default -> "The payment was refused (" + code + ").";
		};
	}

	private static @Nullable String header(Map<String, String> headers, String name) {
		return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name)).map(Map.Entry::getValue)
			.findFirst().orElse(null);
	}

	Instant now() {
		return clock.instant();
	}
}
