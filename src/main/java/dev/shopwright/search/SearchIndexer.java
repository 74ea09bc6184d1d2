package dev.shopwright.search;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import dev.shopwright.catalog.CatalogManagement;
import dev.shopwright.catalog.Category;
import dev.shopwright.catalog.Product;
import dev.shopwright.catalog.ProductId;
import dev.shopwright.catalog.ProductListing;
import dev.shopwright.catalog.Variant;
import dev.shopwright.search.domain.ProductDocuments;
import dev.shopwright.search.domain.TextFolding;
import dev.shopwright.search.domain.VariantStock;
import dev.shopwright.inventory.InventoryManagement;
import dev.shopwright.shared.StoreId;
import dev.shopwright.stores.Store;
import dev.shopwright.stores.StoreManagement;

/** Turns catalog products into search documents: one product, a list of them, or a whole store. */
@Component
class SearchIndexer {

	private static final Logger log = LoggerFactory.getLogger(SearchIndexer.class);

	private static final int BATCH = 200;

	private final CatalogManagement catalog;

	private final StoreManagement stores;

	private final ProductDocuments documents;

	private final VariantStock variantStock;

	private final InventoryManagement inventory;

	SearchIndexer(CatalogManagement catalog, StoreManagement stores, ProductDocuments documents,
			VariantStock variantStock, InventoryManagement inventory) {
		this.catalog = catalog;
		this.stores = stores;
		this.documents = documents;
		this.variantStock = variantStock;
		this.inventory = inventory;
	}

	/** Text search configurations for a store's languages, 'simple' last for exact words. */
	static List<String> configs(Store store) {
		Set<String> configs = new LinkedHashSet<>();
		List<Locale> locales = new ArrayList<>(store.locales());
		locales.add(0, store.defaultLocale());
		for (Locale locale : locales) {
			String config = config(locale);
			if (config != null) {
				configs.add(config);
			}
		}
		configs.add("search.simple");
		return List.copyOf(configs);
	}

	/**
	 * For a search in one language: that language's configuration first, then the default language's (an
	 * untranslated product is indexed in the default language only), 'simple' last.
	 */
	static List<String> configs(Store store, @Nullable String languageTag) {
		String chosen = languageTag == null ? null : config(Locale.forLanguageTag(languageTag));
		boolean offered = chosen != null && (store.locales().stream().anyMatch(l -> chosen.equals(config(l)))
				|| chosen.equals(config(store.defaultLocale())));
		if (!offered) {
			return configs(store);
		}
		Set<String> configs = new LinkedHashSet<>();
		configs.add(chosen);
		String fallback = config(store.defaultLocale());
		if (fallback != null) {
			configs.add(fallback);
		}
		configs.add("search.simple");
		return List.copyOf(configs);
	}

	private static @Nullable String config(Locale locale) {
		return switch (locale.getLanguage()) {
			case "en" -> "search.english";
			case "de" -> "search.german";
			case "fr" -> "search.french";
			case "es" -> "search.spanish";
			case "it" -> "search.italian";
			case "nl" -> "search.dutch";
			default -> null;
		};
	}

	@Transactional
	public void reindex(StoreId storeId, List<UUID> productIds) {
		if (productIds.isEmpty()) {
			return;
		}
		Store store = stores.get(storeId);
		Map<UUID, Category> categories = categories(storeId);
		List<Product> products = catalog.load(storeId, productIds);
		index(store, products, categories);
		Set<UUID> found = new HashSet<>();
		products.forEach(product -> found.add(product.id().value()));
		for (UUID id : productIds) {
			if (!found.contains(id)) {
				remove(storeId, id);
			}
		}
	}

	@Transactional
	public void remove(StoreId store, UUID productId) {
		documents.delete(store, productId);
		variantStock.deleteProduct(store, productId);
	}

	/** Rebuilds every document of the store; returns how many products were indexed. */
	public int reindexAll(StoreId storeId) {
		long started = System.nanoTime();
		Store store = stores.get(storeId);
		Map<UUID, Category> categories = categories(storeId);
		List<UUID> seen = new ArrayList<>();
		String cursor = null;
		do {
			var page = catalog.list(storeId, ProductListing.all(), cursor, BATCH);
			index(store, page.items(), categories);
			page.items().forEach(product -> seen.add(product.id().value()));
			cursor = page.nextCursor();
		}
		while (cursor != null);
		documents.deleteAllExcept(storeId, seen);
		log.info("Search index of store {} rebuilt: {} products in {} ms", store.handle(), seen.size(),
				(System.nanoTime() - started) / 1_000_000);
		return seen.size();
	}

	public long indexed(StoreId store) {
		return documents.count(store);
	}

	private Map<UUID, Category> categories(StoreId store) {
		Map<UUID, Category> all = new LinkedHashMap<>();
		catalog.categories(store).forEach(c -> all.put(c.id(), c));
		return all;
	}

	private void index(Store store, List<Product> products, Map<UUID, Category> categories) {
		Map<UUID, List<UUID>> collections = catalog.collectionsContaining(store.id(),
				products.stream().map(p -> p.id().value()).toList());
		Map<UUID, List<VariantStock.Row>> stock = stock(store.id(), products);
		variantStock.replace(store.id(), stock);
		documents.upsert(store.id(), products.stream()
			.map(p -> document(store, p, categories, collections.getOrDefault(p.id().value(), List.of()),
					stock.get(p.id().value()).stream().anyMatch(v -> v.availability().sellable())))
			.toList());
	}

	/**
	 * Each product's variants with what inventory says of their SKUs now (one query for the whole batch). Inventory
	 * mirrors every catalog SKU; one it has not mirrored yet (its catalog event is still on the way) has no stock
	 * either, since stock can only be received for a mirrored SKU, and the receipt's StockLevelChanged corrects the
	 * row. Only a variant without a SKU is untracked, and counts as sellable (ADR 0023).
	 */
	private Map<UUID, List<VariantStock.Row>> stock(StoreId store, List<Product> products) {
		List<String> skus = products.stream().flatMap(p -> p.variants().stream()).map(Variant::sku)
			.filter(java.util.Objects::nonNull).toList();
		Map<String, Integer> available = inventory.availableOnline(store, skus);
		Map<UUID, List<VariantStock.Row>> result = new LinkedHashMap<>();
		for (Product p : products) {
			result.put(p.id().value(), p.variants().stream()
				.map(v -> new VariantStock.Row(v.id().value(), v.position(), v.sku(), v.inventoryPolicy().name(),
						v.preorderLimit(), v.sku() == null ? null : available.getOrDefault(v.sku(), 0)))
				.toList());
		}
		return result;
	}

	private ProductDocuments.Document document(Store store, Product p, Map<UUID, Category> categories,
			List<UUID> collections, boolean inStock) {
		Set<UUID> categoryIds = new LinkedHashSet<>();
		for (UUID id : p.categoryIds()) {
			Category category = categories.get(id);
			categoryIds.addAll(category != null ? category.path() : List.of(id));
		}
		List<String> optionValues = new ArrayList<>();
		for (Product.Option option : p.options()) {
			for (String value : option.values()) {
				optionValues.add(option.name() + "=" + value);
			}
		}
		BigDecimal min = p.variants().stream().map(v -> v.price().amount()).min(BigDecimal::compareTo).orElse(BigDecimal.ZERO);
		BigDecimal max = p.variants().stream().map(v -> v.price().amount()).max(BigDecimal::compareTo).orElse(BigDecimal.ZERO);
		BigDecimal compareAt = p.variants().stream().map(Variant::compareAtPrice).filter(java.util.Objects::nonNull)
			.map(m -> m.amount()).min(BigDecimal::compareTo).orElse(null);
		String currency = p.variants().isEmpty() ? store.defaultCurrency().getCurrencyCode()
				: p.variants().get(0).price().currency().getCurrencyCode();

		// B weight: what describes the product in a word or two; option values so that "blue jacket" works
		List<String> keywordParts = new ArrayList<>(p.tags());
		if (p.vendor() != null) {
			keywordParts.add(p.vendor());
		}
		if (p.productType() != null) {
			keywordParts.add(p.productType());
		}
		p.options().forEach(o -> keywordParts.addAll(o.values()));
		String keywords = String.join(" ", keywordParts);

		List<String> configs = configs(store);
		List<ProductDocuments.LocalText> texts = new ArrayList<>();
		for (String config : configs) {
			Product.Translation translation = translationFor(store, config, p);
			String title = translation != null && translation.title() != null ? translation.title() : p.title();
			String description = translation != null && translation.descriptionHtml() != null
					? translation.descriptionHtml() : p.descriptionHtml();
			// the index adds the joined spelling of hyphenated words ("tshirt"); the title stays as shown
			texts.add(new ProductDocuments.LocalText(config, title, TextFolding.plain(description)));
		}
		return new ProductDocuments.Document(p.id().value(), p.handle(), p.title(), p.vendor(), p.productType(), p.tags(),
				categoryIds, collections, optionValues, min, max, compareAt, currency, p.visibleToShoppers(),
				p.publishedAt(), texts, keywords, inStock, 0 /* units sold are kept by ProductSales, not written here */);
	}

	/** The translation for the first store language that uses this configuration, unless it is the default one. */
	private static Product.@Nullable Translation translationFor(Store store, String config, Product p) {
		if (config.equals(config(store.defaultLocale()))) {
			return null;
		}
		for (Locale locale : store.locales()) {
			if (config.equals(config(locale))) {
				Product.Translation t = p.translations().get(locale.toLanguageTag());
				if (t == null) {
					t = p.translations().get(locale.getLanguage());
				}
				return t;
			}
		}
		return null;
	}

	/** For the product id list of a changed category or collection: who is there now and who was there. */
	List<UUID> union(List<UUID> before, List<UUID> now) {
		Set<UUID> all = new LinkedHashSet<>(before);
		all.addAll(now);
		return List.copyOf(all);
	}

	static ProductId id(UUID id) {
		return new ProductId(id);
	}
}
