package dev.shopwright.payments;

import org.jspecify.annotations.Nullable;

/** Card details as the shopper typed them: passed to the gateway, never stored. */
public record CardInput(String number, int expMonth, int expYear, @Nullable String cvc) {

	@Override
	public String toString() {
		return "CardInput[****]"; // never log a card number
	}
}
