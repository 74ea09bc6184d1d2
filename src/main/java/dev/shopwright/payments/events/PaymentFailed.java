package dev.shopwright.payments.events;

import dev.shopwright.payments.PaymentIntentId;
import dev.shopwright.shared.StoreId;

/** A payment step ({@code step}: AUTHORIZE, CAPTURE, VOID, REFUND) failed with the gateway's code and message. */
public record PaymentFailed(StoreId storeId, PaymentIntentId paymentId, String orderReference, String step,
		String errorCode, String errorMessage) {
}
