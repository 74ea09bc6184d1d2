package dev.shopwright.catalog;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * An image of a product. Uploaded images are {@code STORED} at once; an image referenced by URL is
 * {@code PENDING} until it has been fetched in the background, then {@code STORED} or {@code FAILED} (with
 * the reason in {@code error}). {@code url} and {@code thumbnailUrls} (by width in pixels) are set once the
 * image is stored; they are paths on this server, public and cacheable.
 */
public record Media(UUID id, ProductId productId, int position, String alt, Status status, @Nullable String sourceUrl,
		@Nullable String error, @Nullable String contentType, @Nullable Integer width, @Nullable Integer height,
		@Nullable String url, Map<Integer, String> thumbnailUrls, Instant createdAt) {

	public enum Status {
		STORED, PENDING, FAILED
	}
}
