package dev.shopwright.inventory;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

import dev.shopwright.shared.Money;

/** One row of the ledger: what changed, why, who did it, and the record that caused it. */
public record StockMovement(long id, String sku, LocationId locationId, @Nullable String binCode,
		MovementReason reason, int onHandDelta, int reservedDelta, int committedDelta, int incomingDelta, @Nullable Money unitCost,
		@Nullable String sourceType, @Nullable String sourceId, @Nullable String note, String actorName,
		Instant createdAt) {
}
