package dev.shopwright.customers;

import dev.shopwright.platform.BusinessRuleViolation;

/** Wrong email or password, or a disabled account; deliberately does not say which. */
public class InvalidCustomerCredentials extends BusinessRuleViolation {

	public InvalidCustomerCredentials() {
		super("INVALID_CREDENTIALS", 401, "The email or password is not correct.");
	}
}
