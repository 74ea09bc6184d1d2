package dev.shopwright.payments.events;

import dev.shopwright.payments.PaymentIntentId;
import dev.shopwright.shared.Money;
import dev.shopwright.shared.StoreId;

/** The gateway holds {@code amount} for the order (card authorised). */
public record PaymentAuthorized(StoreId storeId, PaymentIntentId paymentId, String orderReference, Money amount) {
}
