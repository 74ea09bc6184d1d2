package dev.shopwright.customers;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonIgnore;
import org.jspecify.annotations.Nullable;

import dev.shopwright.shared.StoreId;

/** A shopper account as checkout, the storefront and staff read it. */
public record Customer(CustomerId id, @JsonIgnore StoreId storeId, String email, @Nullable String firstName,
		@Nullable String lastName, @Nullable String phone, boolean acceptsMarketing, boolean taxExempt,
		CustomerState state, @JsonIgnore @Nullable String notes, @JsonIgnore List<String> tags,
		List<CustomerAddress> addresses, Instant createdAt, Instant updatedAt) {

	public Customer {
		tags = List.copyOf(tags);
		addresses = List.copyOf(addresses);
	}

	public Optional<CustomerAddress> defaultShippingAddress() {
		return addresses.stream().filter(CustomerAddress::defaultShipping).findFirst();
	}

	public Optional<CustomerAddress> defaultBillingAddress() {
		return addresses.stream().filter(CustomerAddress::defaultBilling).findFirst();
	}

	public boolean enabled() {
		return state == CustomerState.ENABLED;
	}

	/** "First Last", or the email when no name was given. */
	public String displayName() {
		String name = ((firstName == null ? "" : firstName) + " " + (lastName == null ? "" : lastName)).strip();
		return name.isEmpty() ? email : name;
	}
}
