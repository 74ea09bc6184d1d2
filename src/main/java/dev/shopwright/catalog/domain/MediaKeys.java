package dev.shopwright.catalog.domain;

import java.util.UUID;

import dev.shopwright.catalog.ProductId;
import dev.shopwright.shared.StoreId;

/**
 * Names of media files: {@code <productId>/<mediaId>.<ext>} for the original and
 * {@code <productId>/<mediaId>-w<width>.<jpg|png>} for thumbnails, served at {@code /media/<storeId>/<key>}. A
 * key is never reused for other bytes, so the files may be cached forever.
 */
public final class MediaKeys {

	public static final String URL_PREFIX = "/media/";

	private MediaKeys() {
	}

	public static String original(ProductId product, UUID media, String contentType) {
		return product + "/" + media + "." + Images.extension(contentType);
	}

	public static String thumbnail(ProductId product, UUID media, int width, String contentType) {
		return product + "/" + media + "-w" + width + "." + Images.thumbnailExtension(contentType);
	}

	public static String url(StoreId store, String key) {
		return URL_PREFIX + store + "/" + key;
	}
}
