package dev.shopwright.search.domain;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.DelegatingAnalyzerWrapper;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.snowball.SnowballFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.FieldInfos;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopFieldDocs;
import org.apache.lucene.search.spell.DirectSpellChecker;
import org.apache.lucene.search.spell.SuggestMode;
import org.apache.lucene.search.spell.SuggestWord;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.QueryBuilder;
import org.jspecify.annotations.Nullable;

import dev.shopwright.platform.BusinessRuleViolation;
import dev.shopwright.platform.Cursor;
import dev.shopwright.search.SearchRequest;
import dev.shopwright.shared.StoreId;

/**
 * This node's Lucene index of the visible products of every store (ADR 0009): text fields per store language
 * (stemmed, accents folded), facet values as sorted-set doc values, prices and dates as doc values for
 * sorting. Built only from {@link ProductDocuments}; thread-safe.
 */
public final class SearchIndex implements Closeable {

	/** Facets whose values a document carries; option facets are {@code option:<Name>}. */
	public static final String VENDOR = "vendor", TYPE = "type", TAG = "tag", CATEGORY = "category",
			COLLECTION = "collection", PRICE = "price", OPTION_PREFIX = "option:", AVAILABILITY = "availability";

	/** The values of the availability facet: some variant is sellable, or none is. */
	public static final String IN_STOCK = "inStock", OUT_OF_STOCK = "outOfStock";

	/** Price buckets for the price facet, in the store's currency: [0,25) [25,50) [50,100) [100,200) [200,∞). */
	public static final List<BigDecimal> PRICE_EDGES = List.of(new BigDecimal(0), new BigDecimal(25), new BigDecimal(50),
			new BigDecimal(100), new BigDecimal(200));

	private static final String KEY = "key", STORE = "store", PRODUCT = "product", PRICE_SORT = "price_min",
			NEWEST = "newest", LABEL_PREFIX = "label.", UNITS_SOLD = "units_sold", LEXICON = "lexicon", TITLE_FOLDED = "title_folded", FILTER_PREFIX = "f.";

	/** Field weights: a title match ranks above a tag/vendor/type/option match above a description match. */
	private static final Map<String, Float> TEXT_FIELDS = Map.of("title.", 8f, "keywords.", 3f, "description.", 1f);

	private static final int PRICE_SCALE = 4;

	/** The language suffix of the fields without stemming (exact words: brands, SKUs). */
	private static final String UNSTEMMED = "simple";

	private final Directory directory;

	private final IndexWriter writer;

	private final SearcherManager searchers;

	private final Analyzer analyzer = new LanguageAnalyzer();

	private final QueryBuilder queries = new QueryBuilder(analyzer);

	private final FacetsConfig facetsConfig = new FacetsConfig() {
		@Override
		protected DimConfig getDefaultDimConfig() {
			DimConfig config = new DimConfig();
			config.multiValued = true;
			return config;
		}
	};

	/** Facet ordinals of the current reader; rebuilt when the reader changes. */
	private volatile @Nullable FacetState facetState;

	private record FacetState(IndexReader reader, @Nullable SortedSetDocValuesReaderState state) {
	}

	/** Opens (or creates) the index in {@code path}. Throws if the files are unreadable; see {@link #recreate}. */
	public SearchIndex(Path path) throws IOException {
		Files.createDirectories(path);
		this.directory = FSDirectory.open(path);
		IndexWriterConfig config = new IndexWriterConfig(analyzer).setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
			.setRAMBufferSizeMB(32);
		IndexWriter opened;
		try {
			opened = new IndexWriter(directory, config);
			DirectoryReader.open(opened).close(); // reads every segment: a corrupt one fails here, not on the first search
		}
		catch (IOException | RuntimeException ex) {
			directory.close();
			throw ex;
		}
		this.writer = opened;
		this.searchers = new SearcherManager(writer, null);
	}

	/** Deletes whatever is in {@code path} and opens an empty index there. */
	public static SearchIndex recreate(Path path) throws IOException {
		if (Files.isDirectory(path)) {
			try (var files = Files.list(path)) {
				for (Path file : files.toList()) {
					Files.deleteIfExists(file);
				}
			}
		}
		return new SearchIndex(path);
	}

	/** What the last commit recorded (the feed's watermark and the database it came from). */
	public Map<String, String> committedData() {
		Iterable<Map.Entry<String, String>> data = writer.getLiveCommitData();
		Map<String, String> result = new HashMap<>();
		if (data != null) {
			data.forEach(e -> result.put(e.getKey(), e.getValue()));
		}
		return result;
	}

	public void commit(Map<String, String> data) throws IOException {
		writer.setLiveCommitData(Map.copyOf(data).entrySet());
		writer.commit();
	}

	/** Makes applied changes visible to searches. */
	public void refresh() throws IOException {
		searchers.maybeRefresh();
	}

	@Override
	public void close() throws IOException {
		searchers.close();
		writer.close();
		directory.close();
	}

	// ---- writing ----------------------------------------------------------------------------------------

	/** Indexes a product's current document; an invisible (or deleted: null) product is removed. */
	public void put(StoreId store, UUID productId, ProductDocuments.@Nullable Document d) throws IOException {
		Term key = new Term(KEY, store.value() + "/" + productId);
		if (d == null || !d.visible()) {
			writer.deleteDocuments(key);
			return;
		}
		org.apache.lucene.document.Document doc = new org.apache.lucene.document.Document();
		doc.add(new StringField(KEY, key.text(), Field.Store.NO));
		doc.add(new StringField(STORE, store.value().toString(), Field.Store.NO));
		doc.add(new SortedDocValuesField(PRODUCT, new BytesRef(productId.toString())));
		doc.add(new StoredField(PRODUCT, productId.toString()));
		doc.add(new StoredField("handle", d.handle()));
		doc.add(new StoredField("title", d.title()));
		stored(doc, "vendor", d.vendor());
		stored(doc, "productType", d.productType());
		doc.add(new StoredField("priceMin", d.priceMin().toPlainString()));
		doc.add(new StoredField("priceMax", d.priceMax().toPlainString()));
		stored(doc, "compareAtMin", d.compareAtMin() == null ? null : d.compareAtMin().toPlainString());
		doc.add(new StoredField("currency", d.currency()));
		doc.add(new StoredField("inStock", d.inStock() ? 1 : 0));
		doc.add(new NumericDocValuesField(UNITS_SOLD, d.unitsSold()));

		long price = scaled(d.priceMin(), RoundingMode.HALF_EVEN);
		doc.add(new LongPoint(PRICE_SORT, price));
		doc.add(new NumericDocValuesField(PRICE_SORT, price));
		doc.add(new NumericDocValuesField(NEWEST, d.publishedAt() == null ? 0 : d.publishedAt().toEpochMilli()));

		Set<String> lexicon = new LinkedHashSet<>(TextFolding.words(withCompounds(d.title())));
		lexicon.addAll(TextFolding.words(d.keywords()));
		// hyphenated words are also indexed written together, which is how queries look them up
		String keywords = withCompounds(d.keywords());
		ProductDocuments.LocalText main = d.texts().isEmpty() ? null : d.texts().get(0);
		for (ProductDocuments.LocalText text : d.texts()) {
			String language = language(text.config());
			// a language without a translation repeats the main text: its stemmer would only add query cost
			if (text != main && !language.equals(UNSTEMMED) && text.title().equals(main.title())
					&& text.description().equals(main.description())) {
				continue;
			}
			doc.add(new TextField("title." + language, withCompounds(text.title()), Field.Store.NO));
			doc.add(new TextField("keywords." + language, keywords, Field.Store.NO));
			doc.add(new TextField("description." + language, withCompounds(text.description()), Field.Store.NO));
			doc.add(new StoredField(LABEL_PREFIX + language, text.title()));
			lexicon.addAll(TextFolding.words(withCompounds(text.title())));
		}
		String storePrefix = lexiconPrefix(store);
		lexicon.forEach(word -> doc.add(new StringField(LEXICON, storePrefix + word, Field.Store.NO)));
		String folded = TextFolding.fold(d.title());
		doc.add(new StringField(TITLE_FOLDED, folded, Field.Store.NO));
		doc.add(new SortedDocValuesField(TITLE_FOLDED, new BytesRef(folded)));

		facet(doc, VENDOR, d.vendor());
		facet(doc, TYPE, d.productType());
		d.tags().forEach(tag -> facet(doc, TAG, tag));
		d.categoryIds().forEach(id -> facet(doc, CATEGORY, id.toString()));
		d.collectionIds().forEach(id -> facet(doc, COLLECTION, id.toString()));
		for (String option : d.optionValues()) {
			int at = option.indexOf('=');
			if (at > 0) {
				facet(doc, OPTION_PREFIX + option.substring(0, at), option.substring(at + 1));
			}
		}
		facet(doc, PRICE, String.valueOf(priceBucket(d.priceMin())));
		facet(doc, AVAILABILITY, d.inStock() ? IN_STOCK : OUT_OF_STOCK);
		writer.updateDocument(key, facetsConfig.build(doc));
	}

	/** Removes every document (before a rebuild from the table). */
	public void clear() throws IOException {
		writer.deleteAll();
	}

	private static String withCompounds(String text) {
		List<String> compounds = TextFolding.compounds(text);
		return compounds.isEmpty() ? text : text + " " + String.join(" ", compounds);
	}

	private static void stored(org.apache.lucene.document.Document doc, String name, @Nullable String value) {
		if (value != null) {
			doc.add(new StoredField(name, value));
		}
	}

	/** A facet value, and the same value as an exact term to filter on. */
	private static void facet(org.apache.lucene.document.Document doc, String dimension, @Nullable String value) {
		if (value != null && !value.isEmpty()) {
			doc.add(new SortedSetDocValuesFacetField(dimension, value));
			doc.add(new StringField(FILTER_PREFIX + dimension, value, Field.Store.NO));
		}
	}

	private static int priceBucket(BigDecimal price) {
		for (int i = PRICE_EDGES.size() - 1; i > 0; i--) {
			if (price.compareTo(PRICE_EDGES.get(i)) >= 0) {
				return i;
			}
		}
		return 0;
	}

	private static long scaled(BigDecimal amount, RoundingMode rounding) {
		return amount.setScale(PRICE_SCALE, rounding).unscaledValue().longValueExact();
	}

	private static String lexiconPrefix(StoreId store) {
		return store.value() + "|";
	}

	// ---- querying ---------------------------------------------------------------------------------------

	/** A filter on one facet: its values are OR'ed. Build with {@link #anyOf} or {@link #priceBetween}. */
	public record Filter(Query query) {
	}

	public static Filter anyOf(String dimension, List<String> values) {
		return new Filter(new TermInSetQuery(FILTER_PREFIX + dimension, values.stream().map(BytesRef::new).toList()));
	}

	public static Filter priceBetween(@Nullable BigDecimal min, @Nullable BigDecimal max) {
		long low = min == null ? Long.MIN_VALUE : scaled(min.max(new BigDecimal("-1e12")), RoundingMode.CEILING);
		long high = max == null ? Long.MAX_VALUE : scaled(max.min(new BigDecimal("1e12")), RoundingMode.FLOOR);
		return new Filter(LongPoint.newRangeQuery(PRICE_SORT, low, high));
	}

	/**
	 * Text terms (each with its synonym alternatives, all terms required), the store's text configurations,
	 * the filters keyed by facet, an order and a page.
	 */
	public record Search(StoreId store, List<List<String>> terms, List<String> configs, Map<String, Filter> filters,
			SearchRequest.Sort sort, int limit, @Nullable String cursor) {
	}

	public record Hit(UUID id, String handle, String title, @Nullable String vendor, @Nullable String productType,
			BigDecimal priceMin, BigDecimal priceMax, @Nullable BigDecimal compareAtMin, String currency, boolean inStock) {
	}

	/**
	 * A page of hits and, if asked for, the facet counts: {@code counts.get(facet).get(value)}, each facet
	 * counted with every filter applied but its own. {@code total} counts all matches.
	 */
	public record Result(List<Hit> hits, @Nullable String nextCursor, long total, Map<String, Map<String, Long>> counts) {
	}

	public Result search(Search search, boolean withFacets) {
		try {
			IndexSearcher searcher = searchers.acquire();
			try {
				return search(searcher, search, withFacets);
			}
			finally {
				searchers.release(searcher);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private Result search(IndexSearcher searcher, Search search, boolean withFacets) throws IOException {
		Query text = text(search.terms(), search.configs());
		SearchRequest.Sort order = search.sort() == SearchRequest.Sort.RELEVANCE && text == null ? SearchRequest.Sort.NEWEST
				: search.sort();
		Query all = matching(search.store(), text, search.filters(), null);
		Sort sort = sort(order);
		int maxDoc = searcher.getIndexReader().maxDoc();
		FieldDoc after = search.cursor() == null ? null : after(order, search.cursor(), maxDoc);
		TopFieldDocs top = searcher.searchAfter(after, all, search.limit() + 1, sort, order == SearchRequest.Sort.RELEVANCE);
		StoredFields stored = searcher.storedFields();
		List<Hit> hits = new ArrayList<>();
		// titles in the search's language (its first configuration) where the product is translated
		String label = search.configs().isEmpty() ? null : LABEL_PREFIX + language(search.configs().get(0));
		for (int i = 0; i < Math.min(search.limit(), top.scoreDocs.length); i++) {
			hits.add(hit(stored.document(top.scoreDocs[i].doc), label));
		}
		String next = null;
		if (top.scoreDocs.length > search.limit()) {
			FieldDoc last = (FieldDoc) top.scoreDocs[search.limit() - 1];
			Object key = last.fields[0];
			next = Cursor.of(order.name(), String.valueOf(key), hits.get(hits.size() - 1).id().toString()).encode();
		}
		if (!withFacets) {
			return new Result(hits, next, -1, Map.of());
		}
		SortedSetDocValuesReaderState state = facetState(searcher.getIndexReader());
		Map<String, Map<String, Long>> counts = new HashMap<>();
		FacetsCollector everything = searcher.search(all, new FacetsCollectorManager());
		long total = everything.getMatchingDocs().stream().mapToLong(m -> m.totalHits()).sum();
		if (state != null) {
			// facets without a filter of their own: counted over the full result
			Facets facets = new SortedSetDocValuesFacetCounts(state, everything);
			for (String dim : state.getDims()) {
				FacetResult dimension = search.filters().containsKey(dim) ? null : facets.getAllChildren(dim);
				if (dimension != null && !values(dimension).isEmpty()) {
					counts.put(dim, values(dimension));
				}
			}
			// each filtered facet: counted with every filter but its own (drill sideways)
			for (String own : search.filters().keySet()) {
				if (state.getOrdRange(own) == null) {
					continue;
				}
				FacetsCollector sideways = searcher.search(matching(search.store(), text, search.filters(), own),
						new FacetsCollectorManager());
				FacetResult dimension = new SortedSetDocValuesFacetCounts(state, sideways).getAllChildren(own);
				if (dimension != null) {
					counts.put(own, values(dimension));
				}
			}
		}
		return new Result(hits, next, total, counts);
	}

	private static Map<String, Long> values(FacetResult dimension) {
		Map<String, Long> values = new LinkedHashMap<>();
		for (LabelAndValue v : dimension.labelValues) {
			if (v.value.longValue() > 0) {
				values.put(v.label, v.value.longValue());
			}
		}
		return values;
	}

	private @Nullable SortedSetDocValuesReaderState facetState(IndexReader reader) throws IOException {
		FacetState current = facetState;
		if (current != null && current.reader() == reader) {
			return current.state();
		}
		synchronized (this) {
			current = facetState;
			if (current == null || current.reader() != reader) {
				FieldInfo facets = FieldInfos.getMergedFieldInfos(reader).fieldInfo(FacetsConfig.DEFAULT_INDEX_FIELD_NAME);
				current = new FacetState(reader,
						facets == null ? null : new DefaultSortedSetDocValuesReaderState(reader, facetsConfig));
				facetState = current;
			}
			return current.state();
		}
	}

	/** The store's visible products that match the text and every filter except {@code skipped}. */
	private static Query matching(StoreId store, @Nullable Query text, Map<String, Filter> filters, @Nullable String skipped) {
		BooleanQuery.Builder query = new BooleanQuery.Builder();
		query.add(new TermQuery(new Term(STORE, store.value().toString())), Occur.FILTER);
		if (text != null) {
			query.add(text, Occur.MUST);
		}
		filters.forEach((facet, filter) -> {
			if (!facet.equals(skipped)) {
				query.add(filter.query(), Occur.FILTER);
			}
		});
		return query.build();
	}

	/** Every term must match in some language and field; a term matches if any of its synonyms does. */
	private @Nullable Query text(List<List<String>> terms, List<String> configs) {
		if (terms.isEmpty()) {
			return null;
		}
		BooleanQuery.Builder all = new BooleanQuery.Builder();
		for (List<String> alternatives : terms) {
			BooleanQuery.Builder any = new BooleanQuery.Builder();
			boolean some = false;
			for (String alternative : alternatives) {
				String words = TextFolding.joinHyphenated(alternative);
				for (String config : configs) {
					String language = language(config);
					for (Map.Entry<String, Float> field : TEXT_FIELDS.entrySet()) {
						Query q = queries.createPhraseQuery(field.getKey() + language, words);
						if (q != null) {
							any.add(new BoostQuery(q, field.getValue()), Occur.SHOULD);
							some = true;
						}
					}
				}
			}
			all.add(some ? any.build() : new MatchNoDocsQuery("no indexable word in '" + alternatives + "'"), Occur.MUST);
		}
		return all.build();
	}

	private static Sort sort(SearchRequest.Sort order) {
		return switch (order) {
			case RELEVANCE -> new Sort(SortField.FIELD_SCORE, new SortField(PRODUCT, SortField.Type.STRING, true));
			case PRICE_ASC -> new Sort(new SortField(PRICE_SORT, SortField.Type.LONG),
					new SortField(PRODUCT, SortField.Type.STRING));
			case PRICE_DESC -> new Sort(new SortField(PRICE_SORT, SortField.Type.LONG, true),
					new SortField(PRODUCT, SortField.Type.STRING, true));
			case NEWEST -> new Sort(new SortField(NEWEST, SortField.Type.LONG, true),
					new SortField(PRODUCT, SortField.Type.STRING, true));
			case BEST_SELLING -> new Sort(new SortField(UNITS_SOLD, SortField.Type.LONG, true),
					new SortField(PRODUCT, SortField.Type.STRING, true));
		};
	}

	/** The position after the last hit a client saw, from its cursor (sort, sort key, product id). */
	private static @Nullable FieldDoc after(SearchRequest.Sort order, String cursor, int maxDoc) {
		Cursor position = Cursor.decode(cursor, 3);
		if (!position.get(0).equals(order.name())) {
			throw new BusinessRuleViolation("INVALID_CURSOR", 400, "the cursor belongs to another sort order",
					Map.of("cursor", "belongs to another sort order"));
		}
		BytesRef product = new BytesRef(position.uuid(2).toString());
		try {
			Object key = order == SearchRequest.Sort.RELEVANCE ? (Object) Float.valueOf(position.get(1))
					: (Object) Long.valueOf(position.get(1));
			// the product id makes sort values unique, so only the hit seen last compares equal; the last doc id
			// keeps it from being repeated
			return maxDoc == 0 ? null : new FieldDoc(maxDoc - 1, Float.NaN, new Object[] { key, product });
		}
		catch (NumberFormatException ex) {
			throw new BusinessRuleViolation("INVALID_CURSOR", 400, "the cursor is not valid", Map.of("cursor", "is not valid"));
		}
	}

	private static Hit hit(org.apache.lucene.document.Document doc, @Nullable String label) {
		String compareAt = doc.get("compareAtMin");
		String title = label == null || doc.get(label) == null ? doc.get("title") : doc.get(label);
		return new Hit(UUID.fromString(doc.get(PRODUCT)), doc.get("handle"), title, doc.get("vendor"),
				doc.get("productType"), new BigDecimal(doc.get("priceMin")), new BigDecimal(doc.get("priceMax")),
				compareAt == null ? null : new BigDecimal(compareAt), doc.get("currency"),
				doc.getField("inStock") == null || doc.getField("inStock").numericValue().intValue() == 1);
	}

	// ---- typo fallback and suggestions --------------------------------------------------------------------

	/** Whether a folded word occurs in the store's product titles, tags, vendors, types or option values. */
	public boolean knownTerm(StoreId store, String word) {
		return withSearcher(searcher -> searcher.getIndexReader().docFreq(new Term(LEXICON, lexiconPrefix(store) + word)) > 0);
	}

	/**
	 * The closest word of the store's lexicon to a misspelt one: one edit for words of four letters, two from
	 * five; shorter words are not corrected.
	 */
	public @Nullable String closestTerm(StoreId store, String word) {
		if (word.length() < 4) {
			return null;
		}
		String prefix = lexiconPrefix(store);
		DirectSpellChecker checker = new DirectSpellChecker();
		checker.setMaxEdits(word.length() >= 5 ? 2 : 1);
		checker.setMinPrefix(prefix.length()); // never cross into another store's words
		checker.setAccuracy(0f);
		checker.setMaxQueryFrequency(Integer.MAX_VALUE);
		return withSearcher(searcher -> {
			SuggestWord[] found = checker.suggestSimilar(new Term(LEXICON, prefix + word), 1, searcher.getIndexReader(),
					SuggestMode.SUGGEST_WHEN_NOT_IN_INDEX);
			return found.length == 0 ? null : found[0].string.substring(prefix.length());
		});
	}

	/** Titles that start with what was typed first, then titles with a word starting with it, then look-alikes. */
	public List<String[]> suggest(StoreId store, String folded, int limit) {
		List<String> words = List.of(folded.split(" "));
		BooleanQuery.Builder wordPrefixes = new BooleanQuery.Builder();
		BooleanQuery.Builder lookAlikes = new BooleanQuery.Builder();
		for (int i = 0; i < words.size(); i++) {
			String word = words.get(i);
			Term term = new Term("title.simple", word);
			wordPrefixes.add(i == words.size() - 1 ? new PrefixQuery(term) : new TermQuery(term), Occur.MUST);
			lookAlikes.add(new FuzzyQuery(term, word.length() >= 5 ? 2 : 1), Occur.MUST);
		}
		Query query = new BooleanQuery.Builder().add(new TermQuery(new Term(STORE, store.value().toString())), Occur.FILTER)
			.add(new BoostQuery(new ConstantScoreQuery(new PrefixQuery(new Term(TITLE_FOLDED, folded))), 4), Occur.SHOULD)
			.add(new BoostQuery(new ConstantScoreQuery(wordPrefixes.build()), 2), Occur.SHOULD)
			.add(new ConstantScoreQuery(lookAlikes.build()), Occur.SHOULD)
			.setMinimumNumberShouldMatch(1)
			.build();
		Sort sort = new Sort(SortField.FIELD_SCORE, new SortField(TITLE_FOLDED, SortField.Type.STRING),
				new SortField(PRODUCT, SortField.Type.STRING));
		return withSearcher(searcher -> {
			StoredFields stored = searcher.storedFields();
			List<String[]> result = new ArrayList<>();
			for (ScoreDoc doc : searcher.search(query, limit, sort, true).scoreDocs) {
				var fields = stored.document(doc.doc);
				result.add(new String[] { fields.get("title"), fields.get("handle") });
			}
			return result;
		});
	}

	private interface SearcherFunction<T> {
		T apply(IndexSearcher searcher) throws IOException;
	}

	private <T> T withSearcher(SearcherFunction<T> function) {
		try {
			IndexSearcher searcher = searchers.acquire();
			try {
				return function.apply(searcher);
			}
			finally {
				searchers.release(searcher);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	// ---- analysis -----------------------------------------------------------------------------------------

	/** "search.english" → "english"; the field suffix and the analysis of that language. */
	private static String language(String config) {
		return config.substring(config.indexOf('.') + 1);
	}

	/**
	 * Standard tokens, lower case, accents folded ("Crème" = "creme"), then the language's Snowball stemmer
	 * (none for "simple", which keeps exact words for brands and SKUs); the analysis follows the field suffix.
	 */
	private static final class LanguageAnalyzer extends DelegatingAnalyzerWrapper {

		private final Map<String, Analyzer> byLanguage = new java.util.concurrent.ConcurrentHashMap<>();

		LanguageAnalyzer() {
			super(PER_FIELD_REUSE_STRATEGY);
		}

		@Override
		protected Analyzer getWrappedAnalyzer(String fieldName) {
			String language = fieldName.substring(fieldName.indexOf('.') + 1);
			return byLanguage.computeIfAbsent(language, LanguageAnalyzer::forLanguage);
		}

		private static Analyzer forLanguage(String language) {
			String stemmer = switch (language) {
				case "english" -> "English";
				case "german" -> "German";
				case "french" -> "French";
				case "spanish" -> "Spanish";
				case "italian" -> "Italian";
				case "dutch" -> "Dutch";
				default -> null;
			};
			return new Analyzer() {
				@Override
				protected TokenStreamComponents createComponents(String fieldName) {
					Tokenizer tokens = new StandardTokenizer();
					TokenStream stream = new ASCIIFoldingFilter(new LowerCaseFilter(tokens));
					if (stemmer != null) {
						stream = new SnowballFilter(stream, stemmer);
					}
					return new TokenStreamComponents(tokens, stream);
				}

				@Override
				protected TokenStream normalize(String fieldName, TokenStream in) {
					return new ASCIIFoldingFilter(new LowerCaseFilter(in));
				}
			};
		}
	}
}
