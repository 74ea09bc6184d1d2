package dev.shopwright.search;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import dev.shopwright.catalog.CatalogManagement;
import dev.shopwright.catalog.ProductListing;
import dev.shopwright.stores.Store;
import dev.shopwright.stores.StoreManagement;

/**
 * After the stores and demo catalog exist: a store whose index is empty while it has products (a fresh index
 * on an existing catalog, or an upgrade) is indexed whole, and this node's Lucene index has caught up, so
 * search works from the first request.
 */
@Component
@Order(100)
class SearchStartup implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(SearchStartup.class);

	private final StoreManagement stores;

	private final CatalogManagement catalog;

	private final SearchIndexer indexer;

	private final SearchIndexFeed feed;

	SearchStartup(StoreManagement stores, CatalogManagement catalog, SearchIndexer indexer, SearchIndexFeed feed) {
		this.feed = feed;
		this.stores = stores;
		this.catalog = catalog;
		this.indexer = indexer;
	}

	@Override
	public void run(ApplicationArguments args) {
		for (Store store : stores.all()) {
			if (indexer.indexed(store.id()) == 0 && !catalog.list(store.id(), ProductListing.all(), null, 1).items().isEmpty()) {
				log.info("Search index of store {} is empty; building it", store.handle());
				indexer.reindexAll(store.id());
			}
		}
		feed.catchUp();
	}
}
