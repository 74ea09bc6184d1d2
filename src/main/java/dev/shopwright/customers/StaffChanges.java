package dev.shopwright.customers;

import java.util.List;

import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** What staff change on a customer; null leaves a field as it is. */
public record StaffChanges(
		@Nullable Boolean taxExempt,
		@Nullable CustomerState state,
		@Size(max = 5000) @Nullable String notes,
		@Size(max = 50) @Nullable List<@Size(min = 1, max = 50) String> tags) {
}
