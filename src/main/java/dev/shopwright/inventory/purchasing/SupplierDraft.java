package dev.shopwright.inventory.purchasing;

import java.math.BigDecimal;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * What staff enter for a supplier. {@code currency} is an ISO 4217 code; {@code minimumOrderAmount} is in it.
 * {@code phone} is checked with libphonenumber and stored in international form.
 */
public record SupplierDraft(@NotBlank @Size(max = 200) String name, @Email @Size(max = 254) @Nullable String email,
		@Size(max = 40) @Nullable String phone, @NotNull @Pattern(regexp = "[A-Za-z]{3}") String currency,
		@NotNull @Min(0) @Max(365) Integer leadTimeDays,
		@DecimalMin("0") @Digits(integer = 15, fraction = 4) @Nullable BigDecimal minimumOrderAmount,
		@Min(0) @Max(1_000_000) @Nullable Integer minimumOrderUnits, @Min(1) @Max(100_000) @Nullable Integer packSize,
		@Size(max = 2000) @Nullable String notes) {
}
