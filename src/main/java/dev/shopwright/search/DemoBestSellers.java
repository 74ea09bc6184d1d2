package dev.shopwright.search;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import dev.shopwright.catalog.CatalogManagement;
import dev.shopwright.catalog.Product;
import dev.shopwright.catalog.ProductListing;
import dev.shopwright.search.domain.ProductDocuments;
import dev.shopwright.search.domain.ProductSales;
import dev.shopwright.stores.Store;
import dev.shopwright.stores.StoreManagement;

/**
 * Until real orders come in, gives the demo store's products {@value SalesEvents#WINDOW_DAYS} days of sales so that
 * the best-selling sort shows something plausible on the first start: one weekly "order" per product with units
 * drawn from a rate per product (seeded by its handle, so the same on every start; a few best sellers, a long
 * tail, some products that never sold). Runs once, when the store has no sales rows yet; real orders then add to it.
 */
@Component
@Order(110) // after SearchStartup: the products' documents exist
class DemoBestSellers implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoBestSellers.class);

	private final StoreManagement stores;

	private final CatalogManagement catalog;

	private final ProductSales sales;

	private final ProductDocuments documents;

	private final TransactionTemplate transaction;

	private final boolean demo;

	DemoBestSellers(StoreManagement stores, CatalogManagement catalog, ProductSales sales, ProductDocuments documents,
			TransactionTemplate transaction, @Value("${shopwright.demo.enabled:true}") boolean demo) {
		this.stores = stores;
		this.catalog = catalog;
		this.sales = sales;
		this.documents = documents;
		this.transaction = transaction;
		this.demo = demo;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!demo && !args.containsOption("demo")) {
			return;
		}
		Store store = stores.findByReference("demo").orElse(null);
		if (store == null) {
			return;
		}
		transaction.executeWithoutResult(status -> {
			if (sales.any(store.id())) {
				return;
			}
			LocalDate today = LocalDate.now(ZoneOffset.UTC);
			int products = 0;
			String cursor = null;
			do {
				var page = catalog.list(store.id(), ProductListing.all(), cursor, 200);
				for (Product product : page.items()) {
					SplittableRandom random = new SplittableRandom(product.handle().hashCode());
					// Pareto-like weekly rate: most products sell a unit or two a week, a few dozens
					double rate = random.nextInt(10) == 0 ? 0 : Math.min(60, 0.5 / Math.pow(1 - random.nextDouble(), 1.2));
					for (int week = 0; week < SalesEvents.WINDOW_DAYS / 7; week++) {
						int units = (int) Math.round(rate * (0.6 + 0.8 * random.nextDouble()));
						if (units > 0) {
							UUID order = UUID.nameUUIDFromBytes(("demo-sales/" + product.id() + "/" + week).getBytes());
							sales.record(store.id(), order, Map.of(product.id().value(), units), today.minusDays(7L * week + 1));
						}
					}
					products++;
				}
				cursor = page.nextCursor();
			}
			while (cursor != null);
			int counted = documents.recountUnitsSold(store.id(), null, SalesEvents.windowStart());
			log.info("Demo sales for best-selling: {} products, {} with sales", products, counted);
		});
	}
}
