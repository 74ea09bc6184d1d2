package dev.shopwright.fraud;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import dev.shopwright.shared.Money;

/**
 * The verdict on one order reference: a score from 0 to 100, its level, and every rule that fired with its reason and
 * points, plus the signals it was computed from (so that a reviewer can block them) and the staff review, if any.
 */
public record RiskAssessment(RiskAssessmentId id, String reference, int score, RiskLevel level, List<FiredRule> rules,
		String email, @Nullable String clientIp, @Nullable String cardFingerprint, @Nullable String shippingCountry,
		Money orderTotal, @Nullable UUID customerId, boolean newCustomer, int itemCount, Instant assessedAt,
		@Nullable Review review) {

	public RiskAssessment {
		rules = List.copyOf(rules);
	}

	/** The fired rules' reasons in words, as the order keeps them ({@code PlaceOrder.Risk.reasons}). */
	public List<String> reasons() {
		return rules.stream().map(FiredRule::reason).toList();
	}
}
