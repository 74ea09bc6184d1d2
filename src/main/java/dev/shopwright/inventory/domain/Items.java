package dev.shopwright.inventory.domain;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
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

	private final JdbcTemplate batch;

	Items(JdbcClient jdbc, JdbcTemplate batch) {
		this.jdbc = jdbc;
		this.batch = batch;
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
		mirror(store, List.of(product.id().value()), product.variants().stream()
			.map(v -> new Mirrored(v.sku(), product.id().value(), v.id().value(),
					title(product.title(), product.variants().size(), v.title()), v.barcode(), v.inventoryPolicy(),
					v.preorderLimit()))
			.toList());
	}

	/** The same for a batch of imported products, from what the event carries, in two statements. */
	public void sync(StoreId store, ProductsImported imported) {
		List<Mirrored> variants = new ArrayList<>();
		for (ProductsImported.ImportedProduct product : imported.products()) {
			for (ProductsImported.ImportedVariant v : product.variants()) {
				variants.add(new Mirrored(v.sku(), product.productId().value(), v.variantId().value(),
						title(product.title(), product.variants().size(), v.title()), v.barcode(), v.inventoryPolicy(),
						v.preorderLimit()));
			}
		}
		mirror(store, imported.productIds(), variants);
	}

	private static String title(String productTitle, int variantCount, String variantTitle) {
		return variantCount == 1 ? productTitle : productTitle + " – " + variantTitle;
	}

	/** A catalog variant as the mirror keeps it. */
	private record Mirrored(@Nullable String sku, UUID productId, UUID variantId, String title, @Nullable String barcode,
			InventoryPolicy policy, @Nullable Integer preorderLimit) {
	}

	/** Upserts the variants with a SKU; SKUs of these products that are not among them are marked deleted. */
	private void mirror(StoreId store, List<UUID> productIds, List<Mirrored> variants) {
		Timestamp now = Timestamp.from(Instant.now());
		List<Mirrored> withSku = variants.stream().filter(v -> v.sku() != null && !v.sku().isBlank()).toList();
		if (!withSku.isEmpty()) {
			batch.batchUpdate("""
					insert into inventory.item (store_id, sku, product_id, variant_id, title, barcode, policy, preorder_limit,
					                            deleted, updated_at)
					values (?, ?, ?, ?, ?, ?, ?, ?, false, ?)
					on conflict (store_id, sku) do update set product_id = excluded.product_id,
					  variant_id = excluded.variant_id, title = excluded.title, barcode = excluded.barcode,
					  policy = excluded.policy, preorder_limit = excluded.preorder_limit, deleted = false,
					  updated_at = excluded.updated_at""",
					withSku.stream().map(v -> new Object[] { store.value(), v.sku(), v.productId(), v.variantId(), v.title(),
							v.barcode(), v.policy().name(), v.preorderLimit(), now }).toList());
		}
		jdbc.sql("""
				update inventory.item set deleted = true, updated_at = ?
				where store_id = ? and product_id = any (?) and not deleted and not (sku = any (?))""")
			.params(now, store.value(), productIds.toArray(UUID[]::new),
					withSku.stream().map(Mirrored::sku).toArray(String[]::new))
			.update();
	}

	public void markProductDeleted(StoreId store, UUID productId) {
		jdbc.sql("update inventory.item set deleted = true, updated_at = ? where store_id = ? and product_id = ?")
			.params(Timestamp.from(Instant.now()), store.value(), productId)
			.update();
	}

	public void setReorderPoint(StoreId store, String sku, @Nullable Integer reorderPoint) {
		jdbc.sql("update inventory.item set reorder_point = ?, updated_at = ? where store_id = ? and sku = ?")
			.params(reorderPoint, Timestamp.from(Instant.now()), store.value(), sku)
			.update();
	}
}
