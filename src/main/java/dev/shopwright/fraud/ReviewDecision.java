package dev.shopwright.fraud;

/** What staff concluded about a reviewed assessment. */
public enum ReviewDecision {
	APPROVED, FRAUDULENT
}
