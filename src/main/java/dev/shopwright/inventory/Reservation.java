package dev.shopwright.inventory;

import java.time.Instant;
import java.util.List;

/**
 * Units held for a reference. {@code ACTIVE} until confirmed (the units are sold), released, or expired at
 * {@code expiresAt}; each line says which locations its units were taken from.
 */
public record Reservation(ReservationId id, String reference, Status status, Instant expiresAt, Instant createdAt,
		List<Line> lines) {

	public enum Status {
		ACTIVE, CONFIRMED, RELEASED, EXPIRED
	}

	public record Line(String sku, int quantity, List<Allocation> allocations) {
	}

	public record Allocation(LocationId locationId, int quantity) {
	}

	public int quantity(String sku) {
		return lines.stream().filter(l -> l.sku().equals(sku)).mapToInt(Line::quantity).sum();
	}
}
