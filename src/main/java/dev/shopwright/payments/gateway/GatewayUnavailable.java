package dev.shopwright.payments.gateway;

/** A transient failure to reach the provider (time-out, 5xx, rate limit): worth retrying with the same key. */
public class GatewayUnavailable extends RuntimeException {

	public GatewayUnavailable(String message) {
		super(message);
	}

	public GatewayUnavailable(String message, Throwable cause) {
		super(message, cause);
	}
}
