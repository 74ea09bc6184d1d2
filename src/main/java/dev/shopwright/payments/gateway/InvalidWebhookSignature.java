package dev.shopwright.payments.gateway;

/** A webhook whose signature is missing, does not match, or is too old: nothing of it is applied. */
public class InvalidWebhookSignature extends RuntimeException {

	public InvalidWebhookSignature(String reason) {
		super(reason);
	}
}
