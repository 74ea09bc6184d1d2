package dev.shopwright.fraud;

/** A rule that fired for an assessment: which one, why in words a reviewer reads, and the points it added. */
public record FiredRule(RiskRule rule, String reason, int points) {
}
