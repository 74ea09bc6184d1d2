package dev.shopwright.orders;

import java.util.Objects;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The id of an order. Checkout chooses it before it charges the shopper (payments and inventory know the order by
 * {@link #toString()} as their opaque order reference), so a crash between charging and placing can be resolved.
 */
public record OrderId(@JsonValue UUID value) {

	public OrderId {
		Objects.requireNonNull(value, "value");
	}

	public static OrderId random() {
		return new OrderId(UUID.randomUUID());
	}

	public static OrderId of(String value) {
		return new OrderId(UUID.fromString(value));
	}

	@Override
	public String toString() {
		return value.toString();
	}
}
