package dev.shopwright.platform.database;

/** The database cannot be started or reached; the message says why and {@link #action()} what to do. */
class DatabaseUnavailable extends RuntimeException {

	private final String action;

	DatabaseUnavailable(String message, String action) {
		super(message);
		this.action = action;
	}

	DatabaseUnavailable(String message, String action, Throwable cause) {
		super(message, cause);
		this.action = action;
	}

	String action() {
		return action;
	}
}
