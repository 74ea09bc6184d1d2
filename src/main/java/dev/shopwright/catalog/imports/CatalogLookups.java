package dev.shopwright.catalog.imports;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.shopwright.shared.StoreId;

/**
 * Handles to ids and back, for the columns of our own format that name categories and products by handle (ids
 * differ from store to store; handles travel).
 */
@Repository
class CatalogLookups {

	private final JdbcClient jdbc;

	CatalogLookups(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Map<String, UUID> categoryIds(StoreId store, Collection<String> handles) {
		return ids("catalog.category", store, handles);
	}

	Map<String, UUID> productIds(StoreId store, Collection<String> handles) {
		return ids("catalog.product", store, handles);
	}

	/** The products the SKUs belong to. */
	Map<String, UUID> productIdsBySku(StoreId store, Collection<String> skus) {
		if (skus.isEmpty()) {
			return Map.of();
		}
		return jdbc.sql("select sku, product_id from catalog.variant where store_id = ? and sku = any (?)")
			.params(store.value(), skus.toArray(String[]::new))
			.query((rs, n) -> Map.entry(rs.getString("sku"), rs.getObject("product_id", UUID.class))).list().stream()
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
	}

	Map<UUID, String> categoryHandles(StoreId store, Collection<UUID> ids) {
		return handles("catalog.category", store, ids);
	}

	Map<UUID, String> productHandles(StoreId store, Collection<UUID> ids) {
		return handles("catalog.product", store, ids);
	}

	Set<String> attributeCodes(StoreId store) {
		return jdbc.sql("select code from catalog.attribute where store_id = ?").param(store.value()).query(String.class)
			.set();
	}

	private Map<String, UUID> ids(String table, StoreId store, Collection<String> handles) {
		if (handles.isEmpty()) {
			return Map.of();
		}
		return jdbc.sql("select handle, id from " + table + " where store_id = ? and handle = any (?)")
			.params(store.value(), handles.toArray(String[]::new))
			.query((rs, n) -> Map.entry(rs.getString("handle"), rs.getObject("id", UUID.class))).list().stream()
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, LinkedHashMap::new));
	}

	private Map<UUID, String> handles(String table, StoreId store, Collection<UUID> ids) {
		if (ids.isEmpty()) {
			return Map.of();
		}
		List<Map.Entry<UUID, String>> rows = jdbc.sql("select id, handle from " + table + " where store_id = ? and id = any (?)")
			.params(store.value(), ids.toArray(UUID[]::new))
			.query((rs, n) -> Map.entry(rs.getObject("id", UUID.class), rs.getString("handle"))).list();
		return rows.stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
	}
}
