package dev.shopwright.catalog;

import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonValue;

public record VariantId(@JsonValue UUID value) {

	public static VariantId of(String value) {
		return new VariantId(UUID.fromString(value));
	}

	public static VariantId random() {
		return new VariantId(UUID.randomUUID());
	}

	@Override
	public String toString() {
		return value.toString();
	}
}
