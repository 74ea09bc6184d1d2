package dev.shopwright.payments.gateway;

import org.jspecify.annotations.Nullable;

import dev.shopwright.payments.PaymentIntent.CardSummary;

/**
 * The provider's answer to one step. {@code paymentReference} names the provider's payment (stable across steps),
 * {@code transactionReference} this step; {@code nextActionUrl} is set when the shopper must act (3-D Secure).
 */
public record GatewayResult(Outcome outcome, @Nullable String paymentReference, @Nullable String transactionReference,
		@Nullable String errorCode, @Nullable String errorMessage, @Nullable String nextActionUrl,
		@Nullable CardSummary card) {

	public enum Outcome {
		SUCCEEDED, DECLINED, REQUIRES_ACTION
	}

	public static GatewayResult succeeded(String paymentReference, String transactionReference, @Nullable CardSummary card) {
		return new GatewayResult(Outcome.SUCCEEDED, paymentReference, transactionReference, null, null, null, card);
	}

	public static GatewayResult declined(@Nullable String paymentReference, @Nullable String transactionReference,
			String errorCode, String errorMessage) {
		return new GatewayResult(Outcome.DECLINED, paymentReference, transactionReference, errorCode, errorMessage, null,
				null);
	}
}
