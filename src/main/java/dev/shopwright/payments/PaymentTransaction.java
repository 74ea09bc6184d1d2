package dev.shopwright.payments;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import dev.shopwright.shared.Money;

/** One step of a payment as recorded (append-only): what was asked, of which amount, and what came of it. */
public record PaymentTransaction(UUID id, Kind kind, Status status, Money amount, @Nullable String gatewayReference,
		@Nullable String errorCode, @Nullable String errorMessage, String idempotencyKey, Instant createdAt,
		@Nullable Instant completedAt) {

	public enum Kind {
		AUTHORIZE, CAPTURE, VOID, REFUND, MARK_PAID
	}

	/** {@code PENDING} is written before the gateway is called; the reconciler resolves it if nothing else does. */
	public enum Status {
		PENDING, REQUIRES_ACTION, SUCCEEDED, FAILED
	}
}
