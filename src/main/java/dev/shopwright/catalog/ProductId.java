package dev.shopwright.catalog;

import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonValue;

public record ProductId(@JsonValue UUID value) {

	public static ProductId of(String value) {
		return new ProductId(UUID.fromString(value));
	}

	public static ProductId random() {
		return new ProductId(UUID.randomUUID());
	}

	@Override
	public String toString() {
		return value.toString();
	}
}
