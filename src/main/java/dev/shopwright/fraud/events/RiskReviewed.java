package dev.shopwright.fraud.events;

import dev.shopwright.fraud.ReviewDecision;
import dev.shopwright.fraud.RiskAssessmentId;
import dev.shopwright.shared.StoreId;

/** Staff reviewed an assessment: the order behind {@code reference} was judged genuine (APPROVED) or FRAUDULENT. */
public record RiskReviewed(StoreId storeId, RiskAssessmentId assessmentId, String reference, ReviewDecision decision) {
}
