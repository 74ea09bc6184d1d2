package dev.shopwright.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import dev.shopwright.search.domain.ProductDocuments;
import dev.shopwright.search.domain.SearchIndex;

/**
 * Keeps this node's Lucene index current by tailing {@code search.document_change} (ADR 0009). Every node
 * does so on its own, so all nodes see every change whichever node wrote it. The watermark and the origin
 * database are recorded in the index's commits; an index that is missing, unreadable or from another
 * database is rebuilt from the table.
 */
@Component
class SearchIndexFeed implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(SearchIndexFeed.class);

	private static final String WATERMARK = "watermark", ORIGIN = "origin", FORMAT = "format";

	/** Bumped whenever documents are indexed differently: an index in another format is rebuilt. */
	private static final String CURRENT_FORMAT = "2";

	private static final long POLL_MILLIS = 200, COMMIT_MILLIS = 5_000;

	/**
	 * The feed's polls make applied changes searchable at most this often: each refresh flushes a segment and opens a
	 * new reader, and during a checkout rush (every order changes its product's sales and stock) back-to-back
	 * refreshes took a sixth of the application's CPU. A change after a quiet spell is still searchable at once.
	 */
	private static final long REFRESH_SPACING_NANOS = TimeUnit.MILLISECONDS.toNanos(500);

	private final ProductDocuments documents;

	private final TransactionTemplate snapshot;

	private final Path directory;

	private final boolean temporary;

	private @Nullable SearchIndex index;

	private @Nullable Path temporaryPath;

	private volatile @Nullable ScheduledExecutorService poller;

	private String origin = "";

	/** Changes at or above this transaction id may still be unseen. */
	private long watermark;

	/** Changes already applied whose transaction is not yet below the watermark (they are read again). */
	private final Map<String, Long> appliedAboveWatermark = new HashMap<>();

	private boolean uncommitted;

	/** Changes applied to the writer but not yet visible to searches. */
	private boolean unrefreshed;

	private long lastCommit = System.nanoTime();

	private volatile long lastRefresh = System.nanoTime() - REFRESH_SPACING_NANOS;

	SearchIndexFeed(ProductDocuments documents, PlatformTransactionManager transactions,
			@Value("${shopwright.search.directory:${shopwright.home}/search}") Path directory,
			@Value("${shopwright.search.temporary-index:false}") boolean temporary) {
		this.documents = documents;
		this.snapshot = new TransactionTemplate(transactions);
		this.snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
		this.snapshot.setReadOnly(true);
		this.directory = directory;
		this.temporary = temporary;
	}

	SearchIndex index() {
		SearchIndex current = index;
		if (current == null) {
			throw new IllegalStateException("the search index is not open");
		}
		return current;
	}

	@Override
	public synchronized void start() {
		try {
			Path path = temporary ? Files.createTempDirectory("shopwright-search") : directory;
			temporaryPath = temporary ? path : null;
			origin = documents.origin().toString();
			SearchIndex opened;
			try {
				opened = new SearchIndex(path);
			}
			catch (IOException | RuntimeException ex) {
				log.warn("Search index in {} is unreadable ({}); rebuilding it from the database", path, ex.toString());
				opened = SearchIndex.recreate(path);
			}
			Map<String, String> committed = opened.committedData();
			if (origin.equals(committed.get(ORIGIN)) && CURRENT_FORMAT.equals(committed.get(FORMAT))) {
				watermark = Long.parseLong(committed.get(WATERMARK));
			}
			else {
				log.info("Search index in {} is empty, from another database or in an older format; building it from the database",
						path);
				opened.clear();
				watermark = 0;
			}
			index = opened;
			long started = System.nanoTime();
			catchUp();
			commit();
			log.info("Search index in {} caught up in {} ms", path, (System.nanoTime() - started) / 1_000_000);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		ScheduledExecutorService started = Executors
			.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("search-index-feed").daemon().factory());
		started.scheduleWithFixedDelay(this::poll, POLL_MILLIS, POLL_MILLIS, TimeUnit.MILLISECONDS);
		poller = started;
		// a change committed through this node is applied at once; the poll catches the other nodes' changes
		documents.onCommittedChange(wake);
	}

	/** One extra poll at a time, however many changes commit meanwhile; no sooner than the refresh spacing allows. */
	private final AtomicBoolean wakeQueued = new AtomicBoolean();

	private final Runnable wake = () -> {
		ScheduledExecutorService current = poller;
		if (current != null && wakeQueued.compareAndSet(false, true)) {
			try {
				long wait = lastRefresh + REFRESH_SPACING_NANOS - System.nanoTime();
				if (wait > 0) {
					current.schedule(this::poll, wait, TimeUnit.NANOSECONDS);
				}
				else {
					current.execute(this::poll);
				}
			}
			catch (RejectedExecutionException stopping) {
				wakeQueued.set(false);
			}
		}
	};

	private void poll() {
		wakeQueued.set(false);
		try {
			applyAndRefreshWhenDue();
			if (uncommitted && System.nanoTime() - lastCommit > TimeUnit.MILLISECONDS.toNanos(COMMIT_MILLIS)) {
				commit();
			}
		}
		catch (RuntimeException | IOException ex) {
			// the next poll retries from the same watermark
			log.warn("Search index feed failed; retrying", ex);
		}
	}

	/**
	 * Applies every change this node has not seen yet and makes it searchable; returns when done. Changes
	 * committed while this runs are picked up by the next call.
	 */
	synchronized void catchUp() {
		apply();
		if (unrefreshed) {
			refresh();
		}
	}

	private synchronized void applyAndRefreshWhenDue() {
		apply();
		if (unrefreshed && System.nanoTime() - lastRefresh >= REFRESH_SPACING_NANOS) {
			refresh();
		}
	}

	/** Applies every change this node has not seen yet to the index writer (searchable after the next refresh). */
	private synchronized void apply() {
		SearchIndex target = index();
		long[] applied = { 0 };
		Long xmin = snapshot.execute(tx -> {
			long snapshotXmin = documents.snapshotXmin();
			documents.changesSince(watermark, change -> {
				String key = change.store().value() + "/" + change.productId();
				if (Long.valueOf(change.changedBy()).equals(appliedAboveWatermark.get(key))) {
					return;
				}
				try {
					target.put(change.store(), change.productId(), change.document());
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
				appliedAboveWatermark.put(key, change.changedBy());
				applied[0]++;
			});
			return snapshotXmin;
		});
		if (xmin != null && xmin > watermark) {
			watermark = xmin;
			appliedAboveWatermark.values().removeIf(changedBy -> changedBy < xmin);
		}
		if (applied[0] > 0) {
			uncommitted = true;
			unrefreshed = true;
		}
	}

	private synchronized void refresh() {
		try {
			index().refresh();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		unrefreshed = false;
		lastRefresh = System.nanoTime();
	}

	private synchronized void commit() throws IOException {
		index().commit(Map.of(ORIGIN, origin, FORMAT, CURRENT_FORMAT, WATERMARK, Long.toString(watermark)));
		uncommitted = false;
		lastCommit = System.nanoTime();
	}

	@Override
	public synchronized void stop() {
		documents.removeCommittedChangeListener(wake);
		if (poller != null) {
			poller.shutdownNow();
			poller = null;
		}
		if (index != null) {
			try {
				commit();
				index.close();
			}
			catch (IOException ex) {
				log.warn("Closing the search index failed", ex);
			}
			index = null;
		}
		if (temporaryPath != null) {
			try (var files = Files.walk(temporaryPath)) {
				files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
			}
			catch (IOException ex) {
				log.warn("Could not delete the temporary search index {}", temporaryPath, ex);
			}
		}
	}

	@Override
	public synchronized boolean isRunning() {
		return index != null;
	}

	/** Before the web server starts taking requests (the database is migrated by then). */
	@Override
	public int getPhase() {
		return SmartLifecycle.DEFAULT_PHASE - 4096;
	}
}
