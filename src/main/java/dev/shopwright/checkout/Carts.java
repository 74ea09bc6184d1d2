package dev.shopwright.checkout;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.shopwright.customers.AddressDetails;
import dev.shopwright.customers.CustomerId;
import dev.shopwright.orders.OrderId;
import dev.shopwright.shared.Address;
import dev.shopwright.shared.StoreId;

/**
 * The cart tables. Every change is one statement guarded by the cart's status ({@code where status = 'ACTIVE'}, or
 * the completion's attempt and stage), so two tabs, two nodes or a request and the reconciler never overwrite each
 * other: the database decides, nothing is loaded, edited and saved.
 */
@Repository
class Carts {

	/** A cart row as stored. */
	record Row(StoreId store, CartId id, byte[] tokenHash, @Nullable CustomerId customer, Currency currency,
			@Nullable String email, @Nullable AddressDetails shippingAddress, @Nullable AddressDetails billingAddress,
			@Nullable UUID shippingMethodId, CartStatus status, @Nullable OrderId orderId, int attempt,
			@Nullable Stage stage, @Nullable Instant stageAt, @Nullable String snapshot,
			@Nullable UUID paymentIntentId, int version, Instant createdAt, Instant updatedAt) {
	}

	record LineRow(UUID id, String sku, UUID productId, UUID variantId, String title, @Nullable String variantTitle,
			int quantity) {
	}

	/** Where a completion stands while the cart is COMPLETING (see ADR 0017). */
	enum Stage {
		PRICING, RESERVING, PAYING, AWAITING_ACTION, PLACING
	}

	/** The completion attempt a caller won: the order id it pays for and the attempt number. */
	record Claim(OrderId orderId, int attempt) {
	}

	enum AddressKind {
		SHIPPING("ship_"), BILLING("bill_");

		final String prefix;

		AddressKind(String prefix) {
			this.prefix = prefix;
		}
	}

	private final JdbcClient jdbc;

	Carts(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(StoreId store, CartId id, byte[] tokenHash, @Nullable CustomerId customer, Currency currency,
			@Nullable String email) {
		Timestamp now = Timestamp.from(Instant.now());
		jdbc.sql("""
				insert into checkout.cart (store_id, id, token_hash, customer_id, currency, email, created_at, updated_at)
				values (?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(store.value(), id.value(), tokenHash, customer == null ? null : customer.value(),
					currency.getCurrencyCode(), email, now, now)
			.update();
	}

	Optional<Row> find(StoreId store, CartId id) {
		return jdbc.sql("select * from checkout.cart where store_id = ? and id = ?").params(store.value(), id.value())
			.query(Carts::row).optional();
	}

	List<LineRow> lines(StoreId store, CartId id) {
		return jdbc.sql("select * from checkout.cart_line where store_id = ? and cart_id = ? order by added_at, sku")
			.params(store.value(), id.value())
			.query((rs, n) -> new LineRow(rs.getObject("id", UUID.class), rs.getString("sku"),
					rs.getObject("product_id", UUID.class), rs.getObject("variant_id", UUID.class), rs.getString("title"),
					rs.getString("variant_title"), rs.getInt("quantity")))
			.list();
	}

	/**
	 * Marks a change of an ACTIVE cart and locks its row until the caller's transaction ends, so a completion that
	 * starts meanwhile waits and then sees the change, and a change after the completion started finds no ACTIVE
	 * cart. False when the cart is not ACTIVE (or does not exist).
	 */
	boolean lockActive(StoreId store, CartId id) {
		return jdbc.sql("""
				update checkout.cart set version = version + 1, updated_at = now()
				where store_id = ? and id = ? and status = 'ACTIVE'""")
			.params(store.value(), id.value()).update() == 1;
	}

	/** Adds units to the SKU's line, creating it if needed, in one statement; returns the line's new quantity. */
	int addToLine(StoreId store, CartId cart, LineRow line) {
		return jdbc.sql("""
				insert into checkout.cart_line (store_id, cart_id, id, sku, product_id, variant_id, title, variant_title,
				    quantity, added_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, clock_timestamp())
				on conflict (store_id, cart_id, sku) do update
				    set quantity = checkout.cart_line.quantity + excluded.quantity, product_id = excluded.product_id,
				        variant_id = excluded.variant_id, title = excluded.title, variant_title = excluded.variant_title
				returning quantity""")
			.params(store.value(), cart.value(), line.id(), line.sku(), line.productId(), line.variantId(), line.title(),
					line.variantTitle(), line.quantity())
			.query(Integer.class).single();
	}

	Optional<LineRow> line(StoreId store, CartId cart, UUID lineId) {
		return lines(store, cart).stream().filter(l -> l.id().equals(lineId)).findFirst();
	}

	boolean setLineQuantity(StoreId store, CartId cart, UUID lineId, int quantity) {
		return jdbc.sql("update checkout.cart_line set quantity = ? where store_id = ? and cart_id = ? and id = ?")
			.params(quantity, store.value(), cart.value(), lineId).update() == 1;
	}

	boolean deleteLine(StoreId store, CartId cart, UUID lineId) {
		return jdbc.sql("delete from checkout.cart_line where store_id = ? and cart_id = ? and id = ?")
			.params(store.value(), cart.value(), lineId).update() == 1;
	}

	int lineCount(StoreId store, CartId cart) {
		return jdbc.sql("select count(*) from checkout.cart_line where store_id = ? and cart_id = ?")
			.params(store.value(), cart.value()).query(Integer.class).single();
	}

	boolean setEmail(StoreId store, CartId id, String email) {
		return jdbc.sql("update checkout.cart set email = ? where store_id = ? and id = ? and status = 'ACTIVE'")
			.params(email, store.value(), id.value()).update() == 1;
	}

	boolean setAddress(StoreId store, CartId id, AddressKind kind, AddressDetails details) {
		String p = kind.prefix;
		Address a = details.address();
		return jdbc.sql("update checkout.cart set " + p + "first_name = ?, " + p + "last_name = ?, " + p + "company = ?, "
				+ p + "phone = ?, " + p + "line1 = ?, " + p + "line2 = ?, " + p + "city = ?, " + p + "region = ?, " + p
				+ "postal_code = ?, " + p + "country = ? where store_id = ? and id = ? and status = 'ACTIVE'")
			.params(details.firstName(), details.lastName(), details.company(), details.phone(), a.line1(), a.line2(),
					a.city(), a.region(), a.postalCode(), a.country(), store.value(), id.value())
			.update() == 1;
	}

	boolean clearAddress(StoreId store, CartId id, AddressKind kind) {
		String p = kind.prefix;
		return jdbc.sql("update checkout.cart set " + p + "first_name = null, " + p + "last_name = null, " + p
				+ "company = null, " + p + "phone = null, " + p + "line1 = null, " + p + "line2 = null, " + p
				+ "city = null, " + p + "region = null, " + p + "postal_code = null, " + p
				+ "country = null where store_id = ? and id = ? and status = 'ACTIVE'")
			.params(store.value(), id.value()).update() == 1;
	}

	/** The customer's other ACTIVE carts, locked until the transaction ends (oldest first). */
	List<Row> otherActiveCartsOf(StoreId store, CustomerId customer, CartId except) {
		return jdbc.sql("""
				select * from checkout.cart where store_id = ? and customer_id = ? and id <> ? and status = 'ACTIVE'
				order by created_at, id for update""")
			.params(store.value(), customer.value(), except.value())
			.query(Carts::row).list();
	}

	/** ACTIVE → MERGED: its lines went into {@code into}. */
	boolean markMerged(StoreId store, CartId id, CartId into) {
		return jdbc.sql("""
				update checkout.cart set status = 'MERGED', merged_into = ?, version = version + 1, updated_at = now()
				where store_id = ? and id = ? and status = 'ACTIVE'""")
			.params(into.value(), store.value(), id.value()).update() == 1;
	}

	/** A guest's ACTIVE cart becomes the customer's. */
	boolean adopt(StoreId store, CartId id, CustomerId customer) {
		return jdbc.sql("""
				update checkout.cart set customer_id = ? where store_id = ? and id = ? and status = 'ACTIVE'
				  and (customer_id is null or customer_id = ?)""")
			.params(customer.value(), store.value(), id.value(), customer.value()).update() == 1;
	}

	boolean setShippingMethod(StoreId store, CartId id, @Nullable UUID methodId) {
		return jdbc.sql("update checkout.cart set shipping_method_id = ? where store_id = ? and id = ? and status = 'ACTIVE'")
			.params(methodId, store.value(), id.value()).update() == 1;
	}

	boolean setCurrency(StoreId store, CartId id, Currency currency) {
		return jdbc.sql("update checkout.cart set currency = ? where store_id = ? and id = ? and status = 'ACTIVE'")
			.params(currency.getCurrencyCode(), store.value(), id.value()).update() == 1;
	}

	// ---- completion -----------------------------------------------------------------------------------------

	/**
	 * ACTIVE → COMPLETING in one conditional update: exactly one caller wins. The order id is chosen by the first
	 * attempt ever and kept by later ones (a declined card, then another card), so payments and inventory see one
	 * order reference for the cart.
	 */
	Optional<Claim> claim(StoreId store, CartId id, OrderId freshOrderId) {
		return jdbc.sql("""
				update checkout.cart set status = 'COMPLETING', order_id = coalesce(order_id, ?), attempt = attempt + 1,
				    stage = 'PRICING', stage_at = now(), snapshot = null, payment_intent_id = null,
				    reconcile_claimed_until = null, version = version + 1, updated_at = now()
				where store_id = ? and id = ? and status = 'ACTIVE'
				returning order_id, attempt""")
			.params(freshOrderId.value(), store.value(), id.value())
			.query((rs, n) -> new Claim(new OrderId(rs.getObject("order_id", UUID.class)), rs.getInt("attempt")))
			.optional();
	}

	/** Moves the attempt's completion from one stage to the next; false when someone else moved it first. */
	boolean advance(StoreId store, CartId id, int attempt, Stage from, Stage to) {
		return jdbc.sql("""
				update checkout.cart set stage = ?, stage_at = now(), updated_at = now()
				where store_id = ? and id = ? and status = 'COMPLETING' and attempt = ? and stage = ?""")
			.params(to.name(), store.value(), id.value(), attempt, from.name()).update() == 1;
	}

	boolean recordSnapshot(StoreId store, CartId id, int attempt, String snapshot) {
		return jdbc.sql("""
				update checkout.cart set snapshot = ?::jsonb, stage = 'RESERVING', stage_at = now(), updated_at = now()
				where store_id = ? and id = ? and status = 'COMPLETING' and attempt = ? and stage = 'PRICING'""")
			.params(snapshot, store.value(), id.value(), attempt).update() == 1;
	}

	boolean recordPayment(StoreId store, CartId id, int attempt, UUID paymentIntentId, Stage to) {
		return jdbc.sql("""
				update checkout.cart set payment_intent_id = ?, stage = ?, stage_at = now(), updated_at = now()
				where store_id = ? and id = ? and status = 'COMPLETING' and attempt = ? and stage = 'PAYING'""")
			.params(paymentIntentId, to.name(), store.value(), id.value(), attempt).update() == 1;
	}

	/** COMPLETING → ACTIVE for the attempt that failed (its stock released, nothing charged). */
	boolean reopen(StoreId store, CartId id, int attempt) {
		return jdbc.sql("""
				update checkout.cart set status = 'ACTIVE', stage = null, stage_at = null, snapshot = null,
				    payment_intent_id = null, reconcile_claimed_until = null, version = version + 1, updated_at = now()
				where store_id = ? and id = ? and status = 'COMPLETING' and attempt = ?""")
			.params(store.value(), id.value(), attempt).update() == 1;
	}

	/** COMPLETING → COMPLETED once the order exists. */
	boolean completed(StoreId store, CartId id, int attempt) {
		return jdbc.sql("""
				update checkout.cart set status = 'COMPLETED', stage = null, stage_at = null,
				    reconcile_claimed_until = null, version = version + 1, updated_at = now()
				where store_id = ? and id = ? and status = 'COMPLETING' and attempt = ?""")
			.params(store.value(), id.value(), attempt).update() == 1;
	}

	/**
	 * Claims up to {@code limit} carts of any store whose completion has not moved for {@code age} (a crash, a
	 * shopper who never came back from 3-D Secure) for {@code lease}: {@code FOR UPDATE SKIP LOCKED}, so nodes
	 * running this at once each get different carts, and no transaction stays open while payments are asked.
	 */
	List<Row> claimStale(Duration age, Duration lease, int limit) {
		return jdbc.sql("""
				update checkout.cart set reconcile_claimed_until = now() + ?::interval
				where (store_id, id) in (
				    select store_id, id from checkout.cart
				    where status = 'COMPLETING' and stage_at < now() - ?::interval
				      and (reconcile_claimed_until is null or reconcile_claimed_until < now())
				    order by stage_at limit ? for update skip locked)
				returning *""")
			.params(lease.toMillis() + " milliseconds", age.toMillis() + " milliseconds", limit)
			.query(Carts::row).list();
	}

	// ---- abandonment ------------------------------------------------------------------------------------------

	/**
	 * ACTIVE carts of any store with an email and at least one line, unchanged for {@code age}, become ABANDONED — up
	 * to {@code limit}, {@code FOR UPDATE SKIP LOCKED} so that nodes running this at once take different carts and
	 * a cart being changed right now (its row locked) is skipped. {@code updated_at} stays: it is when the shopper
	 * last touched the cart.
	 */
	List<Row> abandonStale(Duration age, int limit) {
		return jdbc.sql("""
				update checkout.cart set status = 'ABANDONED', abandoned_at = now(), recovery_sent_at = null,
				    recovery_sends = 0, recovered_at = null, version = version + 1
				where (store_id, id) in (
				    select c.store_id, c.id from checkout.cart c
				    where c.status = 'ACTIVE' and c.email is not null and c.updated_at < now() - ?::interval
				      and exists (select 1 from checkout.cart_line l where l.store_id = c.store_id and l.cart_id = c.id)
				    order by c.updated_at limit ? for update skip locked)
				  and status = 'ACTIVE'
				returning *""")
			.params(age.toMillis() + " milliseconds", limit)
			.query(Carts::row).list();
	}

	/** The shopper came back to an ABANDONED cart by themselves (its token, their account): it is ACTIVE again. */
	boolean resumeAbandoned(StoreId store, CartId id) {
		return jdbc.sql("""
				update checkout.cart set status = 'ACTIVE', version = version + 1, updated_at = now()
				where store_id = ? and id = ? and status = 'ABANDONED'""")
			.params(store.value(), id.value()).update() == 1;
	}

	/** Counts a recovery mail for an ABANDONED cart: the first one, or any with {@code again}; false otherwise. */
	boolean countRecoveryMail(StoreId store, CartId id, boolean again) {
		return jdbc.sql("""
				update checkout.cart set recovery_sends = recovery_sends + 1, recovery_sent_at = now()
				where store_id = ? and id = ? and status = 'ABANDONED' and (recovery_sends = 0 or ?)""")
			.params(store.value(), id.value(), again).update() == 1;
	}

	/**
	 * The recovery link was opened: an ABANDONED (or already reopened) cart is ACTIVE again with a new token for the
	 * browser that opened it. False when the cart became an order or was merged meanwhile.
	 */
	boolean reopenAbandoned(StoreId store, CartId id, byte[] tokenHash) {
		return jdbc.sql("""
				update checkout.cart set status = 'ACTIVE', token_hash = ?, recovered_at = coalesce(recovered_at, now()),
				    version = version + 1, updated_at = now()
				where store_id = ? and id = ? and abandoned_at is not null and status in ('ABANDONED', 'ACTIVE')""")
			.params(tokenHash, store.value(), id.value()).update() == 1;
	}

	/** ABANDONED carts never mailed whose store sends the recovery mail by itself and whose time has come. */
	List<Row> dueForAutomaticRecovery(int limit) {
		return jdbc.sql("""
				select c.* from checkout.cart c join checkout.recovery_settings s on s.store_id = c.store_id
				where c.status = 'ABANDONED' and c.recovery_sends = 0 and s.auto_send_hours is not null
				  and c.abandoned_at < now() - make_interval(hours => s.auto_send_hours)
				order by c.abandoned_at limit ?""")
			.params(limit).query(Carts::row).list();
	}

	java.util.OptionalInt autoSendHours(StoreId store) {
		return jdbc.sql("select auto_send_hours from checkout.recovery_settings where store_id = ?")
			.params(store.value()).query((rs, n) -> {
				int hours = rs.getInt(1);
				return rs.wasNull() ? java.util.OptionalInt.empty() : java.util.OptionalInt.of(hours);
			}).optional().orElse(java.util.OptionalInt.empty());
	}

	void setAutoSendHours(StoreId store, @Nullable Integer hours) {
		jdbc.sql("""
				insert into checkout.recovery_settings (store_id, auto_send_hours, updated_at) values (?, ?, now())
				on conflict (store_id) do update set auto_send_hours = excluded.auto_send_hours, updated_at = now()""")
			.params(store.value(), hours).update();
	}

	/** What the abandoned-checkouts list needs of a cart besides its row. */
	record AbandonedRow(Row row, int lines, int units, @Nullable Instant abandonedAt, @Nullable Instant recoverySentAt,
			int recoverySends, @Nullable Instant recoveredAt) {
	}

	Optional<AbandonedRow> abandoned(StoreId store, CartId id) {
		return jdbc.sql(ABANDONED_SELECT + " and c.id = :id").param("store", store.value()).param("id", id.value())
			.query(Carts::abandonedRow).optional();
	}

	/** Carts ever abandoned, most recently abandoned first; keyset paged on (abandoned_at, id). */
	dev.shopwright.shared.Page<AbandonedRow> abandonedList(StoreId store, AbandonedListing listing,
			@Nullable String cursor, int limit) {
		StringBuilder sql = new StringBuilder(ABANDONED_SELECT);
		java.util.Map<String, Object> params = new java.util.HashMap<>();
		params.put("store", store.value());
		switch (listing) {
			case ABANDONED -> sql.append(" and c.status = 'ABANDONED'");
			case RECOVERED -> sql.append(" and c.status = 'COMPLETED' and c.recovered_at is not null");
			case ALL -> {
			}
		}
		return keysetPage(sql, params, "c.abandoned_at", cursor, limit, Carts::abandonedRow,
				a -> dev.shopwright.platform.Cursor.of(String.valueOf(a.abandonedAt()), a.row().id().toString()));
	}

	private static final String ABANDONED_SELECT = """
			select c.*, (select count(*) from checkout.cart_line l where l.store_id = c.store_id and l.cart_id = c.id) as lines,
			       (select coalesce(sum(quantity), 0) from checkout.cart_line l
			        where l.store_id = c.store_id and l.cart_id = c.id) as units
			from checkout.cart c where c.store_id = :store and c.abandoned_at is not null""";

	private static AbandonedRow abandonedRow(ResultSet rs, int n) throws SQLException {
		return new AbandonedRow(row(rs, n), rs.getInt("lines"), rs.getInt("units"), instant(rs, "abandoned_at"),
				instant(rs, "recovery_sent_at"), rs.getInt("recovery_sends"), instant(rs, "recovered_at"));
	}

	private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp value = rs.getTimestamp(column);
		return value == null ? null : value.toInstant();
	}

	/** The store's carts, most recently changed first, optionally of one status; keyset paged. */
	dev.shopwright.shared.Page<CartSummary> list(StoreId store, @Nullable CartStatus status, @Nullable String cursor,
			int limit) {
		StringBuilder sql = new StringBuilder("""
				select c.*, (select count(*) from checkout.cart_line l where l.store_id = c.store_id and l.cart_id = c.id) as lines,
				       (select coalesce(sum(quantity), 0) from checkout.cart_line l
				        where l.store_id = c.store_id and l.cart_id = c.id) as units
				from checkout.cart c where c.store_id = :store""");
		java.util.Map<String, Object> params = new java.util.HashMap<>();
		params.put("store", store.value());
		if (status != null) {
			sql.append(" and c.status = :status");
			params.put("status", status.name());
		}
		return keysetPage(sql, params, "c.updated_at", cursor, limit, (rs, n) -> {
			Row row = row(rs, n);
			return new CartSummary(row.id(), row.status(), row.stage() == null ? null : row.stage().name(), row.stageAt(),
					row.email(), row.customer(), row.currency(), rs.getInt("lines"), rs.getInt("units"), row.attempt(),
					row.orderId(), row.createdAt(), row.updatedAt());
		}, last -> dev.shopwright.platform.Cursor.of(last.updatedAt().toString(), last.id().toString()));
	}

	/**
	 * Runs {@code sql} (filters already appended) newest first on ({@code timeColumn}, id), after the cursor's
	 * position, one row more than {@code limit} to know whether another page follows.
	 */
	private <T> dev.shopwright.shared.Page<T> keysetPage(StringBuilder sql, java.util.Map<String, Object> params,
			String timeColumn, @Nullable String cursor, int limit, org.springframework.jdbc.core.RowMapper<T> mapper,
			java.util.function.Function<T, dev.shopwright.platform.Cursor> cursorOf) {
		if (cursor != null) {
			dev.shopwright.platform.Cursor position = dev.shopwright.platform.Cursor.decode(cursor, 2);
			params.put("afterTime", Timestamp.from(position.instant(0)));
			params.put("afterId", position.uuid(1));
			sql.append(" and (").append(timeColumn).append(", c.id) < (:afterTime, :afterId)");
		}
		sql.append(" order by ").append(timeColumn).append(" desc, c.id desc limit :limit");
		params.put("limit", limit + 1);
		List<T> rows = jdbc.sql(sql.toString()).params(params).query(mapper).list();
		if (rows.size() <= limit) {
			return new dev.shopwright.shared.Page<>(rows, null);
		}
		return new dev.shopwright.shared.Page<>(rows.subList(0, limit), cursorOf.apply(rows.get(limit - 1)).encode());
	}

	private static Row row(ResultSet rs, int n) throws SQLException {
		UUID customer = rs.getObject("customer_id", UUID.class);
		UUID order = rs.getObject("order_id", UUID.class);
		String stage = rs.getString("stage");
		Timestamp stageAt = rs.getTimestamp("stage_at");
		return new Row(new StoreId(rs.getObject("store_id", UUID.class)), new CartId(rs.getObject("id", UUID.class)),
				rs.getBytes("token_hash"), customer == null ? null : new CustomerId(customer),
				Currency.getInstance(rs.getString("currency").strip()), rs.getString("email"), address(rs, "ship_"),
				address(rs, "bill_"), rs.getObject("shipping_method_id", UUID.class),
				CartStatus.valueOf(rs.getString("status")), order == null ? null : new OrderId(order),
				rs.getInt("attempt"), stage == null ? null : Stage.valueOf(stage),
				stageAt == null ? null : stageAt.toInstant(), rs.getString("snapshot"),
				rs.getObject("payment_intent_id", UUID.class), rs.getInt("version"),
				rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant());
	}

	private static @Nullable AddressDetails address(ResultSet rs, String p) throws SQLException {
		String country = rs.getString(p + "country");
		String line1 = rs.getString(p + "line1");
		if (country == null && line1 == null) {
			return null;
		}
		return new AddressDetails(rs.getString(p + "first_name"), rs.getString(p + "last_name"),
				rs.getString(p + "company"), rs.getString(p + "phone"), new Address(line1, rs.getString(p + "line2"),
						rs.getString(p + "city"), rs.getString(p + "region"), rs.getString(p + "postal_code"), country));
	}
}
