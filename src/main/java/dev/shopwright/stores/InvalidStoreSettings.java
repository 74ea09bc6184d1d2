package dev.shopwright.stores;

import java.util.Map;

import dev.shopwright.platform.BusinessRuleViolation;

/** Settings that are well-formed one by one but wrong together (or name an unknown code). */
public class InvalidStoreSettings extends BusinessRuleViolation {

	InvalidStoreSettings(Map<String, String> errors) {
		super("INVALID_STORE_SETTINGS", 422, "Some store settings are not valid: " + String.join(", ", errors.keySet()) + ".",
				errors);
	}
}
