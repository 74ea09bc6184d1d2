package dev.shopwright.catalog.events;

import java.util.List;

import org.jspecify.annotations.Nullable;

import dev.shopwright.catalog.InventoryPolicy;
import dev.shopwright.catalog.ProductId;
import dev.shopwright.catalog.VariantId;
import dev.shopwright.shared.StoreId;

/**
 * A batch of products an import created or changed, committed together (ADR 0020). Imports announce this once per
 * batch instead of one {@link ProductChanged} per product, so that listeners work per batch. It carries what the
 * SKU mirrors need (variants with their SKUs and inventory policies) so that they need not read the products back;
 * anything else a listener reads from the catalog by {@link #productIds()}. A listener that follows product
 * changes must listen to this event as well as {@link ProductChanged}, which every other path still publishes.
 */
public record ProductsImported(StoreId storeId, List<ImportedProduct> products) {

	/** A product as the import committed it; {@code version} orders it against later changes of the same product. */
	public record ImportedProduct(ProductId productId, String title, int version, List<ImportedVariant> variants) {
	}

	public record ImportedVariant(VariantId variantId, @Nullable String sku, String title, @Nullable String barcode,
			InventoryPolicy inventoryPolicy, @Nullable Integer preorderLimit) {
	}

	public List<java.util.UUID> productIds() {
		return products.stream().map(p -> p.productId().value()).toList();
	}
}
