package dev.shopwright.inventory.purchasing;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.shopwright.inventory.LocationId;
import dev.shopwright.platform.Cursor;
import dev.shopwright.shared.Money;
import dev.shopwright.shared.Page;
import dev.shopwright.shared.StoreId;

/**
 * Purchase orders and their lines. Status changes and receipts are single conditional updates: a transition applies
 * only from the statuses it allows, and a line's received count rises only while it stays within the quantity.
 */
@Repository
class PurchaseOrders {

	record NewLine(String sku, int quantity, BigDecimal unitCost) {
	}

	private final JdbcClient jdbc;

	PurchaseOrders(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The store's next number. The counter row stays locked until the transaction ends, so numbers are gap-free: a
	 * rolled-back order gives its number back (ADR 0013).
	 */
	int nextNumber(StoreId store) {
		return jdbc.sql("""
				insert into inventory.purchase_order_number (store_id, last_number) values (?, 1001)
				on conflict (store_id) do update set last_number = purchase_order_number.last_number + 1
				returning last_number""")
			.param(store.value())
			.query(Integer.class)
			.single();
	}

	void insert(StoreId store, UUID id, int number, UUID supplierId, LocationId location, Currency currency,
			@Nullable String note, @Nullable LocalDate expectedOn) {
		Timestamp now = Timestamp.from(Instant.now());
		jdbc.sql("""
				insert into inventory.purchase_order (store_id, id, number, supplier_id, location_id, currency, status, note,
				  expected_on, created_at, updated_at)
				values (?, ?, ?, ?, ?, ?, 'DRAFT', ?, ?, ?, ?)""")
			.params(store.value(), id, number, supplierId, location.value(), currency.getCurrencyCode(), note,
					expectedOn == null ? null : Date.valueOf(expectedOn), now, now)
			.update();
	}

	/** Replaces a draft's header and lines; false when it is no longer a draft. */
	boolean updateDraft(StoreId store, UUID id, UUID supplierId, LocationId location, Currency currency,
			@Nullable String note, @Nullable LocalDate expectedOn, List<NewLine> lines) {
		int updated = jdbc.sql("""
				update inventory.purchase_order set supplier_id = ?, location_id = ?, currency = ?, note = ?, expected_on = ?,
				  updated_at = ?
				where store_id = ? and id = ? and status = 'DRAFT'""")
			.params(supplierId, location.value(), currency.getCurrencyCode(), note,
					expectedOn == null ? null : Date.valueOf(expectedOn), Timestamp.from(Instant.now()), store.value(), id)
			.update();
		if (updated == 0) {
			return false;
		}
		jdbc.sql("delete from inventory.purchase_order_line where store_id = ? and purchase_order_id = ?")
			.params(store.value(), id)
			.update();
		insertLines(store, id, lines);
		return true;
	}

	void insertLines(StoreId store, UUID id, List<NewLine> lines) {
		int lineNo = 1;
		for (NewLine line : lines) {
			jdbc.sql("""
					insert into inventory.purchase_order_line (store_id, purchase_order_id, line_no, sku, quantity, unit_cost)
					values (?, ?, ?, ?, ?, ?)""")
				.params(store.value(), id, lineNo++, line.sku(), line.quantity(), line.unitCost())
				.update();
		}
	}

	boolean deleteDraft(StoreId store, UUID id) {
		return jdbc.sql("delete from inventory.purchase_order where store_id = ? and id = ? and status = 'DRAFT'")
			.params(store.value(), id)
			.update() > 0;
	}

	/** Locks the order's row for the rest of the transaction: receipts and cancellation of one order take turns. */
	Optional<PurchaseOrder> lock(StoreId store, UUID id) {
		jdbc.sql("select 1 from inventory.purchase_order where store_id = ? and id = ? for update")
			.params(store.value(), id)
			.query(Integer.class)
			.optional();
		return find(store, id);
	}

	/** Moves the order to {@code next} if its status still allows it; false otherwise. */
	boolean transition(StoreId store, UUID id, PurchaseOrderStatus next) {
		Timestamp now = Timestamp.from(Instant.now());
		return jdbc.sql("""
				update inventory.purchase_order set status = ?, updated_at = ?,
				  sent_at = case when ? = 'SENT' then ? else sent_at end,
				  closed_at = case when ? in ('RECEIVED', 'CANCELLED') then ? else closed_at end
				where store_id = ? and id = ? and status = any (?)""")
			.params(next.name(), now, next.name(), now, next.name(), now, store.value(), id, PurchaseOrderStatus.from(next))
			.update() > 0;
	}

	/** Adds received units to a line unless that would pass the quantity ordered; false when it would. */
	boolean addReceived(StoreId store, UUID id, int lineNo, int quantity) {
		return jdbc.sql("""
				update inventory.purchase_order_line set received = received + ?
				where store_id = ? and purchase_order_id = ? and line_no = ? and received + ? <= quantity""")
			.params(quantity, store.value(), id, lineNo, quantity)
			.update() > 0;
	}

	void markEmailed(StoreId store, UUID id, String to) {
		jdbc.sql("update inventory.purchase_order set emailed_to = ?, emailed_at = ? where store_id = ? and id = ?")
			.params(to, Timestamp.from(Instant.now()), store.value(), id)
			.update();
	}

	Optional<PurchaseOrder> find(StoreId store, UUID id) {
		return jdbc.sql(SELECT + " where po.store_id = ? and po.id = ?")
			.params(store.value(), id)
			.query((rs, n) -> order(rs, lines(store, id, Currency.getInstance(rs.getString("currency")))))
			.optional();
	}

	Optional<UUID> idOf(StoreId store, int number) {
		return jdbc.sql("select id from inventory.purchase_order where store_id = ? and number = ?")
			.params(store.value(), number)
			.query(UUID.class)
			.optional();
	}

	/** Newest number first, optionally only one status; the cursor names the last number seen. */
	Page<PurchaseOrder> list(StoreId store, @Nullable PurchaseOrderStatus status, @Nullable UUID supplierId,
			@Nullable String cursor, int limit) {
		long before = cursor == null ? Integer.MAX_VALUE : Cursor.decode(cursor, 1).longValue(0);
		List<UUID> ids = jdbc.sql("""
				select id from inventory.purchase_order
				where store_id = ? and number < ? and (cast(? as text) is null or status = ?)
				  and (cast(? as uuid) is null or supplier_id = ?)
				order by number desc limit ?""")
			.params(store.value(), before, status == null ? null : status.name(), status == null ? null : status.name(),
					supplierId, supplierId, limit + 1)
			.query(UUID.class)
			.list();
		List<PurchaseOrder> orders = new ArrayList<>();
		for (UUID id : ids.subList(0, Math.min(limit, ids.size()))) {
			find(store, id).ifPresent(orders::add);
		}
		String next = ids.size() > limit
				? Cursor.of(orders.get(orders.size() - 1).number().substring(3)).encode() : null;
		return new Page<>(orders, next);
	}

	/** SKUs already on draft orders (they are not suggested again until the draft is sent or deleted). */
	List<String> skusOnDrafts(StoreId store) {
		return jdbc.sql("""
				select distinct l.sku from inventory.purchase_order_line l
				join inventory.purchase_order po on po.store_id = l.store_id and po.id = l.purchase_order_id
				where l.store_id = ? and po.status = 'DRAFT'""")
			.param(store.value())
			.query(String.class)
			.list();
	}

	private List<PurchaseOrderLine> lines(StoreId store, UUID id, Currency currency) {
		return jdbc.sql("""
				select l.*, i.title, i.barcode, ss.supplier_code
				from inventory.purchase_order_line l
				join inventory.purchase_order po on po.store_id = l.store_id and po.id = l.purchase_order_id
				join inventory.item i on i.store_id = l.store_id and i.sku = l.sku
				left join inventory.supplier_sku ss on ss.store_id = l.store_id and ss.supplier_id = po.supplier_id and ss.sku = l.sku
				where l.store_id = ? and l.purchase_order_id = ? order by l.line_no""")
			.params(store.value(), id)
			.query((rs, n) -> {
				Money unitCost = Money.of(rs.getBigDecimal("unit_cost"), currency, Money.DEFAULT_ROUNDING);
				int quantity = rs.getInt("quantity");
				return new PurchaseOrderLine(rs.getInt("line_no"), rs.getString("sku"), rs.getString("title"),
						rs.getString("barcode"), rs.getString("supplier_code"), quantity, rs.getInt("received"), unitCost,
						unitCost.times(quantity));
			})
			.list();
	}

	private static final String SELECT = """
			select po.*, s.name as supplier_name, s.email as supplier_email, loc.name as location_name
			from inventory.purchase_order po
			join inventory.supplier s on s.store_id = po.store_id and s.id = po.supplier_id
			join inventory.location loc on loc.store_id = po.store_id and loc.id = po.location_id""";

	private static PurchaseOrder order(ResultSet rs, List<PurchaseOrderLine> lines) throws SQLException {
		Currency currency = Currency.getInstance(rs.getString("currency"));
		Money total = lines.stream().map(PurchaseOrderLine::total).reduce(Money.zero(currency), Money::plus);
		Date expected = rs.getDate("expected_on");
		return new PurchaseOrder(rs.getObject("id", UUID.class), PurchaseOrder.number(rs.getInt("number")),
				rs.getObject("supplier_id", UUID.class), rs.getString("supplier_name"), rs.getString("supplier_email"),
				new LocationId(rs.getObject("location_id", UUID.class)), rs.getString("location_name"), currency,
				PurchaseOrderStatus.valueOf(rs.getString("status")), rs.getString("note"),
				expected == null ? null : expected.toLocalDate(), lines, total, rs.getString("emailed_to"),
				instant(rs, "emailed_at"), instant(rs, "sent_at"), instant(rs, "closed_at"),
				rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant());
	}

	private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp value = rs.getTimestamp(column);
		return value == null ? null : value.toInstant();
	}
}
