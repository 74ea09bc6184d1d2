package dev.shopwright.orders.edits;

import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * An edit of an order before fulfilment: {@code changes} applied in order to the order at {@code expectedVersion}.
 * ADD takes {@code sku} and {@code quantity} (priced from the catalog in the order's currency); REMOVE a
 * {@code lineId}; SET_QUANTITY a {@code lineId} and the new {@code quantity}.
 */
public record EditOrder(@Min(0) int expectedVersion, @NotEmpty @Size(max = 100) List<@Valid @NotNull Change> changes,
		@Size(max = 500) @Nullable String reason) {

	public EditOrder {
		changes = changes == null ? List.of() : List.copyOf(changes);
	}

	public enum Kind {
		ADD, REMOVE, SET_QUANTITY
	}

	public record Change(@NotNull Kind kind, @Size(max = 255) @Nullable String sku, @Nullable UUID lineId,
			@Min(1) @Max(100000) @Nullable Integer quantity) {

		public static Change add(String sku, int quantity) {
			return new Change(Kind.ADD, sku, null, quantity);
		}

		public static Change remove(UUID lineId) {
			return new Change(Kind.REMOVE, null, lineId, null);
		}

		public static Change setQuantity(UUID lineId, int quantity) {
			return new Change(Kind.SET_QUANTITY, null, lineId, quantity);
		}
	}
}
