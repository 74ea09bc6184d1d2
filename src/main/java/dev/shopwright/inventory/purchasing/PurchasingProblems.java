package dev.shopwright.inventory.purchasing;

import java.util.Map;

import dev.shopwright.platform.BusinessRuleViolation;

/** The named rules of purchasing, each with its stable problem code. */
final class PurchasingProblems {

	private PurchasingProblems() {
	}

	static BusinessRuleViolation supplierNameTaken(String name) {
		return new BusinessRuleViolation("SUPPLIER_NAME_TAKEN", 409, "A supplier named '%s' already exists".formatted(name),
				Map.of("name", "is already used by another supplier"));
	}

	static BusinessRuleViolation unknownSupplier(String id) {
		return BusinessRuleViolation.ofField("UNKNOWN_SUPPLIER", "supplierId", "Supplier %s does not exist in this store".formatted(id));
	}

	static BusinessRuleViolation supplierInUse(String name) {
		return new BusinessRuleViolation("SUPPLIER_IN_USE", 409,
				"Supplier '%s' has purchase orders; it cannot be deleted".formatted(name));
	}

	static BusinessRuleViolation invalidPhone(String phone) {
		return BusinessRuleViolation.ofField("INVALID_PHONE", "phone",
				"'%s' is not a phone number (give it with its country code, e.g. +49 30 1234567)".formatted(phone));
	}

	static BusinessRuleViolation invalidCurrency(String code) {
		return BusinessRuleViolation.ofField("INVALID_CURRENCY", "currency", "'%s' is not an ISO 4217 currency code".formatted(code));
	}

	static BusinessRuleViolation tooPrecise(String field, String currency) {
		return BusinessRuleViolation.ofField("INVALID_AMOUNT", field, "has more decimal places than %s allows".formatted(currency));
	}

	static BusinessRuleViolation wrongStatus(PurchaseOrder order, String action, String required) {
		return new BusinessRuleViolation("PURCHASE_ORDER_WRONG_STATUS", 409,
				"%s is %s; only %s purchase order can be %s".formatted(order.number(),
						order.status().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '),
						required.startsWith("a ") ? required : "a " + required, action));
	}

	static BusinessRuleViolation noLines(String number) {
		return BusinessRuleViolation.ofField("PURCHASE_ORDER_EMPTY", "lines", "%s has no lines to order".formatted(number));
	}

	static BusinessRuleViolation duplicateLine(int index, String sku) {
		return BusinessRuleViolation.ofField("DUPLICATE_LINE", "lines[%d].sku".formatted(index),
				"SKU %s is on the order twice; put the whole quantity on one line".formatted(sku));
	}

	static BusinessRuleViolation missingUnitCost(int index, String sku) {
		return BusinessRuleViolation.ofField("UNIT_COST_REQUIRED", "lines[%d].unitCost".formatted(index),
				"The supplier has no cost for %s; give a unit cost".formatted(sku));
	}

	static BusinessRuleViolation notOnOrder(int index, String code, String number) {
		return BusinessRuleViolation.ofField("NOT_ON_PURCHASE_ORDER", "lines[%d].code".formatted(index),
				"'%s' matches no SKU, barcode or supplier code on %s".formatted(code, number));
	}

	static BusinessRuleViolation overReceipt(int index, String sku, int outstanding, int quantity) {
		return new BusinessRuleViolation("RECEIVED_MORE_THAN_ORDERED", 409,
				"%d more of %s would exceed the order: %d still outstanding".formatted(quantity, sku, outstanding),
				Map.of("lines[%d].quantity".formatted(index), "at most %d outstanding".formatted(outstanding)));
	}
}
