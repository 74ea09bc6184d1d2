package dev.shopwright.search;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import dev.shopwright.catalog.CatalogManagement;
import dev.shopwright.catalog.events.CategoryChanged;
import dev.shopwright.catalog.events.CollectionChanged;
import dev.shopwright.catalog.events.ProductChanged;
import dev.shopwright.catalog.events.ProductDeleted;
import dev.shopwright.catalog.events.ProductsImported;
import dev.shopwright.platform.PlannerStatistics;
import dev.shopwright.search.domain.ProductDocuments;

/**
 * Keeps the search index current. Listeners run after the catalog's transaction commits, from the event
 * outbox, so a crash between the change and the reindex is retried on restart rather than lost.
 */
@Component
class CatalogEvents {

	private final SearchIndexer indexer;

	private final CatalogManagement catalog;

	private final ProductDocuments documents;

	private final PlannerStatistics statistics;

	CatalogEvents(SearchIndexer indexer, CatalogManagement catalog, ProductDocuments documents,
			PlannerStatistics statistics) {
		this.indexer = indexer;
		this.catalog = catalog;
		this.documents = documents;
		this.statistics = statistics;
	}

	@ApplicationModuleListener
	void on(ProductChanged event) {
		indexer.reindex(event.storeId(), List.of(event.productId().value()));
	}

	/** An import batch: one catalog read, one document batch and one index update for all its products. */
	@ApplicationModuleListener
	void on(ProductsImported event) {
		indexer.reindex(event.storeId(), event.productIds());
		// tables without statistics, or that outgrew them: a fresh database (PlannerStatistics)
		statistics.gatherWhereMissing("search.product_document", "search.document_change");
	}

	@ApplicationModuleListener
	void on(ProductDeleted event) {
		indexer.remove(event.storeId(), event.productId().value());
	}

	/** Members before (as indexed) and after (as the catalog says now) both change their collection list. */
	@ApplicationModuleListener
	void on(CollectionChanged event) {
		List<UUID> now = new ArrayList<>();
		if (catalog.findCollection(event.storeId(), event.collectionId()).isPresent()) {
			String cursor = null;
			do {
				var page = catalog.collectionProductIds(event.storeId(), event.collectionId(), cursor, 500);
				now.addAll(page.items());
				cursor = page.nextCursor();
			}
			while (cursor != null);
		}
		indexer.reindex(event.storeId(), indexer.union(documents.inCollection(event.storeId(), event.collectionId()), now));
	}

	/** A moved or renamed category changes the ancestor list of every product below it. */
	@ApplicationModuleListener
	void on(CategoryChanged event) {
		List<UUID> now = catalog.findCategory(event.storeId(), event.categoryId()).isPresent()
				? catalog.productIdsInCategory(event.storeId(), event.categoryId()) : List.of();
		indexer.reindex(event.storeId(), indexer.union(documents.inCategory(event.storeId(), event.categoryId()), now));
	}
}
