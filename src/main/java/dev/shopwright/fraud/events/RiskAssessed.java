package dev.shopwright.fraud.events;

import dev.shopwright.fraud.RiskAssessmentId;
import dev.shopwright.fraud.RiskLevel;
import dev.shopwright.shared.StoreId;

/** An order reference was screened: its score (0–100) and the level that follows from the store's thresholds. */
public record RiskAssessed(StoreId storeId, RiskAssessmentId assessmentId, String reference, int score, RiskLevel level) {
}
