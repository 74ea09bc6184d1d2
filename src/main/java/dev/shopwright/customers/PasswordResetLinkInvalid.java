package dev.shopwright.customers;

import java.util.Map;

import dev.shopwright.platform.BusinessRuleViolation;

/** The reset link is unknown, expired or already used. */
public class PasswordResetLinkInvalid extends BusinessRuleViolation {

	public PasswordResetLinkInvalid() {
		super("PASSWORD_RESET_TOKEN_INVALID", 422, "This reset link is invalid, expired or already used; request a new one.",
				Map.of("token", "invalid, expired or already used"));
	}
}
