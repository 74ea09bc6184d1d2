package dev.shopwright.inventory;

import java.time.Duration;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * Hold units of one or more SKUs for {@code reference} (a cart, checkout or order id, opaque to inventory) until
 * they are confirmed as sold, released, or {@code ttl} has passed. Reserving again for the same reference with the
 * same lines returns the reservation already made.
 */
public record ReserveStock(@NotBlank @Size(max = 200) String reference,
		@NotEmpty @Size(max = 250) List<@Valid @NotNull Line> lines, @NotNull Duration ttl) {

	public static final Duration MAX_TTL = Duration.ofDays(30);

	public record Line(@NotBlank @Size(max = 255) String sku,
			@Min(1) @Max(InventoryManagement.MAX_QUANTITY) int quantity) {
	}

	public static ReserveStock of(String reference, Duration ttl, Line... lines) {
		return new ReserveStock(reference, List.of(lines), ttl);
	}
}
