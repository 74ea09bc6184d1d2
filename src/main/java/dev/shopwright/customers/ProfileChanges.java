package dev.shopwright.customers;

import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** What a shopper may change about themselves; null leaves a field as it is, an empty text clears it. */
public record ProfileChanges(
		@Size(max = 100) @Nullable String firstName,
		@Size(max = 100) @Nullable String lastName,
		@Size(max = 40) @Nullable String phone,
		@Nullable Boolean acceptsMarketing) {
}
