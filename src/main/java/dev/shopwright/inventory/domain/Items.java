package dev.shopwright.inventory.domain;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.shopwright.catalog.InventoryPolicy;
import dev.shopwright.catalog.Product;
import dev.shopwright.catalog.events.ProductsImported;
import dev.shopwright.shared.StoreId;

/** The SKUs inventory tracks: a mirror of the catalog's variants with the fields stock rules need. */
@Repository
public class Items {

	public record Item(String sku, UUID productId, UUID variantId, String title, @Nullable String barcode,
			InventoryPolicy policy, @Nullable Integer preorderLimit, @Nullable Integer reorderPoint, boolean deleted) {
	}

	private final JdbcClient jdbc;

	Items(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Optional<Item> find(StoreId store, String sku) {
		return jdbc.sql("select * from inventory.item where store_id = ? and sku = ?")
			.params(store.value(), sku)
			.query((rs, n) -> new Item(rs.getString("sku"), rs.getObject("product_id", UUID.class),
					rs.getObject("variant_id", UUID.class), rs.getString("title"), rs.getString("barcode"),
					InventoryPolicy.valueOf(rs.getString("policy")), (Integer) rs.getObject("preorder_limit"),
					(Integer) rs.getObject("reorder_point"), rs.getBoolean("deleted")))
			.optional();
	}

	/** Brings the mirror in line with a product as the catalog has it now; SKUs it no longer has are marked deleted. */
	public void sync(StoreId store, Product product) {
		mirror(store, Map.of(product.id().value(), product.version()), product.variants().stream()
			.map(v -> new Mirrored(v.sku(), product.id().value(), product.version(), v.id().value(),
					title(product.title(), product.variants().size(), v.title()), v.barcode(), v.inventoryPolicy(),
					v.preorderLimit()))
			.toList());
	}

	/** The same for a batch of imported products, from what the event carries, in two statements. */
	public void sync(StoreId store, ProductsImported imported) {
		Map<UUID, Integer> versions = new LinkedHashMap<>();
		List<Mirrored> variants = new ArrayList<>();
		for (ProductsImported.ImportedProduct product : imported.products()) {
			versions.put(product.productId().value(), product.version());
			for (ProductsImported.ImportedVariant v : product.variants()) {
				variants.add(new Mirrored(v.sku(), product.productId().value(), product.version(), v.variantId().value(),
						title(product.title(), product.variants().size(), v.title()), v.barcode(), v.inventoryPolicy(),
						v.preorderLimit()));
			}
		}
		mirror(store, versions, variants);
	}

	private static String title(String productTitle, int variantCount, String variantTitle) {
		return variantCount == 1 ? productTitle : productTitle + " – " + variantTitle;
	}

	/** A catalog variant as the mirror keeps it, with the version of its product it comes from. */
	private record Mirrored(@Nullable String sku, UUID productId, int version, UUID variantId, String title,
			@Nullable String barcode, InventoryPolicy policy, @Nullable Integer preorderLimit) {
	}

	/**
	 * Upserts the variants with a SKU; SKUs of these products that are not among them are marked deleted. Rows
	 * written from a later version of the same product are left alone: listeners may handle events out of order.
	 */
	private void mirror(StoreId store, Map<UUID, Integer> productVersions, List<Mirrored> variants) {
		Timestamp now = Timestamp.from(Instant.now());
		// one row per SKU, the last one given winning, as if they were written one after the other (a product
		// written twice in one import batch appears twice in its event)
		Map<String, Mirrored> bySku = new LinkedHashMap<>();
		variants.stream().filter(v -> v.sku() != null && !v.sku().isBlank()).forEach(v -> bySku.put(v.sku(), v));
		List<Mirrored> withSku = List.copyOf(bySku.values());
		if (!withSku.isEmpty()) {
			// one statement for all of them: an import batch brings 400 SKUs, which as a JDBC batch cost PostgreSQL
			// 400 executions
			jdbc.sql("""
					insert into inventory.item (store_id, sku, product_id, variant_id, title, barcode, policy, preorder_limit,
					                            deleted, updated_at, catalog_version)
					select ?, v.sku, v.product_id, v.variant_id, v.title, v.barcode, v.policy, v.preorder_limit, false, ?,
					       v.version
					from unnest(?::text[], ?::uuid[], ?::uuid[], ?::text[], ?::text[], ?::text[], ?::integer[], ?::integer[])
					     as v(sku, product_id, variant_id, title, barcode, policy, preorder_limit, version)
					on conflict (store_id, sku) do update set product_id = excluded.product_id,
					  variant_id = excluded.variant_id, title = excluded.title, barcode = excluded.barcode,
					  policy = excluded.policy, preorder_limit = excluded.preorder_limit, deleted = false,
					  updated_at = excluded.updated_at, catalog_version = excluded.catalog_version
					where inventory.item.product_id <> excluded.product_id or inventory.item.catalog_version is null
					  or inventory.item.catalog_version <= excluded.catalog_version""")
				.params(store.value(), now, withSku.stream().map(Mirrored::sku).toArray(String[]::new),
						withSku.stream().map(Mirrored::productId).toArray(UUID[]::new),
						withSku.stream().map(Mirrored::variantId).toArray(UUID[]::new),
						withSku.stream().map(Mirrored::title).toArray(String[]::new),
						withSku.stream().map(Mirrored::barcode).toArray(String[]::new),
						withSku.stream().map(v -> v.policy().name()).toArray(String[]::new),
						withSku.stream().map(Mirrored::preorderLimit).toArray(Integer[]::new),
						withSku.stream().map(Mirrored::version).toArray(Integer[]::new))
				.update();
		}
		jdbc.sql("""
				update inventory.item i set deleted = true, updated_at = ?
				from unnest(?::uuid[], ?::integer[]) as p(product_id, version)
				where i.store_id = ? and i.product_id = p.product_id and not i.deleted and not (i.sku = any (?))
				  and (i.catalog_version is null or i.catalog_version <= p.version)""")
			.params(now, productVersions.keySet().toArray(UUID[]::new), productVersions.values().toArray(Integer[]::new),
					store.value(), withSku.stream().map(Mirrored::sku).toArray(String[]::new))
			.update();
	}

	public void markProductDeleted(StoreId store, UUID productId) {
		// the highest version: no event about the product from before its deletion revives its SKUs
		jdbc.sql("update inventory.item set deleted = true, updated_at = ?, catalog_version = 2147483647 "
				+ "where store_id = ? and product_id = ?")
			.params(Timestamp.from(Instant.now()), store.value(), productId)
			.update();
	}

	public void setReorderPoint(StoreId store, String sku, @Nullable Integer reorderPoint) {
		jdbc.sql("update inventory.item set reorder_point = ?, updated_at = ? where store_id = ? and sku = ?")
			.params(reorderPoint, Timestamp.from(Instant.now()), store.value(), sku)
			.update();
	}
}
