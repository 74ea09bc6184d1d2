package dev.shopwright.fulfillment.domain;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.shopwright.platform.Cursor;
import dev.shopwright.shared.Page;
import dev.shopwright.shared.StoreId;

/** Pick-list batches: which fulfilment orders at which location; their lines are computed when read. */
@Repository
public class PickLists {

	public record Header(UUID id, long number, UUID locationId, String locationName, Instant createdAt,
			String createdBy, List<UUID> fulfillmentOrderIds) {
	}

	private final JdbcClient jdbc;

	PickLists(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A new batch numbered 1, 2, … per store (a concurrent batch that took the same number makes this one retry). */
	public UUID insert(StoreId store, UUID locationId, String locationName, List<UUID> fulfillmentOrderIds,
			String createdBy, Instant now) {
		UUID id = UUID.randomUUID();
		for (int attempt = 0;; attempt++) {
			try {
				jdbc.sql("""
						insert into fulfillment.pick_list (store_id, id, number, location_id, location_name, created_at, created_by)
						select :store, :id, coalesce(max(number), 0) + 1, :location, :name, :now, :by
						  from fulfillment.pick_list where store_id = :store
						""")
					.param("store", store.value()).param("id", id).param("location", locationId)
					.param("name", locationName).param("now", Timestamp.from(now)).param("by", createdBy)
					.update();
				break;
			}
			catch (DuplicateKeyException ex) {
				if (attempt == 2) {
					throw ex;
				}
			}
		}
		for (UUID fo : fulfillmentOrderIds) {
			jdbc.sql("insert into fulfillment.pick_list_order (store_id, pick_list_id, fulfillment_order_id) values (:store, :id, :fo)")
				.param("store", store.value()).param("id", id).param("fo", fo).update();
		}
		return id;
	}

	public Optional<Header> find(StoreId store, UUID id) {
		return jdbc.sql("select * from fulfillment.pick_list where store_id = :store and id = :id")
			.param("store", store.value()).param("id", id)
			.query((rs, n) -> new Header(id, rs.getLong("number"), rs.getObject("location_id", UUID.class),
					rs.getString("location_name"), rs.getTimestamp("created_at").toInstant(), rs.getString("created_by"),
					orders(store, id)))
			.optional();
	}

	/** Newest first. */
	public Page<Header> list(StoreId store, @Nullable String cursor, int limit) {
		Long before = cursor == null ? null : Cursor.decode(cursor, 1).longValue(0);
		List<Header> rows = jdbc.sql("""
				select * from fulfillment.pick_list
				 where store_id = :store and (cast(:before as bigint) is null or number < :before)
				 order by number desc limit :limit
				""")
			.param("store", store.value()).param("before", before).param("limit", limit + 1)
			.query((rs, n) -> {
				UUID id = rs.getObject("id", UUID.class);
				return new Header(id, rs.getLong("number"), rs.getObject("location_id", UUID.class),
						rs.getString("location_name"), rs.getTimestamp("created_at").toInstant(), rs.getString("created_by"),
						List.of());
			})
			.list();
		List<Header> page = rows.stream().limit(limit)
			.map(h -> new Header(h.id(), h.number(), h.locationId(), h.locationName(), h.createdAt(), h.createdBy(),
					orders(store, h.id())))
			.toList();
		String next = rows.size() > limit ? Cursor.of(Long.toString(page.get(limit - 1).number())).encode() : null;
		return new Page<>(page, next);
	}

	private List<UUID> orders(StoreId store, UUID pickListId) {
		return jdbc.sql("""
				select fulfillment_order_id from fulfillment.pick_list_order
				 where store_id = :store and pick_list_id = :id order by fulfillment_order_id
				""")
			.param("store", store.value()).param("id", pickListId).query(UUID.class).list();
	}
}
