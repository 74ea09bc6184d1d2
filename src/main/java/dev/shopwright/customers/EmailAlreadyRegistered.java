package dev.shopwright.customers;

import java.util.Map;

import dev.shopwright.platform.BusinessRuleViolation;

/** The store already has an account with this email (compared case-insensitively). */
public class EmailAlreadyRegistered extends BusinessRuleViolation {

	public EmailAlreadyRegistered() {
		super("CUSTOMER_EMAIL_TAKEN", 409, "An account with this email already exists in this store.",
				Map.of("email", "An account with this email already exists; log in or reset the password."));
	}
}
