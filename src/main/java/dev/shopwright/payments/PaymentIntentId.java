package dev.shopwright.payments;

import java.util.Objects;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonValue;

/** The id of a payment intent; in JSON a plain string. */
public record PaymentIntentId(@JsonValue UUID value) {

	public PaymentIntentId {
		Objects.requireNonNull(value, "value");
	}

	public static PaymentIntentId random() {
		return new PaymentIntentId(UUID.randomUUID());
	}

	public static PaymentIntentId of(String value) {
		return new PaymentIntentId(UUID.fromString(value));
	}

	@Override
	public String toString() {
		return value.toString();
	}
}
