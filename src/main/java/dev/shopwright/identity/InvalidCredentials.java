package dev.shopwright.identity;

import dev.shopwright.platform.BusinessRuleViolation;

/** Wrong email or password; deliberately does not say which. */
public class InvalidCredentials extends BusinessRuleViolation {

	public InvalidCredentials() {
		super("INVALID_CREDENTIALS", 401, "The email or password is not correct.");
	}
}
