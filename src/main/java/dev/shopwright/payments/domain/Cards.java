package dev.shopwright.payments.domain;

import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.shopwright.payments.CardInput;

/**
 * Checks of a typed card that need no gateway: digits and the Luhn check digit, a real month, an expiry not in the
 * past, a CVC of the brand's length. The Luhn check is a dozen lines, so it is written here rather than pulling in
 * commons-validator (and its bean-utils dependencies) for it.
 */
public final class Cards {

	private Cards() {
	}

	public static String digits(String number) {
		return number.replaceAll("[\\s-]", "");
	}

	/** Field errors keyed {@code card.number}, {@code card.expMonth}, {@code card.expYear}, {@code card.cvc}; empty if fine. */
	public static Map<String, String> problems(CardInput card, YearMonth today) {
		Map<String, String> errors = new LinkedHashMap<>();
		String digits = digits(card.number());
		if (!digits.matches("\\d{12,19}")) {
			errors.put("card.number", "must be 12 to 19 digits");
		}
		else if (!luhnValid(digits)) {
			errors.put("card.number", "is not a valid card number (check digit)");
		}
		if (card.expMonth() < 1 || card.expMonth() > 12) {
			errors.put("card.expMonth", "must be 1 to 12");
		}
		else if (card.expYear() < 2000 || card.expYear() > 2100) {
			errors.put("card.expYear", "must be a four-digit year");
		}
		else if (YearMonth.of(card.expYear(), card.expMonth()).isBefore(today)) {
			errors.put("card.expYear", "the card expired at the end of %02d/%d".formatted(card.expMonth(), card.expYear()));
		}
		String cvc = card.cvc();
		int cvcLength = brand(digits).equals("amex") ? 4 : 3;
		if (cvc == null || !cvc.matches("\\d{" + cvcLength + "}")) {
			errors.put("card.cvc", "must be " + cvcLength + " digits");
		}
		return errors;
	}

	public static boolean luhnValid(String digits) {
		int sum = 0;
		boolean doubled = false;
		for (int i = digits.length() - 1; i >= 0; i--) {
			int digit = digits.charAt(i) - '0';
			if (doubled) {
				digit *= 2;
				if (digit > 9) {
					digit -= 9;
				}
			}
			sum += digit;
			doubled = !doubled;
		}
		return sum % 10 == 0;
	}

	public static String brand(String digits) {
		if (digits.startsWith("4")) {
			return "visa";
		}
		if (digits.matches("5[1-5].*") || digits.matches("2(2[2-9]|[3-6]\\d|7[01]|720).*")) {
			return "mastercard";
		}
		if (digits.matches("3[47].*")) {
			return "amex";
		}
		if (digits.matches("6(011|5).*")) {
			return "discover";
		}
		return "unknown";
	}

	public static String last4(String digits) {
		return digits.substring(Math.max(0, digits.length() - 4));
	}
}
