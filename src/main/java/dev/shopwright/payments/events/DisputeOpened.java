package dev.shopwright.payments.events;

import java.util.UUID;

import dev.shopwright.payments.PaymentIntentId;
import dev.shopwright.shared.Money;
import dev.shopwright.shared.StoreId;

/** The card issuer opened a chargeback of {@code amount} against the order's payment. */
public record DisputeOpened(StoreId storeId, PaymentIntentId paymentId, String orderReference, UUID disputeId,
		Money amount, String reason) {
}
