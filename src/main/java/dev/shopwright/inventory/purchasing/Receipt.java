package dev.shopwright.inventory.purchasing;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * Units of a purchase order that arrived, as scanned or typed: {@code code} is our SKU, the variant's barcode or the
 * supplier's code; {@code binCode} is where they were put away (optional). All lines are received in one transaction.
 */
public record Receipt(@NotEmpty @Size(max = 500) List<@Valid @NotNull Line> lines, @Size(max = 500) @Nullable String note) {

	public record Line(@NotBlank @Size(max = 100) String code, @NotNull @Min(1) @Max(1_000_000) Integer quantity,
			@Size(max = 50) @Nullable String binCode) {
	}

	public static Receipt of(String code, int quantity, @Nullable String binCode) {
		return new Receipt(List.of(new Line(code, quantity, binCode)), null);
	}
}
