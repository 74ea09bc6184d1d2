package dev.shopwright.orders.drafts;

import java.util.Currency;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import dev.shopwright.catalog.CatalogManagement;
import dev.shopwright.catalog.Product;
import dev.shopwright.catalog.Variant;
import dev.shopwright.pricing.PricingManagement;
import dev.shopwright.pricing.TaxClass;
import dev.shopwright.shared.Money;
import dev.shopwright.shared.StoreId;

/**
 * Prices for lines staff add to a draft or an order: the variant found by SKU in the catalog (staff may sell any
 * product that exists, published or not), its price in the wanted currency from pricing (price list or conversion).
 */
@Component
public class CatalogPrices {

	/** A variant with the product it belongs to. */
	public record Item(Product product, Variant variant) {

		public String title() {
			return product.title();
		}

		public @org.jspecify.annotations.Nullable String variantTitle() {
			return product.variants().size() > 1 ? variant.title() : null;
		}
	}

	private final CatalogManagement catalog;

	private final PricingManagement pricing;

	CatalogPrices(CatalogManagement catalog, PricingManagement pricing) {
		this.catalog = catalog;
		this.pricing = pricing;
	}

	public Optional<Item> item(StoreId store, String sku) {
		return catalog.findBySku(store, sku)
			.flatMap(p -> p.variants().stream().filter(v -> sku.equals(v.sku())).findFirst().map(v -> new Item(p, v)));
	}

	/** The variant's price in {@code currency}: its own price in the store currency, else pricing's. */
	public Money unitPrice(StoreId store, Item item, Currency currency) {
		Money base = item.variant().price();
		return base.currency().equals(currency) ? base
				: pricing.priceIn(store, item.variant().sku(), base, currency).price();
	}

	/** The class shipping is taxed at: the store's {@code standard} class, else its first, else none. */
	public @org.jspecify.annotations.Nullable String shippingTaxClass(StoreId store) {
		List<TaxClass> classes = pricing.taxClasses(store);
		return classes.stream().anyMatch(c -> c.code().equals("standard")) ? "standard"
				: classes.isEmpty() ? null : classes.getFirst().code();
	}
}
