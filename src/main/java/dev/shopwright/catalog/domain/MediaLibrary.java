package dev.shopwright.catalog.domain;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import dev.shopwright.catalog.Media;
import dev.shopwright.catalog.ProductId;
import dev.shopwright.catalog.events.ProductChanged;
import dev.shopwright.platform.AuditLog;
import dev.shopwright.platform.BusinessRuleViolation;
import dev.shopwright.platform.ResourceNotFound;
import dev.shopwright.shared.StoreId;

/**
 * A product's images: uploads are checked and stored with their thumbnails at once; images referenced by URL
 * are recorded as PENDING and fetched in the background after the transaction commits. A failed download
 * marks the image FAILED with its reason and never fails the request (or the import) that referenced it.
 */
@Service
public class MediaLibrary implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(MediaLibrary.class);

	/** Downloads at the same time: a large import must not open thousands of connections at once. */
	private static final int PARALLEL_FETCHES = 4;

	private final ProductMedia media;

	private final MediaStorage storage;

	private final RemoteImages remote;

	private final TransactionTemplate transactions;

	private final ApplicationEventPublisher events;

	private final AuditLog auditLog;

	private final ExecutorService fetchers = Executors.newThreadPerTaskExecutor(
			Thread.ofVirtual().name("media-fetch-", 0).factory());

	private final Semaphore fetchSlots = new Semaphore(PARALLEL_FETCHES);

	MediaLibrary(ProductMedia media, MediaStorage storage, RemoteImages remote, TransactionTemplate transactions,
			ApplicationEventPublisher events, AuditLog auditLog) {
		this.media = media;
		this.storage = storage;
		this.remote = remote;
		this.transactions = transactions;
		this.events = events;
		this.auditLog = auditLog;
	}

	public List<Media> list(StoreId store, ProductId product) {
		return transactions.execute(status -> {
			requireProduct(store, product, false);
			return media.of(store, product);
		});
	}

	/** Checks and stores an uploaded image and its thumbnails; a file that is not a real image is a 422. */
	public Media upload(StoreId store, ProductId product, byte[] content, @Nullable String alt) {
		String text = clean(alt);
		Images.Processed image = Images.process(content);
		UUID id = UUID.randomUUID();
		String key = MediaKeys.original(product, id, image.contentType());
		List<String> written = new ArrayList<>();
		try {
			storage.put(store, key, content);
			written.add(key);
			for (Map.Entry<Integer, byte[]> thumbnail : image.thumbnails().entrySet()) {
				String thumbnailKey = MediaKeys.thumbnail(product, id, thumbnail.getKey(), image.contentType());
				storage.put(store, thumbnailKey, thumbnail.getValue());
				written.add(thumbnailKey);
			}
			return transactions.execute(status -> {
				requireProduct(store, product, true);
				media.insert(store, id, product, media.nextPosition(store, product), text, null, key,
						image.contentType(), image.width(), image.height(), Media.Status.STORED, now());
				auditLog.record(store, "media.added", "product", product.toString(),
						"Uploaded image %s (%d×%d)".formatted(id, image.width(), image.height()));
				events.publishEvent(new ProductChanged(store, product));
				return media.find(store, id).orElseThrow();
			});
		}
		catch (RuntimeException ex) {
			written.forEach(k -> storage.delete(store, k));
			throw ex;
		}
	}

	/**
	 * Records an image to be fetched from {@code url} (status PENDING); the download starts once the surrounding
	 * transaction, if any, has committed.
	 */
	public Media addFromUrl(StoreId store, ProductId product, String url, @Nullable String alt) {
		return addFromUrl(store, product, url, alt, null);
	}

	/** As {@link #addFromUrl(StoreId, ProductId, String, String)}, at a position (1 = first) or at the end. */
	public Media addFromUrl(StoreId store, ProductId product, String url, @Nullable String alt,
			@Nullable Integer position) {
		String text = clean(alt);
		String problem = RemoteImages.problemWith(url);
		if (problem != null) {
			throw BusinessRuleViolation.ofField("INVALID_IMAGE_URL", "url", "'" + url + "' " + problem);
		}
		UUID id = UUID.randomUUID();
		Media added = transactions.execute(status -> {
			requireProduct(store, product, true);
			media.insert(store, id, product, media.nextPosition(store, product), text, url.strip(), null, null, null,
					null, Media.Status.PENDING, now());
			if (position != null) {
				move(store, product, id, position);
			}
			auditLog.record(store, "media.added", "product", product.toString(), "Added image " + id + " from " + url);
			events.publishEvent(new ProductChanged(store, product));
			return media.find(store, id).orElseThrow();
		});
		afterCommit(() -> fetchLater(store, id));
		return added;
	}

	/** Changes the alt text and/or moves the image to a position (1 = first); the others close up around it. */
	public Media update(StoreId store, ProductId product, UUID id, @Nullable String alt, @Nullable Integer position) {
		return transactions.execute(status -> {
			requireProduct(store, product, true);
			Media current = requireMedia(store, product, id);
			if (alt != null && !clean(alt).equals(current.alt())) {
				media.setAlt(store, id, clean(alt));
			}
			if (position != null) {
				if (position < 1) {
					throw BusinessRuleViolation.ofField("VALIDATION_FAILED", "position", "must be 1 or more");
				}
				move(store, product, id, position);
			}
			auditLog.record(store, "media.updated", "product", product.toString(), "Changed image " + id);
			events.publishEvent(new ProductChanged(store, product));
			return media.find(store, id).orElseThrow();
		});
	}

	public void delete(StoreId store, ProductId product, UUID id) {
		Media deleted = transactions.execute(status -> {
			requireProduct(store, product, true);
			Media current = requireMedia(store, product, id);
			media.delete(store, id);
			media.reorder(store, media.of(store, product).stream().map(Media::id).toList());
			auditLog.record(store, "media.deleted", "product", product.toString(), "Deleted image " + id);
			events.publishEvent(new ProductChanged(store, product));
			return current;
		});
		deleteFiles(store, deleted);
	}

	/**
	 * Tries a FAILED download again (the site was down, the URL is fixed now): the image is PENDING again and
	 * fetched after the surrounding transaction commits. Only a FAILED image can be retried.
	 */
	public Media retry(StoreId store, ProductId product, UUID id) {
		Media failed = requireMedia(store, product, id);
		if (!media.markPendingAgain(store, id)) {
			throw new BusinessRuleViolation("MEDIA_NOT_FAILED", 409,
					"Only a failed download can be retried; this image is " + failed.status().name().toLowerCase(java.util.Locale.ROOT));
		}
		afterCommit(() -> fetchLater(store, id));
		return requireMedia(store, product, id);
	}

	/** Removes every stored file of a deleted product. */
	public void deleteFilesOf(StoreId store, ProductId product) {
		storage.deleteAll(store, product.toString());
	}

	/** Downloads that a crash or restart interrupted are tried again once the application is up. */
	@EventListener(ApplicationReadyEvent.class)
	void retryPendingDownloads() {
		try {
			media.pending(10_000).forEach(pending -> fetchLater(pending.getKey(), pending.getValue()));
		}
		catch (RuntimeException ex) {
			log.warn("Could not look for pending image downloads: {}", ex.getMessage());
		}
	}

	void fetchLater(StoreId store, UUID id) {
		fetchers.execute(() -> {
			try {
				fetchSlots.acquire();
				try {
					fetch(store, id);
				}
				finally {
					fetchSlots.release();
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			catch (RuntimeException ex) {
				log.warn("Fetching image {} of store {} failed unexpectedly", id, store, ex);
			}
		});
	}

	/** Downloads, checks and stores one PENDING image; any problem marks it FAILED with the reason. */
	void fetch(StoreId store, UUID id) {
		Media pending = media.find(store, id).filter(m -> m.status() == Media.Status.PENDING).orElse(null);
		if (pending == null || pending.sourceUrl() == null) {
			return;
		}
		Images.Processed image;
		byte[] content;
		try {
			content = remote.fetch(pending.sourceUrl());
			image = Images.process(content);
		}
		catch (RemoteImages.FetchFailed ex) {
			fail(store, pending, ex.getMessage());
			return;
		}
		catch (BusinessRuleViolation ex) {
			fail(store, pending, "The downloaded file was refused: " + ex.getMessage());
			return;
		}
		ProductId product = pending.productId();
		String key = MediaKeys.original(product, id, image.contentType());
		try {
			storage.put(store, key, content);
			image.thumbnails().forEach((width, bytes) -> storage.put(store,
					MediaKeys.thumbnail(product, id, width, image.contentType()), bytes));
		}
		catch (RuntimeException ex) {
			log.warn("Could not store fetched image {}", id, ex);
			fail(store, pending, "The image was downloaded but could not be stored.");
			return;
		}
		Boolean stored = transactions.execute(status -> {
			boolean updated = media.markStored(store, id, key, image.contentType(), image.width(), image.height());
			if (updated) {
				events.publishEvent(new ProductChanged(store, product));
			}
			return updated;
		});
		if (!Boolean.TRUE.equals(stored)) {
			storage.delete(store, key); // deleted while we were downloading
			image.thumbnails().keySet().forEach(width -> storage.delete(store,
					MediaKeys.thumbnail(product, id, width, image.contentType())));
		}
	}

	private void fail(StoreId store, Media pending, String reason) {
		log.info("Image {} of product {} not fetched from {}: {}", pending.id(), pending.productId(), pending.sourceUrl(),
				reason);
		transactions.executeWithoutResult(status -> media.markFailed(store, pending.id(), reason));
	}

	private void move(StoreId store, ProductId product, UUID id, int position) {
		List<UUID> order = new ArrayList<>(media.of(store, product).stream().map(Media::id).toList());
		order.remove(id);
		order.add(Math.min(position, order.size() + 1) - 1, id);
		media.reorder(store, order);
	}

	private void requireProduct(StoreId store, ProductId product, boolean lock) {
		boolean exists = lock ? media.lockProduct(store, product) : media.productExists(store, product);
		if (!exists) {
			throw new ResourceNotFound("Product", product.toString());
		}
	}

	private Media requireMedia(StoreId store, ProductId product, UUID id) {
		return media.find(store, id).filter(m -> m.productId().equals(product))
			.orElseThrow(() -> new ResourceNotFound("Media", id.toString()));
	}

	private void deleteFiles(StoreId store, Media deleted) {
		if (deleted.status() != Media.Status.STORED || deleted.contentType() == null) {
			return;
		}
		storage.delete(store, MediaKeys.original(deleted.productId(), deleted.id(), deleted.contentType()));
		for (int width : Images.THUMBNAIL_WIDTHS) {
			storage.delete(store, MediaKeys.thumbnail(deleted.productId(), deleted.id(), width, deleted.contentType()));
		}
	}

	private static void afterCommit(Runnable action) {
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					action.run();
				}
			});
		}
		else {
			action.run();
		}
	}

	private static String clean(@Nullable String alt) {
		if (alt == null) {
			return "";
		}
		String stripped = alt.strip();
		if (stripped.length() > 512) {
			throw BusinessRuleViolation.ofField("VALIDATION_FAILED", "alt", "must be at most 512 characters");
		}
		return stripped;
	}

	private static Instant now() {
		return Instant.now().truncatedTo(ChronoUnit.MICROS);
	}

	@Override
	public void destroy() {
		fetchers.shutdownNow();
	}
}
