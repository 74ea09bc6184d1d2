package dev.shopwright.payments.gateway;

import org.jspecify.annotations.Nullable;

import dev.shopwright.shared.Money;

/**
 * An event a provider pushed by webhook, already verified. {@code DISPUTE_OPENED} carries the dispute's reference,
 * amount and reason; {@code PAYMENT_UPDATED} only says that the payment should be looked up again.
 */
public record GatewayEvent(String eventId, Type type, String paymentReference, @Nullable String disputeReference,
		@Nullable Money amount, @Nullable String reason) {

	public enum Type {
		DISPUTE_OPENED, PAYMENT_UPDATED, OTHER
	}
}
