package dev.shopwright.checkout.shipping;

import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import dev.shopwright.shared.Money;

/**
 * A way to ship within a zone, priced in the store currency: {@code price} for flat, free-over and pickup
 * methods, {@code tiers} for tiered ones; {@code minDays}–{@code maxDays} business days to deliver.
 */
public record ShippingMethod(UUID id, UUID zoneId, String name, ShippingMethodKind kind, Money price,
		@Nullable Money freeOver, List<ShippingTier> tiers, int minDays, int maxDays, @Nullable String taxClass) {

	public ShippingMethod {
		tiers = List.copyOf(tiers);
	}
}
