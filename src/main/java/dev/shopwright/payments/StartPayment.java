package dev.shopwright.payments;

import org.jspecify.annotations.Nullable;

import dev.shopwright.shared.Money;

/**
 * A request to pay {@code amount} for {@code orderReference}. For {@code CARD}: either {@code card} (sandbox) or
 * {@code gatewayToken} (a token the provider's own form produced). {@code returnUrl} is where the shopper comes back
 * after a 3-D Secure challenge. The same {@code idempotencyKey} always yields the same intent and at most one charge.
 */
public record StartPayment(String orderReference, Money amount, PaymentMethod method, @Nullable CardInput card,
		@Nullable String gatewayToken, @Nullable String returnUrl, String idempotencyKey) {
}
