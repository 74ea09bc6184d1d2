package dev.shopwright.payments.gateway;

import org.jspecify.annotations.Nullable;

import dev.shopwright.payments.CardInput;
import dev.shopwright.shared.Money;
import dev.shopwright.shared.StoreId;

/** An authorisation request: a card (sandbox) or the provider's token, and where a 3-D Secure page returns to. */
public record GatewayAuthorization(StoreId store, String idempotencyKey, Money amount, @Nullable CardInput card,
		@Nullable String token, @Nullable String returnUrl, String orderReference) {
}
