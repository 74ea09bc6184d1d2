package dev.shopwright.checkout;

import org.jspecify.annotations.Nullable;

import dev.shopwright.payments.CardInput;
import dev.shopwright.payments.PaymentMethod;

/**
 * How the shopper pays for a cart: a card typed in (sent to the gateway, never stored), a token from the provider's
 * own payment form ({@code gatewayToken}), or a manual method the store offers (bank transfer, cash on delivery).
 * {@code returnUrl} is where a 3-D Secure challenge sends the shopper back to.
 */
public record CheckoutPayment(PaymentMethod method, @Nullable CardInput card, @Nullable String gatewayToken,
		@Nullable String returnUrl) {

	public static CheckoutPayment card(CardInput card) {
		return new CheckoutPayment(PaymentMethod.CARD, card, null, null);
	}

	public static CheckoutPayment manual(PaymentMethod method) {
		return new CheckoutPayment(method, null, null, null);
	}
}
