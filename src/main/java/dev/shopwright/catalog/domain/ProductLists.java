package dev.shopwright.catalog.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.shopwright.catalog.ProductListing;
import dev.shopwright.platform.Cursor;
import dev.shopwright.shared.StoreId;

/** The merchant's product list: filtered, in a stable order, paged by keyset so deep pages stay fast. */
@Repository
public class ProductLists {

	public record Row(UUID id, String sortKey) {
	}

	private final JdbcClient jdbc;

	public ProductLists(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Ids of one page, plus the cursor of the next page (null on the last). */
	public Page ids(StoreId store, ProductListing listing, @Nullable String cursor, int limit) {
		// the list orders by the indexed expression itself (product_updated, product_created, product_title), so that
		// a page reads its rows from the index instead of sorting the whole store; sort_key is the cursor's text form
		String column = switch (listing.sort()) {
			case UPDATED -> "p.updated_at";
			case CREATED -> "p.created_at";
			case TITLE -> "lower(p.title)";
		};
		String key = switch (listing.sort()) {
			case UPDATED, CREATED -> "to_char(" + column + " at time zone 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US')";
			case TITLE -> column;
		};
		String cursorValue = listing.sort() == ProductListing.Sort.TITLE ? "?" : "(cast(? as timestamp) at time zone 'UTC')";
		boolean descending = listing.sort() != ProductListing.Sort.TITLE;
		StringBuilder sql = new StringBuilder("select p.id, " + key + " as sort_key from catalog.product p where p.store_id = ?");
		List<Object> params = new ArrayList<>(List.of(store.value()));
		if (listing.query() != null && !listing.query().isBlank()) {
			sql.append(" and (p.title ilike ? or p.handle = ? or exists (select 1 from catalog.variant v where "
					+ "v.store_id = p.store_id and v.product_id = p.id and (v.sku = ? or v.barcode = ?)))");
			String q = listing.query().strip();
			params.addAll(List.of("%" + q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%", q, q, q));
		}
		if (listing.status() != null) {
			sql.append(" and p.status = ?");
			params.add(listing.status().name());
		}
		if (listing.vendor() != null) {
			sql.append(" and p.vendor = ?");
			params.add(listing.vendor());
		}
		if (listing.productType() != null) {
			sql.append(" and p.product_type = ?");
			params.add(listing.productType());
		}
		if (listing.tag() != null) {
			sql.append(" and p.tags @> array[?]::text[]");
			params.add(listing.tag());
		}
		if (cursor != null) {
			Cursor position = Cursor.decode(cursor, 2);
			if (listing.sort() != ProductListing.Sort.TITLE) {
				try {
					java.time.LocalDateTime.parse(position.get(0));
				}
				catch (java.time.format.DateTimeParseException ex) {
					throw new dev.shopwright.platform.BusinessRuleViolation("INVALID_CURSOR", 400,
							"cursor is not one this API returned", java.util.Map.of("cursor", "cursor is not one this API returned"));
				}
			}
			sql.append(" and (" + column + ", p.id) " + (descending ? "<" : ">") + " (" + cursorValue + ", ?)");
			params.add(position.get(0));
			params.add(position.uuid(1));
		}
		String direction = descending ? " desc" : " asc";
		sql.append(" order by " + column + direction + ", p.id" + direction + " limit ?");
		params.add(limit + 1);
		List<Row> rows = jdbc.sql(sql.toString()).params(params)
			.query((rs, n) -> new Row(rs.getObject("id", UUID.class), rs.getString("sort_key"))).list();
		if (rows.size() <= limit) {
			return new Page(rows.stream().map(Row::id).toList(), null);
		}
		Row last = rows.get(limit - 1);
		return new Page(rows.subList(0, limit).stream().map(Row::id).toList(),
				Cursor.of(last.sortKey(), last.id().toString()).encode());
	}

	public record Page(List<UUID> ids, @Nullable String nextCursor) {
	}

	/** Distinct vendors, types and tags of the store, for the list's filter menus. */
	public List<String> distinctValues(StoreId store, String column) {
		String expression = switch (column) {
			case "vendor" -> "vendor";
			case "product_type" -> "product_type";
			case "tags" -> "unnest(tags)";
			default -> throw new IllegalArgumentException(column);
		};
		return jdbc.sql("select distinct v from (select " + expression + " as v from catalog.product where store_id = ?) x "
				+ "where v is not null order by v limit 500").param(store.value()).query(String.class).list();
	}
}
