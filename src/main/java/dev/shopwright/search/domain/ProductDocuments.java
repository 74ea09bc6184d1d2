package dev.shopwright.search.domain;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.shopwright.platform.BusinessRuleViolation;
import dev.shopwright.platform.Cursor;
import dev.shopwright.search.SearchRequest.Sort;
import dev.shopwright.shared.StoreId;

/**
 * The search read model: one row per product with a weighted tsvector (title A, tags/vendor/type/options B,
 * description C) built once per text search configuration of the store's languages, plus the facet columns.
 * All SQL is built from fixed fragments; values only ever travel as parameters.
 */
@Repository
public class ProductDocuments {

	private final JdbcClient jdbc;

	public ProductDocuments(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The text of one language, indexed with that language's configuration. */
	public record LocalText(String config, String title, String description) {
	}

	public record Document(UUID productId, String handle, String title, @Nullable String vendor,
			@Nullable String productType, List<String> tags, Collection<UUID> categoryIds, Collection<UUID> collectionIds,
			List<String> optionValues, BigDecimal priceMin, BigDecimal priceMax, @Nullable BigDecimal compareAtMin,
			String currency, boolean visible, @Nullable Instant publishedAt, List<LocalText> texts, String keywords) {
	}

	public void upsert(StoreId store, Document d) {
		List<Object> params = new ArrayList<>();
		List<String> parts = new ArrayList<>();
		for (LocalText text : d.texts()) {
			parts.add("setweight(to_tsvector(?::regconfig, ?), 'A') || setweight(to_tsvector(?::regconfig, ?), 'B') || "
					+ "setweight(to_tsvector(?::regconfig, ?), 'C')");
			params.addAll(List.of(text.config(), text.title(), text.config(), d.keywords(), text.config(),
					text.description()));
		}
		String document = parts.isEmpty() ? "''::tsvector" : String.join(" || ", parts);
		List<Object> all = new ArrayList<>(List.of(store.value(), d.productId(), d.handle(), d.title(), d.title()));
		all.add(d.vendor());
		all.add(d.productType());
		all.add(d.tags().toArray(String[]::new));
		all.add(d.categoryIds().toArray(UUID[]::new));
		all.add(d.collectionIds().toArray(UUID[]::new));
		all.add(d.optionValues().toArray(String[]::new));
		all.add(d.priceMin());
		all.add(d.priceMax());
		all.add(d.compareAtMin());
		all.add(d.currency());
		all.add(d.visible());
		all.add(d.publishedAt() == null ? null : Timestamp.from(d.publishedAt()));
		all.addAll(params);
		jdbc.sql("""
				insert into search.product_document (store_id, product_id, handle, title, title_folded, vendor, product_type,
				  tags, category_ids, collection_ids, option_values, price_min, price_max, compare_at_min, currency, visible,
				  published_at, document, indexed_at)
				values (?, ?, ?, ?, lower(public.unaccent(?)), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, %s, now())
				on conflict (store_id, product_id) do update set handle = excluded.handle, title = excluded.title,
				  title_folded = excluded.title_folded, vendor = excluded.vendor, product_type = excluded.product_type,
				  tags = excluded.tags, category_ids = excluded.category_ids, collection_ids = excluded.collection_ids,
				  option_values = excluded.option_values, price_min = excluded.price_min, price_max = excluded.price_max,
				  compare_at_min = excluded.compare_at_min, currency = excluded.currency, visible = excluded.visible,
				  published_at = excluded.published_at, document = excluded.document, indexed_at = now()
				""".formatted(document)).params(all).update();
	}

	public void addTerms(StoreId store, Collection<String> terms) {
		if (!terms.isEmpty()) {
			jdbc.sql("insert into search.term (store_id, term) select ?, unnest(?::text[]) on conflict do nothing")
				.params(store.value(), terms.toArray(String[]::new)).update();
		}
	}

	public void delete(StoreId store, UUID product) {
		jdbc.sql("delete from search.product_document where store_id = ? and product_id = ?").params(store.value(), product)
			.update();
	}

	/** Removes the documents of products that no longer exist (after a full reindex). */
	public int deleteAllExcept(StoreId store, Collection<UUID> keep) {
		return jdbc.sql("delete from search.product_document where store_id = ? and not (product_id = any (?))")
			.params(store.value(), keep.toArray(UUID[]::new)).update();
	}

	public long count(StoreId store) {
		return jdbc.sql("select count(*) from search.product_document where store_id = ?").param(store.value())
			.query(Long.class).single();
	}

	public List<UUID> inCategory(StoreId store, UUID category) {
		return jdbc.sql("select product_id from search.product_document where store_id = ? and category_ids @> array[?]::uuid[]")
			.params(store.value(), category).query(UUID.class).list();
	}

	public List<UUID> inCollection(StoreId store, UUID collection) {
		return jdbc.sql("select product_id from search.product_document where store_id = ? and collection_ids @> array[?]::uuid[]")
			.params(store.value(), collection).query(UUID.class).list();
	}

	public List<String[]> visibleHandles(StoreId store) {
		return jdbc.sql("select handle, coalesce(published_at, indexed_at) from search.product_document "
				+ "where store_id = ? and visible order by handle")
			.param(store.value())
			.query((rs, n) -> new String[] { rs.getString(1), rs.getTimestamp(2).toInstant().toString() }).list();
	}

	// ---- querying ---------------------------------------------------------------------------------------

	/**
	 * Search statements are short and many run at once: parallel workers only add latency under load
	 * (measured on two cores), so the current transaction runs without them.
	 */
	public void serialPlans() {
		jdbc.sql("set local max_parallel_workers_per_gather = 0").update();
	}

	/**
	 * A query compiled to SQL: text terms (each with its synonym alternatives), the configurations to parse
	 * them with, and the filters. Filters are keyed by facet; a facet's values are OR'ed.
	 */
	public record Query(List<List<String>> terms, List<String> configs, Map<String, Filter> filters, Sort sort,
			int limit, @Nullable String cursor) {
	}

	/** One facet's condition on document {@code d}, with its parameters. */
	public record Filter(String sql, List<Object> params) {
	}

	public record Row(UUID id, String handle, String title, @Nullable String vendor, @Nullable String productType,
			BigDecimal priceMin, BigDecimal priceMax, @Nullable BigDecimal compareAtMin, String currency) {
	}

	public record Page(List<Row> rows, @Nullable String nextCursor) {
	}

	/** A facet value's count under a combination of filter outcomes; see {@link #facetCounts}. */
	public record FacetRow(String facet, String value, boolean[] passes, long count) {
	}

	private record Compiled(String with, List<Object> params, boolean text) {
	}

	private static Compiled textQuery(Query q) {
		if (q.terms().isEmpty()) {
			return new Compiled("", List.of(), false);
		}
		List<Object> params = new ArrayList<>();
		List<String> perConfig = new ArrayList<>();
		for (String config : q.configs()) {
			List<String> ands = new ArrayList<>();
			for (List<String> alternatives : q.terms()) {
				List<String> ors = new ArrayList<>();
				for (String alternative : alternatives) {
					ors.add("plainto_tsquery(?::regconfig, ?)");
					params.add(config);
					params.add(alternative);
				}
				ands.add("(" + String.join(" || ", ors) + ")");
			}
			perConfig.add("(" + String.join(" && ", ands) + ")");
		}
		return new Compiled("with q as (select " + String.join(" || ", perConfig) + " as tsq) ", params, true);
	}

	public Page page(StoreId store, Query q) {
		Compiled text = textQuery(q);
		List<Object> params = new ArrayList<>(text.params());
		Sort sort = q.sort() == Sort.RELEVANCE && !text.text() ? Sort.NEWEST : q.sort();
		String key = switch (sort) {
			case RELEVANCE -> "ts_rank(d.document, q.tsq)";
			case PRICE_ASC, PRICE_DESC -> "d.price_min";
			case NEWEST -> "coalesce(d.published_at, 'epoch'::timestamptz)";
		};
		String cast = switch (sort) {
			case RELEVANCE -> "real";
			case PRICE_ASC, PRICE_DESC -> "numeric";
			case NEWEST -> "timestamptz";
		};
		boolean ascending = sort == Sort.PRICE_ASC;
		StringBuilder sql = new StringBuilder(text.with()).append("select d.product_id, d.handle, d.title, d.vendor, ")
			.append("d.product_type, d.price_min, d.price_max, d.compare_at_min, d.currency, (").append(key)
			.append(")::text as sort_key from search.product_document d").append(text.text() ? ", q" : "")
			.append(" where d.store_id = ? and d.visible");
		params.add(store.value());
		if (text.text()) {
			sql.append(" and d.document @@ q.tsq");
		}
		for (Filter filter : q.filters().values()) {
			sql.append(" and ").append(filter.sql());
			params.addAll(filter.params());
		}
		if (q.cursor() != null) {
			Cursor position = Cursor.decode(q.cursor(), 3);
			if (!position.get(0).equals(sort.name())) {
				throw new BusinessRuleViolation("INVALID_CURSOR", 400, "the cursor belongs to another sort order",
						Map.of("cursor", "belongs to another sort order"));
			}
			sql.append(" and (").append(key).append(", d.product_id) ").append(ascending ? ">" : "<")
				.append(" (?::").append(cast).append(", ?)");
			params.add(position.get(1));
			params.add(position.uuid(2));
		}
		String direction = ascending ? " asc" : " desc";
		sql.append(" order by ").append(key).append(direction).append(", d.product_id").append(direction)
			.append(" limit ?");
		params.add(q.limit() + 1);
		List<Object[]> rows = jdbc.sql(sql.toString()).params(params)
			.query((rs, n) -> new Object[] { row(rs), rs.getString("sort_key") }).list();
		List<Row> page = rows.stream().limit(q.limit()).map(r -> (Row) r[0]).toList();
		String next = null;
		if (rows.size() > q.limit()) {
			Object[] last = rows.get(q.limit() - 1);
			next = Cursor.of(sort.name(), (String) last[1], ((Row) last[0]).id().toString()).encode();
		}
		return new Page(page, next);
	}

	/**
	 * Facet values counted per combination of filter outcomes: {@code passes[i]} says whether the products
	 * counted pass filter i (in the order of {@code filterKeys}). The caller adds up, for each facet, the rows
	 * that pass every filter but the facet's own; that is disjunctive faceting in one scan.
	 */
	public List<FacetRow> facetCounts(StoreId store, Query q, List<String> filterKeys, String priceBucketSql,
			List<Object> priceBucketParams) {
		Compiled text = textQuery(q);
		List<Object> params = new ArrayList<>(text.params());
		params.addAll(priceBucketParams); // the bucket comes first in the select list
		StringBuilder flags = new StringBuilder();
		for (int i = 0; i < filterKeys.size(); i++) {
			Filter filter = q.filters().get(filterKeys.get(i));
			flags.append(", (").append(filter.sql()).append(") as f").append(i);
			params.addAll(filter.params());
		}
		params.add(store.value());
		StringBuilder group = new StringBuilder();
		for (int i = 0; i < filterKeys.size(); i++) {
			group.append(", f").append(i);
		}
		String sql = text.with() + (text.with().isEmpty() ? "with " : ", ") + """
				base as (select d.vendor, d.product_type, d.tags, d.category_ids, d.collection_ids, d.option_values,
				           %s as price_bucket %s
				         from search.product_document d %s where d.store_id = ? and d.visible %s)
				select f.facet, f.value %s, count(*) as n from base cross join lateral (
				  select 'vendor', base.vendor where base.vendor is not null
				  union all select 'type', base.product_type where base.product_type is not null
				  union all select 'tag', unnest(base.tags)
				  union all select 'category', unnest(base.category_ids)::text
				  union all select 'collection', unnest(base.collection_ids)::text
				  union all select 'option', unnest(base.option_values)
				  union all select 'price', base.price_bucket
				  union all select 'total', ''
				) as f(facet, value)
				group by f.facet, f.value %s
				""".formatted(priceBucketSql, flags, text.text() ? ", q" : "", text.text() ? "and d.document @@ q.tsq" : "",
				group, group);
		int n = filterKeys.size();
		return jdbc.sql(sql).params(params).query((rs, row) -> {
			boolean[] passes = new boolean[n];
			for (int i = 0; i < n; i++) {
				passes[i] = rs.getBoolean("f" + i);
			}
			return new FacetRow(rs.getString("facet"), rs.getString("value"), passes, rs.getLong("n"));
		}).list();
	}

	/** Titles that start with, contain, or look like what was typed: starts first, then by word similarity. */
	public List<String[]> suggest(StoreId store, String folded, int limit) {
		String like = folded.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
		return jdbc.sql("""
				select title, handle from search.product_document
				where store_id = ? and visible and (title_folded like ? or title_folded like ? or ? <% title_folded)
				order by (title_folded like ?) desc, (title_folded like ?) desc, word_similarity(?, title_folded) desc,
				  title, product_id
				limit ?""")
			.params(store.value(), like + "%", "% " + like + "%", folded, like + "%", "% " + like + "%", folded, limit)
			.query((rs, n) -> new String[] { rs.getString(1), rs.getString(2) }).list();
	}

	/** The closest known word to a misspelt one (edit distance on a trigram-prefiltered lexicon), if any. */
	public @Nullable String closestTerm(StoreId store, String word) {
		int distance = word.length() >= 7 ? 2 : word.length() >= 4 ? 1 : 0;
		if (distance == 0) {
			return null;
		}
		if (word.length() >= 5) {
			distance = 2;
		}
		return jdbc.sql("""
				select term from search.term
				where store_id = ? and length(term) between ? and ? and levenshtein_less_equal(term, ?, ?) <= ?
				order by levenshtein(term, ?), similarity(term, ?) desc, term limit 1""")
			.params(store.value(), word.length() - distance, word.length() + distance, word, distance, distance, word, word)
			.query(String.class).optional().orElse(null);
	}

	public boolean knownTerm(StoreId store, String word) {
		return jdbc.sql("select exists (select 1 from search.term where store_id = ? and term = ?)")
			.params(store.value(), word).query(Boolean.class).single();
	}

	private static Row row(ResultSet rs) throws SQLException {
		return new Row(rs.getObject("product_id", UUID.class), rs.getString("handle"), rs.getString("title"),
				rs.getString("vendor"), rs.getString("product_type"), rs.getBigDecimal("price_min"),
				rs.getBigDecimal("price_max"), rs.getBigDecimal("compare_at_min"), rs.getString("currency"));
	}

	/** Keeps map order stable for SQL generation. */
	public static Map<String, Filter> filters() {
		return new LinkedHashMap<>();
	}
}
