package dev.shopwright.catalog;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import dev.shopwright.shared.Money;

/**
 * A product as shoppers see it: text in one language (falling back field by field to the store's default),
 * no costs, no drafts.
 */
public record StorefrontProduct(String id, String handle, String locale, String title, String descriptionHtml,
		@Nullable String vendor, @Nullable String productType, List<String> tags, @Nullable String seoTitle,
		@Nullable String seoDescription, List<Product.Option> options, List<Offer> variants,
		Map<String, String> attributes, Money priceFrom, @Nullable Money compareAtPriceFrom) {

	public record Offer(String id, @Nullable String sku, String title, List<String> options, Money price,
			@Nullable Money compareAtPrice, @Nullable String barcode, @Nullable Integer weightGrams) {
	}

	public static StorefrontProduct of(Product product, Locale locale, Locale defaultLocale) {
		Product.Translation t = locale.equals(defaultLocale) ? null : product.translations().get(locale.toLanguageTag());
		List<Offer> offers = product.variants().stream()
			.map(v -> new Offer(v.id().toString(), v.sku(), v.title(), v.options(), v.price(), v.compareAtPrice(),
					v.barcode(), v.weightGrams()))
			.toList();
		Money from = offers.stream().map(Offer::price).min(Money::compareTo).orElseThrow();
		Money compareFrom = offers.stream().map(Offer::compareAtPrice).filter(java.util.Objects::nonNull)
			.min(Money::compareTo).orElse(null);
		return new StorefrontProduct(product.id().toString(), product.handle(), t == null ? defaultLocale.toLanguageTag()
				: locale.toLanguageTag(), pick(t == null ? null : t.title(), product.title()),
				pick(t == null ? null : t.descriptionHtml(), product.descriptionHtml()), product.vendor(),
				product.productType(), product.tags(), pick(t == null ? null : t.seoTitle(), product.seoTitle()),
				pick(t == null ? null : t.seoDescription(), product.seoDescription()), product.options(), offers,
				product.attributes(), from, compareFrom);
	}

	private static <T> T pick(@Nullable T translated, T original) {
		return translated != null ? translated : original;
	}
}
