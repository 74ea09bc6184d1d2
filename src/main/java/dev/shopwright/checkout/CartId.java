package dev.shopwright.checkout;

import java.util.Objects;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonValue;

/** The id of a cart; in JSON a plain string. Knowing it is not enough to read the cart (see {@link CartAccess}). */
public record CartId(@JsonValue UUID value) {

	public CartId {
		Objects.requireNonNull(value, "value");
	}

	public static CartId random() {
		return new CartId(UUID.randomUUID());
	}

	public static CartId of(String value) {
		return new CartId(UUID.fromString(value));
	}

	@Override
	public String toString() {
		return value.toString();
	}
}
