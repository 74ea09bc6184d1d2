package dev.shopwright.shared;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** A postal address; country is an ISO 3166-1 alpha-2 code. */
public record Address(
		@Size(max = 200) @Nullable String line1,
		@Size(max = 200) @Nullable String line2,
		@Size(max = 100) @Nullable String city,
		@Size(max = 100) @Nullable String region,
		@Size(max = 20) @Nullable String postalCode,
		@Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166-1 alpha-2 code such as DE") @Nullable String country) {

	public static Address empty() {
		return new Address(null, null, null, null, null, null);
	}
}
