package dev.shopwright.customers;

/** A disabled account cannot log in, and its tokens and sessions stop working at the next request. */
public enum CustomerState {
	ENABLED, DISABLED
}
