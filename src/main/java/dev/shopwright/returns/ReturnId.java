package dev.shopwright.returns;

import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonValue;

/** A return request (RMA). */
public record ReturnId(@JsonValue UUID value) {

	public static ReturnId random() {
		return new ReturnId(UUID.randomUUID());
	}

	public static ReturnId of(String value) {
		return new ReturnId(UUID.fromString(value));
	}

	@Override
	public String toString() {
		return value.toString();
	}
}
