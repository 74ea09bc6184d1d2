package dev.shopwright.catalog.domain;

import java.io.InputStream;
import java.util.Optional;

import dev.shopwright.shared.StoreId;

/**
 * Where the bytes of product images live, by store and key ({@code <productId>/<file>}). The local disk
 * is the default; an object store (S3 and the like) fits the same three operations.
 */
public interface MediaStorage {

	/** Writes the content under the key, replacing what was there; visible to readers only once complete. */
	void put(StoreId store, String key, byte[] content);

	Optional<Stored> get(StoreId store, String key);

	/** Deletes one key; a key that does not exist is not an error. */
	void delete(StoreId store, String key);

	/** Deletes every key that starts with {@code prefix + "/"} (all files of a product). */
	void deleteAll(StoreId store, String prefix);

	/** An open stream on stored content and its length in bytes; the caller closes the stream. */
	record Stored(InputStream content, long length) {
	}
}
