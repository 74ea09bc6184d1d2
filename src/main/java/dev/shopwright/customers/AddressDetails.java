package dev.shopwright.customers;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import dev.shopwright.shared.Address;

/** A saved address as a shopper enters it; country, city and first line are required. */
public record AddressDetails(
		@Size(max = 100) @Nullable String firstName,
		@Size(max = 100) @Nullable String lastName,
		@Size(max = 200) @Nullable String company,
		@Size(max = 40) @Nullable String phone,
		@Valid @NotNull Address address) {
}
