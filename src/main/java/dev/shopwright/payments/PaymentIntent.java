package dev.shopwright.payments;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

import dev.shopwright.shared.Money;

/**
 * A payment for one order reference, with its running totals, the card's safe details (brand, last 4, expiry,
 * gateway token; never the number or CVC), its transactions oldest first and its disputes.
 * {@code nextActionUrl} is where to send the shopper while the status is {@code REQUIRES_ACTION}.
 */
public record PaymentIntent(PaymentIntentId id, String orderReference, PaymentMethod method, PaymentStatus status,
		Money amount, Money authorized, Money captured, Money refunded, @Nullable String gateway,
		@Nullable String gatewayReference, @Nullable CardSummary card, @Nullable String nextActionUrl,
		@Nullable String failureCode, @Nullable String failureMessage, Instant createdAt, Instant updatedAt,
		List<PaymentTransaction> transactions, List<Dispute> disputes) {

	/** What may be kept of a card. */
	public record CardSummary(String brand, String last4, int expMonth, int expYear, @Nullable String gatewayToken) {
	}

	/** Money that can still be captured. */
	public Money capturable() {
		return authorized.minus(captured);
	}

	/** Money that can still be refunded. */
	public Money refundable() {
		return captured.minus(refunded);
	}
}
