package dev.shopwright.orders.drafts;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.shopwright.customers.AddressDetails;
import dev.shopwright.platform.Cursor;
import dev.shopwright.shared.Page;
import dev.shopwright.shared.StoreId;
import tools.jackson.databind.json.JsonMapper;

/**
 * Draft orders, their lines and pay links in SQL. Whatever two requests could race on (the number, a payment attempt,
 * completing, editing a completed draft) is decided by one conditional statement.
 */
@Repository
class DraftOrderRows {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Pattern DRAFT_NUMBER = Pattern.compile("(?i)D?\\s*(\\d{1,15})");

	/** A payment attempt older than this no longer blocks another (the shopper left the 3-D Secure page, say). */
	static final String ATTEMPT_TIMEOUT = "30 minutes";

	record Row(StoreId store, UUID id, long number, DraftOrderStatus status, @Nullable UUID customerId, String email,
			String currency, boolean taxExempt, @Nullable AddressDetails shippingAddress, @Nullable String shippingName,
			@Nullable BigDecimal shippingPrice, @Nullable String note, @Nullable String attemptKey,
			@Nullable String reservationRef, @Nullable UUID orderId, @Nullable Instant invoiceSentAt,
			@Nullable Instant completedAt, Instant createdAt, Instant updatedAt, int version) {
	}

	record LineRow(int position, String sku, int quantity, @Nullable BigDecimal customPrice,
			@Nullable String priceReason) {
	}

	record LinkRow(StoreId store, UUID id, @Nullable UUID draftId, @Nullable UUID orderId, String tokenHash) {
	}

	private final JdbcClient jdbc;

	DraftOrderRows(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long nextNumber(StoreId store) {
		return jdbc.sql("""
				insert into orders.draft_number_counter (store_id, last_number) values (:store, 1001)
				on conflict (store_id) do update set last_number = orders.draft_number_counter.last_number + 1
				returning last_number""")
			.param("store", store.value())
			.query(Long.class)
			.single();
	}

	void insert(StoreId store, UUID id, long number, Values values) {
		jdbc.sql("""
				insert into orders.draft_order (store_id, id, number, status, customer_id, email, currency, tax_exempt,
				    shipping_address, shipping_name, shipping_price, note)
				values (:store, :id, :number, 'OPEN', :customer, :email, :currency, :taxExempt,
				    cast(:address as jsonb), :shippingName, :shippingPrice, :note)""")
			.param("store", store.value()).param("id", id).param("number", number)
			.params(values.params())
			.update();
	}

	/** The head columns staff edit; refused (false) once completed, while a payment is under way, or on a stale version. */
	boolean update(StoreId store, UUID id, @Nullable Integer expectedVersion, Values values) {
		return jdbc.sql("""
				update orders.draft_order set customer_id = :customer, email = :email, currency = :currency,
				    tax_exempt = :taxExempt, shipping_address = cast(:address as jsonb), shipping_name = :shippingName,
				    shipping_price = :shippingPrice, note = :note, version = version + 1, updated_at = now()
				where store_id = :store and id = :id and status <> 'COMPLETED'
				  and (cast(:version as integer) is null or version = cast(:version as integer))
				  and (attempt_key is null or attempt_started < now() - cast(:timeout as interval))""")
			.param("store", store.value()).param("id", id).param("version", expectedVersion)
			.param("timeout", ATTEMPT_TIMEOUT)
			.params(values.params())
			.update() == 1;
	}

	record Values(@Nullable UUID customerId, String email, String currency, boolean taxExempt,
			@Nullable AddressDetails shippingAddress, @Nullable String shippingName, @Nullable BigDecimal shippingPrice,
			@Nullable String note) {

		Map<String, Object> params() {
			Map<String, Object> params = new LinkedHashMap<>();
			params.put("customer", customerId);
			params.put("email", email);
			params.put("currency", currency);
			params.put("taxExempt", taxExempt);
			params.put("address", shippingAddress == null ? null : JSON.writeValueAsString(shippingAddress));
			params.put("shippingName", shippingName);
			params.put("shippingPrice", shippingPrice);
			params.put("note", note);
			return params;
		}
	}

	void replaceLines(StoreId store, UUID draft, List<LineRow> lines) {
		jdbc.sql("delete from orders.draft_order_line where store_id = :store and draft_id = :draft")
			.param("store", store.value()).param("draft", draft).update();
		for (LineRow line : lines) {
			jdbc.sql("""
					insert into orders.draft_order_line (store_id, draft_id, position, sku, quantity, custom_price,
					    price_reason)
					values (:store, :draft, :position, :sku, :quantity, :customPrice, :priceReason)""")
				.param("store", store.value()).param("draft", draft).param("position", line.position())
				.param("sku", line.sku()).param("quantity", line.quantity()).param("customPrice", line.customPrice())
				.param("priceReason", line.priceReason())
				.update();
		}
	}

	boolean delete(StoreId store, UUID id) {
		return jdbc.sql("""
				delete from orders.draft_order where store_id = :store and id = :id and status <> 'COMPLETED'
				  and (attempt_key is null or attempt_started < now() - cast(:timeout as interval))""")
			.param("store", store.value()).param("id", id).param("timeout", ATTEMPT_TIMEOUT)
			.update() == 1;
	}

	Optional<Row> find(StoreId store, UUID id) {
		return jdbc.sql("select * from orders.draft_order where store_id = :store and id = :id")
			.param("store", store.value()).param("id", id)
			.query(DraftOrderRows::row)
			.optional();
	}

	/** Locks the draft row until the transaction ends. */
	Optional<Row> lock(StoreId store, UUID id) {
		return jdbc.sql("select * from orders.draft_order where store_id = :store and id = :id for update")
			.param("store", store.value()).param("id", id)
			.query(DraftOrderRows::row)
			.optional();
	}

	List<LineRow> lines(StoreId store, UUID draft) {
		return jdbc.sql("""
				select * from orders.draft_order_line where store_id = :store and draft_id = :draft order by position""")
			.param("store", store.value()).param("draft", draft)
			.query((rs, n) -> new LineRow(rs.getInt("position"), rs.getString("sku"), rs.getInt("quantity"),
					rs.getBigDecimal("custom_price"), rs.getString("price_reason")))
			.list();
	}

	/** Newest first by (created_at, id); {@code query} matches the number ("D1001", "1001") or part of the email. */
	Page<Row> list(StoreId store, @Nullable DraftOrderStatus status, @Nullable String query, @Nullable String cursor,
			int limit) {
		StringBuilder sql = new StringBuilder("select * from orders.draft_order where store_id = :store");
		Map<String, Object> params = new LinkedHashMap<>();
		params.put("store", store.value());
		if (status != null) {
			sql.append(" and status = :status");
			params.put("status", status.name());
		}
		String q = query == null ? "" : query.strip();
		if (!q.isEmpty()) {
			Matcher number = DRAFT_NUMBER.matcher(q);
			sql.append(number.matches() ? " and (number = :number or position(:query in lower(email)) > 0)"
					: " and position(:query in lower(email)) > 0");
			if (number.matches()) {
				params.put("number", Long.parseLong(number.group(1)));
			}
			params.put("query", q.toLowerCase(Locale.ROOT));
		}
		if (cursor != null) {
			Cursor position = Cursor.decode(cursor, 2);
			sql.append(" and (created_at, id) < (:cursorAt, :cursorId)");
			params.put("cursorAt", Timestamp.from(position.instant(0)));
			params.put("cursorId", position.uuid(1));
		}
		sql.append(" order by created_at desc, id desc limit :limit");
		params.put("limit", limit + 1);
		List<Row> rows = new ArrayList<>(jdbc.sql(sql.toString()).params(params).query(DraftOrderRows::row).list());
		String next = null;
		if (rows.size() > limit) {
			rows = rows.subList(0, limit);
			Row last = rows.getLast();
			next = Cursor.of(last.createdAt().toString(), last.id().toString()).encode();
		}
		return new Page<>(rows, next);
	}

	void invoiceSent(StoreId store, UUID id) {
		jdbc.sql("""
				update orders.draft_order set status = 'INVOICE_SENT', invoice_sent_at = now(), updated_at = now()
				where store_id = :store and id = :id and status <> 'COMPLETED'""")
			.param("store", store.value()).param("id", id).update();
	}

	/**
	 * Claims the draft for one payment attempt: true when it is not completed and no other attempt (another key) is
	 * under way; the same key may claim again (a double click, a retry).
	 */
	boolean claimAttempt(StoreId store, UUID id, String key) {
		return jdbc.sql("""
				update orders.draft_order set attempt_key = :key,
				    attempt_started = case when attempt_key = :key then attempt_started else now() end
				where store_id = :store and id = :id and status <> 'COMPLETED'
				  and (attempt_key is null or attempt_key = :key or attempt_started < now() - cast(:timeout as interval))""")
			.param("store", store.value()).param("id", id).param("key", key).param("timeout", ATTEMPT_TIMEOUT)
			.update() == 1;
	}

	void reservation(StoreId store, UUID id, String key, String reference) {
		jdbc.sql("""
				update orders.draft_order set reservation_ref = :reference
				where store_id = :store and id = :id and attempt_key = :key""")
			.param("store", store.value()).param("id", id).param("key", key).param("reference", reference).update();
	}

	/** Ends a failed attempt, so that another may start. */
	void releaseAttempt(StoreId store, UUID id, String key) {
		jdbc.sql("""
				update orders.draft_order set attempt_key = null, attempt_started = null, reservation_ref = null
				where store_id = :store and id = :id and attempt_key = :key and status <> 'COMPLETED'""")
			.param("store", store.value()).param("id", id).param("key", key).update();
	}

	/** Marks the draft completed by its order; false when it was completed already. */
	boolean complete(StoreId store, UUID id) {
		return jdbc.sql("""
				update orders.draft_order set status = 'COMPLETED', order_id = id, completed_at = now(), updated_at = now(),
				    version = version + 1
				where store_id = :store and id = :id and status <> 'COMPLETED'""")
			.param("store", store.value()).param("id", id)
			.update() == 1;
	}

	// pay links

	/** The draft's one link (id = the draft's id); sending the invoice again replaces its token. */
	void draftLink(StoreId store, UUID draft, String tokenHash) {
		jdbc.sql("""
				insert into orders.pay_link (store_id, id, draft_id, token_hash) values (:store, :id, :id, :hash)
				on conflict (store_id, id) do update set token_hash = excluded.token_hash, created_at = now()""")
			.param("store", store.value()).param("id", draft).param("hash", tokenHash).update();
	}

	void balanceLink(StoreId store, UUID id, UUID order, String tokenHash) {
		jdbc.sql("""
				insert into orders.pay_link (store_id, id, order_id, token_hash) values (:store, :id, :order, :hash)""")
			.param("store", store.value()).param("id", id).param("order", order).param("hash", tokenHash).update();
	}

	/** By id alone: the public pay page does not know the store until it has found the link (see V3). */
	Optional<LinkRow> link(UUID id) {
		return jdbc.sql("select * from orders.pay_link where id = :id")
			.param("id", id)
			.query((rs, n) -> new LinkRow(new StoreId(rs.getObject("store_id", UUID.class)), rs.getObject("id", UUID.class),
					rs.getObject("draft_id", UUID.class), rs.getObject("order_id", UUID.class),
					rs.getString("token_hash")))
			.optional();
	}

	private static Row row(ResultSet rs, int n) throws SQLException {
		String address = rs.getString("shipping_address");
		return new Row(new StoreId(rs.getObject("store_id", UUID.class)), rs.getObject("id", UUID.class),
				rs.getLong("number"), DraftOrderStatus.valueOf(rs.getString("status")),
				rs.getObject("customer_id", UUID.class), rs.getString("email"), rs.getString("currency"),
				rs.getBoolean("tax_exempt"), address == null ? null : JSON.readValue(address, AddressDetails.class),
				rs.getString("shipping_name"), rs.getBigDecimal("shipping_price"), rs.getString("note"),
				rs.getString("attempt_key"), rs.getString("reservation_ref"), rs.getObject("order_id", UUID.class),
				instant(rs, "invoice_sent_at"), instant(rs, "completed_at"), rs.getTimestamp("created_at").toInstant(),
				rs.getTimestamp("updated_at").toInstant(), rs.getInt("version"));
	}

	private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp value = rs.getTimestamp(column);
		return value == null ? null : value.toInstant();
	}
}
