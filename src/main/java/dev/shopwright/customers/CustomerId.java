package dev.shopwright.customers;

import java.util.Objects;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonValue;

/** The id of a shopper account; unique across stores, but always looked up together with its store. */
public record CustomerId(@JsonValue UUID value) {

	public CustomerId {
		Objects.requireNonNull(value, "value");
	}

	public static CustomerId of(String value) {
		return new CustomerId(UUID.fromString(value));
	}

	@Override
	public String toString() {
		return value.toString();
	}
}
