package dev.shopwright.search;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import dev.shopwright.catalog.CatalogManagement;
import dev.shopwright.orders.events.OrderCancelled;
import dev.shopwright.orders.events.OrderPlaced;
import dev.shopwright.search.domain.ProductDocuments;
import dev.shopwright.search.domain.ProductSales;
import dev.shopwright.search.domain.VariantStock;
import dev.shopwright.shared.StoreId;

/**
 * Units sold per product for the best-selling sort (ADR 0023), from the orders module's events: an order adds its
 * lines' units, a cancellation takes them out again. Only the ordered products' documents are rewritten; once an
 * hour the window ({@value #WINDOW_DAYS} days) moves on and the products whose count changed are rewritten.
 */
@Component
class SalesEvents {

	static final int WINDOW_DAYS = 90;

	private final ProductSales sales;

	private final ProductDocuments documents;

	private final VariantStock variantStock;

	private final CatalogManagement catalog;

	SalesEvents(ProductSales sales, ProductDocuments documents, VariantStock variantStock, CatalogManagement catalog) {
		this.sales = sales;
		this.documents = documents;
		this.variantStock = variantStock;
		this.catalog = catalog;
	}

	static LocalDate windowStart() {
		return LocalDate.now(ZoneOffset.UTC).minusDays(WINDOW_DAYS - 1);
	}

	@ApplicationModuleListener
	void on(OrderPlaced event) {
		record(event.storeId(), event.orderId().value(), event.lines().stream()
			.map(l -> Map.entry(l.sku(), l.quantity())).toList(), event.placedAt().atZone(ZoneOffset.UTC).toLocalDate());
	}

	@ApplicationModuleListener
	void on(OrderCancelled event) {
		List<UUID> products = sales.cancel(event.storeId(), event.orderId().value());
		if (!products.isEmpty()) {
			documents.recountUnitsSold(event.storeId(), products, windowStart());
		}
	}

	/** An order's units per SKU, counted for the SKUs' products. */
	void record(StoreId store, UUID order, List<Map.Entry<String, Integer>> unitsBySku, LocalDate soldOn) {
		List<String> skus = unitsBySku.stream().map(Map.Entry::getKey).distinct().toList();
		Map<String, UUID> products = new LinkedHashMap<>(variantStock.productsOf(store, skus));
		for (String sku : skus) {
			if (!products.containsKey(sku)) { // not indexed yet (a product created moments ago): ask the catalog
				catalog.findBySku(store, sku).ifPresent(p -> products.put(sku, p.id().value()));
			}
		}
		Map<UUID, Integer> units = new LinkedHashMap<>();
		unitsBySku.forEach(line -> {
			UUID product = products.get(line.getKey());
			if (product != null) {
				units.merge(product, line.getValue(), Integer::sum);
			}
		});
		if (!units.isEmpty()) {
			sales.record(store, order, units, soldOn);
			documents.recountUnitsSold(store, new ArrayList<>(units.keySet()), windowStart());
		}
	}

	/** Sales older than the window stop counting. */
	@Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT1M")
	@Transactional
	public void moveWindow() {
		documents.recountUnitsSold(null, null, windowStart());
	}
}
