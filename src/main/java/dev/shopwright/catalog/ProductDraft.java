package dev.shopwright.catalog;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import dev.shopwright.shared.Money;

/**
 * A product as a client writes it: to create one (title and at least one variant needed), or to change one
 * (null leaves a field as it is; a list given replaces the list). Variants given with an {@code id} or a
 * known {@code sku} keep their identity; variants left out are removed.
 */
public record ProductDraft(
		@Size(min = 1, max = 255) @Nullable String title,
		@Pattern(regexp = "[a-z0-9](?:[a-z0-9-]{0,253}[a-z0-9])?", message = "must be lowercase letters, digits and dashes") @Nullable String handle,
		@Size(max = 512 * 1024) @Nullable String descriptionHtml,
		@Size(max = 255) @Nullable String vendor,
		@Size(max = 255) @Nullable String productType,
		@Size(max = 250) @Nullable List<@NotBlank @Size(max = 255) String> tags,
		@Nullable ProductStatus status,
		@Size(max = 70 * 2) @Nullable String seoTitle,
		@Size(max = 320) @Nullable String seoDescription,
		@Nullable Boolean published,
		@Size(max = 3) @Nullable List<@Valid OptionDraft> options,
		@Size(min = 1, max = 250) @Nullable List<@Valid VariantDraft> variants,
		@Size(max = 100) @Nullable Map<@NotBlank String, @NotNull @Size(max = 1000) String> attributes,
		@Size(max = 50) @Nullable List<@NotNull UUID> categoryIds,
		@Size(max = 20) @Nullable Map<@Pattern(regexp = "[a-z]{2,3}(?:-[A-Z]{2})?") String, Product.Translation> translations,
		@Size(max = 50) @Nullable List<Product.@NotNull Related> related) {

	public record OptionDraft(@NotBlank @Size(max = 255) String name,
			@Nullable List<@NotBlank @Size(max = 255) String> values) {
	}

	public record VariantDraft(
			@Nullable UUID id,
			@Size(max = 255) @Nullable String sku,
			@Size(max = 14) @Nullable String barcode,
			@NotNull Money price,
			@Nullable Money compareAtPrice,
			@Nullable Money cost,
			@Size(max = 3) @Nullable List<@NotBlank @Size(max = 255) String> options,
			@Min(0) @Max(10_000_000) @Nullable Integer weightGrams,
			@Min(0) @Max(100_000) @Nullable Integer lengthMm,
			@Min(0) @Max(100_000) @Nullable Integer widthMm,
			@Min(0) @Max(100_000) @Nullable Integer heightMm,
			@Nullable Boolean taxable,
			@Nullable InventoryPolicy inventoryPolicy,
			@Min(0) @Nullable Integer preorderLimit) {

		public static VariantDraft priced(@Nullable String sku, Money price, String... options) {
			return new VariantDraft(null, sku, null, price, null, null, List.of(options), null, null, null, null, null,
					null, null);
		}
	}

	/** The smallest valid product: a title and one variant. */
	public static ProductDraft of(String title, VariantDraft... variants) {
		return new ProductDraft(title, null, null, null, null, null, null, null, null, null, null, List.of(variants),
				null, null, null, null);
	}
}
