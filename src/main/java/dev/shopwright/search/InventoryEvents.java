package dev.shopwright.search;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import dev.shopwright.inventory.InventoryManagement;
import dev.shopwright.inventory.events.StockLevelChanged;
import dev.shopwright.search.domain.ProductDocuments;
import dev.shopwright.search.domain.VariantStock;
import dev.shopwright.search.events.ProductAvailabilityChanged;
import dev.shopwright.shared.StoreId;

/**
 * Keeps availability current from inventory (ADR 0023), coalescing bursts. Every stock change publishes a
 * {@link StockLevelChanged} (OutOfStock and BackInStock come with one in the same transaction, so they add
 * nothing here); the listener only notes the SKU. Every 250 ms the worker takes the noted SKUs, reads their
 * current units from inventory in one query, and rewrites a product's document (and so every node's index)
 * only when its availability flipped: a checkout rush of a hundred sales of one SKU is one read and at most one
 * document change. Reading the current figure instead of the event's ({@code availableOnline}, already old when
 * a later change is queued behind it) also makes the order in which events arrive irrelevant.
 */
@Component
class InventoryEvents {

	private static final Logger log = LoggerFactory.getLogger(InventoryEvents.class);

	private static final int BATCH = 1_000;

	private final VariantStock variantStock;

	private final ProductDocuments documents;

	private final InventoryManagement inventory;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate transaction;

	InventoryEvents(VariantStock variantStock, ProductDocuments documents, InventoryManagement inventory,
			ApplicationEventPublisher events, TransactionTemplate transaction) {
		this.variantStock = variantStock;
		this.documents = documents;
		this.inventory = inventory;
		this.events = events;
		this.transaction = transaction;
	}

	@ApplicationModuleListener
	void on(StockLevelChanged event) {
		variantStock.stockChanged(event.storeId(), event.sku());
	}

	/** Applies the noted stock changes; returns how many SKUs were read. */
	@Scheduled(fixedDelayString = "${shopwright.search.stock-interval:PT0.25S}", initialDelayString = "PT1S")
	public int applyStockChanges() {
		int read = 0;
		int taken;
		do {
			Integer applied = transaction.execute(status -> {
				Map<StoreId, List<String>> changed = variantStock.takeStockChanges(BATCH);
				changed.forEach(this::apply);
				return changed.values().stream().mapToInt(List::size).sum();
			});
			taken = applied == null ? 0 : applied;
			read += taken;
		}
		while (taken == BATCH);
		if (read > 0) {
			log.debug("Availability: {} SKUs read from inventory", read);
		}
		return read;
	}

	private void apply(StoreId store, List<String> skus) {
		Map<String, Integer> available = inventory.availableOnline(store, skus);
		Set<UUID> flipped = new LinkedHashSet<>();
		for (VariantStock.Update update : variantStock.setAvailable(store, skus, available)) {
			if (update.before() != update.after()) {
				flipped.add(update.productId());
			}
		}
		if (flipped.isEmpty()) {
			return;
		}
		variantStock.inStock(store, flipped).forEach((product, inStock) -> documents.setInStock(store, product, inStock));
		flipped.forEach(product -> events.publishEvent(new ProductAvailabilityChanged(store, product)));
	}
}
