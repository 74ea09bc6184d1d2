package dev.shopwright.returns;

import java.util.Map;

import dev.shopwright.platform.BusinessRuleViolation;

/** The returns module's refusals, each with a stable code (problem+json). */
public final class ReturnProblems {

	private ReturnProblems() {
	}

	public static BusinessRuleViolation invalid(String field, String detail) {
		return new BusinessRuleViolation("INVALID_RETURN", 422, detail, Map.of(field, detail));
	}

	static BusinessRuleViolation invalidPolicy(String field, String detail) {
		return new BusinessRuleViolation("INVALID_RETURN_POLICY", 422, detail, Map.of(field, detail));
	}

	static BusinessRuleViolation windowClosed(String orderNumber, int days, String deadline) {
		return new BusinessRuleViolation("RETURN_WINDOW_CLOSED", 422,
				"Order %s can no longer be returned: the %d-day return window closed on %s".formatted(orderNumber, days,
						deadline));
	}

	static BusinessRuleViolation notReturnable(Map<String, String> items) {
		return new BusinessRuleViolation("ITEM_NOT_RETURNABLE", 422, "Some items cannot be returned", items);
	}

	static BusinessRuleViolation tooMany(Map<String, String> items) {
		return new BusinessRuleViolation("RETURN_EXCEEDS_RETURNABLE", 409,
				"More units than were delivered and not yet returned", items);
	}

	static BusinessRuleViolation orderNotReturnable(String orderNumber, String why) {
		return new BusinessRuleViolation("ORDER_NOT_RETURNABLE", 409,
				"Order %s cannot be returned: %s".formatted(orderNumber, why));
	}

	static BusinessRuleViolation notInStatus(ReturnStatus status, String action) {
		return new BusinessRuleViolation("RETURN_NOT_IN_STATUS", 409,
				"A return that is %s cannot be %s".formatted(status, action));
	}

	static BusinessRuleViolation inspection(String detail, Map<String, String> items) {
		return new BusinessRuleViolation("INVALID_INSPECTION", 422, detail, items);
	}

	static BusinessRuleViolation storeCreditNeedsCustomer() {
		return new BusinessRuleViolation("STORE_CREDIT_NEEDS_CUSTOMER", 422,
				"Store credit needs a customer account; this order was placed as a guest",
				Map.of("resolution", "choose REFUND or EXCHANGE for a guest order"));
	}

	static BusinessRuleViolation insufficientCredit(String balance) {
		return new BusinessRuleViolation("STORE_CREDIT_INSUFFICIENT", 409,
				"The store credit balance is only " + balance, Map.of("amount", "at most " + balance));
	}

	static BusinessRuleViolation nothingPaid(String orderNumber) {
		return new BusinessRuleViolation("NOTHING_TO_REFUND", 409,
				"Order %s has no captured payment left to refund".formatted(orderNumber));
	}

	static BusinessRuleViolation shippingNotConvertible(dev.shopwright.shared.Money cost, java.util.Currency currency,
			String why) {
		return new BusinessRuleViolation("RETURN_SHIPPING_NOT_CONVERTIBLE", 409,
				"The return label costs %s and the customer pays it, but it cannot be charged in %s (%s); enter an exchange rate or let the merchant pay return shipping"
					.formatted(cost, currency.getCurrencyCode(), why));
	}

	static BusinessRuleViolation noLabel(String number) {
		return new BusinessRuleViolation("NO_RETURN_LABEL", 409, "Return " + number + " has no return label to void");
	}
}
