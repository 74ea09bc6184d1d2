package dev.shopwright.search;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.shopwright.catalog.CatalogManagement;
import dev.shopwright.catalog.Category;
import dev.shopwright.platform.AuditLog;
import dev.shopwright.platform.BusinessRuleViolation;
import dev.shopwright.platform.ResourceNotFound;
import dev.shopwright.search.domain.ProductDocuments;
import dev.shopwright.search.domain.SearchIndex;
import dev.shopwright.search.domain.SearchLog;
import dev.shopwright.search.domain.Synonyms;
import dev.shopwright.search.domain.TextFolding;
import dev.shopwright.search.domain.VariantStock;
import dev.shopwright.shared.Money;
import dev.shopwright.shared.StoreId;
import dev.shopwright.stores.Store;
import dev.shopwright.stores.StoreManagement;

/** The search module's façade: storefront search with facets, suggestions, synonyms, analytics, reindexing. */
@Service
public class SearchManagement {

	private static final int FACET_SIZE = 30;

	private final ProductDocuments documents;

	private final Synonyms synonyms;

	private final SearchLog searchLog;

	private final SearchIndexer indexer;

	private final CatalogManagement catalog;

	private final StoreManagement stores;

	private final AuditLog auditLog;

	private final SearchIndexFeed feed;

	private final VariantStock variantStock;

	private final PopularQueries popularQueries;

	SearchManagement(ProductDocuments documents, Synonyms synonyms, SearchLog searchLog, SearchIndexer indexer,
			CatalogManagement catalog, StoreManagement stores, AuditLog auditLog, SearchIndexFeed feed,
			VariantStock variantStock, PopularQueries popularQueries) {
		this.popularQueries = popularQueries;
		this.feed = feed;
		this.variantStock = variantStock;
		this.documents = documents;
		this.synonyms = synonyms;
		this.searchLog = searchLog;
		this.indexer = indexer;
		this.catalog = catalog;
		this.stores = stores;
		this.auditLog = auditLog;
	}

	/** Searches visible products; never records analytics (see {@link #recordQuery}). */
	@Transactional(readOnly = true)
	public SearchResult search(StoreId storeId, SearchRequest request) {
		Store store = stores.get(storeId);
		List<Category> categories = catalog.categories(storeId);
		var collections = catalog.collections(storeId);
		Map<String, SearchIndex.Filter> filters = new LinkedHashMap<>();
		if (!request.categories().isEmpty()) {
			List<String> ids = new ArrayList<>();
			for (String handle : request.categories()) {
				ids.add(categories.stream().filter(c -> c.handle().equals(handle)).findFirst()
					.orElseThrow(() -> invalid("category", "no category '" + handle + "'")).id().toString());
			}
			filters.put(SearchIndex.CATEGORY, SearchIndex.anyOf(SearchIndex.CATEGORY, ids));
		}
		if (!request.collections().isEmpty()) {
			List<String> ids = new ArrayList<>();
			for (String handle : request.collections()) {
				ids.add(collections.stream().filter(c -> c.handle().equals(handle) && c.published()).findFirst()
					.orElseThrow(() -> invalid("collection", "no collection '" + handle + "'")).id().toString());
			}
			filters.put(SearchIndex.COLLECTION, SearchIndex.anyOf(SearchIndex.COLLECTION, ids));
		}
		if (!request.vendors().isEmpty()) {
			filters.put(SearchIndex.VENDOR, SearchIndex.anyOf(SearchIndex.VENDOR, request.vendors()));
		}
		if (!request.types().isEmpty()) {
			filters.put(SearchIndex.TYPE, SearchIndex.anyOf(SearchIndex.TYPE, request.types()));
		}
		if (!request.tags().isEmpty()) {
			filters.put(SearchIndex.TAG, SearchIndex.anyOf(SearchIndex.TAG, request.tags()));
		}
		new java.util.TreeMap<>(request.options()).forEach((name, values) -> {
			if (!values.isEmpty()) {
				filters.put(SearchIndex.OPTION_PREFIX + name, SearchIndex.anyOf(SearchIndex.OPTION_PREFIX + name, values));
			}
		});
		if (request.minPrice() != null || request.maxPrice() != null) {
			filters.put(SearchIndex.PRICE, SearchIndex.priceBetween(request.minPrice(), request.maxPrice()));
		}
		if (request.inStockOnly()) {
			// kept current from inventory's events (StockAvailability); counted sideways like any other facet
			filters.put(SearchIndex.AVAILABILITY, SearchIndex.anyOf(SearchIndex.AVAILABILITY, List.of(SearchIndex.IN_STOCK)));
		}

		List<String> configs = SearchIndexer.configs(store, request.language());
		List<List<String>> terms = request.query() == null ? List.of() : expand(storeId, terms(request.query()));
		SearchIndex index = feed.index();
		var query = new SearchIndex.Search(storeId, terms, configs, filters, request.sort(), request.limit(), request.cursor());
		var found = index.search(query, true);
		String corrected = null;
		if (found.hits().isEmpty() && request.query() != null && request.cursor() == null) {
			// nothing found: try the closest known word for each unknown one ("tshrit" → "tshirt")
			List<String> words = terms(request.query());
			List<String> fixed = new ArrayList<>();
			boolean changed = false;
			for (String word : words) {
				String replacement = index.knownTerm(storeId, word) ? null : index.closestTerm(storeId, word);
				fixed.add(replacement != null ? replacement : word);
				changed |= replacement != null;
			}
			if (changed) {
				corrected = String.join(" ", fixed);
				query = new SearchIndex.Search(storeId, expand(storeId, fixed), configs, filters, request.sort(),
						request.limit(), null);
				found = index.search(query, true);
			}
		}
		SearchResult.Facets facets = facets(found.counts(), found.total(), request, categories, collections,
				store.defaultCurrency());
		return new SearchResult(request.query(), corrected, found.total(), hits(found.hits()), found.nextCursor(), facets);
	}

	/**
	 * The newest visible products without facet counts: for the home page, where counting facets over the
	 * whole catalog would cost far more than the list itself.
	 */
	@Transactional(readOnly = true)
	public List<SearchResult.Hit> newest(StoreId storeId, int limit) {
		return newest(storeId, limit, null);
	}

	/** {@link #newest(StoreId, int)} with titles in a store language (the default where not translated). */
	@Transactional(readOnly = true)
	public List<SearchResult.Hit> newest(StoreId storeId, int limit, @Nullable String languageTag) {
		Store store = stores.get(storeId);
		var query = new SearchIndex.Search(storeId, List.of(), SearchIndexer.configs(store, languageTag), Map.of(),
				SearchRequest.Sort.NEWEST, limit, null);
		return hits(feed.index().search(query, false).hits());
	}

	private static List<SearchResult.Hit> hits(List<SearchIndex.Hit> hits) {
		return hits.stream().map(r -> {
			Currency c = Currency.getInstance(r.currency());
			return new SearchResult.Hit(r.id().toString(), r.handle(), r.title(), r.vendor(), r.productType(),
					money(r.priceMin(), c), r.priceMax().compareTo(r.priceMin()) == 0 ? null : money(r.priceMax(), c),
					r.compareAtMin() == null ? null : money(r.compareAtMin(), c), r.inStock());
		}).toList();
	}

	private SearchResult.Facets facets(Map<String, Map<String, Long>> counts, long total, SearchRequest request,
			List<Category> categories, List<dev.shopwright.catalog.Collection> collections, Currency currency) {
		Map<String, String> categoryNames = new HashMap<>();
		Map<String, String> categoryHandles = new HashMap<>();
		categories.forEach(c -> {
			categoryNames.put(c.id().toString(), c.name());
			categoryHandles.put(c.id().toString(), c.handle());
		});
		Map<String, dev.shopwright.catalog.Collection> collectionById = new HashMap<>();
		collections.stream().filter(dev.shopwright.catalog.Collection::published)
			.forEach(c -> collectionById.put(c.id().toString(), c));

		List<SearchResult.FacetValue> category = values(counts.get(SearchIndex.CATEGORY), Set.copyOf(request.categories()),
				id -> categoryHandles.get(id), id -> categoryNames.get(id));
		List<SearchResult.FacetValue> collection = values(counts.get(SearchIndex.COLLECTION),
				Set.copyOf(request.collections()),
				id -> collectionById.containsKey(id) ? collectionById.get(id).handle() : null,
				id -> collectionById.containsKey(id) ? collectionById.get(id).title() : null);
		Map<String, List<SearchResult.FacetValue>> options = new LinkedHashMap<>();
		new java.util.TreeMap<>(counts).forEach((facet, values) -> {
			if (facet.startsWith(SearchIndex.OPTION_PREFIX)) {
				String name = facet.substring(SearchIndex.OPTION_PREFIX.length());
				options.put(name, values(values, Set.copyOf(request.options().getOrDefault(name, List.of())), v -> v, v -> v));
			}
		});
		List<SearchResult.PriceRange> price = new ArrayList<>();
		Map<String, Long> priceCounts = counts.getOrDefault(SearchIndex.PRICE, Map.of());
		List<BigDecimal> edges = SearchIndex.PRICE_EDGES;
		for (int i = 0; i < edges.size(); i++) {
			long n = priceCounts.getOrDefault(String.valueOf(i), 0L);
			if (n == 0) {
				continue;
			}
			BigDecimal min = edges.get(i);
			BigDecimal max = i + 1 < edges.size() ? edges.get(i + 1) : null;
			boolean selected = request.minPrice() != null && request.minPrice().compareTo(min) == 0
					&& (max == null ? request.maxPrice() == null
							: request.maxPrice() != null && request.maxPrice().compareTo(max) == 0);
			price.add(new SearchResult.PriceRange(min.toPlainString() + "-" + (max == null ? "" : max.toPlainString()),
					money(min, currency), max == null ? null : money(max, currency), n, selected));
		}
		long inStock = counts.getOrDefault(SearchIndex.AVAILABILITY, Map.of()).getOrDefault(SearchIndex.IN_STOCK, 0L);
		List<SearchResult.FacetValue> availability = inStock == 0 && !request.inStockOnly() ? List.of()
				: List.of(new SearchResult.FacetValue("inStock", "In stock", inStock, request.inStockOnly()));
		return new SearchResult.Facets(category, collection,
				values(counts.get(SearchIndex.VENDOR), Set.copyOf(request.vendors()), v -> v, v -> v),
				values(counts.get(SearchIndex.TYPE), Set.copyOf(request.types()), v -> v, v -> v),
				values(counts.get(SearchIndex.TAG), Set.copyOf(request.tags()), v -> v, v -> v), options, price, availability);
	}

	private static List<SearchResult.FacetValue> values(@Nullable Map<String, Long> counts, Set<String> selected,
			java.util.function.Function<String, @Nullable String> value,
			java.util.function.Function<String, @Nullable String> label) {
		if (counts == null) {
			return List.of();
		}
		List<SearchResult.FacetValue> result = new ArrayList<>();
		counts.forEach((raw, n) -> {
			String v = value.apply(raw);
			String l = label.apply(raw);
			if (v != null && l != null) {
				result.add(new SearchResult.FacetValue(v, l, n, selected.contains(v)));
			}
		});
		result.sort(Comparator.comparing(SearchResult.FacetValue::selected).reversed()
			.thenComparing(Comparator.comparingLong(SearchResult.FacetValue::count).reversed())
			.thenComparing(SearchResult.FacetValue::label));
		return result.size() > FACET_SIZE ? List.copyOf(result.subList(0, FACET_SIZE)) : result;
	}

	private static Money money(BigDecimal amount, Currency currency) {
		return Money.of(amount, currency, java.math.RoundingMode.HALF_EVEN);
	}

	/** Words of the query, folded; hyphenated words stay whole ("t-shirt"). */
	static List<String> terms(String query) {
		List<String> result = new ArrayList<>();
		for (String word : TextFolding.fold(query).split("[\\s,;:!?\"()]+")) {
			if (!word.isBlank()) {
				result.add(word);
			}
		}
		return result;
	}

	/** Each word with the other words of its synonym groups; a whole query that is a synonym term counts too. */
	private List<List<String>> expand(StoreId store, List<String> words) {
		List<Synonym> groups = synonyms.all(store);
		List<List<String>> result = new ArrayList<>();
		String whole = String.join(" ", words);
		for (Synonym group : groups) {
			if (words.size() > 1 && group.terms().contains(whole)) {
				return List.of(group.terms());
			}
		}
		for (String word : words) {
			Set<String> alternatives = new LinkedHashSet<>(List.of(word));
			for (Synonym group : groups) {
				if (group.terms().contains(word)) {
					alternatives.addAll(group.terms());
				}
			}
			result.add(List.copyOf(alternatives));
		}
		return result;
	}

	private static BusinessRuleViolation invalid(String field, String detail) {
		return new BusinessRuleViolation("INVALID_PARAMETER", 400, field + ": " + detail, Map.of(field, detail));
	}

	/** Up to {@value #POPULAR_SUGGESTIONS} popular past searches first, then product titles, {@code limit} in all. */
	@Transactional(readOnly = true)
	public List<Suggestion> suggest(StoreId store, String typed, int limit) {
		String folded = TextFolding.fold(typed);
		if (folded.isEmpty()) {
			return List.of();
		}
		List<Suggestion> result = new ArrayList<>();
		popularQueries.matching(store, folded, Math.min(POPULAR_SUGGESTIONS, limit)).forEach(q -> result.add(Suggestion.query(q)));
		if (limit > result.size()) {
			feed.index().suggest(store, folded, limit - result.size())
				.forEach(r -> result.add(Suggestion.product(r[0], r[1])));
		}
		return result;
	}

	private static final int POPULAR_SUGGESTIONS = 3;

	/**
	 * Whether each variant of a product can be bought now, by variant id, as inventory last reported it; a variant
	 * not known yet (a product indexed moments from now) is missing and counts as in stock.
	 */
	@Transactional(readOnly = true)
	public Map<UUID, Availability> availability(StoreId store, UUID productId) {
		return variantStock.ofProduct(store, productId);
	}

	/** The popular past searches the suggestions may offer (see {@link #suggest}), most searched first. */
	@Transactional(readOnly = true)
	public List<String> popularQueries(StoreId store) {
		return popularQueries.matching(store, "", 20);
	}

	/** The products with the most units sold in the best-selling window (90 days), most first. */
	@Transactional(readOnly = true)
	public List<BestSeller> bestSellers(StoreId store, int limit) {
		return documents.bestSellers(store, limit);
	}

	/** Handles of visible products with their last change, for the sitemap. */
	@Transactional(readOnly = true)
	public List<String[]> visibleProductHandles(StoreId store) {
		return documents.visibleHandles(store);
	}

	// ---- synonyms ---------------------------------------------------------------------------------------

	@Transactional(readOnly = true)
	public List<Synonym> synonyms(StoreId store) {
		return synonyms.all(store);
	}

	@Transactional
	public Synonym addSynonym(StoreId store, List<String> terms) {
		List<String> folded = terms.stream().map(TextFolding::fold).filter(t -> !t.isEmpty()).distinct().toList();
		if (folded.size() < 2) {
			throw BusinessRuleViolation.ofField("VALIDATION_FAILED", "terms", "a synonym group needs at least two different terms");
		}
		if (folded.stream().anyMatch(t -> t.length() > 100)) {
			throw BusinessRuleViolation.ofField("VALIDATION_FAILED", "terms", "a term is at most 100 characters");
		}
		Synonym synonym = new Synonym(UUID.randomUUID(), folded);
		synonyms.insert(store, synonym);
		auditLog.record(store, "search.synonym-added", "synonym", synonym.id().toString(),
				"Added synonyms " + String.join(", ", folded));
		return synonym;
	}

	@Transactional
	public void deleteSynonym(StoreId store, UUID id) {
		if (!synonyms.delete(store, id)) {
			throw new ResourceNotFound("Synonym", id.toString());
		}
		auditLog.record(store, "search.synonym-deleted", "synonym", id.toString(), "Deleted a synonym group");
	}

	// ---- analytics --------------------------------------------------------------------------------------

	/** A shopper's search (first page only, so paging does not count twice). */
	@Transactional
	public void recordQuery(StoreId store, String query, long results) {
		String normalised = TextFolding.fold(query);
		if (!normalised.isEmpty()) {
			searchLog.query(store, normalised.length() > 200 ? normalised.substring(0, 200) : normalised, results);
		}
	}

	@Transactional
	public void recordClick(StoreId store, String query, UUID productId) {
		String normalised = TextFolding.fold(query);
		searchLog.click(store, normalised.length() > 200 ? normalised.substring(0, 200) : normalised, productId);
	}

	@Transactional(readOnly = true)
	public SearchReport report(StoreId store, int days) {
		return searchLog.report(store, days, 20);
	}

	// ---- index ------------------------------------------------------------------------------------------

	/** Rebuilds the store's whole index from the catalog; returns the number of products indexed. */
	public int reindex(StoreId store) {
		int indexed = indexer.reindexAll(store);
		feed.catchUp(); // searchable on this node when the call returns
		return indexed;
	}

	public long indexedProducts(StoreId store) {
		return indexer.indexed(store);
	}
}
