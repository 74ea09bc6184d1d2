package dev.shopwright.inventory.domain;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.shopwright.catalog.InventoryPolicy;
import dev.shopwright.catalog.Product;
import dev.shopwright.catalog.Variant;
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
		Instant now = Instant.now();
		List<Variant> variants = product.variants().stream().filter(v -> v.sku() != null && !v.sku().isBlank()).toList();
		for (Variant variant : variants) {
			String title = product.variants().size() == 1 ? product.title() : product.title() + " – " + variant.title();
			jdbc.sql("""
					insert into inventory.item (store_id, sku, product_id, variant_id, title, barcode, policy, preorder_limit,
					                            deleted, updated_at)
					values (?, ?, ?, ?, ?, ?, ?, ?, false, ?)
					on conflict (store_id, sku) do update set product_id = excluded.product_id,
					  variant_id = excluded.variant_id, title = excluded.title, barcode = excluded.barcode,
					  policy = excluded.policy, preorder_limit = excluded.preorder_limit, deleted = false,
					  updated_at = excluded.updated_at""")
				.params(store.value(), variant.sku(), product.id().value(), variant.id().value(), title, variant.barcode(),
						variant.inventoryPolicy().name(), variant.preorderLimit(), Timestamp.from(now))
				.update();
		}
		jdbc.sql("""
				update inventory.item set deleted = true, updated_at = ?
				where store_id = ? and product_id = ? and not deleted and not (sku = any (?))""")
			.params(Timestamp.from(now), store.value(), product.id().value(),
					variants.stream().map(Variant::sku).toArray(String[]::new))
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
