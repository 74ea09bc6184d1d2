package dev.shopwright.catalog;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** A product with everything that belongs to it, as the Admin API returns it. */
public record Product(ProductId id, String handle, String title, String descriptionHtml, @Nullable String vendor,
		@Nullable String productType, List<String> tags, ProductStatus status, @Nullable String seoTitle,
		@Nullable String seoDescription, boolean published, @Nullable Instant publishedAt, List<Option> options,
		List<Variant> variants, Map<String, String> attributes, List<UUID> categoryIds,
		Map<String, Translation> translations, List<Related> related, Instant createdAt, Instant updatedAt,
		int version) {

	public record Option(String name, List<String> values) {
	}

	public record Translation(@Nullable String title, @Nullable String descriptionHtml, @Nullable String seoTitle,
			@Nullable String seoDescription) {
	}

	public enum RelationKind {
		CROSS_SELL, UPSELL
	}

	public record Related(ProductId productId, RelationKind kind) {
	}

	/** Shoppers may see and buy it. */
	public boolean visibleToShoppers() {
		return status == ProductStatus.ACTIVE && published;
	}
}
