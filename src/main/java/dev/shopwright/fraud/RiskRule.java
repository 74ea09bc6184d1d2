package dev.shopwright.fraud;

/** The rules an assessment applies; each adds its (per-store) points when it fires, a blocklist hit makes it HIGH. */
public enum RiskRule {
	EMAIL_VELOCITY, IP_VELOCITY, CARD_VELOCITY, COUNTRY_MISMATCH, POSTCODE_MISMATCH, HIGH_VALUE_NEW_CUSTOMER,
	BLOCKED_EMAIL, BLOCKED_EMAIL_DOMAIN, BLOCKED_IP, BLOCKED_CARD, BLOCKED_SHIPPING_COUNTRY;

	public boolean isBlocklist() {
		return name().startsWith("BLOCKED_");
	}
}
