package dev.shopwright.customers;

import dev.shopwright.platform.BusinessRuleViolation;

/** Too many failed logins from this address for this account: wait before trying again. */
public class CustomerLoginThrottled extends BusinessRuleViolation {

	private final long retryAfterSeconds;

	public CustomerLoginThrottled(long retryAfterSeconds) {
		super("TOO_MANY_LOGIN_ATTEMPTS", 429,
				"Too many failed login attempts. Try again in " + retryAfterSeconds + " seconds.");
		this.retryAfterSeconds = retryAfterSeconds;
	}

	public long retryAfterSeconds() {
		return retryAfterSeconds;
	}
}
