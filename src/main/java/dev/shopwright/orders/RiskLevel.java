package dev.shopwright.orders;

/** The fraud screening's verdict as the order keeps it; HIGH puts the order ON_HOLD for review. */
public enum RiskLevel {
	LOW, MEDIUM, HIGH
}
