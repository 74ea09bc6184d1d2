package dev.shopwright.search.domain;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import dev.shopwright.shared.StoreId;

/**
 * The search read model in PostgreSQL, one row per product: the durable source every node's Lucene index is
 * built from (ADR 0009). Every write also stamps the product's row in {@code search.document_change} with the
 * writing transaction, which is what the nodes tail.
 */
@Repository
public class ProductDocuments {

	private final JdbcClient jdbc;

	private final List<Runnable> changeListeners = new java.util.concurrent.CopyOnWriteArrayList<>();

	/** For the change feed (streams with a fetch size instead of loading a full rebuild into memory) and batches. */
	private final JdbcTemplate streaming;

	public ProductDocuments(JdbcClient jdbc, DataSource dataSource) {
		this.jdbc = jdbc;
		this.streaming = new JdbcTemplate(dataSource);
		this.streaming.setFetchSize(500);
	}

	/** The text of one language, indexed with that language's analysis ({@code search.english}, …). */
	public record LocalText(String config, String title, String description) {
	}

	public record Document(UUID productId, String handle, String title, @Nullable String vendor,
			@Nullable String productType, List<String> tags, Collection<UUID> categoryIds, Collection<UUID> collectionIds,
			List<String> optionValues, BigDecimal priceMin, BigDecimal priceMax, @Nullable BigDecimal compareAtMin,
			String currency, boolean visible, @Nullable Instant publishedAt, List<LocalText> texts, String keywords,
			boolean inStock, int unitsSold) {
	}

	public void upsert(StoreId store, Document d) {
		upsert(store, List.of(d));
	}

	/** Writes many documents in one JDBC batch, and stamps them changed in one statement. */
	public void upsert(StoreId store, List<Document> documents) {
		if (documents.isEmpty()) {
			return;
		}
		streaming.batchUpdate("""
				insert into search.product_document (store_id, product_id, handle, title, vendor, product_type, tags,
				  category_ids, collection_ids, option_values, price_min, price_max, compare_at_min, currency, visible,
				  published_at, keywords, text_configs, text_titles, text_descriptions, in_stock, indexed_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, now())
				on conflict (store_id, product_id) do update set handle = excluded.handle, title = excluded.title,
				  vendor = excluded.vendor, product_type = excluded.product_type, tags = excluded.tags,
				  category_ids = excluded.category_ids, collection_ids = excluded.collection_ids,
				  option_values = excluded.option_values, price_min = excluded.price_min, price_max = excluded.price_max,
				  compare_at_min = excluded.compare_at_min, currency = excluded.currency, visible = excluded.visible,
				  published_at = excluded.published_at, keywords = excluded.keywords, text_configs = excluded.text_configs,
				  text_titles = excluded.text_titles, text_descriptions = excluded.text_descriptions,
				  in_stock = excluded.in_stock, indexed_at = now()
				""", documents.stream().map(d -> new Object[] { store.value(), d.productId(), d.handle(), d.title(),
						d.vendor(), d.productType(), d.tags().toArray(String[]::new), d.categoryIds().toArray(UUID[]::new),
						d.collectionIds().toArray(UUID[]::new), d.optionValues().toArray(String[]::new), d.priceMin(),
						d.priceMax(), d.compareAtMin(), d.currency(), d.visible(),
						d.publishedAt() == null ? null : Timestamp.from(d.publishedAt()), d.keywords(),
						d.texts().stream().map(LocalText::config).toArray(String[]::new),
						d.texts().stream().map(LocalText::title).toArray(String[]::new),
						d.texts().stream().map(LocalText::description).toArray(String[]::new), d.inStock() })
			.toList());
		changed(store, documents.stream().map(Document::productId).toList());
	}

	public void delete(StoreId store, UUID product) {
		if (jdbc.sql("delete from search.product_document where store_id = ? and product_id = ?")
			.params(store.value(), product).update() > 0) {
			changed(store, List.of(product));
		}
	}

	/** Removes the documents of products that no longer exist (after a full reindex). */
	public int deleteAllExcept(StoreId store, Collection<UUID> keep) {
		List<UUID> gone = jdbc.sql("delete from search.product_document where store_id = ? and not (product_id = any (?)) "
				+ "returning product_id")
			.params(store.value(), keep.toArray(UUID[]::new)).query(UUID.class).list();
		changed(store, gone);
		return gone.size();
	}

	/** Sets whether the product has a sellable variant; true when that changed its document. */
	public boolean setInStock(StoreId store, UUID product, boolean inStock) {
		boolean updated = jdbc.sql("""
				update search.product_document set in_stock = ?
				where store_id = ? and product_id = ? and in_stock <> ?""")
			.params(inStock, store.value(), product, inStock).update() > 0;
		if (updated) {
			changed(store, List.of(product));
		}
		return updated;
	}

	/**
	 * Recounts the units sold since {@code from} (orders not cancelled) of the given products, or of every product
	 * with sales or a count when {@code products} is null (the window moved); rewrites only documents whose count
	 * changed and returns how many.
	 */
	public int recountUnitsSold(@Nullable StoreId store, @Nullable Collection<UUID> products, java.time.LocalDate from) {
		List<Object[]> changedRows = jdbc.sql("""
				with sold as (
				  select store_id, product_id, sum(units)::integer as units from search.order_sale
				  where not cancelled and sold_on >= ?
				    and (?::uuid is null or store_id = ?::uuid) and (?::uuid[] is null or product_id = any (?::uuid[]))
				  group by store_id, product_id)
				update search.product_document d set units_sold = coalesce(s.units, 0)
				from (select d2.store_id, d2.product_id, sold.units from search.product_document d2
				      left join sold on sold.store_id = d2.store_id and sold.product_id = d2.product_id
				      where (?::uuid is null or d2.store_id = ?::uuid)
				        and (?::uuid[] is null or d2.product_id = any (?::uuid[]))
				        and (sold.units is not null or d2.units_sold <> 0)) s
				where d.store_id = s.store_id and d.product_id = s.product_id and d.units_sold <> coalesce(s.units, 0)
				returning d.store_id, d.product_id""")
			.params(from, id(store), id(store), ids(products), ids(products), id(store), id(store), ids(products),
					ids(products))
			.query((rs, n) -> new Object[] { rs.getObject(1, UUID.class), rs.getObject(2, UUID.class) }).list();
		Map<UUID, List<UUID>> byStore = new java.util.HashMap<>();
		changedRows.forEach(r -> byStore.computeIfAbsent((UUID) r[0], k -> new ArrayList<>()).add((UUID) r[1]));
		byStore.forEach((s, ids) -> changed(new StoreId(s), ids));
		return changedRows.size();
	}

	public List<dev.shopwright.search.BestSeller> bestSellers(StoreId store, int limit) {
		return jdbc.sql("""
				select product_id, title, handle, units_sold from search.product_document
				where store_id = ? and visible and units_sold > 0 order by units_sold desc, product_id limit ?""")
			.params(store.value(), limit)
			.query((rs, n) -> new dev.shopwright.search.BestSeller(rs.getObject(1, UUID.class), rs.getString(2),
					rs.getString(3), rs.getInt(4)))
			.list();
	}

	private static @Nullable UUID id(@Nullable StoreId store) {
		return store == null ? null : store.value();
	}

	private static UUID @Nullable [] ids(@Nullable Collection<UUID> products) {
		return products == null ? null : products.toArray(UUID[]::new);
	}

	private void changed(StoreId store, List<UUID> products) {
		if (!products.isEmpty()) {
			jdbc.sql("""
					insert into search.document_change (store_id, product_id) select ?, unnest(?::uuid[])
					on conflict (store_id, product_id) do update set changed_by = pg_current_xact_id()""")
				.params(store.value(), products.toArray(UUID[]::new)).update();
			if (TransactionSynchronizationManager.isSynchronizationActive()) {
				TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
					@Override
					public void afterCommit() {
						changeListeners.forEach(Runnable::run);
					}
				});
			}
			else {
				changeListeners.forEach(Runnable::run);
			}
		}
	}

	/**
	 * Runs {@code listener} after each committed change made through this node, so that this node's index
	 * applies it without waiting for its next poll.
	 */
	public void onCommittedChange(Runnable listener) {
		changeListeners.add(listener);
	}

	public void removeCommittedChangeListener(Runnable listener) {
		changeListeners.remove(listener);
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

	// ---- the change feed --------------------------------------------------------------------------------

	/** The identity of this database, which an index records to know it was built from here. */
	public UUID origin() {
		return jdbc.sql("select id from search.index_origin").query(UUID.class).single();
	}

	/**
	 * One changed product: its document as it is now, or null when it was deleted. {@code changedBy} is the
	 * writing transaction's id.
	 */
	public record Change(StoreId store, UUID productId, long changedBy, @Nullable Document document) {
	}

	/**
	 * The oldest transaction still running as this transaction's snapshot sees it: every change by an older
	 * transaction is committed and visible. Call in the same repeatable-read transaction as {@link #changesSince}.
	 */
	public long snapshotXmin() {
		return Long.parseLong(jdbc.sql("select pg_snapshot_xmin(pg_current_snapshot())::text").query(String.class).single());
	}

	/**
	 * Every change written by a transaction with an id of at least {@code from}, oldest first. Each document is
	 * fetched by its key ({@code offset 0} keeps the planner from turning the lateral lookup into a join): the
	 * prepared statement's generic plan cannot know how few changes are new and otherwise hash-joined the whole
	 * document table on every catch-up of the feed.
	 */
	public void changesSince(long from, Consumer<Change> consumer) {
		streaming.query("""
				select c.store_id, c.product_id, c.changed_by::text as changed_by, d.*
				from search.document_change c
				left join lateral (select * from search.product_document d
				                   where d.store_id = c.store_id and d.product_id = c.product_id offset 0) d on true
				where c.changed_by >= ?::text::xid8 order by c.changed_by""",
				rs -> {
					consumer.accept(new Change(new StoreId(rs.getObject(1, UUID.class)), rs.getObject(2, UUID.class),
							Long.parseLong(rs.getString(3)), rs.getString("handle") == null ? null : document(rs)));
				}, Long.toString(from));
	}

	private static Document document(ResultSet rs) throws SQLException {
		String[] configs = strings(rs.getArray("text_configs"));
		String[] titles = strings(rs.getArray("text_titles"));
		String[] descriptions = strings(rs.getArray("text_descriptions"));
		List<LocalText> texts = new ArrayList<>();
		for (int i = 0; i < configs.length; i++) {
			texts.add(new LocalText(configs[i], titles[i], descriptions[i]));
		}
		Timestamp published = rs.getTimestamp("published_at");
		return new Document(rs.getObject("product_id", UUID.class), rs.getString("handle"), rs.getString("title"),
				rs.getString("vendor"), rs.getString("product_type"), Arrays.asList(strings(rs.getArray("tags"))),
				Arrays.asList((UUID[]) rs.getArray("category_ids").getArray()),
				Arrays.asList((UUID[]) rs.getArray("collection_ids").getArray()),
				Arrays.asList(strings(rs.getArray("option_values"))), rs.getBigDecimal("price_min"),
				rs.getBigDecimal("price_max"), rs.getBigDecimal("compare_at_min"), rs.getString("currency"),
				rs.getBoolean("visible"), published == null ? null : published.toInstant(), texts, rs.getString("keywords"),
				rs.getBoolean("in_stock"), rs.getInt("units_sold"));
	}

	private static String[] strings(Array array) throws SQLException {
		return (String[]) array.getArray();
	}
}
