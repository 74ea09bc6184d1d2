package dev.shopwright.orders.domain;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.shopwright.customers.AddressDetails;
import dev.shopwright.customers.CustomerId;
import dev.shopwright.orders.FulfillmentStatus;
import dev.shopwright.orders.Order;
import dev.shopwright.orders.OrderId;
import dev.shopwright.orders.OrderListing;
import dev.shopwright.orders.OrderStatus;
import dev.shopwright.orders.PaymentState;
import dev.shopwright.orders.PlaceOrder;
import dev.shopwright.orders.RiskLevel;
import dev.shopwright.orders.TimelineEntry;
import dev.shopwright.platform.Actor;
import dev.shopwright.platform.Cursor;
import dev.shopwright.pricing.PriceBreakdown;
import dev.shopwright.shared.Money;
import dev.shopwright.shared.Page;
import dev.shopwright.shared.StoreId;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Orders, their lines, tax lines, timeline and number counter in SQL. Rules that concurrent requests could break
 * live in the statements (conditional updates) and the tables' checks, not in loaded-then-saved objects.
 */
@Repository
public class Orders {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Pattern ORDER_NUMBER = Pattern.compile("#?\\s*(\\d{1,15})");

	private final JdbcClient jdbc;

	Orders(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Serialises everything that changes one order's state for the rest of the transaction — placing it and
	 * following its payments — including while the order row is not yet committed (a row lock could not do that).
	 */
	public void lockOrder(StoreId store, OrderId id) {
		jdbc.sql("select pg_advisory_xact_lock(hashtextextended(:key, 0))")
			.param("key", "orders:" + store + ":" + id)
			.query((rs, n) -> 1)
			.single();
	}

	/** The next order number of the store (1001 first); the counter row stays locked until the transaction ends. */
	public long nextNumber(StoreId store) {
		return jdbc.sql("""
				insert into orders.order_number_counter (store_id, last_number) values (:store, 1001)
				on conflict (store_id) do update set last_number = orders.order_number_counter.last_number + 1
				returning last_number""")
			.param("store", store.value())
			.query(Long.class)
			.single();
	}

	/** Inserts the order head without its number; false when an order with this id exists already. */
	public boolean insert(StoreId store, PlaceOrder command, OrderStatus status, PaymentState paymentState) {
		PriceBreakdown totals = command.totals();
		PriceBreakdown.StoreCurrencyTotals converted = totals.storeCurrency();
		PlaceOrder.Shipping shipping = command.shipping();
		return jdbc.sql("""
				insert into orders.customer_order (store_id, id, channel, status, payment_state, fulfillment_status,
				    customer_id, email, shopper_token_hash, currency, prices_include_tax, tax_exempt, tax_zone, tax_rounding,
				    subtotal, discount_total, shipping, shipping_tax, tax_total, total, store_currency, exchange_rate,
				    store_subtotal, store_discount_total, store_shipping, store_tax_total, store_total, shipping_method_id,
				    shipping_method_name, promised_by, shipping_address, billing_address, risk_score, risk_level,
				    risk_reasons, note, client_address, payment_intent_id, reservation_reference)
				values (:store, :id, :channel, :status, :paymentState, 'UNFULFILLED', :customer, :email, :tokenHash,
				    :currency, :pricesIncludeTax, :taxExempt, :taxZone, :taxRounding, :subtotal, :discountTotal, :shipping,
				    :shippingTax, :taxTotal, :total, :storeCurrency, :rate, :storeSubtotal, :storeDiscountTotal,
				    :storeShipping, :storeTaxTotal, :storeTotal, :methodId, :methodName, :promisedBy,
				    cast(:shippingAddress as jsonb), cast(:billingAddress as jsonb), :riskScore, :riskLevel,
				    cast(:riskReasons as jsonb), :note, :clientAddress, :payment, :reservation)
				on conflict (store_id, id) do nothing""")
			.param("store", store.value()).param("id", command.id().value()).param("channel", command.channel())
			.param("status", status.name()).param("paymentState", paymentState.name())
			.param("customer", command.customer() == null ? null : command.customer().value())
			.param("email", command.email()).param("tokenHash", command.shopperTokenHash())
			.param("currency", totals.currency().getCurrencyCode()).param("pricesIncludeTax", totals.pricesIncludeTax())
			.param("taxExempt", totals.taxExempt()).param("taxZone", totals.taxZone())
			.param("taxRounding", totals.rounding().name())
			.param("subtotal", totals.subtotal().amount()).param("discountTotal", totals.discountTotal().amount())
			.param("shipping", totals.shipping().amount()).param("shippingTax", totals.shippingTax().amount())
			.param("taxTotal", totals.taxTotal().amount()).param("total", totals.total().amount())
			.param("storeCurrency", converted.currency().getCurrencyCode()).param("rate", converted.exchangeRate())
			.param("storeSubtotal", converted.subtotal().amount())
			.param("storeDiscountTotal", converted.discountTotal().amount())
			.param("storeShipping", converted.shipping().amount()).param("storeTaxTotal", converted.taxTotal().amount())
			.param("storeTotal", converted.total().amount())
			.param("methodId", shipping == null ? null : shipping.methodId())
			.param("methodName", shipping == null ? null : shipping.name())
			.param("promisedBy", shipping == null ? null : shipping.promisedBy())
			.param("shippingAddress", json(command.shippingAddress()))
			.param("billingAddress", json(command.billingAddress()))
			.param("riskScore", command.risk().score()).param("riskLevel", command.risk().level().name())
			.param("riskReasons", JSON.writeValueAsString(command.risk().reasons())).param("note", command.note())
			.param("clientAddress", command.clientAddress())
			.param("payment", command.payment() == null ? null : command.payment().value())
			.param("reservation", command.reservationReference())
			.update() == 1;
	}

	public void number(StoreId store, OrderId id, long number) {
		jdbc.sql("update orders.customer_order set number = :number where store_id = :store and id = :id")
			.param("number", number).param("store", store.value()).param("id", id.value()).update();
	}

	public void insertLine(StoreId store, OrderId order, UUID id, int position, PlaceOrder.Line line,
			PriceBreakdown.LineTotal total) {
		jdbc.sql("""
				insert into orders.order_line (store_id, order_id, id, position, reference, sku, product_id, variant_id,
				    title, variant_title, quantity, currency, unit_price, discount, tax, total, tax_class, grams,
				    requires_shipping)
				values (:store, :order, :id, :position, :reference, :sku, :product, :variant, :title, :variantTitle,
				    :quantity, :currency, :unitPrice, :discount, :tax, :total, :taxClass, :grams, :requiresShipping)""")
			.param("store", store.value()).param("order", order.value()).param("id", id).param("position", position)
			.param("reference", line.reference()).param("sku", line.sku()).param("product", line.productId())
			.param("variant", line.variantId()).param("title", line.title()).param("variantTitle", line.variantTitle())
			.param("quantity", line.quantity()).param("currency", total.unitPrice().currency().getCurrencyCode())
			.param("unitPrice", total.unitPrice().amount()).param("discount", total.discount().amount())
			.param("tax", total.tax().amount()).param("total", total.total().amount())
			.param("taxClass", line.taxClass()).param("grams", line.grams())
			.param("requiresShipping", line.requiresShipping())
			.update();
	}

	public void insertTaxLine(StoreId store, OrderId order, int position, PriceBreakdown.TaxLine tax) {
		jdbc.sql("""
				insert into orders.order_tax_line (store_id, order_id, position, zone, tax_class, name, percent, compound,
				    currency, taxable, amount)
				values (:store, :order, :position, :zone, :taxClass, :name, :percent, :compound, :currency, :taxable,
				    :amount)""")
			.param("store", store.value()).param("order", order.value()).param("position", position)
			.param("zone", tax.zone()).param("taxClass", tax.taxClass()).param("name", tax.name())
			.param("percent", tax.percent()).param("compound", tax.compound())
			.param("currency", tax.amount().currency().getCurrencyCode()).param("taxable", tax.taxable().amount())
			.param("amount", tax.amount().amount())
			.update();
	}

	/** Appends to the timeline; an entry whose {@code dedupeKey} is already there is not written again. */
	public boolean appendTimeline(StoreId store, OrderId order, String kind, String message, Actor actor,
			Map<String, String> data, @Nullable String dedupeKey) {
		return jdbc.sql("""
				insert into orders.timeline_entry (store_id, order_id, kind, message, actor_type, actor_id, actor_name,
				    data, dedupe_key)
				values (:store, :order, :kind, :message, :actorType, :actorId, :actorName, cast(:data as jsonb), :dedupe)
				on conflict (store_id, order_id, dedupe_key) where dedupe_key is not null do nothing""")
			.param("store", store.value()).param("order", order.value()).param("kind", kind).param("message", message)
			.param("actorType", actor.actorType()).param("actorId", actor.actorId())
			.param("actorName", actor.actorName()).param("data", JSON.writeValueAsString(data))
			.param("dedupe", dedupeKey)
			.update() == 1;
	}

	public List<TimelineEntry> timeline(StoreId store, OrderId order) {
		return jdbc.sql("""
				select seq, kind, message, actor_type, actor_name, at, data::text as data from orders.timeline_entry
				where store_id = :store and order_id = :order order by seq""")
			.param("store", store.value()).param("order", order.value())
			.query((rs, n) -> new TimelineEntry(rs.getLong("seq"), rs.getString("kind"), rs.getString("message"),
					rs.getString("actor_type"), rs.getString("actor_name"), rs.getTimestamp("at").toInstant(),
					JSON.readValue(rs.getString("data"), new TypeReference<Map<String, String>>() {
					})))
			.list();
	}

	/**
	 * Sets the payment state derived from the payments; an OPEN order that is now paid and fulfilled closes. Returns
	 * whether anything changed.
	 */
	public boolean paymentState(StoreId store, OrderId id, PaymentState state) {
		return jdbc.sql("""
				update orders.customer_order set payment_state = :state, version = version + 1, updated_at = now(),
				    status = case when status = 'OPEN' and :state = 'PAID' and fulfillment_status = 'FULFILLED'
				                  then 'CLOSED' else status end,
				    closed_at = case when status = 'OPEN' and :state = 'PAID' and fulfillment_status = 'FULFILLED'
				                  then now() else closed_at end
				where store_id = :store and id = :id and payment_state <> :state""")
			.param("state", state.name()).param("store", store.value()).param("id", id.value())
			.update() == 1;
	}

	/** Locks the committed order row for the rest of the transaction (staff actions and fulfilments queue here). */
	public Optional<Head> lock(StoreId store, OrderId id) {
		return jdbc.sql("""
				select * from orders.customer_order where store_id = :store and id = :id and number is not null
				for update""")
			.param("store", store.value()).param("id", id.value())
			.query(Orders::head)
			.optional();
	}

	/** Moves the status from one of {@code from} to {@code to}; false when the order is in none of them. */
	public boolean status(StoreId store, OrderId id, Set<OrderStatus> from, OrderStatus to) {
		return jdbc.sql("""
				update orders.customer_order set status = :to, version = version + 1, updated_at = now()
				where store_id = :store and id = :id and status = any(:from)""")
			.param("to", to.name()).param("store", store.value()).param("id", id.value())
			.param("from", from.stream().map(Enum::name).toArray(String[]::new))
			.update() == 1;
	}

	/** Cancels an open or held order with nothing fulfilled: every line's remaining units are cancelled. */
	public boolean cancel(StoreId store, OrderId id, String reason) {
		boolean cancelled = jdbc.sql("""
				update orders.customer_order set status = 'CANCELLED', cancel_reason = :reason, cancelled_at = now(),
				    version = version + 1, updated_at = now()
				where store_id = :store and id = :id and status in ('OPEN', 'ON_HOLD')
				  and not exists (select 1 from orders.order_line l
				                  where l.store_id = :store and l.order_id = :id and l.fulfilled_quantity > 0)""")
			.param("reason", reason).param("store", store.value()).param("id", id.value())
			.update() == 1;
		if (cancelled) {
			jdbc.sql("""
					update orders.order_line set cancelled_quantity = quantity - fulfilled_quantity
					where store_id = :store and order_id = :id""")
				.param("store", store.value()).param("id", id.value()).update();
		}
		return cancelled;
	}

	/** Replaces the tags if the order is still at {@code expectedVersion} (when given). */
	public boolean tags(StoreId store, OrderId id, Set<String> tags, @Nullable Integer expectedVersion) {
		return jdbc.sql("""
				update orders.customer_order set tags = :tags, version = version + 1, updated_at = now()
				where store_id = :store and id = :id and (cast(:expected as integer) is null or version = :expected)""")
			.param("tags", tags.stream().sorted().toArray(String[]::new)).param("store", store.value())
			.param("id", id.value()).param("expected", expectedVersion)
			.update() == 1;
	}

	/** Records a shipment once; false when this shipment reference was recorded for the order before. */
	public boolean insertFulfillment(StoreId store, OrderId id, String shipmentReference) {
		return jdbc.sql("""
				insert into orders.fulfillment (store_id, order_id, shipment_reference) values (:store, :id, :reference)
				on conflict do nothing""")
			.param("store", store.value()).param("id", id.value()).param("reference", shipmentReference)
			.update() == 1;
	}

	/** Sets a recorded shipment's tracking and status; false when no such shipment was recorded for the order. */
	public boolean trackShipment(StoreId store, OrderId id, String shipmentReference, String carrier,
			String trackingNumber, @Nullable String trackingUrl, String status) {
		return jdbc.sql("""
				update orders.fulfillment set carrier = :carrier, tracking_number = :number, tracking_url = :url,
				    shipment_status = :status, status_at = now()
				where store_id = :store and order_id = :id and shipment_reference = :reference""")
			.param("store", store.value()).param("id", id.value()).param("reference", shipmentReference)
			.param("carrier", carrier).param("number", trackingNumber).param("url", trackingUrl).param("status", status)
			.update() == 1;
	}

	public List<dev.shopwright.orders.OrderShipment> shipments(StoreId store, OrderId id) {
		return jdbc.sql("""
				select shipment_reference, carrier, tracking_number, tracking_url, shipment_status, recorded_at
				from orders.fulfillment where store_id = :store and order_id = :id
				order by recorded_at, shipment_reference""")
			.param("store", store.value()).param("id", id.value())
			.query((rs, row) -> new dev.shopwright.orders.OrderShipment(rs.getString("shipment_reference"),
					rs.getString("carrier"), rs.getString("tracking_number"), rs.getString("tracking_url"),
					rs.getString("shipment_status"), rs.getTimestamp("recorded_at").toInstant()))
			.list();
	}

	/**
	 * Adds fulfilled units to a line, only while they fit what was bought and not cancelled nor shipped already;
	 * false when they do not (concurrent fulfilments each pass this one at a time on the line row).
	 */
	public boolean fulfil(StoreId store, OrderId id, String shipmentReference, UUID lineId, int quantity) {
		boolean fits = jdbc.sql("""
				update orders.order_line set fulfilled_quantity = fulfilled_quantity + :quantity
				where store_id = :store and order_id = :id and id = :line
				  and fulfilled_quantity + cancelled_quantity + :quantity <= quantity""")
			.param("quantity", quantity).param("store", store.value()).param("id", id.value()).param("line", lineId)
			.update() == 1;
		if (fits) {
			jdbc.sql("""
					insert into orders.fulfillment_line (store_id, order_id, shipment_reference, line_id, quantity)
					values (:store, :id, :reference, :line, :quantity)""")
				.param("store", store.value()).param("id", id.value()).param("reference", shipmentReference)
				.param("line", lineId).param("quantity", quantity).update();
		}
		return fits;
	}

	/** Works out the fulfilment status from the lines; an open order that is paid and now fulfilled closes. */
	public FulfillmentStatus refreshFulfillmentStatus(StoreId store, OrderId id) {
		return jdbc.sql("""
				update orders.customer_order o set version = version + 1, updated_at = now(),
				    fulfillment_status = f.status,
				    status = case when o.status = 'OPEN' and o.payment_state = 'PAID' and f.status = 'FULFILLED'
				                  then 'CLOSED' else o.status end,
				    closed_at = case when o.status = 'OPEN' and o.payment_state = 'PAID' and f.status = 'FULFILLED'
				                  then now() else o.closed_at end
				from (select case when sum(fulfilled_quantity) = 0 then 'UNFULFILLED'
				                  when sum(fulfilled_quantity + cancelled_quantity) >= sum(quantity) then 'FULFILLED'
				                  else 'PARTIALLY_FULFILLED' end as status
				      from orders.order_line where store_id = :store and order_id = :id) f
				where o.store_id = :store and o.id = :id
				returning o.fulfillment_status""")
			.param("store", store.value()).param("id", id.value())
			.query((rs, n) -> FulfillmentStatus.valueOf(rs.getString(1)))
			.single();
	}

	// reads

	public Optional<Order> find(StoreId store, OrderId id) {
		return jdbc.sql("select * from orders.customer_order where store_id = :store and id = :id and number is not null")
			.param("store", store.value()).param("id", id.value())
			.query(Orders::head)
			.optional()
			.map(head -> complete(store, List.of(head)).getFirst());
	}

	/** Newest first, by (placed_at, id) so that a page boundary never skips or repeats an order. */
	public Page<Order> list(StoreId store, OrderListing filter, @Nullable String cursor, int limit) {
		StringBuilder sql = new StringBuilder("select * from orders.customer_order where store_id = :store and number is not null");
		Map<String, Object> params = new LinkedHashMap<>();
		params.put("store", store.value());
		String query = filter.query() == null ? "" : filter.query().strip();
		if (!query.isEmpty()) {
			Matcher number = ORDER_NUMBER.matcher(query);
			if (number.matches()) {
				sql.append(" and (number = :number or position(:query in lower(email)) > 0)");
				params.put("number", Long.parseLong(number.group(1)));
			}
			else {
				sql.append(" and position(:query in lower(email)) > 0");
			}
			params.put("query", query.toLowerCase(java.util.Locale.ROOT));
		}
		condition(sql, params, "status", filter.status());
		condition(sql, params, "payment_state", filter.paymentState());
		condition(sql, params, "fulfillment_status", filter.fulfillmentStatus());
		condition(sql, params, "risk_level", filter.riskLevel());
		if (filter.channel() != null && !filter.channel().isBlank()) {
			sql.append(" and channel = :channel");
			params.put("channel", filter.channel());
		}
		if (filter.customer() != null) {
			sql.append(" and customer_id = :customer");
			params.put("customer", filter.customer().value());
		}
		if (filter.placedFrom() != null) {
			sql.append(" and placed_at >= :from");
			params.put("from", Timestamp.from(filter.placedFrom()));
		}
		if (filter.placedTo() != null) {
			sql.append(" and placed_at < :to");
			params.put("to", Timestamp.from(filter.placedTo()));
		}
		if (cursor != null) {
			Cursor position = Cursor.decode(cursor, 2);
			sql.append(" and (placed_at, id) < (:cursorAt, :cursorId)");
			params.put("cursorAt", Timestamp.from(position.instant(0)));
			params.put("cursorId", position.uuid(1));
		}
		sql.append(" order by placed_at desc, id desc limit :limit");
		params.put("limit", limit + 1);
		List<Head> heads = jdbc.sql(sql.toString()).params(params).query(Orders::head).list();
		String next = null;
		if (heads.size() > limit) {
			heads = heads.subList(0, limit);
			Head last = heads.getLast();
			next = Cursor.of(last.placedAt().toString(), last.id().toString()).encode();
		}
		return new Page<>(complete(store, heads), next);
	}

	private static void condition(StringBuilder sql, Map<String, Object> params, String column, @Nullable Enum<?> value) {
		if (value != null) {
			sql.append(" and ").append(column).append(" = :").append(column);
			params.put(column, value.name());
		}
	}

	/** The numbers of the order's applied edits, in order. */
	public List<Integer> editNumbers(StoreId store, OrderId id) {
		return jdbc.sql("select number from orders.order_edit where store_id = :store and order_id = :id order by number")
			.param("store", store.value()).param("id", id.value())
			.query(Integer.class)
			.list();
	}

	/** The version and status as they are now, for error messages after a conditional update matched nothing. */
	public Optional<Head> head(StoreId store, OrderId id) {
		return jdbc.sql("select * from orders.customer_order where store_id = :store and id = :id and number is not null")
			.param("store", store.value()).param("id", id.value())
			.query(Orders::head)
			.optional();
	}

	/** The order row's columns; lines and tax lines are loaded for a page of heads at once. */
	public record Head(UUID id, long number, String channel, OrderStatus status, PaymentState paymentState,
			FulfillmentStatus fulfillmentStatus, @Nullable UUID customerId, String email, @Nullable String shopperTokenHash,
			Currency currency, Order.Totals totals, Order.StoreCurrencyTotals storeCurrency,
			Order.@Nullable ShippingLine shipping, @Nullable AddressDetails shippingAddress,
			@Nullable AddressDetails billingAddress, Order.Risk risk, Set<String> tags, @Nullable String note,
			@Nullable String cancelReason, @Nullable UUID paymentIntentId, @Nullable String reservationReference,
			Instant placedAt, @Nullable Instant cancelledAt, @Nullable Instant closedAt, int version) {
	}

	/** The shopper access columns of an order: who may open it from the storefront. */
	public record ShopperAccess(@Nullable UUID customerId, @Nullable String shopperTokenHash, String statusKey) {
	}

	public Optional<ShopperAccess> shopperAccess(StoreId store, OrderId id) {
		return jdbc.sql("""
				select customer_id, shopper_token_hash, status_key from orders.customer_order
				where store_id = :store and id = :id and number is not null""")
			.param("store", store.value()).param("id", id.value())
			.query((rs, n) -> new ShopperAccess(rs.getObject("customer_id", UUID.class),
					rs.getString("shopper_token_hash"), rs.getString("status_key")))
			.optional();
	}

	private List<Order> complete(StoreId store, List<Head> heads) {
		if (heads.isEmpty()) {
			return List.of();
		}
		UUID[] ids = heads.stream().map(Head::id).toArray(UUID[]::new);
		Map<UUID, List<Order.Line>> lines = new LinkedHashMap<>();
		jdbc.sql("""
				select * from orders.order_line where store_id = :store and order_id = any(:ids)
				order by order_id, position""")
			.param("store", store.value()).param("ids", ids)
			.query((ResultSet rs) -> {
				Currency currency = Currency.getInstance(rs.getString("currency"));
				Order.Line line = new Order.Line(rs.getObject("id", UUID.class), rs.getString("sku"),
						rs.getObject("product_id", UUID.class), rs.getObject("variant_id", UUID.class),
						rs.getString("title"), rs.getString("variant_title"), rs.getInt("quantity"),
						rs.getInt("fulfilled_quantity"), rs.getInt("cancelled_quantity"),
						money(rs, "unit_price", currency), money(rs, "discount", currency), money(rs, "tax", currency),
						money(rs, "total", currency), rs.getString("tax_class"), (Integer) rs.getObject("grams"),
						rs.getBoolean("requires_shipping"));
				lines.computeIfAbsent(rs.getObject("order_id", UUID.class), k -> new ArrayList<>()).add(line);
			});
		Map<UUID, List<Order.TaxLine>> taxes = new LinkedHashMap<>();
		jdbc.sql("""
				select * from orders.order_tax_line where store_id = :store and order_id = any(:ids)
				order by order_id, position""")
			.param("store", store.value()).param("ids", ids)
			.query((ResultSet rs) -> {
				Currency currency = Currency.getInstance(rs.getString("currency"));
				taxes.computeIfAbsent(rs.getObject("order_id", UUID.class), k -> new ArrayList<>())
					.add(new Order.TaxLine(rs.getString("name"), rs.getBigDecimal("percent").stripTrailingZeros(),
							money(rs, "taxable", currency), money(rs, "amount", currency)));
			});
		return heads.stream()
			.map(head -> new Order(store, new OrderId(head.id()), "#" + head.number(), head.channel(), head.status(),
					head.paymentState(), head.fulfillmentStatus(),
					head.customerId() == null ? null : new CustomerId(head.customerId()), head.email(),
					lines.getOrDefault(head.id(), List.of()), head.shippingAddress(), head.billingAddress(),
					head.shipping(), head.totals(), head.storeCurrency(), taxes.getOrDefault(head.id(), List.of()),
					head.risk(), head.tags(), head.note(), head.cancelReason(), head.placedAt(), head.cancelledAt(),
					head.closedAt(), head.version()))
			.toList();
	}

	private static Head head(ResultSet rs, int row) throws SQLException {
		Currency currency = Currency.getInstance(rs.getString("currency"));
		Currency storeCurrency = Currency.getInstance(rs.getString("store_currency"));
		Order.Totals totals = new Order.Totals(rs.getBoolean("prices_include_tax"), money(rs, "subtotal", currency),
				money(rs, "discount_total", currency), money(rs, "shipping", currency), money(rs, "tax_total", currency),
				money(rs, "total", currency));
		BigDecimal rate = rs.getBigDecimal("exchange_rate");
		Order.StoreCurrencyTotals converted = new Order.StoreCurrencyTotals(
				rate == null ? null : rate.stripTrailingZeros(), money(rs, "store_subtotal", storeCurrency),
				money(rs, "store_discount_total", storeCurrency), money(rs, "store_shipping", storeCurrency),
				money(rs, "store_tax_total", storeCurrency), money(rs, "store_total", storeCurrency));
		String methodId = rs.getString("shipping_method_id");
		Order.ShippingLine shipping = methodId == null ? null
				: new Order.ShippingLine(methodId, rs.getString("shipping_method_name"), money(rs, "shipping", currency),
						money(rs, "shipping_tax", currency), rs.getObject("promised_by", LocalDate.class));
		List<String> reasons = JSON.readValue(rs.getString("risk_reasons"), new TypeReference<List<String>>() {
		});
		Array tags = rs.getArray("tags");
		Set<String> tagSet = new LinkedHashSet<>(tags == null ? List.of() : Arrays.asList((String[]) tags.getArray()));
		return new Head(rs.getObject("id", UUID.class), rs.getLong("number"), rs.getString("channel"),
				OrderStatus.valueOf(rs.getString("status")), PaymentState.valueOf(rs.getString("payment_state")),
				FulfillmentStatus.valueOf(rs.getString("fulfillment_status")), rs.getObject("customer_id", UUID.class),
				rs.getString("email"), rs.getString("shopper_token_hash"), currency, totals, converted, shipping,
				address(rs.getString("shipping_address")), address(rs.getString("billing_address")),
				new Order.Risk(rs.getInt("risk_score"), RiskLevel.valueOf(rs.getString("risk_level")), reasons), tagSet,
				rs.getString("note"), rs.getString("cancel_reason"), rs.getObject("payment_intent_id", UUID.class),
				rs.getString("reservation_reference"), rs.getTimestamp("placed_at").toInstant(),
				instant(rs, "cancelled_at"), instant(rs, "closed_at"), rs.getInt("version"));
	}

	private static Money money(ResultSet rs, String column, Currency currency) throws SQLException {
		return Money.of(rs.getBigDecimal(column), currency, java.math.RoundingMode.UNNECESSARY);
	}

	private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp value = rs.getTimestamp(column);
		return value == null ? null : value.toInstant();
	}

	private static @Nullable AddressDetails address(@Nullable String json) {
		return json == null ? null : JSON.readValue(json, AddressDetails.class);
	}

	private static @Nullable String json(@Nullable Object value) {
		return value == null ? null : JSON.writeValueAsString(value);
	}
}
