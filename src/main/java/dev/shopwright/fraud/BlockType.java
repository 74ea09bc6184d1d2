package dev.shopwright.fraud;

/**
 * What a blocklist entry matches: an email (exact, case-insensitive), an email domain (the domain and its
 * subdomains), an IP address or CIDR range, a card fingerprint, or a shipping country (ISO 3166-1 alpha-2).
 */
public enum BlockType {
	EMAIL, EMAIL_DOMAIN, IP, CARD_FINGERPRINT, SHIPPING_COUNTRY
}
