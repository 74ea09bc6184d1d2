package dev.shopwright.payments.events;

import dev.shopwright.payments.PaymentIntentId;
import dev.shopwright.shared.Money;
import dev.shopwright.shared.StoreId;

/** {@code amount} was given back; {@code totalRefunded} so far. */
public record PaymentRefunded(StoreId storeId, PaymentIntentId paymentId, String orderReference, Money amount,
		Money totalRefunded) {
}
