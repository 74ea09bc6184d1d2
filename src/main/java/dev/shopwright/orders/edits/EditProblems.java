package dev.shopwright.orders.edits;

import java.util.Map;

import dev.shopwright.platform.BusinessRuleViolation;

/** Order edits' refusals, each with a stable code (problem+json). */
final class EditProblems {

	private EditProblems() {
	}

	static BusinessRuleViolation invalid(Map<String, String> fields) {
		return new BusinessRuleViolation("INVALID_ORDER_EDIT", 422, "The edit has problems: "
				+ String.join("; ", fields.values()), fields);
	}

	static BusinessRuleViolation versionConflict(int expected, int actual) {
		return new BusinessRuleViolation("ORDER_VERSION_CONFLICT", 409,
				"The order changed since you loaded it (version %d, now %d); reload and try again".formatted(expected,
						actual));
	}

	static BusinessRuleViolation notEditable(String number, String state) {
		return new BusinessRuleViolation("ORDER_NOT_EDITABLE", 409,
				"Order %s is %s, so it cannot be edited any more".formatted(number, state.toLowerCase(java.util.Locale.ROOT)));
	}

	static BusinessRuleViolation lineFulfilled(String sku) {
		return new BusinessRuleViolation("LINE_ALREADY_FULFILLED", 409,
				"The line " + sku + " has been (partly) fulfilled, so it cannot be changed; add a line instead",
				Map.of("lineId", sku + " is fulfilled"));
	}

	static BusinessRuleViolation lineRemoved(String sku) {
		return new BusinessRuleViolation("LINE_REMOVED", 409, "The line " + sku + " was removed or cancelled already",
				Map.of("lineId", sku + " is removed"));
	}

	static BusinessRuleViolation hasDiscounts() {
		return new BusinessRuleViolation("ORDER_HAS_DISCOUNTS", 409,
				"Orders with discounts cannot be edited yet: the discount would have to be shared out again");
	}

	static BusinessRuleViolation nothingToPay() {
		return new BusinessRuleViolation("NOTHING_TO_PAY", 409, "Nothing is left to pay on this order");
	}
}
