package dev.shopwright.catalog.imports;

import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import dev.shopwright.catalog.Product;
import dev.shopwright.catalog.ProductDraft;

/** Copies of a product draft with one part changed (records have no withers). */
final class Drafts {

	private Drafts() {
	}

	static ProductDraft with(ProductDraft d, @Nullable String handle, @Nullable List<UUID> categoryIds,
			@Nullable List<ProductDraft.VariantDraft> variants) {
		return new ProductDraft(d.title(), handle, d.descriptionHtml(), d.vendor(), d.productType(), d.tags(), d.status(),
				d.seoTitle(), d.seoDescription(), d.published(), d.options(), variants, d.attributes(), categoryIds,
				d.translations(), d.related());
	}

	static ProductDraft relatedOnly(List<Product.Related> related) {
		return new ProductDraft(null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
				related);
	}

	static ProductDraft.VariantDraft withId(ProductDraft.VariantDraft v, UUID id) {
		return new ProductDraft.VariantDraft(id, v.sku(), v.barcode(), v.price(), v.compareAtPrice(), v.cost(), v.options(),
				v.weightGrams(), v.lengthMm(), v.widthMm(), v.heightMm(), v.taxable(), v.inventoryPolicy(), v.preorderLimit());
	}
}
