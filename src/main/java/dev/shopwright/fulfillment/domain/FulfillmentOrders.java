package dev.shopwright.fulfillment.domain;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.shopwright.fulfillment.FulfillmentOrder;
import dev.shopwright.fulfillment.ShippingAddress;
import dev.shopwright.platform.Cursor;
import dev.shopwright.shared.Money;
import dev.shopwright.shared.Page;
import dev.shopwright.shared.StoreId;

/**
 * Order plans, fulfilment orders and their lines. Quantities change only through conditional updates whose
 * {@code WHERE} carries the rule (never ship, pack or cancel more than remains), backed by check constraints.
 */
@Repository
public class FulfillmentOrders {

	/** What fulfilment keeps of a placed order. */
	public record Plan(StoreId store, UUID orderId, String orderNumber, String email, @Nullable ShippingAddress shipTo,
			@Nullable String shippingMethod, @Nullable LocalDate promisedBy, String currency, boolean held,
			Instant placedAt) {
	}

	public record NewLine(UUID lineId, String sku, String title, @Nullable String variantTitle, int quantity,
			Money unitPrice, @Nullable Integer grams) {
	}

	private static final String SELECT = """
			select fo.id, fo.order_id, fo.location_id, fo.location_name, fo.status, fo.held, fo.created_at,
			       p.order_number, p.email, p.ship_name, p.ship_company, p.ship_phone, p.ship_line1, p.ship_line2,
			       p.ship_city, p.ship_region, p.ship_postal_code, p.ship_country, p.shipping_method, p.promised_by,
			       p.placed_at
			  from fulfillment.fulfillment_order fo
			  join fulfillment.order_plan p on p.store_id = fo.store_id and p.order_id = fo.order_id
			""";

	private final JdbcClient jdbc;

	FulfillmentOrders(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Records the order once; false when it was recorded before (a redelivered event). */
	public boolean insertPlan(Plan plan) {
		ShippingAddress a = plan.shipTo();
		return jdbc.sql("""
				insert into fulfillment.order_plan (store_id, order_id, order_number, email, ship_name, ship_company,
				  ship_phone, ship_line1, ship_line2, ship_city, ship_region, ship_postal_code, ship_country,
				  shipping_method, promised_by, currency, held, placed_at)
				values (:store, :order, :number, :email, :name, :company, :phone, :line1, :line2, :city, :region,
				  :postal, :country, :method, :promised, :currency, :held, :placed)
				on conflict (store_id, order_id) do nothing
				""")
			.param("store", plan.store().value()).param("order", plan.orderId()).param("number", plan.orderNumber())
			.param("email", plan.email()).param("name", a == null ? null : a.name())
			.param("company", a == null ? null : a.company()).param("phone", a == null ? null : a.phone())
			.param("line1", a == null ? null : a.line1()).param("line2", a == null ? null : a.line2())
			.param("city", a == null ? null : a.city()).param("region", a == null ? null : a.region())
			.param("postal", a == null ? null : a.postalCode()).param("country", a == null ? null : a.country())
			.param("method", plan.shippingMethod()).param("promised", plan.promisedBy())
			.param("currency", plan.currency()).param("held", plan.held())
			.param("placed", Timestamp.from(plan.placedAt()))
			.update() == 1;
	}

	public UUID insert(StoreId store, UUID orderId, UUID locationId, String locationName, boolean held, Instant now) {
		UUID id = UUID.randomUUID();
		jdbc.sql("""
				insert into fulfillment.fulfillment_order (store_id, id, order_id, location_id, location_name, status, held,
				  created_at, updated_at)
				values (:store, :id, :order, :location, :name, 'OPEN', :held, :now, :now)
				""")
			.param("store", store.value()).param("id", id).param("order", orderId).param("location", locationId)
			.param("name", locationName).param("held", held).param("now", Timestamp.from(now))
			.update();
		return id;
	}

	/** Adds units of an order line to a fulfilment order (merging with what it already has of that line). */
	public void addLine(StoreId store, UUID fulfillmentOrderId, NewLine line) {
		jdbc.sql("""
				insert into fulfillment.fulfillment_line (store_id, fulfillment_order_id, line_id, sku, title,
				  variant_title, quantity, unit_price, currency, grams)
				values (:store, :fo, :line, :sku, :title, :variant, :quantity, :price, :currency, :grams)
				on conflict (store_id, fulfillment_order_id, line_id)
				do update set quantity = fulfillment.fulfillment_line.quantity + excluded.quantity
				""")
			.param("store", store.value()).param("fo", fulfillmentOrderId).param("line", line.lineId())
			.param("sku", line.sku()).param("title", line.title()).param("variant", line.variantTitle())
			.param("quantity", line.quantity()).param("price", line.unitPrice().amount())
			.param("currency", line.unitPrice().currency().getCurrencyCode()).param("grams", line.grams())
			.update();
	}

	public Optional<Plan> plan(StoreId store, UUID orderId) {
		return jdbc.sql("select * from fulfillment.order_plan where store_id = :store and order_id = :order")
			.param("store", store.value()).param("order", orderId)
			.query((rs, n) -> new Plan(store, orderId, rs.getString("order_number"), rs.getString("email"), shipTo(rs),
					rs.getString("shipping_method"), rs.getObject("promised_by", LocalDate.class), rs.getString("currency"),
					rs.getBoolean("held"), rs.getTimestamp("placed_at").toInstant()))
			.optional();
	}

	/** Locks the fulfilment order's row for the rest of the transaction (one packer, one shipment at a time). */
	public Optional<FulfillmentOrder> lock(StoreId store, UUID id, LocalDate today) {
		boolean exists = jdbc.sql("select 1 from fulfillment.fulfillment_order where store_id = :store and id = :id for update")
			.param("store", store.value()).param("id", id).query(Integer.class).optional().isPresent();
		return exists ? find(store, id, today) : Optional.empty();
	}

	public Optional<FulfillmentOrder> find(StoreId store, UUID id, LocalDate today) {
		return load(store, SELECT + " where fo.store_id = :store and fo.id = :id", Map.of("id", id), today).stream().findFirst();
	}

	public List<FulfillmentOrder> ofOrder(StoreId store, UUID orderId, LocalDate today) {
		return load(store, SELECT + " where fo.store_id = :store and fo.order_id = :order order by fo.created_at, fo.id",
				Map.of("order", orderId), today);
	}

	public List<FulfillmentOrder> byIds(StoreId store, List<UUID> ids, LocalDate today) {
		if (ids.isEmpty()) {
			return List.of();
		}
		return load(store, SELECT + " where fo.store_id = :store and fo.id in (:ids) order by fo.created_at, fo.id",
				Map.of("ids", ids), today);
	}

	/** The queue, oldest first, keyset-paged by (created_at, id). */
	public Page<FulfillmentOrder> queue(StoreId store, FulfillmentOrder.Queue filter, @Nullable UUID locationId,
			@Nullable String cursor, int limit, LocalDate today) {
		StringBuilder sql = new StringBuilder(SELECT).append(" where fo.store_id = :store");
		Map<String, Object> params = new LinkedHashMap<>();
		switch (filter) {
			case READY -> sql.append(" and fo.status = 'OPEN' and not fo.held");
			case ON_HOLD -> sql.append(" and fo.held and fo.status in ('OPEN', 'PARTIALLY_FULFILLED')");
			case PARTIALLY_FULFILLED -> sql.append(" and fo.status = 'PARTIALLY_FULFILLED'");
			case LATE -> {
				sql.append(" and fo.status in ('OPEN', 'PARTIALLY_FULFILLED') and p.promised_by < :today");
				params.put("today", today);
			}
			case CLOSED -> sql.append(" and fo.status in ('FULFILLED', 'CANCELLED')");
			case ALL -> {
			}
		}
		if (locationId != null) {
			sql.append(" and fo.location_id = :location");
			params.put("location", locationId);
		}
		if (cursor != null) {
			Cursor position = Cursor.decode(cursor, 2);
			sql.append(" and (fo.created_at, fo.id) > (:afterAt, :afterId)");
			params.put("afterAt", Timestamp.from(position.instant(0)));
			params.put("afterId", position.uuid(1));
		}
		sql.append(" order by fo.created_at, fo.id limit :limit");
		params.put("limit", limit + 1);
		List<FulfillmentOrder> rows = load(store, sql.toString(), params, today);
		if (rows.size() <= limit) {
			return new Page<>(rows, null);
		}
		FulfillmentOrder last = rows.get(limit - 1);
		return new Page<>(rows.subList(0, limit), Cursor.of(last.createdAt().toString(), last.id().toString()).encode());
	}

	/** Open, not held, with something left, at one location: what a pick list may take. */
	public List<UUID> readyAt(StoreId store, UUID locationId, int limit) {
		return jdbc.sql("""
				select fo.id from fulfillment.fulfillment_order fo
				 where fo.store_id = :store and fo.location_id = :location and not fo.held
				   and fo.status in ('OPEN', 'PARTIALLY_FULFILLED')
				 order by fo.created_at, fo.id limit :limit
				""")
			.param("store", store.value()).param("location", locationId).param("limit", limit)
			.query(UUID.class).list();
	}

	public int setHeld(StoreId store, UUID orderId, boolean held, Instant now) {
		jdbc.sql("update fulfillment.order_plan set held = :held where store_id = :store and order_id = :order")
			.param("held", held).param("store", store.value()).param("order", orderId).update();
		return jdbc.sql("""
				update fulfillment.fulfillment_order set held = :held, updated_at = :now
				 where store_id = :store and order_id = :order and status in ('OPEN', 'PARTIALLY_FULFILLED')
				   and held <> :held
				""")
			.param("held", held).param("now", Timestamp.from(now)).param("store", store.value()).param("order", orderId)
			.update();
	}

	/** Cancels everything not yet shipped of every fulfilment order of the order; returns the ids touched. */
	public List<UUID> cancelOrder(StoreId store, UUID orderId) {
		jdbc.sql("update fulfillment.order_plan set cancelled = true where store_id = :store and order_id = :order")
			.param("store", store.value()).param("order", orderId).update();
		return jdbc.sql("""
				update fulfillment.fulfillment_line l
				   set cancelled_quantity = l.quantity - l.shipped_quantity, packed_quantity = 0
				  from fulfillment.fulfillment_order fo
				 where fo.store_id = l.store_id and fo.id = l.fulfillment_order_id
				   and fo.store_id = :store and fo.order_id = :order
				   and l.quantity - l.shipped_quantity - l.cancelled_quantity > 0
				returning fo.id
				""")
			.param("store", store.value()).param("order", orderId).query(UUID.class).list();
	}

	/** Cancels {@code units} not yet shipped of one line; false when fewer remain. */
	public boolean cancelUnits(StoreId store, UUID fulfillmentOrderId, UUID lineId, int units) {
		return jdbc.sql("""
				update fulfillment.fulfillment_line
				   set cancelled_quantity = cancelled_quantity + :units,
				       packed_quantity = least(packed_quantity, quantity - shipped_quantity - cancelled_quantity - :units)
				 where store_id = :store and fulfillment_order_id = :fo and line_id = :line
				   and shipped_quantity + cancelled_quantity + :units <= quantity
				""")
			.param("units", units).param("store", store.value()).param("fo", fulfillmentOrderId).param("line", lineId)
			.update() == 1;
	}

	/** Takes {@code units} not yet shipped out of a line (to move them elsewhere); false when fewer remain. */
	public boolean removeUnits(StoreId store, UUID fulfillmentOrderId, UUID lineId, int units) {
		return jdbc.sql("""
				update fulfillment.fulfillment_line
				   set quantity = quantity - :units,
				       packed_quantity = least(packed_quantity, quantity - :units - shipped_quantity - cancelled_quantity)
				 where store_id = :store and fulfillment_order_id = :fo and line_id = :line
				   and shipped_quantity + cancelled_quantity + :units <= quantity
				""")
			.param("units", units).param("store", store.value()).param("fo", fulfillmentOrderId).param("line", lineId)
			.update() == 1;
	}

	/** One more unit packed, unless all that remains is packed already. */
	public boolean packOne(StoreId store, UUID fulfillmentOrderId, UUID lineId) {
		return jdbc.sql("""
				update fulfillment.fulfillment_line set packed_quantity = packed_quantity + 1
				 where store_id = :store and fulfillment_order_id = :fo and line_id = :line
				   and packed_quantity + 1 <= quantity - shipped_quantity - cancelled_quantity
				""")
			.param("store", store.value()).param("fo", fulfillmentOrderId).param("line", lineId).update() == 1;
	}

	public void resetPacking(StoreId store, UUID fulfillmentOrderId) {
		jdbc.sql("update fulfillment.fulfillment_line set packed_quantity = 0 where store_id = :store and fulfillment_order_id = :fo")
			.param("store", store.value()).param("fo", fulfillmentOrderId).update();
	}

	/** Ships {@code units} of a line; false when more than remains. Packed units count down with it. */
	public boolean shipUnits(StoreId store, UUID fulfillmentOrderId, UUID lineId, int units) {
		return jdbc.sql("""
				update fulfillment.fulfillment_line
				   set shipped_quantity = shipped_quantity + :units,
				       packed_quantity = greatest(0, least(packed_quantity - :units,
				                                           quantity - shipped_quantity - :units - cancelled_quantity))
				 where store_id = :store and fulfillment_order_id = :fo and line_id = :line
				   and shipped_quantity + cancelled_quantity + :units <= quantity
				""")
			.param("units", units).param("store", store.value()).param("fo", fulfillmentOrderId).param("line", lineId)
			.update() == 1;
	}

	/** The open fulfilment order of this order at this location, if there is one. */
	public Optional<UUID> openAt(StoreId store, UUID orderId, UUID locationId) {
		return jdbc.sql("""
				select id from fulfillment.fulfillment_order
				 where store_id = :store and order_id = :order and location_id = :location
				   and status in ('OPEN', 'PARTIALLY_FULFILLED')
				 order by created_at limit 1
				""")
			.param("store", store.value()).param("order", orderId).param("location", locationId)
			.query(UUID.class).optional();
	}

	/** Derives the status from the lines: nothing left → FULFILLED (or CANCELLED if nothing shipped). */
	public void refreshStatus(StoreId store, UUID fulfillmentOrderId, Instant now) {
		jdbc.sql("""
				update fulfillment.fulfillment_order fo
				   set status = case when s.remaining > 0 and s.shipped > 0 then 'PARTIALLY_FULFILLED'
				                     when s.remaining > 0 then 'OPEN'
				                     when s.shipped > 0 then 'FULFILLED'
				                     else 'CANCELLED' end,
				       updated_at = :now
				  from (select coalesce(sum(quantity - shipped_quantity - cancelled_quantity), 0) as remaining,
				               coalesce(sum(shipped_quantity), 0) as shipped
				          from fulfillment.fulfillment_line where store_id = :store and fulfillment_order_id = :fo) s
				 where fo.store_id = :store and fo.id = :fo
				""")
			.param("store", store.value()).param("fo", fulfillmentOrderId).param("now", Timestamp.from(now)).update();
	}

	private List<FulfillmentOrder> load(StoreId store, String sql, Map<String, ?> params, LocalDate today) {
		JdbcClient.StatementSpec statement = jdbc.sql(sql).param("store", store.value());
		for (Map.Entry<String, ?> param : params.entrySet()) {
			statement = statement.param(param.getKey(), param.getValue());
		}
		List<Header> headers = statement.query((rs, n) -> header(rs)).list();
		if (headers.isEmpty()) {
			return List.of();
		}
		Map<UUID, List<FulfillmentOrder.Line>> lines = new LinkedHashMap<>();
		jdbc.sql("""
				select * from fulfillment.fulfillment_line
				 where store_id = :store and fulfillment_order_id in (:ids) order by sku, line_id
				""")
			.param("store", store.value()).param("ids", headers.stream().map(Header::id).toList())
			.query((rs, n) -> {
				lines.computeIfAbsent(rs.getObject("fulfillment_order_id", UUID.class), k -> new ArrayList<>())
					.add(new FulfillmentOrder.Line(rs.getObject("line_id", UUID.class), rs.getString("sku"),
							rs.getString("title"), rs.getString("variant_title"), rs.getInt("quantity"),
							rs.getInt("packed_quantity"), rs.getInt("shipped_quantity"), rs.getInt("cancelled_quantity"),
							new Money(rs.getBigDecimal("unit_price"), Currency.getInstance(rs.getString("currency"))),
							(Integer) rs.getObject("grams")));
				return 1;
			}).list();
		return headers.stream().map(h -> h.toOrder(lines.getOrDefault(h.id(), List.of()), today)).toList();
	}

	private record Header(UUID id, UUID orderId, UUID locationId, String locationName, FulfillmentOrder.Status status,
			boolean held, Instant createdAt, String orderNumber, String email, @Nullable ShippingAddress shipTo,
			@Nullable String shippingMethod, @Nullable LocalDate promisedBy, Instant placedAt) {

		FulfillmentOrder toOrder(List<FulfillmentOrder.Line> lines, LocalDate today) {
			boolean late = !status.isClosed() && promisedBy != null && promisedBy.isBefore(today);
			return new FulfillmentOrder(id, orderId.toString(), orderNumber, locationId, locationName, status, held, email,
					shipTo, shippingMethod, promisedBy, late, placedAt, createdAt, lines);
		}
	}

	private static Header header(ResultSet rs) throws SQLException {
		return new Header(rs.getObject("id", UUID.class), rs.getObject("order_id", UUID.class),
				rs.getObject("location_id", UUID.class), rs.getString("location_name"),
				FulfillmentOrder.Status.valueOf(rs.getString("status")), rs.getBoolean("held"),
				rs.getTimestamp("created_at").toInstant(), rs.getString("order_number"), rs.getString("email"), shipTo(rs),
				rs.getString("shipping_method"), rs.getObject("promised_by", LocalDate.class),
				rs.getTimestamp("placed_at").toInstant());
	}

	private static @Nullable ShippingAddress shipTo(ResultSet rs) throws SQLException {
		if (rs.getString("ship_country") == null && rs.getString("ship_line1") == null) {
			return null;
		}
		return new ShippingAddress(java.util.Objects.toString(rs.getString("ship_name"), ""), rs.getString("ship_company"),
				rs.getString("ship_phone"), rs.getString("ship_line1"), rs.getString("ship_line2"), rs.getString("ship_city"),
				rs.getString("ship_region"), rs.getString("ship_postal_code"), rs.getString("ship_country"));
	}
}
