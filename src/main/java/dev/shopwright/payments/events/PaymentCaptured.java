package dev.shopwright.payments.events;

import dev.shopwright.payments.PaymentIntentId;
import dev.shopwright.shared.Money;
import dev.shopwright.shared.StoreId;

/** {@code amount} was taken (a capture, or a manual payment marked paid); {@code totalCaptured} so far. */
public record PaymentCaptured(StoreId storeId, PaymentIntentId paymentId, String orderReference, Money amount,
		Money totalCaptured) {
}
