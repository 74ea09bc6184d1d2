package dev.shopwright.catalog.domain;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.shopwright.catalog.Collection;
import dev.shopwright.platform.Cursor;
import dev.shopwright.shared.StoreId;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Collections and their members; rule-based membership is a SQL condition built from the rules. */
@Repository
public class Collections {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final JdbcClient jdbc;

	public Collections(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public List<Collection> all(StoreId store) {
		return jdbc.sql("select * from catalog.collection where store_id = ? order by lower(title), id").param(store.value())
			.query(Collections::map).list();
	}

	public Optional<Collection> find(StoreId store, UUID id) {
		return jdbc.sql("select * from catalog.collection where store_id = ? and id = ?").params(store.value(), id)
			.query(Collections::map).optional();
	}

	public Optional<Collection> findByHandle(StoreId store, String handle) {
		return jdbc.sql("select * from catalog.collection where store_id = ? and handle = ?").params(store.value(), handle)
			.query(Collections::map).optional();
	}

	public boolean handleTaken(StoreId store, String handle, @Nullable UUID except) {
		return jdbc.sql("select exists (select 1 from catalog.collection where store_id = ? and handle = ? and id <> ?)")
			.params(store.value(), handle, except == null ? new UUID(0, 0) : except).query(Boolean.class).single();
	}

	public void save(StoreId store, Collection c) {
		jdbc.sql("""
				insert into catalog.collection (store_id, id, handle, title, description, kind, match_all, rules, published,
				  created_at, updated_at)
				values (?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?)
				on conflict (store_id, id) do update set handle = excluded.handle, title = excluded.title,
				  description = excluded.description, match_all = excluded.match_all, rules = excluded.rules,
				  published = excluded.published, updated_at = excluded.updated_at""")
			.params(store.value(), c.id(), c.handle(), c.title(), c.description(), c.kind().name(), c.matchAll(),
					JSON.writeValueAsString(c.rules()), c.published(), Timestamp.from(c.createdAt()),
					Timestamp.from(c.updatedAt()))
			.update();
	}

	public void delete(StoreId store, UUID id) {
		jdbc.sql("delete from catalog.collection where store_id = ? and id = ?").params(store.value(), id).update();
	}

	public void addProducts(StoreId store, UUID collection, List<UUID> products) {
		for (UUID product : products) {
			jdbc.sql("""
					insert into catalog.collection_product (store_id, collection_id, product_id, position)
					values (?, ?, ?, (select coalesce(max(position), 0) + 1 from catalog.collection_product
					                  where store_id = ? and collection_id = ?))
					on conflict do nothing""")
				.params(store.value(), collection, product, store.value(), collection).update();
		}
	}

	public boolean removeProduct(StoreId store, UUID collection, UUID product) {
		return jdbc.sql("delete from catalog.collection_product where store_id = ? and collection_id = ? and product_id = ?")
			.params(store.value(), collection, product).update() == 1;
	}

	/** One page of the collection's product ids: manual ones in their order, rule-based ones newest first. */
	public Page productIds(StoreId store, Collection c, @Nullable String cursor, int limit) {
		List<Object> params = new ArrayList<>();
		String sql;
		String key;
		if (c.kind() == Collection.Kind.MANUAL) {
			key = "lpad(cp.position::text, 10, '0')";
			sql = "select p.id, " + key + " as sort_key from catalog.collection_product cp join catalog.product p "
					+ "on p.store_id = cp.store_id and p.id = cp.product_id where cp.store_id = ? and cp.collection_id = ?";
			params.add(store.value());
			params.add(c.id());
		}
		else {
			key = "to_char(p.created_at at time zone 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US')";
			sql = "select p.id, " + key + " as sort_key from catalog.product p where p.store_id = ? and " + condition(c, params);
			params.add(0, store.value());
		}
		boolean descending = c.kind() == Collection.Kind.RULE;
		if (cursor != null) {
			Cursor position = Cursor.decode(cursor, 2);
			sql += " and (" + key + ", p.id) " + (descending ? "<" : ">") + " (?, ?)";
			params.add(position.get(0));
			params.add(position.uuid(1));
		}
		String direction = descending ? " desc" : " asc";
		sql += " order by sort_key" + direction + ", p.id" + direction + " limit ?";
		params.add(limit + 1);
		List<String[]> rows = jdbc.sql(sql).params(params)
			.query((rs, n) -> new String[] { rs.getString("id"), rs.getString("sort_key") }).list();
		List<UUID> ids = rows.stream().limit(limit).map(row -> UUID.fromString(row[0])).toList();
		String next = rows.size() > limit ? Cursor.of(rows.get(limit - 1)[1], rows.get(limit - 1)[0]).encode() : null;
		return new Page(ids, next);
	}

	/** The collections a product belongs to now (manual membership, or matching rules). */
	public List<UUID> containing(StoreId store, UUID product) {
		return containing(store, List.of(product)).get(product);
	}

	/** The collections each product is in now (manual ones first, then rule-based ones), for many at once. */
	public Map<UUID, List<UUID>> containing(StoreId store, java.util.Collection<UUID> products) {
		Map<UUID, List<UUID>> result = new java.util.LinkedHashMap<>();
		products.forEach(product -> result.put(product, new ArrayList<>()));
		if (products.isEmpty()) {
			return result;
		}
		UUID[] ids = products.toArray(UUID[]::new);
		jdbc.sql("select product_id, collection_id from catalog.collection_product where store_id = ? and product_id = any (?)")
			.params(store.value(), ids)
			.query((rs, n) -> Map.entry(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class))).list()
			.forEach(member -> result.get(member.getKey()).add(member.getValue()));
		for (Collection c : all(store)) {
			if (c.kind() == Collection.Kind.RULE && !c.rules().isEmpty()) {
				List<Object> params = new ArrayList<>();
				String condition = condition(c, params);
				params.add(0, store.value());
				params.add(ids);
				jdbc.sql("select p.id from catalog.product p where p.store_id = ? and " + condition + " and p.id = any (?)")
					.params(params).query(UUID.class).list()
					.forEach(product -> result.get(product).add(c.id()));
			}
		}
		return result;
	}

	/** The rules as one parameterised SQL condition on product {@code p}; values never enter the SQL text. */
	static String condition(Collection c, List<Object> params) {
		if (c.rules().isEmpty()) {
			return "false";
		}
		List<String> parts = new ArrayList<>();
		for (Collection.Rule rule : c.rules()) {
			parts.add(condition(rule, params));
		}
		return "(" + String.join(c.matchAll() ? " and " : " or ", parts) + ")";
	}

	private static String condition(Collection.Rule rule, List<Object> params) {
		String value = rule.value();
		return switch (rule.field()) {
			case TAG -> {
				params.add(value);
				yield (rule.operator() == Collection.Operator.NOT_EQUALS ? "not " : "") + "(p.tags @> array[?]::text[])";
			}
			case TITLE, VENDOR, TYPE, STATUS -> {
				String column = switch (rule.field()) {
					case TITLE -> "p.title";
					case VENDOR -> "p.vendor";
					case TYPE -> "p.product_type";
					default -> "p.status";
				};
				yield switch (rule.operator()) {
					case CONTAINS -> {
						params.add("%" + value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
						yield column + " ilike ?";
					}
					case NOT_EQUALS -> {
						params.add(value);
						yield "coalesce(lower(" + column + "), '') <> lower(?)";
					}
					default -> {
						params.add(value);
						yield "lower(" + column + ") = lower(?)";
					}
				};
			}
			case PRICE -> {
				params.add(new BigDecimal(value));
				String comparison = switch (rule.operator()) {
					case LESS_THAN -> "<";
					case GREATER_THAN -> ">";
					case NOT_EQUALS -> "<>";
					default -> "=";
				};
				yield "exists (select 1 from catalog.variant v where v.store_id = p.store_id and v.product_id = p.id and v.price "
						+ comparison + " ?)";
			}
		};
	}

	public record Page(List<UUID> ids, @Nullable String nextCursor) {
	}

	private static Collection map(ResultSet rs, int row) throws SQLException {
		List<Collection.Rule> rules = JSON.readValue(rs.getString("rules"), new TypeReference<List<Collection.Rule>>() {
		});
		return new Collection(rs.getObject("id", UUID.class), rs.getString("handle"), rs.getString("title"),
				rs.getString("description"), Collection.Kind.valueOf(rs.getString("kind")), rs.getBoolean("match_all"),
				rules, rs.getBoolean("published"), rs.getTimestamp("created_at").toInstant(),
				rs.getTimestamp("updated_at").toInstant());
	}
}
