package dev.shopwright.fraud;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/** The staff review of an assessment: the decision, who made it and when. */
public record Review(ReviewDecision decision, @Nullable String note, String reviewedBy, Instant reviewedAt) {
}
