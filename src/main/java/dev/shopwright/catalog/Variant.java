package dev.shopwright.catalog;

import java.util.List;

import org.jspecify.annotations.Nullable;

import dev.shopwright.shared.Money;

/** One sellable version of a product (a SKU): its price, identifiers, option values and shipping facts. */
public record Variant(VariantId id, ProductId productId, int position, @Nullable String sku, @Nullable String barcode,
		Money price, @Nullable Money compareAtPrice, @Nullable Money cost, List<String> options,
		@Nullable Integer weightGrams, @Nullable Integer lengthMm, @Nullable Integer widthMm, @Nullable Integer heightMm,
		boolean taxable, InventoryPolicy inventoryPolicy, @Nullable Integer preorderLimit) {

	/** "M / Blue", or "Default" for a product without options. */
	public String title() {
		return options.isEmpty() ? "Default" : String.join(" / ", options);
	}
}
