package dev.shopwright.fulfillment;

import org.jspecify.annotations.Nullable;

/** A label's address: who and where (country ISO 3166-1 alpha-2). */
public record ShippingAddress(String name, @Nullable String company, @Nullable String phone, @Nullable String line1,
		@Nullable String line2, @Nullable String city, @Nullable String region, @Nullable String postalCode,
		@Nullable String country) {
}
