package dev.shopwright.inventory;

import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonValue;

/** A stock location (warehouse, shop, 3PL) of one store. */
public record LocationId(@JsonValue UUID value) {

	public static LocationId of(String value) {
		return new LocationId(UUID.fromString(value));
	}

	@Override
	public String toString() {
		return value.toString();
	}
}
