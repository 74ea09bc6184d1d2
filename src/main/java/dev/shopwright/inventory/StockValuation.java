package dev.shopwright.inventory;

import java.util.List;

import dev.shopwright.shared.Money;

/**
 * What the stock on hand is worth at weighted average cost: a total per location and cost currency, and the SKUs
 * worth the most. Units on hand that were never costed are counted, not valued.
 */
public record StockValuation(List<LocationValue> locations, List<Money> totals, List<SkuValue> skus,
		int uncostedUnits) {

	public record LocationValue(LocationId locationId, String locationName, int units, Money value) {
	}

	public record SkuValue(String sku, String title, LocationId locationId, String locationName, int onHand,
			Money averageCost, Money value) {
	}
}
