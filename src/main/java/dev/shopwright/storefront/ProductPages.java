package dev.shopwright.storefront;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

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
import dev.shopwright.catalog.events.ProductsImported;
import dev.shopwright.search.Availability;
import dev.shopwright.search.SearchManagement;
import dev.shopwright.search.events.ProductAvailabilityChanged;
import dev.shopwright.shared.StoreId;
import dev.shopwright.stores.Store;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a product page shows in one language, assembled once and kept, with the HTML rendered from it: loading a
 * product takes about eight small queries and rendering the template most of the rest of a page's cost. Entries
 * are dropped when the catalog says the product (or any category, for breadcrumbs) changed on this node, and when
 * search reports that a variant's availability flipped (a stock change: the page shows it within the time the
 * event takes, well under a second, and stock changes that do not flip availability keep the cached page); the
 * one-minute expiry bounds staleness on other nodes. The HTML is kept per store settings and base URL, so a
 * changed store (name, language, address) renders afresh.
 */
@Component
class ProductPages {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** Host names a page was rendered for; more (a client sending made-up Host headers) starts over. */
	private static final int RENDERINGS_PER_PAGE = 4;

	record ProductPage(StorefrontProduct product, List<Category> breadcrumbs, String variantsJson,
			Map<String, Availability> availability, Map<Rendering, RenderedPage> renderings) {

		/** A variant's availability; one search has not heard of yet counts as in stock. */
		Availability availability(String variantId) {
			return availability.getOrDefault(variantId, Availability.IN_STOCK);
		}

		/** No variant can be bought now. */
		boolean soldOut() {
			return product.variants().stream().noneMatch(v -> availability(v.id()).sellable());
		}
	}

	/** What else the HTML depends on besides the product: the store's settings and the URL it is served at. */
	record Rendering(Store store, String baseUrl) {
	}

	/** UTF-8 HTML and its strong ETag. */
	record RenderedPage(byte[] html, String etag) {

		static RenderedPage of(String html) {
			byte[] bytes = html.getBytes(StandardCharsets.UTF_8);
			try {
				byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
				return new RenderedPage(bytes, "\"" + HexFormat.of().formatHex(digest, 0, 16) + "\"");
			}
			catch (NoSuchAlgorithmException ex) {
				throw new IllegalStateException(ex);
			}
		}
	}

	private final Cache<String, Optional<ProductPage>> cache = Caffeine.newBuilder().maximumSize(20_000)
		.expireAfterWrite(Duration.ofMinutes(1)).build();

	/** Counts invalidations, so that a page loaded while a change was committing is not kept. */
	private long invalidations;

	private final CatalogManagement catalog;

	private final SearchManagement search;

	ProductPages(CatalogManagement catalog, SearchManagement search) {
		this.catalog = catalog;
		this.search = search;
	}

	Optional<ProductPage> find(Store store, String handle, Locale language) {
		String key = store.id() + "/" + handle + "/" + language.toLanguageTag();
		Optional<ProductPage> cached = cache.getIfPresent(key);
		if (cached != null) {
			return cached;
		}
		long before;
		synchronized (this) {
			before = invalidations;
		}
		Optional<ProductPage> loaded = load(store, handle, language);
		synchronized (this) {
			if (invalidations == before) {
				cache.put(key, loaded);
			}
		}
		return loaded;
	}

	/** The page's HTML for this store and base URL, rendered by {@code render} the first time. */
	Optional<RenderedPage> rendered(Store store, String handle, Locale language, String baseUrl,
			Function<ProductPage, String> render) {
		return find(store, handle, language).map(page -> {
			Rendering rendering = new Rendering(store, baseUrl);
			RenderedPage html = page.renderings().get(rendering);
			if (html == null) {
				html = RenderedPage.of(render.apply(page));
				if (page.renderings().size() >= RENDERINGS_PER_PAGE) {
					page.renderings().clear();
				}
				page.renderings().put(rendering, html);
			}
			return html;
		});
	}

	private Optional<ProductPage> load(Store store, String handle, Locale language) {
		return catalog.findByHandle(store.id(), handle).filter(Product::visibleToShoppers).map(product -> {
			StorefrontProduct view = StorefrontProduct.of(product, language, store.defaultLocale());
			List<Category> breadcrumbs = product.categoryIds().isEmpty() ? List.of()
					: catalog.breadcrumbs(store.id(), product.categoryIds().get(0));
			Map<String, Availability> availability = new java.util.HashMap<>();
			search.availability(store.id(), product.id().value()).forEach((id, a) -> availability.put(id.toString(), a));
			String variants = JSON.writeValueAsString(view.variants().stream()
				.map(v -> Map.of("id", v.id(), "options", v.options(), "price", v.price().amount().toPlainString(),
						"available", availability.getOrDefault(v.id(), Availability.IN_STOCK).sellable()))
				.toList());
			return new ProductPage(view, breadcrumbs, variants, Map.copyOf(availability), new ConcurrentHashMap<>());
		});
	}

	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
	void on(ProductChanged event) {
		forget(event.storeId(), event.productId().toString());
	}

	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
	void on(ProductsImported event) {
		forget(event.storeId(), event.productIds().stream().map(java.util.UUID::toString).collect(java.util.stream.Collectors.toSet()));
	}

	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
	void on(ProductAvailabilityChanged event) {
		forget(event.storeId(), event.productId().toString());
	}

	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
	void on(ProductDeleted event) {
		forget(event.storeId(), event.productId().toString());
	}

	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
	synchronized void on(CategoryChanged event) {
		invalidations++;
		cache.invalidateAll();
	}

	/** A product may be cached under its old handle, or as "not visible": drop every entry of the store that could be it. */
	private void forget(StoreId store, String productId) {
		forget(store, java.util.Set.of(productId));
	}

	private synchronized void forget(StoreId store, java.util.Set<String> productIds) {
		invalidations++;
		String prefix = store + "/";
		cache.asMap().entrySet().removeIf(entry -> entry.getKey().startsWith(prefix)
				&& (entry.getValue().isEmpty() || productIds.contains(entry.getValue().get().product().id())));
	}
}
