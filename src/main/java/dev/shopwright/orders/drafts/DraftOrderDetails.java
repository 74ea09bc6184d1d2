package dev.shopwright.orders.drafts;

import java.math.BigDecimal;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import dev.shopwright.customers.AddressDetails;
import dev.shopwright.customers.CustomerId;

/**
 * What staff type for a draft order: a customer (their email then defaults to the customer's) or just an email, the
 * currency (one of the store's), lines by SKU with an optional custom unit price (which needs a reason), a shipping
 * address and a shipping line (name and price, in the draft's currency), a note.
 */
public record DraftOrderDetails(@Nullable CustomerId customerId, @Email @Size(max = 320) @Nullable String email,
		@Pattern(regexp = "[A-Z]{3}") @Nullable String currency,
		@NotEmpty @Size(max = 250) List<@Valid @NotNull Line> lines, @Valid @Nullable AddressDetails shippingAddress,
		@Valid @Nullable Shipping shipping, @Size(max = 5000) @Nullable String note) {

	public DraftOrderDetails {
		lines = lines == null ? List.of() : List.copyOf(lines);
	}

	public record Line(@NotBlank @Size(max = 255) String sku, @Min(1) @Max(100000) int quantity,
			@DecimalMin("0") @Digits(integer = 15, fraction = 4) @Nullable BigDecimal customPrice,
			@Size(max = 500) @Nullable String priceReason) {
	}

	public record Shipping(@NotBlank @Size(max = 200) String name,
			@NotNull @DecimalMin("0") @Digits(integer = 15, fraction = 4) BigDecimal price) {
	}
}
