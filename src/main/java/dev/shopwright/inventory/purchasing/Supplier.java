package dev.shopwright.inventory.purchasing;

import java.time.Instant;
import java.util.Currency;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import dev.shopwright.shared.Money;

/**
 * A company we buy from. Its lead time becomes the lead time of the SKUs it is the primary supplier of; its minimum
 * order (an amount, a number of units or both) and pack size shape the reorder suggestions.
 */
public record Supplier(UUID id, String name, @Nullable String email, @Nullable String phone, Currency currency,
		int leadTimeDays, @Nullable Money minimumOrderAmount, @Nullable Integer minimumOrderUnits, int packSize,
		@Nullable String notes, Instant createdAt, Instant updatedAt) {
}
