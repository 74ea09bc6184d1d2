package dev.shopwright.orders.drafts;

import java.util.Map;

import dev.shopwright.platform.BusinessRuleViolation;

/** Draft orders' and pay links' refusals, each with a stable code (problem+json). */
public final class DraftProblems {

	private DraftProblems() {
	}

	static BusinessRuleViolation invalid(Map<String, String> fields) {
		return new BusinessRuleViolation("INVALID_DRAFT_ORDER", 422,
				"The draft order has problems: " + String.join("; ", fields.values()), fields);
	}

	static BusinessRuleViolation completed(String number) {
		return new BusinessRuleViolation("DRAFT_ORDER_COMPLETED", 409,
				"Draft " + number + " has become an order and cannot change any more");
	}

	static BusinessRuleViolation changedOrPaying(String number) {
		return new BusinessRuleViolation("DRAFT_ORDER_CONFLICT", 409, "Draft " + number
				+ " changed since you loaded it, or the shopper is paying it right now; reload and try again");
	}

	static BusinessRuleViolation paymentInProgress() {
		return new BusinessRuleViolation("DRAFT_PAYMENT_IN_PROGRESS", 409,
				"A payment for this order is already under way (in another window?); wait a moment and reload");
	}

	static BusinessRuleViolation unavailable(Map<String, String> lines) {
		return new BusinessRuleViolation("DRAFT_LINE_UNAVAILABLE", 409,
				"Some items can no longer be sold: " + String.join("; ", lines.values()), lines);
	}

	static BusinessRuleViolation noManualMethod() {
		return new BusinessRuleViolation("MANUAL_PAYMENT_NOT_OFFERED", 409,
				"Marking as paid records a bank transfer or cash payment: enable one of them in the payment settings");
	}

	static BusinessRuleViolation mailNotSent(String why) {
		return new BusinessRuleViolation("MAIL_NOT_SENT", 503, "The email was not sent: " + why);
	}

	static BusinessRuleViolation nothingToPay() {
		return new BusinessRuleViolation("NOTHING_TO_PAY", 409, "Nothing is left to pay");
	}
}
