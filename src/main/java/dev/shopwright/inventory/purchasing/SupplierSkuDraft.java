package dev.shopwright.inventory.purchasing;

import java.math.BigDecimal;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** Links one of our SKUs to a supplier; the unit cost is in the supplier's currency. */
public record SupplierSkuDraft(@NotBlank @Size(max = 100) String sku, @Size(max = 100) @Nullable String supplierCode,
		@NotNull @DecimalMin("0") @Digits(integer = 15, fraction = 4) BigDecimal unitCost,
		@Min(1) @Max(100_000) @Nullable Integer packSize, @Nullable Boolean primary) {
}
