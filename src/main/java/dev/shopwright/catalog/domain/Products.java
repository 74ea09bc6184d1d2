package dev.shopwright.catalog.domain;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.shopwright.catalog.InventoryPolicy;
import dev.shopwright.catalog.Product;
import dev.shopwright.catalog.ProductId;
import dev.shopwright.catalog.ProductStatus;
import dev.shopwright.catalog.Variant;
import dev.shopwright.catalog.VariantId;
import dev.shopwright.shared.Money;
import dev.shopwright.shared.StoreId;

/**
 * Products with their options, variants, attributes, categories, translations and related products. A
 * product is written whole, guarded by its version; children are replaced in the same transaction.
 */
@Repository
public class Products {

	private final JdbcClient jdbc;

	/** For the child rows of a product: one JDBC batch (one round trip) per table. */
	private final NamedParameterJdbcTemplate batch;

	public Products(JdbcClient jdbc, NamedParameterJdbcTemplate batch) {
		this.jdbc = jdbc;
		this.batch = batch;
	}

	public Optional<Product> find(StoreId store, ProductId id) {
		return load(store, List.of(id.value())).stream().findFirst();
	}

	public Optional<Product> findByHandle(StoreId store, String handle) {
		return jdbc.sql("select id from catalog.product where store_id = ? and handle = ?")
			.params(store.value(), handle).query(UUID.class).optional()
			.flatMap(id -> find(store, new ProductId(id)));
	}

	public Optional<ProductId> findIdBySku(StoreId store, String sku) {
		return jdbc.sql("select product_id from catalog.variant where store_id = ? and sku = ?")
			.params(store.value(), sku).query(UUID.class).optional().map(ProductId::new);
	}

	public boolean handleTaken(StoreId store, String handle, @Nullable ProductId except) {
		return jdbc.sql("select exists (select 1 from catalog.product where store_id = ? and handle = ? and id <> ?)")
			.params(store.value(), handle, except == null ? new UUID(0, 0) : except.value()).query(Boolean.class).single();
	}

	/** SKUs among {@code skus} that belong to another product of the store. */
	public List<String> skusTakenElsewhere(StoreId store, Collection<String> skus, ProductId product) {
		if (skus.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("select sku from catalog.variant where store_id = ? and sku = any (?) and product_id <> ? order by sku")
			.params(store.value(), skus.toArray(String[]::new), product.value()).query(String.class).list();
	}

	public List<UUID> existingCategories(StoreId store, Collection<UUID> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("select id from catalog.category where store_id = ? and id = any (?)")
			.params(store.value(), ids.toArray(UUID[]::new)).query(UUID.class).list();
	}

	public List<UUID> existingProducts(StoreId store, Collection<UUID> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("select id from catalog.product where store_id = ? and id = any (?)")
			.params(store.value(), ids.toArray(UUID[]::new)).query(UUID.class).list();
	}

	/** Attribute codes of the store mapped to their ids. */
	public Map<String, UUID> attributeIds(StoreId store) {
		return jdbc.sql("select code, id from catalog.attribute where store_id = ?").param(store.value())
			.query((rs, n) -> Map.entry(rs.getString("code"), rs.getObject("id", UUID.class))).list().stream()
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
	}

	public void insert(StoreId store, Product product) {
		jdbc.sql("""
				insert into catalog.product (store_id, id, handle, title, description_html, vendor, product_type, tags, status,
				  seo_title, seo_description, published, published_at, created_at, updated_at, version)
				values (:store, :id, :handle, :title, :description, :vendor, :type, :tags, :status, :seoTitle,
				  :seoDescription, :published, :publishedAt, :createdAt, :updatedAt, 0)""")
			.params(productColumns(store, product))
			.param("createdAt", Timestamp.from(product.createdAt()))
			.update();
		writeChildren(store, product, true);
	}

	/** False when the product changed since {@code expectedVersion} (someone else saved first). */
	public boolean update(StoreId store, Product product, int expectedVersion) {
		int updated = jdbc.sql("""
				update catalog.product set handle = :handle, title = :title, description_html = :description,
				  vendor = :vendor, product_type = :type, tags = :tags, status = :status, seo_title = :seoTitle,
				  seo_description = :seoDescription, published = :published, published_at = :publishedAt,
				  updated_at = :updatedAt, version = version + 1
				where store_id = :store and id = :id and version = :expected""")
			.params(productColumns(store, product))
			.param("expected", expectedVersion)
			.update();
		if (updated == 1) {
			writeChildren(store, product, false);
		}
		return updated == 1;
	}

	public boolean delete(StoreId store, ProductId id) {
		return jdbc.sql("delete from catalog.product where store_id = ? and id = ?").params(store.value(), id.value())
			.update() == 1;
	}

	private void writeChildren(StoreId store, Product product, boolean fresh) {
		UUID s = store.value();
		UUID p = product.id().value();
		if (!fresh) {
			for (String table : List.of("product_option", "product_attribute", "product_category", "product_translation",
					"related_product")) {
				jdbc.sql("delete from catalog." + table + " where store_id = ? and product_id = ?").params(s, p).update();
			}
			// variants keep their ids (inventory and orders refer to them): delete only those no longer present
			UUID[] kept = product.variants().stream().map(v -> v.id().value()).toArray(UUID[]::new);
			jdbc.sql("delete from catalog.variant where store_id = ? and product_id = ? and not (id = any (?))")
				.params(s, p, kept).update();
			// free SKUs and option combinations first, so that values may move between variants in one save
			jdbc.sql("update catalog.variant set sku = null, option1 = id::text where store_id = ? and product_id = ?")
				.params(s, p).update();
		}
		List<Map<String, Object>> options = new ArrayList<>();
		for (Product.Option option : product.options()) {
			options.add(Map.of("store", s, "product", p, "position", options.size() + 1, "name", option.name(), "values",
					option.values().toArray(String[]::new)));
		}
		batchUpdate("""
				insert into catalog.product_option (store_id, product_id, position, name, option_values)
				values (:store, :product, :position, :name, :values)""", options);
		Timestamp updatedAt = Timestamp.from(product.updatedAt());
		batchUpdate("""
				insert into catalog.variant (store_id, id, product_id, position, sku, barcode, price, compare_at_price, cost,
				  currency, option1, option2, option3, weight_grams, length_mm, width_mm, height_mm, taxable,
				  inventory_policy, preorder_limit, created_at, updated_at)
				values (:store, :id, :product, :position, :sku, :barcode, :price, :compareAt, :cost, :currency, :o1, :o2, :o3,
				  :weight, :length, :width, :height, :taxable, :policy, :preorderLimit, :now, :now)
				on conflict (store_id, id) do update set position = excluded.position, sku = excluded.sku,
				  barcode = excluded.barcode, price = excluded.price, compare_at_price = excluded.compare_at_price,
				  cost = excluded.cost, currency = excluded.currency, option1 = excluded.option1,
				  option2 = excluded.option2, option3 = excluded.option3, weight_grams = excluded.weight_grams,
				  length_mm = excluded.length_mm, width_mm = excluded.width_mm, height_mm = excluded.height_mm,
				  taxable = excluded.taxable, inventory_policy = excluded.inventory_policy,
				  preorder_limit = excluded.preorder_limit, updated_at = excluded.updated_at""",
				product.variants().stream().map(v -> variantColumns(s, p, v, updatedAt)).toList());
		Map<String, UUID> attributeIds = product.attributes().isEmpty() ? Map.of() : attributeIds(store);
		product.attributes().forEach((code, value) -> jdbc
			.sql("insert into catalog.product_attribute (store_id, product_id, attribute_id, value) values (?, ?, ?, ?)")
			.params(s, p, attributeIds.get(code), value).update());
		for (UUID category : product.categoryIds()) {
			jdbc.sql("insert into catalog.product_category (store_id, product_id, category_id) values (?, ?, ?)")
				.params(s, p, category).update();
		}
		product.translations().forEach((locale, t) -> jdbc.sql("""
				insert into catalog.product_translation (store_id, product_id, locale, title, description_html, seo_title,
				  seo_description) values (?, ?, ?, ?, ?, ?, ?)""")
			.params(s, p, locale, t.title(), t.descriptionHtml(), t.seoTitle(), t.seoDescription()).update());
		int relatedPosition = 0;
		for (Product.Related related : product.related()) {
			jdbc.sql("insert into catalog.related_product (store_id, product_id, related_id, kind, position) values (?, ?, ?, ?, ?)")
				.params(s, p, related.productId().value(), related.kind().name(), relatedPosition++).update();
		}
	}

	private void batchUpdate(String sql, List<Map<String, Object>> rows) {
		if (rows.size() == 1) {
			jdbc.sql(sql).params(rows.getFirst()).update();
		}
		else if (!rows.isEmpty()) {
			batch.batchUpdate(sql, rows.stream().map(MapSqlParameterSource::new).toArray(SqlParameterSource[]::new));
		}
	}

	/** Loads whole products, in the order of {@code ids}. */
	public List<Product> load(StoreId store, List<UUID> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		UUID s = store.value();
		UUID[] idArray = ids.toArray(UUID[]::new);
		Map<UUID, List<Product.Option>> options = group(jdbc.sql("""
				select product_id, name, option_values from catalog.product_option
				where store_id = ? and product_id = any (?) order by product_id, position""")
			.params(s, idArray)
			.query((rs, n) -> Map.entry(rs.getObject("product_id", UUID.class),
					new Product.Option(rs.getString("name"), strings(rs.getArray("option_values")))))
			.list());
		Map<UUID, List<Variant>> variants = group(jdbc.sql("""
				select * from catalog.variant where store_id = ? and product_id = any (?) order by product_id, position, id""")
			.params(s, idArray).query((rs, n) -> Map.entry(rs.getObject("product_id", UUID.class), variant(rs))).list());
		Map<UUID, List<Map.Entry<String, String>>> attributes = group(jdbc.sql("""
				select pa.product_id, a.code, pa.value from catalog.product_attribute pa
				join catalog.attribute a on a.store_id = pa.store_id and a.id = pa.attribute_id
				where pa.store_id = ? and pa.product_id = any (?) order by a.code""")
			.params(s, idArray)
			.query((rs, n) -> Map.entry(rs.getObject("product_id", UUID.class), Map.entry(rs.getString("code"), rs.getString("value"))))
			.list());
		Map<UUID, List<UUID>> categories = group(jdbc.sql("""
				select product_id, category_id from catalog.product_category where store_id = ? and product_id = any (?)
				order by product_id, category_id""")
			.params(s, idArray)
			.query((rs, n) -> Map.entry(rs.getObject("product_id", UUID.class), rs.getObject("category_id", UUID.class)))
			.list());
		Map<UUID, List<Map.Entry<String, Product.Translation>>> translations = group(jdbc.sql("""
				select * from catalog.product_translation where store_id = ? and product_id = any (?) order by locale""")
			.params(s, idArray)
			.query((rs, n) -> Map.entry(rs.getObject("product_id", UUID.class), Map.entry(rs.getString("locale"),
					new Product.Translation(rs.getString("title"), rs.getString("description_html"), rs.getString("seo_title"),
							rs.getString("seo_description")))))
			.list());
		Map<UUID, List<Product.Related>> related = group(jdbc.sql("""
				select product_id, related_id, kind from catalog.related_product where store_id = ? and product_id = any (?)
				order by product_id, position""")
			.params(s, idArray)
			.query((rs, n) -> Map.entry(rs.getObject("product_id", UUID.class), new Product.Related(
					new ProductId(rs.getObject("related_id", UUID.class)), Product.RelationKind.valueOf(rs.getString("kind")))))
			.list());
		Map<UUID, Product> products = new LinkedHashMap<>();
		jdbc.sql("select * from catalog.product where store_id = ? and id = any (?)").params(s, idArray)
			.query((rs, n) -> {
				UUID id = rs.getObject("id", UUID.class);
				Map<String, String> attributeValues = new LinkedHashMap<>();
				attributes.getOrDefault(id, List.of()).forEach(e -> attributeValues.put(e.getKey(), e.getValue()));
				Map<String, Product.Translation> translationValues = new LinkedHashMap<>();
				translations.getOrDefault(id, List.of()).forEach(e -> translationValues.put(e.getKey(), e.getValue()));
				Timestamp publishedAt = rs.getTimestamp("published_at");
				return new Product(new ProductId(id), rs.getString("handle"), rs.getString("title"),
						rs.getString("description_html"), rs.getString("vendor"), rs.getString("product_type"),
						strings(rs.getArray("tags")), ProductStatus.valueOf(rs.getString("status")), rs.getString("seo_title"),
						rs.getString("seo_description"), rs.getBoolean("published"),
						publishedAt == null ? null : publishedAt.toInstant(), options.getOrDefault(id, List.of()),
						variants.getOrDefault(id, List.of()), attributeValues, categories.getOrDefault(id, List.of()),
						translationValues, related.getOrDefault(id, List.of()), rs.getTimestamp("created_at").toInstant(),
						rs.getTimestamp("updated_at").toInstant(), rs.getInt("version"));
			})
			.list()
			.forEach(product -> products.put(product.id().value(), product));
		return ids.stream().map(products::get).filter(java.util.Objects::nonNull).toList();
	}

	private static Map<String, Object> productColumns(StoreId store, Product product) {
		Map<String, Object> values = new java.util.HashMap<>();
		values.put("store", store.value());
		values.put("id", product.id().value());
		values.put("handle", product.handle());
		values.put("title", product.title());
		values.put("description", product.descriptionHtml());
		values.put("vendor", product.vendor());
		values.put("type", product.productType());
		values.put("tags", product.tags().toArray(String[]::new));
		values.put("status", product.status().name());
		values.put("seoTitle", product.seoTitle());
		values.put("seoDescription", product.seoDescription());
		values.put("published", product.published());
		values.put("publishedAt", product.publishedAt() == null ? null : Timestamp.from(product.publishedAt()));
		values.put("updatedAt", Timestamp.from(product.updatedAt()));
		return values;
	}

	private static Map<String, Object> variantColumns(UUID store, UUID product, Variant v, Timestamp now) {
		Map<String, Object> values = new java.util.HashMap<>();
		values.put("store", store);
		values.put("id", v.id().value());
		values.put("product", product);
		values.put("position", v.position());
		values.put("sku", v.sku());
		values.put("barcode", v.barcode());
		values.put("price", v.price().amount());
		values.put("compareAt", v.compareAtPrice() == null ? null : v.compareAtPrice().amount());
		values.put("cost", v.cost() == null ? null : v.cost().amount());
		values.put("currency", v.price().currency().getCurrencyCode());
		values.put("o1", v.options().size() > 0 ? v.options().get(0) : null);
		values.put("o2", v.options().size() > 1 ? v.options().get(1) : null);
		values.put("o3", v.options().size() > 2 ? v.options().get(2) : null);
		values.put("weight", v.weightGrams());
		values.put("length", v.lengthMm());
		values.put("width", v.widthMm());
		values.put("height", v.heightMm());
		values.put("taxable", v.taxable());
		values.put("policy", v.inventoryPolicy().name());
		values.put("preorderLimit", v.preorderLimit());
		values.put("now", now);
		return values;
	}

	static Variant variant(ResultSet rs) throws SQLException {
		Currency currency = Currency.getInstance(rs.getString("currency"));
		List<String> options = new ArrayList<>();
		for (String column : List.of("option1", "option2", "option3")) {
			if (rs.getString(column) != null) {
				options.add(rs.getString(column));
			}
		}
		return new Variant(new VariantId(rs.getObject("id", UUID.class)), new ProductId(rs.getObject("product_id", UUID.class)),
				rs.getInt("position"), rs.getString("sku"), rs.getString("barcode"), money(rs.getBigDecimal("price"), currency),
				money(rs.getBigDecimal("compare_at_price"), currency), money(rs.getBigDecimal("cost"), currency), options,
				integer(rs, "weight_grams"), integer(rs, "length_mm"), integer(rs, "width_mm"), integer(rs, "height_mm"),
				rs.getBoolean("taxable"), InventoryPolicy.valueOf(rs.getString("inventory_policy")),
				integer(rs, "preorder_limit"));
	}

	private static @Nullable Money money(@Nullable BigDecimal amount, Currency currency) {
		return amount == null ? null : Money.of(amount, currency, java.math.RoundingMode.UNNECESSARY);
	}

	private static @Nullable Integer integer(ResultSet rs, String column) throws SQLException {
		int value = rs.getInt(column);
		return rs.wasNull() ? null : value;
	}

	static List<String> strings(@Nullable Array array) throws SQLException {
		return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
	}

	private static <K, V> Map<K, List<V>> group(List<Map.Entry<K, V>> entries) {
		Map<K, List<V>> grouped = new LinkedHashMap<>();
		entries.forEach(entry -> grouped.computeIfAbsent(entry.getKey(), key -> new ArrayList<>()).add(entry.getValue()));
		return grouped;
	}

	public Instant now() {
		return Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
	}
}
