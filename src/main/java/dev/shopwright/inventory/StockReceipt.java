package dev.shopwright.inventory;

import org.jspecify.annotations.Nullable;

import dev.shopwright.shared.Money;

/**
 * Units arriving at a location (from a supplier, a transfer or a return), optionally into a bin and at a unit
 * cost that feeds the weighted average cost. {@code fromIncoming} lowers the incoming figure by the same amount
 * (they were on a purchase order). {@code sourceType}/{@code sourceId} name the record behind it.
 */
public record StockReceipt(String sku, @Nullable LocationId locationId, @Nullable String binCode, int quantity,
		@Nullable Money unitCost, boolean fromIncoming, MovementReason reason, @Nullable String sourceType,
		@Nullable String sourceId, @Nullable String note) {

	public static StockReceipt of(String sku, int quantity, @Nullable Money unitCost) {
		return new StockReceipt(sku, null, null, quantity, unitCost, false, MovementReason.RECEIVED, null, null, null);
	}
}
