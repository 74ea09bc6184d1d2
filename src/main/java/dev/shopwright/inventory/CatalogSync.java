package dev.shopwright.inventory;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import dev.shopwright.catalog.CatalogManagement;
import dev.shopwright.catalog.events.ProductChanged;
import dev.shopwright.catalog.events.ProductDeleted;
import dev.shopwright.catalog.events.ProductsImported;
import dev.shopwright.inventory.domain.Items;
import dev.shopwright.platform.PlannerStatistics;

/** Keeps the mirror of SKUs, their titles and inventory policies in line with the catalog. */
@Component
class CatalogSync {

	private final CatalogManagement catalog;

	private final Items items;

	private final PlannerStatistics statistics;

	CatalogSync(CatalogManagement catalog, Items items, PlannerStatistics statistics) {
		this.catalog = catalog;
		this.items = items;
		this.statistics = statistics;
	}

	@ApplicationModuleListener
	void on(ProductChanged event) {
		catalog.find(event.storeId(), event.productId())
			.ifPresentOrElse(product -> items.sync(event.storeId(), product),
					() -> items.markProductDeleted(event.storeId(), event.productId().value()));
	}

	/** An import batch: the variants come with the event, so nothing is read back from the catalog. */
	@ApplicationModuleListener
	void on(ProductsImported event) {
		items.sync(event.storeId(), event);
		statistics.gatherWhereMissing("inventory.item"); // none yet, or outgrown: a fresh database (PlannerStatistics)
	}

	@ApplicationModuleListener
	void on(ProductDeleted event) {
		items.markProductDeleted(event.storeId(), event.productId().value());
	}
}
