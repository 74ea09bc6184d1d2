package dev.shopwright.inventory;

import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonValue;

/** A reservation of stock for one reference (cart, checkout, order). */
public record ReservationId(@JsonValue UUID value) {

	public static ReservationId of(String value) {
		return new ReservationId(UUID.fromString(value));
	}

	@Override
	public String toString() {
		return value.toString();
	}
}
