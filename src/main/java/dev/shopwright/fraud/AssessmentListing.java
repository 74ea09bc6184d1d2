package dev.shopwright.fraud;

import org.jspecify.annotations.Nullable;

/** Filters of the assessment list (all optional): a level, only those awaiting review, an order reference. */
public record AssessmentListing(@Nullable RiskLevel level, boolean unreviewedOnly, @Nullable String reference) {

	public static AssessmentListing all() {
		return new AssessmentListing(null, false, null);
	}
}
