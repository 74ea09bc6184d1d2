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

import dev.shopwright.fulfillment.Carrier;
import dev.shopwright.fulfillment.Parcel;
import dev.shopwright.fulfillment.Shipment;
import dev.shopwright.fulfillment.ShipmentStatus;
import dev.shopwright.fulfillment.ShippingAddress;
import dev.shopwright.platform.Cursor;
import dev.shopwright.shared.Money;
import dev.shopwright.shared.Page;
import dev.shopwright.shared.StoreId;

/** Shipments, their lines and tracking timelines. */
@Repository
public class Shipments {

	/** A shipment as first written, with its label. */
	public record NewShipment(UUID id, UUID fulfillmentOrderId, UUID orderId, UUID locationId, String carrier,
			String service, String serviceName, String trackingNumber, String trackingUrl, Money rate, Parcel parcel,
			ShippingAddress from, boolean international, @Nullable LocalDate estimatedDelivery,
			@Nullable LocalDate promisedBy, Instant orderPlacedAt, Instant shippedAt, List<Shipment.Line> lines) {
	}

	/** A shipment the sandbox job follows. */
	public record Followed(StoreId store, UUID id, String carrier, String trackingNumber, Instant shippedAt) {
	}

	private static final String SELECT = """
			select s.*, p.order_number, p.email, p.ship_name, p.ship_company, p.ship_phone, p.ship_line1,
			       p.ship_line2, p.ship_city, p.ship_region, p.ship_postal_code, p.ship_country
			  from fulfillment.shipment s
			  join fulfillment.order_plan p on p.store_id = s.store_id and p.order_id = s.order_id
			""";

	private final JdbcClient jdbc;

	Shipments(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public void insert(StoreId store, NewShipment s) {
		jdbc.sql("""
				insert into fulfillment.shipment (store_id, id, fulfillment_order_id, order_id, location_id, carrier, service,
				  service_name, tracking_number, tracking_url, status, rate, currency, weight_grams, length_cm, width_cm,
				  height_cm, from_name, from_line1, from_city, from_postal_code, from_country, international,
				  estimated_delivery, promised_by, order_placed_at, shipped_at, order_to_ship_seconds)
				values (:store, :id, :fo, :order, :location, :carrier, :service, :serviceName, :tracking, :url,
				  'LABEL_CREATED', :rate, :currency, :grams, :length, :width, :height, :fromName, :fromLine1, :fromCity,
				  :fromPostal, :fromCountry, :international, :estimated, :promised, :placed, :shipped, :toShip)
				""")
			.param("store", store.value()).param("id", s.id()).param("fo", s.fulfillmentOrderId())
			.param("order", s.orderId()).param("location", s.locationId()).param("carrier", s.carrier())
			.param("service", s.service()).param("serviceName", s.serviceName()).param("tracking", s.trackingNumber())
			.param("url", s.trackingUrl()).param("rate", s.rate().amount())
			.param("currency", s.rate().currency().getCurrencyCode()).param("grams", s.parcel().weightGrams())
			.param("length", s.parcel().lengthCm()).param("width", s.parcel().widthCm())
			.param("height", s.parcel().heightCm()).param("fromName", s.from().name())
			.param("fromLine1", s.from().line1()).param("fromCity", s.from().city())
			.param("fromPostal", s.from().postalCode()).param("fromCountry", s.from().country())
			.param("international", s.international()).param("estimated", s.estimatedDelivery())
			.param("promised", s.promisedBy()).param("placed", Timestamp.from(s.orderPlacedAt()))
			.param("shipped", Timestamp.from(s.shippedAt()))
			.param("toShip", Math.max(0, s.shippedAt().getEpochSecond() - s.orderPlacedAt().getEpochSecond()))
			.update();
		for (Shipment.Line line : s.lines()) {
			jdbc.sql("""
					insert into fulfillment.shipment_line (store_id, shipment_id, line_id, sku, title, quantity, unit_price,
					  currency, hs_code, origin_country)
					values (:store, :shipment, :line, :sku, :title, :quantity, :price, :currency, :hs, :origin)
					""")
				.param("store", store.value()).param("shipment", s.id()).param("line", line.lineId())
				.param("sku", line.sku()).param("title", line.title()).param("quantity", line.quantity())
				.param("price", line.unitPrice().amount())
				.param("currency", line.unitPrice().currency().getCurrencyCode()).param("hs", line.hsCode())
				.param("origin", line.originCountry())
				.update();
		}
	}

	/**
	 * Records a tracking step once (by its key) and moves the shipment's status to it, unless the shipment is already
	 * delivered or cancelled. Returns true when the step was new.
	 */
	public boolean record(StoreId store, UUID shipmentId, Carrier.TrackingUpdate update, Instant now) {
		int inserted = jdbc.sql("""
				insert into fulfillment.tracking_event (store_id, shipment_id, event_key, status, description, place,
				  occurred_at, recorded_at)
				values (:store, :shipment, :key, :status, :description, :place, :at, :now)
				on conflict do nothing
				""")
			.param("store", store.value()).param("shipment", shipmentId).param("key", update.key())
			.param("status", update.status().name()).param("description", update.description())
			.param("place", update.place()).param("at", Timestamp.from(update.occurredAt()))
			.param("now", Timestamp.from(now))
			.update();
		if (inserted == 0) {
			return false;
		}
		// the status follows the newest step by time; a late-arriving older step does not move it back
		jdbc.sql("""
				update fulfillment.shipment s set status = :status,
				       delivered_at = case when :status = 'DELIVERED' then :at else s.delivered_at end,
				       on_time = case when :status = 'DELIVERED' and s.promised_by is not null
				                      then cast(:atDate as date) <= s.promised_by else s.on_time end
				 where s.store_id = :store and s.id = :shipment and s.status not in ('DELIVERED', 'CANCELLED')
				   and not exists (select 1 from fulfillment.tracking_event e
				                    where e.store_id = s.store_id and e.shipment_id = s.id and e.occurred_at > :at)
				""")
			.param("status", update.status().name()).param("at", Timestamp.from(update.occurredAt()))
			.param("atDate", LocalDate.ofInstant(update.occurredAt(), java.time.ZoneOffset.UTC))
			.param("store", store.value()).param("shipment", shipmentId)
			.update();
		return true;
	}

	public boolean cancel(StoreId store, UUID shipmentId) {
		return jdbc.sql("""
				update fulfillment.shipment set status = 'CANCELLED'
				 where store_id = :store and id = :id and status = 'LABEL_CREATED'
				""").param("store", store.value()).param("id", shipmentId).update() == 1;
	}

	public Optional<Shipment> find(StoreId store, UUID id) {
		return load(store, SELECT + " where s.store_id = :store and s.id = :id", Map.of("id", id)).stream().findFirst();
	}

	public Optional<Shipment> byTracking(StoreId store, String carrier, String trackingNumber) {
		return load(store, SELECT + " where s.store_id = :store and s.carrier = :carrier and s.tracking_number = :tracking",
				Map.of("carrier", carrier, "tracking", trackingNumber)).stream().findFirst();
	}

	public List<Shipment> ofOrder(StoreId store, UUID orderId) {
		return load(store, SELECT + " where s.store_id = :store and s.order_id = :order order by s.shipped_at, s.id",
				Map.of("order", orderId));
	}

	/** Newest first, keyset-paged by (shipped_at, id). */
	public Page<Shipment> list(StoreId store, @Nullable ShipmentStatus status, @Nullable String cursor, int limit) {
		StringBuilder sql = new StringBuilder(SELECT).append(" where s.store_id = :store");
		Map<String, Object> params = new LinkedHashMap<>();
		if (status != null) {
			sql.append(" and s.status = :status");
			params.put("status", status.name());
		}
		if (cursor != null) {
			Cursor position = Cursor.decode(cursor, 2);
			sql.append(" and (s.shipped_at, s.id) < (:afterAt, :afterId)");
			params.put("afterAt", Timestamp.from(position.instant(0)));
			params.put("afterId", position.uuid(1));
		}
		sql.append(" order by s.shipped_at desc, s.id desc limit :limit");
		params.put("limit", limit + 1);
		List<Shipment> rows = load(store, sql.toString(), params);
		if (rows.size() <= limit) {
			return new Page<>(rows, null);
		}
		Shipment last = rows.get(limit - 1);
		return new Page<>(rows.subList(0, limit), Cursor.of(last.shippedAt().toString(), last.id().toString()).encode());
	}

	/** Shipments of one carrier still on their way, across stores (for the sandbox's timeline job). */
	public List<Followed> onTheirWay(String carrier, int limit) {
		return jdbc.sql("""
				select store_id, id, carrier, tracking_number, shipped_at from fulfillment.shipment
				 where carrier = :carrier and status not in ('DELIVERED', 'CANCELLED')
				 order by shipped_at limit :limit
				""")
			.param("carrier", carrier).param("limit", limit)
			.query((rs, n) -> new Followed(new StoreId(rs.getObject("store_id", UUID.class)),
					rs.getObject("id", UUID.class), rs.getString("carrier"), rs.getString("tracking_number"),
					rs.getTimestamp("shipped_at").toInstant()))
			.list();
	}

	private List<Shipment> load(StoreId store, String sql, Map<String, ?> params) {
		JdbcClient.StatementSpec statement = jdbc.sql(sql).param("store", store.value());
		for (Map.Entry<String, ?> param : params.entrySet()) {
			statement = statement.param(param.getKey(), param.getValue());
		}
		List<Row> rows = statement.query((rs, n) -> row(rs)).list();
		if (rows.isEmpty()) {
			return List.of();
		}
		List<UUID> ids = rows.stream().map(r -> r.id).toList();
		Map<UUID, List<Shipment.Line>> lines = new LinkedHashMap<>();
		jdbc.sql("select * from fulfillment.shipment_line where store_id = :store and shipment_id in (:ids) order by sku")
			.param("store", store.value()).param("ids", ids)
			.query((rs, n) -> lines.computeIfAbsent(rs.getObject("shipment_id", UUID.class), k -> new ArrayList<>())
				.add(new Shipment.Line(rs.getObject("line_id", UUID.class), rs.getString("sku"), rs.getString("title"),
						rs.getInt("quantity"),
						new Money(rs.getBigDecimal("unit_price"), Currency.getInstance(rs.getString("currency"))),
						rs.getString("hs_code"), rs.getString("origin_country"))))
			.list();
		Map<UUID, List<Carrier.TrackingUpdate>> timelines = new LinkedHashMap<>();
		jdbc.sql("""
				select * from fulfillment.tracking_event where store_id = :store and shipment_id in (:ids)
				 order by occurred_at, recorded_at
				""")
			.param("store", store.value()).param("ids", ids)
			.query((rs, n) -> timelines.computeIfAbsent(rs.getObject("shipment_id", UUID.class), k -> new ArrayList<>())
				.add(new Carrier.TrackingUpdate(rs.getString("event_key"), ShipmentStatus.valueOf(rs.getString("status")),
						rs.getString("description"), rs.getString("place"), rs.getTimestamp("occurred_at").toInstant())))
			.list();
		return rows.stream()
			.map(r -> r.toShipment(lines.getOrDefault(r.id, List.of()), timelines.getOrDefault(r.id, List.of())))
			.toList();
	}

	private record Row(UUID id, ResultSetCopy values) {

		Shipment toShipment(List<Shipment.Line> lines, List<Carrier.TrackingUpdate> timeline) {
			return values.toShipment(id, lines, timeline);
		}
	}

	/** The columns of one shipment row, read while the result set is open. */
	private record ResultSetCopy(UUID fulfillmentOrderId, UUID orderId, String orderNumber, String email,
			UUID locationId, String carrier, String service, String serviceName, String trackingNumber,
			String trackingUrl, ShipmentStatus status, Money rate, Parcel parcel, ShippingAddress from,
			@Nullable ShippingAddress to, boolean international, @Nullable LocalDate estimatedDelivery,
			@Nullable LocalDate promisedBy, Instant orderPlacedAt, Instant shippedAt, @Nullable Instant deliveredAt,
			long orderToShipSeconds, @Nullable Boolean onTime) {

		Shipment toShipment(UUID id, List<Shipment.Line> lines, List<Carrier.TrackingUpdate> timeline) {
			return new Shipment(id, fulfillmentOrderId, orderId.toString(), orderNumber, email, locationId, carrier,
					service, serviceName, trackingNumber, trackingUrl, status, rate, parcel, from, to, international,
					estimatedDelivery, promisedBy, orderPlacedAt, shippedAt, deliveredAt, orderToShipSeconds, onTime,
					lines, timeline);
		}
	}

	private static Row row(ResultSet rs) throws SQLException {
		Timestamp delivered = rs.getTimestamp("delivered_at");
		Object onTime = rs.getObject("on_time");
		ShippingAddress to = rs.getString("ship_country") == null && rs.getString("ship_line1") == null ? null
				: new ShippingAddress(java.util.Objects.toString(rs.getString("ship_name"), ""), rs.getString("ship_company"),
						rs.getString("ship_phone"), rs.getString("ship_line1"), rs.getString("ship_line2"),
						rs.getString("ship_city"), rs.getString("ship_region"), rs.getString("ship_postal_code"),
						rs.getString("ship_country"));
		return new Row(rs.getObject("id", UUID.class), new ResultSetCopy(rs.getObject("fulfillment_order_id", UUID.class),
				rs.getObject("order_id", UUID.class), rs.getString("order_number"), rs.getString("email"),
				rs.getObject("location_id", UUID.class), rs.getString("carrier"), rs.getString("service"),
				rs.getString("service_name"), rs.getString("tracking_number"), rs.getString("tracking_url"),
				ShipmentStatus.valueOf(rs.getString("status")),
				new Money(rs.getBigDecimal("rate"), Currency.getInstance(rs.getString("currency"))),
				new Parcel(rs.getInt("weight_grams"), rs.getInt("length_cm"), rs.getInt("width_cm"), rs.getInt("height_cm")),
				new ShippingAddress(rs.getString("from_name"), null, null, rs.getString("from_line1"), null,
						rs.getString("from_city"), null, rs.getString("from_postal_code"), rs.getString("from_country")),
				to, rs.getBoolean("international"), rs.getObject("estimated_delivery", LocalDate.class),
				rs.getObject("promised_by", LocalDate.class), rs.getTimestamp("order_placed_at").toInstant(),
				rs.getTimestamp("shipped_at").toInstant(), delivered == null ? null : delivered.toInstant(),
				rs.getLong("order_to_ship_seconds"), onTime == null ? null : (Boolean) onTime));
	}
}
