package dev.shopwright.fraud;

import java.math.BigDecimal;
import java.util.Currency;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import dev.shopwright.shared.Money;

/**
 * A store's screening rules: the velocity window and, per rule, its limit and the points it adds; the high-value
 * threshold for new customers (in the store's currency); and the score thresholds of MEDIUM and HIGH.
 * A velocity rule fires when an order is more than {@code limit} orders with the same email (IP, card) in the window.
 */
public record FraudSettings(
		@Min(1) @Max(10080) int windowMinutes,
		@Min(1) @Max(1000) int emailVelocityLimit,
		@Min(0) @Max(100) int emailVelocityPoints,
		@Min(1) @Max(1000) int ipVelocityLimit,
		@Min(0) @Max(100) int ipVelocityPoints,
		@Min(1) @Max(1000) int cardVelocityLimit,
		@Min(0) @Max(100) int cardVelocityPoints,
		@Min(0) @Max(100) int countryMismatchPoints,
		@Min(0) @Max(100) int postcodeMismatchPoints,
		@NotNull Money highValueThreshold,
		@Min(0) @Max(100) int highValuePoints,
		@Min(1) @Max(99) int mediumThreshold,
		@Min(2) @Max(100) int highThreshold) {

	/** The defaults of a store without its own settings: see docs/fraud.md for the table. */
	public static FraudSettings defaults(Currency storeCurrency) {
		return new FraudSettings(60, 3, 25, 5, 20, 3, 30, 20, 10,
				Money.of(BigDecimal.valueOf(500), storeCurrency, Money.DEFAULT_ROUNDING), 30, 40, 75);
	}

	public RiskLevel levelOf(int score) {
		return score >= highThreshold ? RiskLevel.HIGH : score >= mediumThreshold ? RiskLevel.MEDIUM : RiskLevel.LOW;
	}
}
