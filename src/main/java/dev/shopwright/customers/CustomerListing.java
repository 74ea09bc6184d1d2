package dev.shopwright.customers;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/** A customer as a row of the staff list. */
public record CustomerListing(CustomerId id, String email, @Nullable String firstName, @Nullable String lastName,
		CustomerState state, boolean taxExempt, Instant createdAt) {
}
