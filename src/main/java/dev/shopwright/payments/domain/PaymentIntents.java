package dev.shopwright.payments.domain;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.shopwright.payments.Dispute;
import dev.shopwright.payments.PaymentIntent;
import dev.shopwright.payments.PaymentIntentId;
import dev.shopwright.payments.PaymentListing;
import dev.shopwright.payments.PaymentMethod;
import dev.shopwright.payments.PaymentStatus;
import dev.shopwright.payments.PaymentTransaction;
import dev.shopwright.payments.PaymentTransaction.Kind;
import dev.shopwright.payments.PaymentTransaction.Status;
import dev.shopwright.platform.Cursor;
import dev.shopwright.shared.Money;
import dev.shopwright.shared.Page;
import dev.shopwright.shared.StoreId;

/**
 * Payment intents, their transactions and disputes in SQL. Amount rules live in single conditional statements
 * ({@code reserve…}) and in the table's checks, so concurrent requests on several nodes cannot break them.
 */
@Repository
public class PaymentIntents {

	/** The columns the steps work with. */
	public record Intent(StoreId store, PaymentIntentId id, String orderReference, PaymentMethod method,
			PaymentStatus status, Money amount, Money authorized, Money captured, Money refunded, boolean voided,
			@Nullable String gateway, @Nullable String gatewayReference, @Nullable String returnUrl) {
	}

	/** A transaction as the steps and the reconciler need it. */
	public record Transaction(StoreId store, UUID id, PaymentIntentId intentId, Kind kind, Status status, Money amount,
			String idempotencyKey) {
	}

	/** Settled (succeeded) totals of an intent's transactions. */
	public record Settled(BigDecimal captured, BigDecimal refunded, boolean authorized, boolean voided) {
	}

	private final JdbcClient jdbc;

	PaymentIntents(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public boolean insert(StoreId store, PaymentIntentId id, String orderReference, String creationKey,
			PaymentMethod method, PaymentStatus status, Money amount, @Nullable String gateway, @Nullable String returnUrl) {
		return jdbc.sql("""
				insert into payments.payment_intent (store_id, id, order_reference, creation_key, method, status, currency,
				    amount, gateway, return_url)
				values (:store, :id, :order, :key, :method, :status, :currency, :amount, :gateway, :returnUrl)
				on conflict (store_id, creation_key) do nothing""")
			.param("store", store.value()).param("id", id.value()).param("order", orderReference).param("key", creationKey)
			.param("method", method.name()).param("status", status.name())
			.param("currency", amount.currency().getCurrencyCode()).param("amount", amount.amount())
			.param("gateway", gateway).param("returnUrl", returnUrl)
			.update() == 1;
	}

	public Optional<PaymentIntentId> findByCreationKey(StoreId store, String creationKey) {
		return jdbc.sql("select id from payments.payment_intent where store_id = :store and creation_key = :key")
			.param("store", store.value()).param("key", creationKey).query(UUID.class).optional().map(PaymentIntentId::new);
	}

	public Optional<Intent> intent(StoreId store, PaymentIntentId id) {
		return jdbc.sql("select * from payments.payment_intent where store_id = :store and id = :id")
			.param("store", store.value()).param("id", id.value()).query(PaymentIntents::intentRow).optional();
	}

	/** Locks the intent row for the rest of the transaction, so that completions of its steps apply one at a time. */
	public Intent lock(StoreId store, PaymentIntentId id) {
		return jdbc.sql("select * from payments.payment_intent where store_id = :store and id = :id for update")
			.param("store", store.value()).param("id", id.value()).query(PaymentIntents::intentRow).single();
	}

	public Optional<Intent> findByGatewayReference(StoreId store, String gateway, String reference) {
		return jdbc.sql("""
				select * from payments.payment_intent
				where store_id = :store and gateway = :gateway and gateway_reference = :reference""")
			.param("store", store.value()).param("gateway", gateway).param("reference", reference)
			.query(PaymentIntents::intentRow).optional();
	}

	/** Reserves a capture: succeeds only if the intent is capturable and the amount fits what is authorised. */
	public boolean reserveCapture(StoreId store, PaymentIntentId id, Money amount) {
		return jdbc.sql("""
				update payments.payment_intent set captured_amount = captured_amount + :amount,
				    capture_pending = capture_pending + :amount, updated_at = now()
				where store_id = :store and id = :id and currency = :currency and not voided and refunded_amount = 0
				  and status in ('AUTHORIZED', 'PARTIALLY_CAPTURED')
				  and captured_amount + :amount <= authorized_amount""")
			.param("store", store.value()).param("id", id.value()).param("amount", amount.amount())
			.param("currency", amount.currency().getCurrencyCode()).update() == 1;
	}

	/** Reserves a refund: succeeds only if the amount fits what is captured and not refunded or being refunded. */
	public boolean reserveRefund(StoreId store, PaymentIntentId id, Money amount) {
		return jdbc.sql("""
				update payments.payment_intent set refunded_amount = refunded_amount + :amount, updated_at = now()
				where store_id = :store and id = :id and currency = :currency
				  and status in ('PARTIALLY_CAPTURED', 'CAPTURED', 'PARTIALLY_REFUNDED')
				  and refunded_amount + :amount <= captured_amount - capture_pending""")
			.param("store", store.value()).param("id", id.value()).param("amount", amount.amount())
			.param("currency", amount.currency().getCurrencyCode()).update() == 1;
	}

	/** Reserves a void: only while nothing is captured or being captured. */
	public boolean reserveVoid(StoreId store, PaymentIntentId id) {
		return jdbc.sql("""
				update payments.payment_intent set voided = true, updated_at = now()
				where store_id = :store and id = :id and not voided and captured_amount = 0
				  and (status = 'AUTHORIZED' or (method <> 'CARD' and status = 'PENDING'))""")
			.param("store", store.value()).param("id", id.value()).update() == 1;
	}

	/** Gives back a reservation whose step failed. */
	public void release(StoreId store, PaymentIntentId id, Kind kind, Money amount) {
		String set = switch (kind) {
			case CAPTURE -> "captured_amount = captured_amount - :amount, capture_pending = capture_pending - :amount";
			case REFUND -> "refunded_amount = refunded_amount - :amount";
			case VOID -> "voided = false";
			default -> throw new IllegalArgumentException("nothing reserved for " + kind);
		};
		jdbc.sql("update payments.payment_intent set " + set + ", updated_at = now() where store_id = :store and id = :id")
			.param("store", store.value()).param("id", id.value()).param("amount", amount.amount()).update();
	}

	/** A capture the gateway confirmed is no longer pending. */
	public void captureConfirmed(StoreId store, PaymentIntentId id, Money amount) {
		jdbc.sql("update payments.payment_intent set capture_pending = capture_pending - :amount where store_id = :store and id = :id")
			.param("store", store.value()).param("id", id.value()).param("amount", amount.amount()).update();
	}

	/** A manual payment arrived in full: only from PENDING, so two clicks record it once. */
	public boolean markPaid(StoreId store, PaymentIntentId id) {
		return jdbc.sql("""
				update payments.payment_intent
				set authorized_amount = amount, captured_amount = amount, status = 'CAPTURED', updated_at = now()
				where store_id = :store and id = :id and method <> 'CARD' and status = 'PENDING' and not voided""")
			.param("store", store.value()).param("id", id.value()).update() == 1;
	}

	public void authorized(StoreId store, PaymentIntentId id, Money amount, String gatewayReference,
			PaymentIntent.@Nullable CardSummary card) {
		jdbc.sql("""
				update payments.payment_intent set status = 'AUTHORIZED', authorized_amount = :amount,
				    gateway_reference = :reference, card_brand = :brand, card_last4 = :last4, card_exp_month = :month,
				    card_exp_year = :year, gateway_token = :token, next_action_url = null, failure_code = null,
				    failure_message = null, updated_at = now()
				where store_id = :store and id = :id""")
			.param("store", store.value()).param("id", id.value()).param("amount", amount.amount())
			.param("reference", gatewayReference)
			.param("brand", card == null ? null : card.brand()).param("last4", card == null ? null : card.last4())
			.param("month", card == null ? null : card.expMonth()).param("year", card == null ? null : card.expYear())
			.param("token", card == null ? null : card.gatewayToken())
			.update();
	}

	public void requiresAction(StoreId store, PaymentIntentId id, @Nullable String gatewayReference, String nextActionUrl,
			PaymentIntent.@Nullable CardSummary card) {
		jdbc.sql("""
				update payments.payment_intent set status = 'REQUIRES_ACTION', gateway_reference = :reference,
				    next_action_url = :url, card_brand = :brand, card_last4 = :last4, card_exp_month = :month,
				    card_exp_year = :year, updated_at = now()
				where store_id = :store and id = :id""")
			.param("store", store.value()).param("id", id.value()).param("reference", gatewayReference)
			.param("url", nextActionUrl)
			.param("brand", card == null ? null : card.brand()).param("last4", card == null ? null : card.last4())
			.param("month", card == null ? null : card.expMonth()).param("year", card == null ? null : card.expYear())
			.update();
	}

	public void failed(StoreId store, PaymentIntentId id, @Nullable String gatewayReference, String code, String message) {
		jdbc.sql("""
				update payments.payment_intent set status = 'FAILED', gateway_reference = coalesce(:reference, gateway_reference),
				    next_action_url = null, failure_code = :code, failure_message = :message, updated_at = now()
				where store_id = :store and id = :id""")
			.param("store", store.value()).param("id", id.value()).param("reference", gatewayReference)
			.param("code", code).param("message", message).update();
	}

	public void status(StoreId store, PaymentIntentId id, PaymentStatus status) {
		jdbc.sql("update payments.payment_intent set status = :status, updated_at = now() where store_id = :store and id = :id")
			.param("store", store.value()).param("id", id.value()).param("status", status.name()).update();
	}

	public Settled settled(StoreId store, PaymentIntentId id) {
		return jdbc.sql("""
				select coalesce(sum(amount) filter (where kind in ('CAPTURE', 'MARK_PAID')), 0) as captured,
				       coalesce(sum(amount) filter (where kind = 'REFUND'), 0) as refunded,
				       count(*) filter (where kind = 'AUTHORIZE') > 0 as authorized,
				       count(*) filter (where kind = 'VOID') > 0 as voided
				from payments.payment_transaction
				where store_id = :store and intent_id = :id and status = 'SUCCEEDED'""")
			.param("store", store.value()).param("id", id.value())
			.query((rs, n) -> new Settled(rs.getBigDecimal("captured"), rs.getBigDecimal("refunded"),
					rs.getBoolean("authorized"), rs.getBoolean("voided")))
			.single();
	}

	// transactions

	public void insertTransaction(StoreId store, UUID id, PaymentIntentId intent, Kind kind, Status status, Money amount,
			String idempotencyKey) {
		jdbc.sql("""
				insert into payments.payment_transaction (store_id, id, intent_id, kind, status, currency, amount,
				    idempotency_key, completed_at)
				values (:store, :id, :intent, :kind, :status, :currency, :amount, :key,
				    case when :status in ('SUCCEEDED', 'FAILED') then now() end)""")
			.param("store", store.value()).param("id", id).param("intent", intent.value()).param("kind", kind.name())
			.param("status", status.name()).param("currency", amount.currency().getCurrencyCode())
			.param("amount", amount.amount()).param("key", idempotencyKey)
			.update();
	}

	public Optional<Transaction> transaction(StoreId store, String idempotencyKey) {
		return jdbc.sql("select * from payments.payment_transaction where store_id = :store and idempotency_key = :key")
			.param("store", store.value()).param("key", idempotencyKey).query(PaymentIntents::transactionRow).optional();
	}

	public List<Transaction> openTransactions(StoreId store, PaymentIntentId intent) {
		return jdbc.sql("""
				select * from payments.payment_transaction
				where store_id = :store and intent_id = :intent and status in ('PENDING', 'REQUIRES_ACTION')
				order by created_at""")
			.param("store", store.value()).param("intent", intent.value()).query(PaymentIntents::transactionRow).list();
	}

	/**
	 * Moves a transaction from PENDING or REQUIRES_ACTION to its outcome. Only one caller can win (the request that
	 * made the step, a retry, a webhook or the reconciler); the others see false and apply nothing.
	 */
	public boolean complete(StoreId store, UUID transaction, Status status, @Nullable String gatewayReference,
			@Nullable String errorCode, @Nullable String errorMessage) {
		boolean finalStatus = status == Status.SUCCEEDED || status == Status.FAILED;
		return jdbc.sql("""
				update payments.payment_transaction
				set status = :status, gateway_reference = coalesce(:reference, gateway_reference), error_code = :code,
				    error_message = :message, completed_at = case when :final then now() end, reconcile_claimed_until = null
				where store_id = :store and id = :id and status in ('PENDING', 'REQUIRES_ACTION') and status <> :status""")
			.param("store", store.value()).param("id", transaction).param("status", status.name())
			.param("reference", gatewayReference).param("code", errorCode).param("message", errorMessage)
			.param("final", finalStatus)
			.update() == 1;
	}

	/**
	 * Claims up to {@code limit} transactions left PENDING for longer than {@code age}, for {@code lease}: several
	 * nodes can run this at once, {@code FOR UPDATE SKIP LOCKED} hands each row to one of them, and a claim whose
	 * node died expires.
	 */
	public List<Transaction> claimPending(Duration age, Duration lease, int limit) {
		return jdbc.sql("""
				update payments.payment_transaction t set reconcile_claimed_until = now() + :lease * interval '1 millisecond'
				from (select store_id, id from payments.payment_transaction
				      where status = 'PENDING' and created_at < now() - :age * interval '1 millisecond'
				        and (reconcile_claimed_until is null or reconcile_claimed_until < now())
				      order by created_at limit :limit
				      for update skip locked) claimed
				where t.store_id = claimed.store_id and t.id = claimed.id
				returning t.*""")
			.param("lease", lease.toMillis()).param("age", age.toMillis()).param("limit", limit)
			.query(PaymentIntents::transactionRow).list();
	}

	// webhooks and disputes

	/** Records a webhook event; false if it was received before (a redelivery). */
	public boolean firstDelivery(StoreId store, String gateway, String eventId, String type) {
		return jdbc.sql("""
				insert into payments.webhook_event (store_id, gateway, event_id, type) values (:store, :gateway, :event, :type)
				on conflict do nothing""")
			.param("store", store.value()).param("gateway", gateway).param("event", eventId).param("type", type)
			.update() == 1;
	}

	public boolean insertDispute(StoreId store, UUID id, PaymentIntentId intent, String gatewayReference, Money amount,
			String reason) {
		return jdbc.sql("""
				insert into payments.dispute (store_id, id, intent_id, gateway_reference, currency, amount, reason)
				values (:store, :id, :intent, :reference, :currency, :amount, :reason)
				on conflict (store_id, gateway_reference) do nothing""")
			.param("store", store.value()).param("id", id).param("intent", intent.value())
			.param("reference", gatewayReference).param("currency", amount.currency().getCurrencyCode())
			.param("amount", amount.amount()).param("reason", reason)
			.update() == 1;
	}

	// reads

	public Optional<PaymentIntent> find(StoreId store, PaymentIntentId id) {
		List<PaymentIntent> found = load(store, jdbc.sql("select * from payments.payment_intent where store_id = :store and id = :id")
			.param("store", store.value()).param("id", id.value()).query(PaymentIntents::header).list());
		return found.stream().findFirst();
	}

	/** Newest first, keyset-paged on (created_at, id). */
	public Page<PaymentIntent> list(StoreId store, PaymentListing listing, @Nullable String cursor, int limit) {
		StringBuilder sql = new StringBuilder("select * from payments.payment_intent where store_id = :store");
		Map<String, Object> params = new HashMap<>();
		params.put("store", store.value());
		if (listing.orderReference() != null) {
			sql.append(" and order_reference = :order");
			params.put("order", listing.orderReference());
		}
		if (listing.status() != null) {
			sql.append(" and status = :status");
			params.put("status", listing.status().name());
		}
		if (listing.method() != null) {
			sql.append(" and method = :method");
			params.put("method", listing.method().name());
		}
		if (cursor != null) {
			Cursor after = Cursor.decode(cursor, 2);
			sql.append(" and (created_at, id) < (:afterAt, :afterId)");
			params.put("afterAt", java.sql.Timestamp.from(after.instant(0)));
			params.put("afterId", after.uuid(1));
		}
		sql.append(" order by created_at desc, id desc limit :limit");
		params.put("limit", limit + 1);
		List<Header> headers = new ArrayList<>(jdbc.sql(sql.toString()).params(params).query(PaymentIntents::header).list());
		String next = null;
		if (headers.size() > limit) {
			headers = headers.subList(0, limit);
			Header last = headers.get(limit - 1);
			next = Cursor.of(last.createdAt().toString(), last.id().toString()).encode();
		}
		return new Page<>(load(store, headers), next);
	}

	private record Header(PaymentIntentId id, String orderReference, PaymentMethod method, PaymentStatus status,
			Money amount, Money authorized, Money captured, Money refunded, @Nullable String gateway,
			@Nullable String gatewayReference, PaymentIntent.@Nullable CardSummary card, @Nullable String nextActionUrl,
			@Nullable String failureCode, @Nullable String failureMessage, Instant createdAt, Instant updatedAt) {
	}

	private List<PaymentIntent> load(StoreId store, List<Header> headers) {
		if (headers.isEmpty()) {
			return List.of();
		}
		List<UUID> ids = headers.stream().map(h -> h.id().value()).toList();
		Map<UUID, List<PaymentTransaction>> transactions = new HashMap<>();
		jdbc.sql("""
				select * from payments.payment_transaction where store_id = :store and intent_id in (:ids)
				order by created_at, id""")
			.param("store", store.value()).param("ids", ids)
			.query((rs, n) -> Map.entry(rs.getObject("intent_id", UUID.class), new PaymentTransaction(
					rs.getObject("id", UUID.class), Kind.valueOf(rs.getString("kind")), Status.valueOf(rs.getString("status")),
					money(rs, "amount"), rs.getString("gateway_reference"), rs.getString("error_code"),
					rs.getString("error_message"), rs.getString("idempotency_key"), rs.getTimestamp("created_at").toInstant(),
					rs.getTimestamp("completed_at") == null ? null : rs.getTimestamp("completed_at").toInstant())))
			.list()
			.forEach(e -> transactions.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
		Map<UUID, List<Dispute>> disputes = new HashMap<>();
		jdbc.sql("select * from payments.dispute where store_id = :store and intent_id in (:ids) order by opened_at")
			.param("store", store.value()).param("ids", ids)
			.query((rs, n) -> Map.entry(rs.getObject("intent_id", UUID.class), new Dispute(rs.getObject("id", UUID.class),
					rs.getString("gateway_reference"), money(rs, "amount"), rs.getString("reason"), rs.getString("status"),
					rs.getTimestamp("opened_at").toInstant())))
			.list()
			.forEach(e -> disputes.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
		return headers.stream().map(h -> new PaymentIntent(h.id(), h.orderReference(), h.method(), h.status(), h.amount(),
				h.authorized(), h.captured(), h.refunded(), h.gateway(), h.gatewayReference(), h.card(), h.nextActionUrl(),
				h.failureCode(), h.failureMessage(), h.createdAt(), h.updatedAt(),
				transactions.getOrDefault(h.id().value(), List.of()), disputes.getOrDefault(h.id().value(), List.of())))
			.toList();
	}

	private static Header header(ResultSet rs, int row) throws SQLException {
		String last4 = rs.getString("card_last4");
		PaymentIntent.CardSummary card = last4 == null ? null : new PaymentIntent.CardSummary(rs.getString("card_brand"),
				last4, rs.getInt("card_exp_month"), rs.getInt("card_exp_year"), rs.getString("gateway_token"));
		return new Header(new PaymentIntentId(rs.getObject("id", UUID.class)), rs.getString("order_reference"),
				PaymentMethod.valueOf(rs.getString("method")), PaymentStatus.valueOf(rs.getString("status")),
				money(rs, "amount"), money(rs, "authorized_amount"), money(rs, "captured_amount"),
				money(rs, "refunded_amount"), rs.getString("gateway"), rs.getString("gateway_reference"), card,
				rs.getString("next_action_url"), rs.getString("failure_code"), rs.getString("failure_message"),
				rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant());
	}

	private static Intent intentRow(ResultSet rs, int row) throws SQLException {
		return new Intent(new StoreId(rs.getObject("store_id", UUID.class)), new PaymentIntentId(rs.getObject("id", UUID.class)),
				rs.getString("order_reference"), PaymentMethod.valueOf(rs.getString("method")),
				PaymentStatus.valueOf(rs.getString("status")), money(rs, "amount"), money(rs, "authorized_amount"),
				money(rs, "captured_amount"), money(rs, "refunded_amount"), rs.getBoolean("voided"), rs.getString("gateway"),
				rs.getString("gateway_reference"), rs.getString("return_url"));
	}

	private static Transaction transactionRow(ResultSet rs, int row) throws SQLException {
		return new Transaction(new StoreId(rs.getObject("store_id", UUID.class)), rs.getObject("id", UUID.class),
				new PaymentIntentId(rs.getObject("intent_id", UUID.class)), Kind.valueOf(rs.getString("kind")),
				Status.valueOf(rs.getString("status")), money(rs, "amount"), rs.getString("idempotency_key"));
	}

	private static Money money(ResultSet rs, String column) throws SQLException {
		return new Money(rs.getBigDecimal(column), Currency.getInstance(rs.getString("currency")));
	}
}
