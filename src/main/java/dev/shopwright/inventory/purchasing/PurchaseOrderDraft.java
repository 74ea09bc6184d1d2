package dev.shopwright.inventory.purchasing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * A purchase order as staff write it. Without {@code locationId} stock goes to the store's default location; a line
 * without {@code unitCost} takes the supplier's cost for that SKU.
 */
public record PurchaseOrderDraft(@NotNull UUID supplierId, @Nullable UUID locationId, @Size(max = 2000) @Nullable String note,
		@Nullable LocalDate expectedOn, @NotNull @Size(max = 500) List<@Valid @NotNull Line> lines) {

	public record Line(@NotBlank @Size(max = 100) String sku, @NotNull @Min(1) @Max(1_000_000) Integer quantity,
			@DecimalMin("0") @Digits(integer = 15, fraction = 4) @Nullable BigDecimal unitCost) {
	}
}
