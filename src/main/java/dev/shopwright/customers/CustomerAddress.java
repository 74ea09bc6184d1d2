package dev.shopwright.customers;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

import dev.shopwright.shared.Address;

/** One of a customer's saved addresses, with the name, company and phone a parcel needs. */
public record CustomerAddress(UUID id, @Nullable String firstName, @Nullable String lastName, @Nullable String company,
		@Nullable String phone, Address address, boolean defaultShipping, boolean defaultBilling) {
}
