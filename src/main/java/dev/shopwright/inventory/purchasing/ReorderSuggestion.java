package dev.shopwright.inventory.purchasing;

import java.util.Currency;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import dev.shopwright.shared.Money;

/**
 * What to order from one supplier now: its SKUs whose available plus incoming units are at or below their reorder
 * point, each topped up to its order-up-to level in whole packs, and the whole order raised to the supplier's minimum.
 */
public record ReorderSuggestion(UUID supplierId, String supplierName, Currency currency,
		@Nullable Money minimumOrderAmount, @Nullable Integer minimumOrderUnits, List<Line> lines, int units,
		Money total) {

	/**
	 * {@code needed} = order-up-to − (available + incoming); {@code quantity} is that in whole packs, possibly more to
	 * reach the supplier's minimum.
	 */
	public record Line(String sku, String title, int availableOnline, int incoming, int reorderPoint, int orderUpTo,
			int needed, int packSize, int quantity, Money unitCost, Money total) {
	}
}
