package dev.shopwright.orders.edits;

import java.sql.Timestamp;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.shopwright.orders.FulfillmentStatus;
import dev.shopwright.orders.OrderId;
import dev.shopwright.orders.OrderStatus;
import dev.shopwright.pricing.PriceBreakdown;
import dev.shopwright.shared.Money;
import dev.shopwright.shared.StoreId;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The SQL of order edits. Every change is conditional: a line changes only while nothing of it is shipped or
 * cancelled, the totals only at the version the edit was computed from, so a concurrent fulfilment or edit makes
 * the statement match nothing and the whole edit roll back.
 */
@Repository
class OrderEditRows {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** The order columns an edit needs that the read model does not carry. */
	record Facts(int version, OrderStatus status, FulfillmentStatus fulfillmentStatus, boolean taxExempt) {
	}

	private final JdbcClient jdbc;

	OrderEditRows(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<Facts> facts(StoreId store, OrderId id, boolean lock) {
		return jdbc.sql("""
				select version, status, fulfillment_status, tax_exempt from orders.customer_order
				where store_id = :store and id = :id and number is not null""" + (lock ? " for update" : ""))
			.param("store", store.value()).param("id", id.value())
			.query((rs, n) -> new Facts(rs.getInt("version"), OrderStatus.valueOf(rs.getString("status")),
					FulfillmentStatus.valueOf(rs.getString("fulfillment_status")), rs.getBoolean("tax_exempt")))
			.optional();
	}

	/** Sets a line's quantity; false when any of it is already shipped or cancelled. */
	boolean setQuantity(StoreId store, OrderId order, UUID line, int quantity) {
		return jdbc.sql("""
				update orders.order_line set quantity = :quantity
				where store_id = :store and order_id = :order and id = :line
				  and fulfilled_quantity = 0 and cancelled_quantity = 0""")
			.param("quantity", quantity).param("store", store.value()).param("order", order.value()).param("line", line)
			.update() == 1;
	}

	/** Removes a line by cancelling all of it (it stays for the record, at no charge); false as above. */
	boolean remove(StoreId store, OrderId order, UUID line) {
		return jdbc.sql("""
				update orders.order_line set cancelled_quantity = quantity, discount = 0, tax = 0, total = 0
				where store_id = :store and order_id = :order and id = :line
				  and fulfilled_quantity = 0 and cancelled_quantity = 0""")
			.param("store", store.value()).param("order", order.value()).param("line", line)
			.update() == 1;
	}

	void lineTotals(StoreId store, OrderId order, UUID line, PriceBreakdown.LineTotal total) {
		jdbc.sql("""
				update orders.order_line set discount = :discount, tax = :tax, total = :total
				where store_id = :store and order_id = :order and id = :line""")
			.param("discount", total.discount().amount()).param("tax", total.tax().amount())
			.param("total", total.total().amount()).param("store", store.value()).param("order", order.value())
			.param("line", line)
			.update();
	}

	int nextPosition(StoreId store, OrderId order) {
		return jdbc.sql("select coalesce(max(position), -1) + 1 from orders.order_line where store_id = :store and order_id = :order")
			.param("store", store.value()).param("order", order.value()).query(Integer.class).single();
	}

	void deleteTaxLines(StoreId store, OrderId order) {
		jdbc.sql("delete from orders.order_tax_line where store_id = :store and order_id = :order")
			.param("store", store.value()).param("order", order.value()).update();
	}

	/** The new totals, at the version the edit was computed from and while the order is open or on hold. */
	boolean totals(StoreId store, OrderId id, int expectedVersion, PriceBreakdown totals) {
		PriceBreakdown.StoreCurrencyTotals converted = totals.storeCurrency();
		return jdbc.sql("""
				update orders.customer_order set subtotal = :subtotal, discount_total = :discountTotal,
				    shipping_tax = :shippingTax, tax_total = :taxTotal, total = :total, tax_zone = :taxZone,
				    store_subtotal = :storeSubtotal, store_discount_total = :storeDiscountTotal,
				    store_tax_total = :storeTaxTotal, store_total = :storeTotal, version = version + 1, updated_at = now()
				where store_id = :store and id = :id and version = :version and status in ('OPEN', 'ON_HOLD')
				  and fulfillment_status <> 'FULFILLED'""")
			.param("subtotal", totals.subtotal().amount()).param("discountTotal", totals.discountTotal().amount())
			.param("shippingTax", totals.shippingTax().amount()).param("taxTotal", totals.taxTotal().amount())
			.param("total", totals.total().amount()).param("taxZone", totals.taxZone())
			.param("storeSubtotal", converted.subtotal().amount())
			.param("storeDiscountTotal", converted.discountTotal().amount())
			.param("storeTaxTotal", converted.taxTotal().amount()).param("storeTotal", converted.total().amount())
			.param("store", store.value()).param("id", id.value()).param("version", expectedVersion)
			.update() == 1;
	}

	int nextEditNumber(StoreId store, OrderId order) {
		return jdbc.sql("select coalesce(max(number), 0) + 1 from orders.order_edit where store_id = :store and order_id = :order")
			.param("store", store.value()).param("order", order.value()).query(Integer.class).single();
	}

	void insertEdit(StoreId store, OrderId order, int number, Money before, Money after, List<String> changes,
			String actorName) {
		jdbc.sql("""
				insert into orders.order_edit (store_id, order_id, number, currency, total_before, total_after, changes,
				    actor_name)
				values (:store, :order, :number, :currency, :before, :after, cast(:changes as jsonb), :actor)""")
			.param("store", store.value()).param("order", order.value()).param("number", number)
			.param("currency", after.currency().getCurrencyCode()).param("before", before.amount())
			.param("after", after.amount()).param("changes", JSON.writeValueAsString(changes)).param("actor", actorName)
			.update();
	}

	List<OrderEdit> edits(StoreId store, OrderId order) {
		return jdbc.sql("""
				select * from orders.order_edit where store_id = :store and order_id = :order order by number""")
			.param("store", store.value()).param("order", order.value())
			.query((rs, n) -> {
				java.util.Currency currency = java.util.Currency.getInstance(rs.getString("currency"));
				return new OrderEdit(rs.getInt("number"),
						Money.of(rs.getBigDecimal("total_before"), currency, java.math.RoundingMode.UNNECESSARY),
						Money.of(rs.getBigDecimal("total_after"), currency, java.math.RoundingMode.UNNECESSARY),
						JSON.readValue(rs.getString("changes"), new TypeReference<List<String>>() {
						}), rs.getString("actor_name"), ((Timestamp) rs.getObject("created_at", Timestamp.class)).toInstant());
			})
			.list();
	}

}
