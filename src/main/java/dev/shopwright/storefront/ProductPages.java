package dev.shopwright.storefront;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import dev.shopwright.catalog.CatalogManagement;
import dev.shopwright.catalog.Category;
import dev.shopwright.catalog.Product;
import dev.shopwright.catalog.StorefrontProduct;
import dev.shopwright.catalog.events.CategoryChanged;
import dev.shopwright.catalog.events.ProductChanged;
import dev.shopwright.catalog.events.ProductDeleted;
import dev.shopwright.shared.StoreId;
import dev.shopwright.stores.Store;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a product page shows, assembled once and kept: loading a product takes about eight small queries,
 * which dominated the page's latency. Entries are dropped when the catalog says the product (or any
 * category, for breadcrumbs) changed on this node; the one-minute expiry bounds staleness on other nodes.
 */
@Component
class ProductPages {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	record ProductPage(StorefrontProduct product, List<Category> breadcrumbs, String variantsJson) {
	}

	private final Cache<String, Optional<ProductPage>> cache = Caffeine.newBuilder().maximumSize(20_000)
		.expireAfterWrite(Duration.ofMinutes(1)).build();

	private final CatalogManagement catalog;

	ProductPages(CatalogManagement catalog) {
		this.catalog = catalog;
	}

	Optional<ProductPage> find(Store store, String handle) {
		return cache.get(store.id() + "/" + handle, key -> load(store, handle));
	}

	private Optional<ProductPage> load(Store store, String handle) {
		return catalog.findByHandle(store.id(), handle).filter(Product::visibleToShoppers).map(product -> {
			StorefrontProduct view = StorefrontProduct.of(product, store.defaultLocale(), store.defaultLocale());
			List<Category> breadcrumbs = product.categoryIds().isEmpty() ? List.of()
					: catalog.breadcrumbs(store.id(), product.categoryIds().get(0));
			String variants = JSON.writeValueAsString(view.variants().stream()
				.map(v -> Map.of("id", v.id(), "options", v.options(), "price", v.price().amount().toPlainString()))
				.toList());
			return new ProductPage(view, breadcrumbs, variants);
		});
	}

	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
	void on(ProductChanged event) {
		forget(event.storeId(), event.productId().toString());
	}

	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
	void on(ProductDeleted event) {
		forget(event.storeId(), event.productId().toString());
	}

	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
	void on(CategoryChanged event) {
		cache.invalidateAll();
	}

	/** A product may be cached under its old handle, or as "not visible": drop every entry of the store that could be it. */
	private void forget(StoreId store, String productId) {
		String prefix = store + "/";
		cache.asMap().entrySet().removeIf(entry -> entry.getKey().startsWith(prefix)
				&& (entry.getValue().isEmpty() || entry.getValue().get().product().id().equals(productId)));
	}
}
