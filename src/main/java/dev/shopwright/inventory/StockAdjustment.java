package dev.shopwright.inventory;

import org.jspecify.annotations.Nullable;

/**
 * A manual change of on hand: by {@code delta} or to an absolute {@code set} value (exactly one of them); at the
 * store's default location when {@code locationId} is null.
 */
public record StockAdjustment(String sku, @Nullable LocationId locationId, @Nullable Integer delta,
		@Nullable Integer set, MovementReason reason, @Nullable String note) {

	public static StockAdjustment by(String sku, int delta) {
		return new StockAdjustment(sku, null, delta, null, MovementReason.ADJUSTED, null);
	}

	public static StockAdjustment to(String sku, int set) {
		return new StockAdjustment(sku, null, null, set, MovementReason.ADJUSTED, null);
	}
}
