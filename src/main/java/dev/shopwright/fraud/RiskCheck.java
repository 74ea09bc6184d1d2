package dev.shopwright.fraud;

import java.util.Locale;
import java.util.Objects;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import dev.shopwright.shared.Address;
import dev.shopwright.shared.Money;

/**
 * What checkout knows about an order about to be placed, as fraud screening needs it. No card number: pass
 * {@link FraudManagement#cardFingerprint(String)} of it instead.
 *
 * @param reference the order id (or any stable string) checkout chose; repeated assessments of one reference count once
 *        in the velocity rules
 * @param email the shopper's email (compared case-insensitively)
 * @param clientIp the shopper's IP address, if known
 * @param cardFingerprint the keyed fingerprint of the card, if paid by card
 * @param newCustomer whether this is the customer's first order (for a guest: true unless checkout knows better)
 * @param itemCount the number of items (units) in the order
 */
public record RiskCheck(String reference, String email, @Nullable String clientIp, @Nullable String cardFingerprint,
		@Nullable Address billingAddress, @Nullable Address shippingAddress, Money orderTotal, @Nullable UUID customerId,
		boolean newCustomer, int itemCount) {

	public RiskCheck {
		Objects.requireNonNull(reference, "reference");
		Objects.requireNonNull(email, "email");
		Objects.requireNonNull(orderTotal, "orderTotal");
		reference = reference.strip();
		if (reference.isEmpty() || reference.length() > 200) {
			throw new IllegalArgumentException("reference must be 1-200 characters");
		}
		email = email.strip().toLowerCase(Locale.ROOT);
		if (email.isEmpty() || email.length() > 320) {
			throw new IllegalArgumentException("email must be 1-320 characters");
		}
		clientIp = clientIp == null || clientIp.isBlank() ? null : clientIp.strip();
		cardFingerprint = cardFingerprint == null || cardFingerprint.isBlank() ? null : cardFingerprint.strip();
		if (cardFingerprint != null && !cardFingerprint.matches("[0-9a-f]{64}")) {
			throw new IllegalArgumentException("cardFingerprint must come from FraudManagement.cardFingerprint, never a card number");
		}
		if (itemCount < 0) {
			throw new IllegalArgumentException("itemCount must not be negative");
		}
	}

	/** The part of the email after the last {@code @}, or null if there is none. */
	public @Nullable String emailDomain() {
		int at = email.lastIndexOf('@');
		return at < 0 || at == email.length() - 1 ? null : email.substring(at + 1);
	}
}
