package dev.shopwright.payments.events;

import dev.shopwright.payments.PaymentIntentId;
import dev.shopwright.shared.StoreId;

/** The authorisation was released (or an unpaid manual payment cancelled); nothing was or will be taken. */
public record PaymentVoided(StoreId storeId, PaymentIntentId paymentId, String orderReference) {
}
