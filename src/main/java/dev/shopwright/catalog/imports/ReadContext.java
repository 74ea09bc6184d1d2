package dev.shopwright.catalog.imports;

import java.util.Currency;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/** What reading a file needs to know beyond one product: the store's currency and attributes, SKUs seen so far. */
final class ReadContext {

	record SkuOwner(int line, String product, int group) {
	}

	final Currency currency;

	/** Codes of the store's product attributes, for descriptive attributes of WooCommerce products. */
	final Set<String> attributeCodes;

	private final Map<String, SkuOwner> skus = new HashMap<>();

	ReadContext(Currency currency, Set<String> attributeCodes) {
		this.currency = currency;
		this.attributeCodes = attributeCodes;
	}

	/** Remembers that this product uses the SKU; returns the earlier product of the file that used it, if another. */
	@Nullable SkuOwner claimSku(String sku, int line, ParsedProduct product) {
		SkuOwner earlier = skus.putIfAbsent(sku, new SkuOwner(line, product.label, product.firstLine));
		return earlier != null && earlier.group() != product.firstLine ? earlier : null;
	}
}
