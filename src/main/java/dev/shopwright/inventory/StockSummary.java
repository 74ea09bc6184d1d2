package dev.shopwright.inventory;

import com.fasterxml.jackson.annotation.JsonProperty;

import org.jspecify.annotations.Nullable;

/** One line of the stock overview: a SKU's totals (at one location when the overview is filtered by one). */
public record StockSummary(String sku, String title, int onHand, int reserved, int committed, int available, int availableOnline,
		int incoming, @Nullable Integer reorderPoint) {

	/** Out of stock: nothing left to sell online. */
	@JsonProperty
	public boolean out() {
		return availableOnline <= 0;
	}

	/** Low: at or below the reorder point but not out. */
	@JsonProperty
	public boolean low() {
		return reorderPoint != null && availableOnline > 0 && availableOnline <= reorderPoint;
	}

	public enum Filter {
		ALL, LOW, OUT
	}
}
