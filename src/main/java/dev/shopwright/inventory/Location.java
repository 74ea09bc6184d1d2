package dev.shopwright.inventory;

import java.time.Instant;

import dev.shopwright.shared.Address;

/**
 * A place that holds stock. Reservations take stock from the active locations that fulfil online orders,
 * lowest {@code priority} first; the default location is where stock goes when a caller names none.
 */
public record Location(LocationId id, String code, String name, Kind kind, int priority, boolean fulfilsOnline,
		boolean isDefault, boolean active, Address address, Instant createdAt, Instant updatedAt) {

	public enum Kind {
		WAREHOUSE, SHOP, THIRD_PARTY
	}
}
