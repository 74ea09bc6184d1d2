package dev.shopwright.payments;

import java.util.Map;

import dev.shopwright.platform.BusinessRuleViolation;

/** A payment step that a rule refuses before anything is written or sent to a gateway; each has a stable code. */
public class PaymentRefused extends BusinessRuleViolation {

	PaymentRefused(String code, int status, String detail) {
		super(code, status, detail);
	}

	PaymentRefused(String code, int status, String detail, Map<String, String> fieldErrors) {
		super(code, status, detail, fieldErrors);
	}

	static PaymentRefused captureExceedsAuthorized(String amount, String capturable) {
		return new PaymentRefused("CAPTURE_EXCEEDS_AUTHORIZED", 422,
				"Cannot capture %s: only %s is authorised and not yet captured".formatted(amount, capturable),
				Map.of("amount", "at most " + capturable));
	}

	static PaymentRefused refundExceedsCaptured(String amount, String refundable) {
		return new PaymentRefused("REFUND_EXCEEDS_CAPTURED", 422,
				"Cannot refund %s: only %s is captured and not yet refunded".formatted(amount, refundable),
				Map.of("amount", "at most " + refundable));
	}

	static PaymentRefused alreadyCaptured() {
		return new PaymentRefused("PAYMENT_ALREADY_CAPTURED", 409,
				"The payment has been captured, so it cannot be voided any more; refund it instead");
	}

	static PaymentRefused notInState(String code, String action, PaymentStatus status) {
		return new PaymentRefused(code, 409, "A payment that is %s cannot be %s".formatted(status, action));
	}

	static PaymentRefused currencyMismatch(String expected) {
		return new PaymentRefused("CURRENCY_MISMATCH", 422, "The payment is in " + expected,
				Map.of("amount.currency", "must be " + expected));
	}

	static PaymentRefused invalid(String field, String detail) {
		return new PaymentRefused("VALIDATION_FAILED", 422, field + " " + detail, Map.of(field, detail));
	}

	static PaymentRefused methodNotOffered(PaymentMethod method) {
		return new PaymentRefused("PAYMENT_METHOD_NOT_OFFERED", 422, "This store does not offer " + method,
				Map.of("method", "not offered by this store"));
	}

	static PaymentRefused idempotencyKeyReused() {
		return new PaymentRefused("IDEMPOTENCY_KEY_REUSED", 422,
				"This idempotency key was used for a different payment step");
	}

	static PaymentRefused gatewayUnavailable(String gateway) {
		return new PaymentRefused("PAYMENT_GATEWAY_UNAVAILABLE", 503, "The payment gateway " + gateway
				+ " did not answer; the step is recorded as pending and will be resolved. Retry with the same idempotency key.");
	}

	static PaymentRefused invalidWebhookSignature(String reason) {
		return new PaymentRefused("WEBHOOK_SIGNATURE_INVALID", 400, "Webhook rejected: " + reason);
	}
}
