package dev.shopwright.payments.gateway;

import dev.shopwright.shared.StoreId;

/** A follow-up step on the provider's payment {@code paymentReference}, sent with our idempotency key. */
public record GatewayCall(StoreId store, String paymentReference, String idempotencyKey) {
}
