package dev.shopwright.orders;

import java.util.Map;

import dev.shopwright.platform.BusinessRuleViolation;

/** The orders module's refusals, each with a stable code (problem+json). */
public final class OrderProblems {

	private OrderProblems() {
	}

	public static BusinessRuleViolation invalid(String field, String detail) {
		return new BusinessRuleViolation("INVALID_ORDER", 422, detail, Map.of(field, detail));
	}

	static BusinessRuleViolation paymentNotForOrder(String paymentId, OrderId order) {
		return new BusinessRuleViolation("PAYMENT_NOT_FOR_ORDER", 422,
				"Payment %s is not a payment for order %s".formatted(paymentId, order), Map.of("payment",
						"must be a payment whose orderReference is the order id"));
	}

	static BusinessRuleViolation notInStatus(String code, OrderStatus status, String action) {
		return new BusinessRuleViolation(code, 409, "An order that is %s cannot be %s".formatted(status, action));
	}

	static BusinessRuleViolation alreadyFulfilled(String action) {
		return new BusinessRuleViolation("ORDER_ALREADY_FULFILLED", 409,
				"Part of the order has been fulfilled, so it cannot be " + action);
	}

	static BusinessRuleViolation overFulfilled(String detail, Map<String, String> lines) {
		return new BusinessRuleViolation("FULFILLMENT_EXCEEDS_QUANTITY", 409, detail, lines);
	}

	static BusinessRuleViolation versionConflict(int expected, int actual) {
		return new BusinessRuleViolation("ORDER_VERSION_CONFLICT", 409,
				"The order changed since you loaded it (version %d, now %d); reload and try again".formatted(expected,
						actual));
	}

	static BusinessRuleViolation amountTooHigh(String code, String what, String limit) {
		return new BusinessRuleViolation(code, 409, "At most %s can be %s".formatted(limit, what),
				Map.of("amount", "at most " + limit));
	}

	static BusinessRuleViolation nothingLeft(String step) {
		return new BusinessRuleViolation("NOTHING_TO_" + step.toUpperCase(java.util.Locale.ROOT), 409,
				"The order has nothing left to " + step);
	}
}
