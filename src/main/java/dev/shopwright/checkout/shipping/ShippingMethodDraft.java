package dev.shopwright.checkout.shipping;

import java.util.List;

import org.jspecify.annotations.Nullable;

import dev.shopwright.shared.Money;

/** A shipping method as staff enter it; the price is in the store currency. */
public record ShippingMethodDraft(String name, ShippingMethodKind kind, @Nullable Money price, @Nullable Money freeOver,
		List<ShippingTier> tiers, int minDays, int maxDays, @Nullable String taxClass) {

	public ShippingMethodDraft {
		tiers = List.copyOf(tiers);
	}
}
