package dev.shopwright.catalog;

import java.util.Map;

import dev.shopwright.platform.BusinessRuleViolation;

/** A product change that breaks catalog rules; every offending field is named. */
public class InvalidProduct extends BusinessRuleViolation {

	InvalidProduct(Map<String, String> errors) {
		super("INVALID_PRODUCT", 422, "The product is not valid: " + String.join(", ", errors.keySet()) + ".", errors);
	}
}
