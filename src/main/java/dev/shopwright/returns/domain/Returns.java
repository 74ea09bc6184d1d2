package dev.shopwright.returns.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.shopwright.customers.CustomerId;
import dev.shopwright.fulfillment.ShipmentStatus;
import dev.shopwright.inventory.LocationId;
import dev.shopwright.orders.OrderId;
import dev.shopwright.platform.Cursor;
import dev.shopwright.returns.Resolution;
import dev.shopwright.returns.ReturnId;
import dev.shopwright.returns.ReturnListing;
import dev.shopwright.returns.ReturnPolicy;
import dev.shopwright.returns.ReturnReason;
import dev.shopwright.returns.ReturnRequest;
import dev.shopwright.returns.ReturnStatus;
import dev.shopwright.shared.Money;
import dev.shopwright.shared.Page;
import dev.shopwright.shared.StoreId;

/**
 * Returns, their items, the claimed-units guard and the RMA counter in SQL. Every state change is a conditional
 * update on the current status, so two staff clicking at once cannot both move a return.
 */
@Repository
public class Returns {

	private final JdbcClient jdbc;

	Returns(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	// policy

	public ReturnPolicy policy(StoreId store) {
		return jdbc.sql("select * from returns.policy where store_id = :store")
			.param("store", store.value())
			.query((rs, n) -> new ReturnPolicy(rs.getInt("window_days"), strings(rs, "non_returnable_skus"),
					strings(rs, "non_returnable_tags"), rs.getBigDecimal("restocking_fee_percent").stripTrailingZeros(),
					ReturnPolicy.ShippingPaidBy.valueOf(rs.getString("return_shipping_paid_by")),
					rs.getBoolean("auto_receive_on_delivery")))
			.optional()
			.orElse(ReturnPolicy.DEFAULT);
	}

	public void savePolicy(StoreId store, ReturnPolicy policy) {
		jdbc.sql("""
				insert into returns.policy (store_id, window_days, restocking_fee_percent, return_shipping_paid_by,
				    non_returnable_skus, non_returnable_tags, auto_receive_on_delivery, updated_at)
				values (:store, :days, :fee, :paidBy, :skus, :tags, :autoReceive, now())
				on conflict (store_id) do update set window_days = excluded.window_days,
				    restocking_fee_percent = excluded.restocking_fee_percent,
				    return_shipping_paid_by = excluded.return_shipping_paid_by,
				    non_returnable_skus = excluded.non_returnable_skus, non_returnable_tags = excluded.non_returnable_tags,
				    auto_receive_on_delivery = excluded.auto_receive_on_delivery, updated_at = now()""")
			.param("store", store.value()).param("days", policy.windowDays())
			.param("fee", policy.restockingFeePercent()).param("paidBy", policy.returnShippingPaidBy().name())
			.param("skus", policy.nonReturnableSkus().toArray(String[]::new))
			.param("tags", policy.nonReturnableTags().toArray(String[]::new))
			.param("autoReceive", policy.autoReceiveOnDelivery())
			.update();
	}

	// opening

	/** The store's next RMA number (1001 first); the counter row stays locked until the transaction ends. */
	public long nextNumber(StoreId store) {
		return jdbc.sql("""
				insert into returns.rma_counter (store_id, last_number) values (:store, 1001)
				on conflict (store_id) do update set last_number = returns.rma_counter.last_number + 1
				returning last_number""")
			.param("store", store.value())
			.query(Long.class)
			.single();
	}

	/**
	 * Claims {@code quantity} more units of an order line for a return, in one statement that refuses to pass
	 * {@code returnable}; false when that many are not left.
	 */
	public boolean claim(StoreId store, OrderId order, UUID line, int quantity, int returnable) {
		return jdbc.sql("""
				insert into returns.claimed_units as c (store_id, order_id, order_line_id, claimed, returnable)
				select :store, :order, :line, :quantity, :returnable where :quantity <= :returnable
				on conflict (store_id, order_id, order_line_id) do update
				    set claimed = c.claimed + excluded.claimed, returnable = excluded.returnable
				    where c.claimed + excluded.claimed <= excluded.returnable""")
			.param("store", store.value()).param("order", order.value()).param("line", line)
			.param("quantity", quantity).param("returnable", returnable)
			.update() == 1;
	}

	/** Units already claimed by returns that are not rejected, per order line. */
	public Map<UUID, Integer> claimed(StoreId store, OrderId order) {
		Map<UUID, Integer> claimed = new LinkedHashMap<>();
		jdbc.sql("select order_line_id, claimed from returns.claimed_units where store_id = :store and order_id = :order")
			.param("store", store.value()).param("order", order.value())
			.query((ResultSet rs) -> {
				claimed.put(rs.getObject("order_line_id", UUID.class), rs.getInt("claimed"));
			});
		return claimed;
	}

	public void release(StoreId store, OrderId order, UUID line, int quantity) {
		jdbc.sql("""
				update returns.claimed_units set claimed = claimed - :quantity
				where store_id = :store and order_id = :order and order_line_id = :line""")
			.param("store", store.value()).param("order", order.value()).param("line", line)
			.param("quantity", quantity)
			.update();
	}

	public record NewReturn(ReturnId id, long number, OrderId orderId, String orderNumber, @Nullable CustomerId customerId,
			String email, String openedBy, @Nullable String note, Currency currency, ReturnPolicy policy) {
	}

	public void insert(StoreId store, NewReturn request) {
		jdbc.sql("""
				insert into returns.return_request (store_id, id, number, order_id, order_number, customer_id, email,
				    status, opened_by, note, currency, restocking_fee_percent, return_shipping_paid_by)
				values (:store, :id, :number, :order, :orderNumber, :customer, :email, 'REQUESTED', :openedBy, :note,
				    :currency, :fee, :paidBy)""")
			.param("store", store.value()).param("id", request.id().value()).param("number", request.number())
			.param("order", request.orderId().value()).param("orderNumber", request.orderNumber())
			.param("customer", request.customerId() == null ? null : request.customerId().value())
			.param("email", request.email()).param("openedBy", request.openedBy()).param("note", request.note())
			.param("currency", request.currency().getCurrencyCode())
			.param("fee", request.policy().restockingFeePercent())
			.param("paidBy", request.policy().returnShippingPaidBy().name())
			.update();
	}

	public record NewItem(UUID orderLineId, String sku, @Nullable UUID productId, String title,
			@Nullable String variantTitle, int quantity, ReturnReason reason, @Nullable String comment, Money unitValue) {
	}

	public void insertItem(StoreId store, ReturnId returnId, int position, NewItem item) {
		jdbc.sql("""
				insert into returns.return_item (store_id, id, return_id, position, order_line_id, sku, product_id, title,
				    variant_title, quantity, reason, comment, unit_value)
				values (:store, :id, :returnId, :position, :line, :sku, :product, :title, :variantTitle, :quantity,
				    :reason, :comment, :unitValue)""")
			.param("store", store.value()).param("id", UUID.randomUUID()).param("returnId", returnId.value())
			.param("position", position).param("line", item.orderLineId()).param("sku", item.sku())
			.param("product", item.productId()).param("title", item.title()).param("variantTitle", item.variantTitle())
			.param("quantity", item.quantity()).param("reason", item.reason().name()).param("comment", item.comment())
			.param("unitValue", item.unitValue().amount())
			.update();
	}

	// transitions

	/** Moves the return from {@code from} to {@code to} and stamps {@code stampColumn}; false if it was not in {@code from}. */
	public boolean transition(StoreId store, ReturnId id, ReturnStatus from, ReturnStatus to, String stampColumn) {
		if (!stampColumn.matches("[a-z_]+_at")) {
			throw new IllegalArgumentException(stampColumn);
		}
		return jdbc.sql("update returns.return_request set status = :to, " + stampColumn + " = now(), version = version + 1 "
				+ "where store_id = :store and id = :id and status = :from")
			.param("store", store.value()).param("id", id.value()).param("from", from.name()).param("to", to.name())
			.update() == 1;
	}

	public boolean reject(StoreId store, ReturnId id, String reason) {
		return jdbc.sql("""
				update returns.return_request set status = 'REJECTED', rejected_at = now(), rejection_reason = :reason,
				    version = version + 1
				where store_id = :store and id = :id and status = 'REQUESTED'""")
			.param("store", store.value()).param("id", id.value()).param("reason", reason)
			.update() == 1;
	}

	/** Keeps the latest delivery of the order's parcels (a redelivered event or an earlier parcel changes nothing). */
	public void recordDelivery(StoreId store, UUID orderId, Instant deliveredAt) {
		jdbc.sql("""
				insert into returns.order_delivery (store_id, order_id, delivered_at) values (:store, :order, :at)
				on conflict (store_id, order_id) do update set delivered_at = greatest(order_delivery.delivered_at, excluded.delivered_at)""")
			.param("store", store.value()).param("order", orderId)
			.param("at", java.sql.Timestamp.from(deliveredAt))
			.update();
	}

	public Optional<Instant> deliveredAt(StoreId store, UUID orderId) {
		return jdbc.sql("select delivered_at from returns.order_delivery where store_id = :store and order_id = :order")
			.param("store", store.value()).param("order", orderId)
			.query((rs, row) -> rs.getTimestamp("delivered_at").toInstant()).optional();
	}

	/**
	 * Keeps the return label bought on approval (its download address is {@code /return-labels/{key}.pdf}), what it
	 * cost and what the shopper is charged for it.
	 */
	public void label(StoreId store, ReturnId id, String carrier, String trackingNumber, UUID key, byte[] pdf,
			Money cost, Money charge) {
		jdbc.sql("""
				update returns.return_request set label_carrier = :carrier, label_tracking_number = :tracking,
				    label_key = :key, label_pdf = :pdf, label_url = :url, label_created_at = now(), label_cost = :cost,
				    label_cost_currency = :costCurrency, return_shipping_charge = :charge
				where store_id = :store and id = :id""")
			.param("store", store.value()).param("id", id.value()).param("carrier", carrier)
			.param("tracking", trackingNumber).param("key", key).param("pdf", pdf)
			.param("url", "/return-labels/" + key + ".pdf").param("cost", cost.amount())
			.param("costCurrency", cost.currency().getCurrencyCode()).param("charge", charge.amount())
			.update();
	}

	/**
	 * The label was voided: no charge any more and its link stops working. Only before the return settles (a
	 * settlement already under way keeps the charge it started with); false when it was voided already or too late.
	 */
	public boolean voidLabel(StoreId store, ReturnId id) {
		return jdbc.sql("""
				update returns.return_request set label_voided_at = now(), return_shipping_charge = 0, label_url = null,
				    version = version + 1
				where store_id = :store and id = :id and label_tracking_number is not null and label_voided_at is null
				    and status in ('APPROVED', 'RECEIVED', 'INSPECTED')""")
			.param("store", store.value()).param("id", id.value())
			.update() == 1;
	}

	// the return parcel

	/** The return whose label has this tracking number, if any. */
	public Optional<ReturnId> byTracking(StoreId store, String carrier, String trackingNumber) {
		return jdbc.sql("""
				select id from returns.return_request
				where store_id = :store and label_carrier = :carrier and label_tracking_number = :tracking""")
			.param("store", store.value()).param("carrier", carrier).param("tracking", trackingNumber)
			.query((rs, n) -> new ReturnId(rs.getObject("id", UUID.class)))
			.optional();
	}

	/** One step of the parcel's journey; {@code key} is unique per parcel. */
	public record ParcelStep(String key, ShipmentStatus status, String description, @Nullable String place,
			Instant occurredAt) {
	}

	/**
	 * Records a step once (by its key) and moves the parcel's status to it when it is the newest step and the parcel
	 * is not delivered or cancelled yet. Returns whether the status moved.
	 */
	public boolean recordParcelStep(StoreId store, ReturnId id, ParcelStep step) {
		int recorded = jdbc.sql("""
				insert into returns.return_parcel_event (store_id, return_id, key, status, description, place, occurred_at)
				values (:store, :id, :key, :status, :description, :place, :at)
				on conflict (store_id, return_id, key) do nothing""")
			.param("store", store.value()).param("id", id.value()).param("key", step.key())
			.param("status", step.status().name()).param("description", step.description()).param("place", step.place())
			.param("at", Timestamp.from(step.occurredAt()))
			.update();
		if (recorded == 0) {
			return false;
		}
		return jdbc.sql("""
				update returns.return_request set parcel_status = :status, parcel_updated_at = :at,
				    parcel_delivered_at = case when :status = 'DELIVERED' then :at else parcel_delivered_at end,
				    version = version + 1
				where store_id = :store and id = :id
				    and (parcel_status is null or parcel_status not in ('DELIVERED', 'CANCELLED'))
				    and (parcel_updated_at is null or parcel_updated_at <= :at)""")
			.param("store", store.value()).param("id", id.value()).param("status", step.status().name())
			.param("at", Timestamp.from(step.occurredAt()))
			.update() == 1;
	}

	public List<ParcelStep> parcelTimeline(StoreId store, ReturnId id) {
		return jdbc.sql("""
				select * from returns.return_parcel_event where store_id = :store and return_id = :id
				order by occurred_at, recorded_at""")
			.param("store", store.value()).param("id", id.value())
			.query((rs, n) -> new ParcelStep(rs.getString("key"), ShipmentStatus.valueOf(rs.getString("status")),
					rs.getString("description"), rs.getString("place"), rs.getTimestamp("occurred_at").toInstant()))
			.list();
	}

	/** A return parcel still on its way to the store, for carriers that keep their own timeline. */
	public record FollowedParcel(StoreId store, ReturnId id, String carrier, String trackingNumber,
			Instant labelCreatedAt) {
	}

	/** Approved returns (any store) whose label is not voided and whose parcel has not arrived or been cancelled. */
	public List<FollowedParcel> parcelsOnTheirWay(int limit) {
		return jdbc.sql("""
				select store_id, id, label_carrier, label_tracking_number, label_created_at from returns.return_request
				where status = 'APPROVED' and label_tracking_number is not null and label_voided_at is null
				    and label_created_at is not null
				    and (parcel_status is null or parcel_status not in ('DELIVERED', 'CANCELLED'))
				order by label_created_at limit :limit""")
			.param("limit", limit)
			.query((rs, n) -> new FollowedParcel(new StoreId(rs.getObject("store_id", UUID.class)),
					new ReturnId(rs.getObject("id", UUID.class)), rs.getString("label_carrier"),
					rs.getString("label_tracking_number"), rs.getTimestamp("label_created_at").toInstant()))
			.list();
	}

	public Optional<byte[]> labelPdf(StoreId store, ReturnId id) {
		return jdbc.sql("select label_pdf from returns.return_request where store_id = :store and id = :id and label_pdf is not null")
			.param("store", store.value()).param("id", id.value()).query(byte[].class).optional();
	}

	public Optional<byte[]> labelPdfByKey(StoreId store, UUID key) {
		return jdbc.sql("select label_pdf from returns.return_request where store_id = :store and label_key = :key and label_pdf is not null and label_voided_at is null")
			.param("store", store.value()).param("key", key).query(byte[].class).optional();
	}

	/** Records one item's inspection once; false when it was inspected already. */
	public boolean inspect(StoreId store, ReturnId id, UUID item, int restock, int damaged,
			@Nullable LocationId location) {
		return jdbc.sql("""
				update returns.return_item set restocked_quantity = :restock, damaged_quantity = :damaged,
				    restock_location_id = :location, inspected_at = now()
				where store_id = :store and return_id = :returnId and id = :item and inspected_at is null""")
			.param("store", store.value()).param("returnId", id.value()).param("item", item)
			.param("restock", restock).param("damaged", damaged)
			.param("location", location == null ? null : location.value())
			.update() == 1;
	}

	/**
	 * Claims the settlement: INSPECTED → RESOLVING with the amounts decided; false if another got there first, or if
	 * the return shipping charge changed meanwhile (the label was voided) so the amounts no longer hold.
	 */
	public boolean startResolving(StoreId store, ReturnId id, Resolution resolution, Money credit, Money fee,
			Money shippingCharge) {
		return jdbc.sql("""
				update returns.return_request set status = 'RESOLVING', resolution = :resolution, credit_amount = :credit,
				    fee_amount = :fee, resolving_since = now(), version = version + 1
				where store_id = :store and id = :id and status = 'INSPECTED'
				    and coalesce(return_shipping_charge, 0) = :charge""")
			.param("store", store.value()).param("id", id.value()).param("resolution", resolution.name())
			.param("credit", credit.amount()).param("fee", fee.amount()).param("charge", shippingCharge.amount())
			.update() == 1;
	}

	/** Takes over a settlement whose worker went quiet for {@code staleSeconds}; false while it is still being worked. */
	public boolean takeOverResolving(StoreId store, ReturnId id, Resolution resolution, int staleSeconds) {
		return jdbc.sql("""
				update returns.return_request set resolving_since = now(), version = version + 1
				where store_id = :store and id = :id and status = 'RESOLVING' and resolution = :resolution
				    and resolving_since < now() - make_interval(secs => :stale)""")
			.param("store", store.value()).param("id", id.value()).param("resolution", resolution.name())
			.param("stale", staleSeconds)
			.update() == 1;
	}

	/** The attempt number of the settlement now under way (it names the refunds' idempotency keys). */
	public int attempt(StoreId store, ReturnId id) {
		return jdbc.sql("select resolve_attempt from returns.return_request where store_id = :store and id = :id")
			.param("store", store.value()).param("id", id.value())
			.query(Integer.class)
			.single();
	}

	/** A refused settlement hands the return back for another try, under new refund keys. */
	public void abandonResolving(StoreId store, ReturnId id) {
		jdbc.sql("""
				update returns.return_request set status = 'INSPECTED', resolution = null, credit_amount = null,
				    fee_amount = null, resolving_since = null, resolve_attempt = resolve_attempt + 1,
				    version = version + 1
				where store_id = :store and id = :id and status = 'RESOLVING'""")
			.param("store", store.value()).param("id", id.value())
			.update();
	}

	public boolean resolved(StoreId store, ReturnId id, Money refunded, Money storeCredit,
			@Nullable OrderId exchangeOrder) {
		return jdbc.sql("""
				update returns.return_request set status = 'RESOLVED', resolved_at = now(), resolving_since = null,
				    refund_amount = :refunded,
				    store_credit_amount = :credit, exchange_order_id = :exchange, version = version + 1
				where store_id = :store and id = :id and status = 'RESOLVING'""")
			.param("store", store.value()).param("id", id.value()).param("refunded", refunded.amount())
			.param("credit", storeCredit.amount())
			.param("exchange", exchangeOrder == null ? null : exchangeOrder.value())
			.update() == 1;
	}

	// reads

	public Optional<ReturnRequest> find(StoreId store, ReturnId id) {
		List<ReturnRequest> found = load(store, jdbc.sql("select * from returns.return_request where store_id = :store and id = :id")
			.param("store", store.value()).param("id", id.value())
			.query(Returns::head)
			.list());
		return found.stream().findFirst();
	}

	public List<ReturnRequest> forOrder(StoreId store, OrderId order) {
		return load(store, jdbc.sql("""
				select * from returns.return_request where store_id = :store and order_id = :order
				order by requested_at, id""")
			.param("store", store.value()).param("order", order.value())
			.query(Returns::head)
			.list());
	}

	public Page<ReturnRequest> list(StoreId store, ReturnListing filter, @Nullable String cursor, int limit) {
		StringBuilder sql = new StringBuilder("select * from returns.return_request where store_id = :store");
		Map<String, Object> params = new LinkedHashMap<>();
		params.put("store", store.value());
		if (filter.status() != null) {
			sql.append(" and status = :status");
			params.put("status", filter.status().name());
		}
		if (filter.orderId() != null) {
			sql.append(" and order_id = :order");
			params.put("order", filter.orderId().value());
		}
		if (filter.customerId() != null) {
			sql.append(" and customer_id = :customer");
			params.put("customer", filter.customerId().value());
		}
		if (filter.parcelDeliveredNotReceived()) {
			sql.append(" and status = 'APPROVED' and parcel_status = 'DELIVERED'");
		}
		String query = filter.query() == null ? "" : filter.query().strip();
		if (!query.isEmpty()) {
			String digits = query.replaceFirst("^[#Rr]", "");
			if (digits.matches("\\d{1,15}")) {
				sql.append(" and (number = :number or order_number = :orderNumber or email ilike :like)");
				params.put("number", Long.parseLong(digits));
				params.put("orderNumber", "#" + digits);
			}
			else {
				sql.append(" and email ilike :like");
			}
			params.put("like", "%" + query.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
		}
		if (cursor != null) {
			List<String> last = Cursor.decode(cursor, 2).values();
			try {
				params.put("lastAt", Timestamp.from(Instant.parse(last.get(0))));
				params.put("lastId", UUID.fromString(last.get(1)));
			}
			catch (RuntimeException ex) {
				Cursor.decode("", 2); // the platform's INVALID_CURSOR problem
			}
			sql.append(" and (requested_at, id) < (:lastAt, :lastId)");
		}
		sql.append(" order by requested_at desc, id desc limit :limit");
		params.put("limit", limit + 1);
		List<Head> heads = new ArrayList<>(jdbc.sql(sql.toString()).params(params).query(Returns::head).list());
		String next = null;
		if (heads.size() > limit) {
			heads = heads.subList(0, limit);
			Head last = heads.get(limit - 1);
			next = Cursor.of(last.requestedAt().toString(), last.id().toString()).encode();
		}
		return new Page<>(load(store, heads), next);
	}

	/** Every return item not rejected in the store, for the report. */
	public record ReportedItem(String sku, String title, int quantity, ReturnReason reason) {
	}

	public List<ReportedItem> reportedItems(StoreId store) {
		return jdbc.sql("""
				select i.sku, i.title, i.quantity, i.reason from returns.return_item i
				join returns.return_request r on r.store_id = i.store_id and r.id = i.return_id
				where i.store_id = :store and r.status <> 'REJECTED'""")
			.param("store", store.value())
			.query((rs, n) -> new ReportedItem(rs.getString("sku"), rs.getString("title"), rs.getInt("quantity"),
					ReturnReason.valueOf(rs.getString("reason"))))
			.list();
	}

	// mapping

	record Head(UUID id, long number, UUID orderId, String orderNumber, @Nullable UUID customerId, String email,
			ReturnStatus status, String openedBy, @Nullable String note, Currency currency, BigDecimal feePercent,
			ReturnPolicy.ShippingPaidBy paidBy, @Nullable String rejectionReason, @Nullable String labelUrl,
			@Nullable String labelCarrier, @Nullable String labelTrackingNumber,
			@Nullable Resolution resolution, @Nullable BigDecimal credit, @Nullable BigDecimal fee,
			@Nullable BigDecimal refunded, @Nullable BigDecimal storeCredit, @Nullable UUID exchangeOrderId,
			Instant requestedAt, @Nullable Instant approvedAt, @Nullable Instant rejectedAt,
			@Nullable Instant receivedAt, @Nullable Instant inspectedAt, @Nullable Instant resolvedAt, int version,
			@Nullable BigDecimal labelCost, @Nullable String labelCostCurrency, @Nullable BigDecimal shippingCharge,
			@Nullable Instant labelVoidedAt, @Nullable ShipmentStatus parcelStatus, @Nullable Instant parcelDeliveredAt) {
	}

	private static Head head(ResultSet rs, int row) throws SQLException {
		String resolution = rs.getString("resolution");
		return new Head(rs.getObject("id", UUID.class), rs.getLong("number"), rs.getObject("order_id", UUID.class),
				rs.getString("order_number"), rs.getObject("customer_id", UUID.class), rs.getString("email"),
				ReturnStatus.valueOf(rs.getString("status")), rs.getString("opened_by"), rs.getString("note"),
				Currency.getInstance(rs.getString("currency")), rs.getBigDecimal("restocking_fee_percent"),
				ReturnPolicy.ShippingPaidBy.valueOf(rs.getString("return_shipping_paid_by")),
				rs.getString("rejection_reason"), rs.getString("label_url"), rs.getString("label_carrier"),
				rs.getString("label_tracking_number"),
				resolution == null ? null : Resolution.valueOf(resolution), rs.getBigDecimal("credit_amount"),
				rs.getBigDecimal("fee_amount"), rs.getBigDecimal("refund_amount"), rs.getBigDecimal("store_credit_amount"),
				rs.getObject("exchange_order_id", UUID.class), instant(rs, "requested_at"), instant(rs, "approved_at"),
				instant(rs, "rejected_at"), instant(rs, "received_at"), instant(rs, "inspected_at"),
				instant(rs, "resolved_at"), rs.getInt("version"), rs.getBigDecimal("label_cost"),
				rs.getString("label_cost_currency"), rs.getBigDecimal("return_shipping_charge"),
				instant(rs, "label_voided_at"),
				rs.getString("parcel_status") == null ? null : ShipmentStatus.valueOf(rs.getString("parcel_status")),
				instant(rs, "parcel_delivered_at"));
	}

	private List<ReturnRequest> load(StoreId store, List<Head> heads) {
		if (heads.isEmpty()) {
			return List.of();
		}
		Map<UUID, Currency> currencies = new LinkedHashMap<>();
		heads.forEach(h -> currencies.put(h.id(), h.currency()));
		Map<UUID, List<ReturnRequest.Item>> items = new LinkedHashMap<>();
		jdbc.sql("""
				select * from returns.return_item where store_id = :store and return_id = any(:ids)
				order by return_id, position""")
			.param("store", store.value()).param("ids", heads.stream().map(Head::id).toArray(UUID[]::new))
			.query((ResultSet rs) -> {
				UUID returnId = rs.getObject("return_id", UUID.class);
				UUID location = rs.getObject("restock_location_id", UUID.class);
				items.computeIfAbsent(returnId, k -> new ArrayList<>())
					.add(new ReturnRequest.Item(rs.getObject("id", UUID.class), rs.getObject("order_line_id", UUID.class),
							rs.getString("sku"), rs.getObject("product_id", UUID.class), rs.getString("title"),
							rs.getString("variant_title"), rs.getInt("quantity"), ReturnReason.valueOf(rs.getString("reason")),
							rs.getString("comment"), money(rs.getBigDecimal("unit_value"), currencies.get(returnId)),
							rs.getInt("restocked_quantity"), rs.getInt("damaged_quantity"),
							location == null ? null : new LocationId(location), instant(rs, "inspected_at")));
			});
		return heads.stream().map(h -> new ReturnRequest(new ReturnId(h.id()), "R" + h.number(), new OrderId(h.orderId()),
				h.orderNumber(), h.customerId() == null ? null : new CustomerId(h.customerId()), h.email(), h.status(),
				h.openedBy(), h.note(), h.feePercent().stripTrailingZeros(), h.paidBy(), h.rejectionReason(), h.labelUrl(),
				h.labelCarrier(), h.labelTrackingNumber(),
				items.getOrDefault(h.id(), List.of()), h.resolution(), money(h.credit(), h.currency()),
				money(h.fee(), h.currency()), money(h.refunded(), h.currency()), money(h.storeCredit(), h.currency()),
				h.exchangeOrderId() == null ? null : new OrderId(h.exchangeOrderId()), h.requestedAt(), h.approvedAt(),
				h.rejectedAt(), h.receivedAt(), h.inspectedAt(), h.resolvedAt(), h.version(),
				h.labelCostCurrency() == null ? null : money(h.labelCost(), Currency.getInstance(h.labelCostCurrency().strip())),
				money(h.shippingCharge(), h.currency()), h.labelVoidedAt(), h.parcelStatus(), h.parcelDeliveredAt()))
			.toList();
	}

	private static @Nullable Money money(@Nullable BigDecimal amount, Currency currency) {
		return amount == null ? null : Money.of(amount, currency, RoundingMode.UNNECESSARY);
	}

	static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp value = rs.getTimestamp(column);
		return value == null ? null : value.toInstant();
	}

	private static List<String> strings(ResultSet rs, String column) throws SQLException {
		java.sql.Array array = rs.getArray(column);
		return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
	}
}
