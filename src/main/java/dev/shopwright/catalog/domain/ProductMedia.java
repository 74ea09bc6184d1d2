package dev.shopwright.catalog.domain;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.shopwright.catalog.Media;
import dev.shopwright.catalog.ProductId;
import dev.shopwright.shared.StoreId;

/** The rows of {@code catalog.media}: a product's images in order, and where their bytes are kept. */
@Repository
public class ProductMedia {

	private final JdbcClient jdbc;

	ProductMedia(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public List<Media> of(StoreId store, ProductId product) {
		return jdbc.sql("select * from catalog.media where store_id = ? and product_id = ? order by position, created_at, id")
			.params(store.value(), product.value()).query((rs, n) -> media(store, rs)).list();
	}

	/** The media of many products at once (exports), each list in position order. */
	public Map<ProductId, List<Media>> of(StoreId store, Collection<ProductId> products) {
		Map<ProductId, List<Media>> result = new LinkedHashMap<>();
		if (products.isEmpty()) {
			return result;
		}
		jdbc.sql("""
				select * from catalog.media where store_id = ? and product_id = any (?)
				order by product_id, position, created_at, id""")
			.params(store.value(), products.stream().map(ProductId::value).toArray(UUID[]::new))
			.query((rs, n) -> media(store, rs)).list()
			.forEach(m -> result.computeIfAbsent(m.productId(), key -> new java.util.ArrayList<>()).add(m));
		return result;
	}

	public Optional<Media> find(StoreId store, UUID id) {
		return jdbc.sql("select * from catalog.media where store_id = ? and id = ?").params(store.value(), id)
			.query((rs, n) -> media(store, rs)).optional();
	}

	/** Locks the product row so that media changes of one product happen one after the other; false if it is gone. */
	public boolean lockProduct(StoreId store, ProductId product) {
		return jdbc.sql("select id from catalog.product where store_id = ? and id = ? for update")
			.params(store.value(), product.value()).query(UUID.class).optional().isPresent();
	}

	public boolean productExists(StoreId store, ProductId product) {
		return jdbc.sql("select exists (select 1 from catalog.product where store_id = ? and id = ?)")
			.params(store.value(), product.value()).query(Boolean.class).single();
	}

	public int nextPosition(StoreId store, ProductId product) {
		return jdbc.sql("select coalesce(max(position), 0) + 1 from catalog.media where store_id = ? and product_id = ?")
			.params(store.value(), product.value()).query(Integer.class).single();
	}

	public void insert(StoreId store, UUID id, ProductId product, int position, String alt, @Nullable String sourceUrl,
			@Nullable String storageKey, @Nullable String contentType, @Nullable Integer width, @Nullable Integer height,
			Media.Status status, Instant createdAt) {
		jdbc.sql("""
				insert into catalog.media (store_id, id, product_id, position, alt, source_url, storage_key, content_type,
				  width, height, fetch_status, created_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(store.value(), id, product.value(), position, alt, sourceUrl, storageKey, contentType, width, height,
					status.name(), Timestamp.from(createdAt))
			.update();
	}

	/** Records the fetched image, if the media still waits for it; false when it was deleted or settled meanwhile. */
	public boolean markStored(StoreId store, UUID id, String storageKey, String contentType, int width, int height) {
		return jdbc.sql("""
				update catalog.media set storage_key = ?, content_type = ?, width = ?, height = ?, fetch_status = 'STORED',
				  fetch_error = null
				where store_id = ? and id = ? and fetch_status = 'PENDING'""")
			.params(storageKey, contentType, width, height, store.value(), id).update() == 1;
	}

	/** A FAILED download becomes PENDING again; false when the image is not (or no longer) FAILED. */
	public boolean markPendingAgain(StoreId store, UUID id) {
		return jdbc.sql("""
				update catalog.media set fetch_status = 'PENDING', fetch_error = null
				where store_id = ? and id = ? and fetch_status = 'FAILED'""")
			.params(store.value(), id).update() == 1;
	}

	public boolean markFailed(StoreId store, UUID id, String reason) {
		return jdbc.sql("""
				update catalog.media set fetch_status = 'FAILED', fetch_error = ?
				where store_id = ? and id = ? and fetch_status = 'PENDING'""")
			.params(reason.length() > 500 ? reason.substring(0, 500) : reason, store.value(), id).update() == 1;
	}

	public void setAlt(StoreId store, UUID id, String alt) {
		jdbc.sql("update catalog.media set alt = ? where store_id = ? and id = ?").params(alt, store.value(), id).update();
	}

	/** Gives the media the positions 1…n in the order of {@code ids}. */
	public void reorder(StoreId store, List<UUID> ids) {
		for (int i = 0; i < ids.size(); i++) {
			jdbc.sql("update catalog.media set position = ? where store_id = ? and id = ? and position <> ?")
				.params(i + 1, store.value(), ids.get(i), i + 1).update();
		}
	}

	public void delete(StoreId store, UUID id) {
		jdbc.sql("delete from catalog.media where store_id = ? and id = ?").params(store.value(), id).update();
	}

	/** Media still waiting for their download, oldest first (retried after a restart). */
	public List<Map.Entry<StoreId, UUID>> pending(int limit) {
		return jdbc.sql("select store_id, id from catalog.media where fetch_status = 'PENDING' order by created_at limit ?")
			.param(limit)
			.query((rs, n) -> Map.entry(new StoreId(rs.getObject("store_id", UUID.class)), rs.getObject("id", UUID.class)))
			.list();
	}

	static Media media(StoreId store, ResultSet rs) throws SQLException {
		UUID id = rs.getObject("id", UUID.class);
		ProductId product = new ProductId(rs.getObject("product_id", UUID.class));
		String key = rs.getString("storage_key");
		String contentType = rs.getString("content_type");
		Media.Status status = Media.Status.valueOf(rs.getString("fetch_status"));
		String url = null;
		Map<Integer, String> thumbnails = Map.of();
		if (status == Media.Status.STORED && key != null && contentType != null) {
			url = MediaKeys.url(store, key);
			Map<Integer, String> urls = new LinkedHashMap<>();
			for (int width : Images.THUMBNAIL_WIDTHS) {
				urls.put(width, MediaKeys.url(store, MediaKeys.thumbnail(product, id, width, contentType)));
			}
			thumbnails = urls;
		}
		int width = rs.getInt("width");
		Integer w = rs.wasNull() ? null : width;
		int height = rs.getInt("height");
		Integer h = rs.wasNull() ? null : height;
		return new Media(id, product, rs.getInt("position"), rs.getString("alt"), status, rs.getString("source_url"),
				rs.getString("fetch_error"), contentType, w, h, url, thumbnails,
				rs.getTimestamp("created_at").toInstant());
	}
}
