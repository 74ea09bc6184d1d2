package dev.shopwright.shared;

import java.util.Objects;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonValue;

/** The id of a store: every store-owned row carries one, and every query is scoped by it. In JSON a plain string. */
public record StoreId(@JsonValue UUID value) {

	public StoreId {
		Objects.requireNonNull(value, "value");
	}

	public static StoreId of(String value) {
		return new StoreId(UUID.fromString(value));
	}

	@Override
	public String toString() {
		return value.toString();
	}
}
