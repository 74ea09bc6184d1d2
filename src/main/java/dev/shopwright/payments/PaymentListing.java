package dev.shopwright.payments;

import org.jspecify.annotations.Nullable;

/** Filters of the payments list; null means any. Sorted newest first. */
public record PaymentListing(@Nullable String orderReference, @Nullable PaymentStatus status,
		@Nullable PaymentMethod method) {

	public static PaymentListing all() {
		return new PaymentListing(null, null, null);
	}
}
