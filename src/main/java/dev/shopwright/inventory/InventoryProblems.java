package dev.shopwright.inventory;

import java.util.Map;

import dev.shopwright.platform.BusinessRuleViolation;

/** The named rules of the inventory module, each with its stable problem code. */
public final class InventoryProblems {

	private InventoryProblems() {
	}

	public static BusinessRuleViolation unknownSku(String sku) {
		return BusinessRuleViolation.ofField("UNKNOWN_SKU", "sku", "No variant with SKU '%s' exists in this store".formatted(sku));
	}

	public static BusinessRuleViolation unknownLocation(String locationId) {
		return BusinessRuleViolation.ofField("UNKNOWN_LOCATION", "locationId", "Location %s does not exist in this store".formatted(locationId));
	}

	public static BusinessRuleViolation invalidQuantity(String field, String detail) {
		return BusinessRuleViolation.ofField("INVALID_QUANTITY", field, detail);
	}

	public static BusinessRuleViolation stockWouldGoNegative(String sku, int onHand, int change) {
		return new BusinessRuleViolation("STOCK_WOULD_GO_NEGATIVE", 409,
				"SKU %s has %d on hand; a change of %d would leave less than nothing".formatted(sku, onHand, change),
				Map.of());
	}

	public static BusinessRuleViolation currencyMismatch(String sku, String expected, String given) {
		return BusinessRuleViolation.ofField("COST_CURRENCY_MISMATCH", "unitCost",
				"SKU %s is valued in %s; a cost in %s cannot be averaged into it".formatted(sku, expected, given));
	}
}
