package dev.shopwright.fraud;

/**
 * How risky an order looks, from the score and the store's thresholds (default MEDIUM ≥ 40, HIGH ≥ 75); a blocklist
 * match is HIGH whatever the score. Checkout maps it by name onto the order's own {@code orders.RiskLevel}.
 */
public enum RiskLevel {
	LOW, MEDIUM, HIGH;

	/** Sort rank for the review queue: HIGH first. */
	public int rank() {
		return ordinal();
	}
}
