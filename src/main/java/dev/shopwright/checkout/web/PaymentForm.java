package dev.shopwright.checkout.web;

import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import dev.shopwright.payments.CardInput;
import dev.shopwright.payments.PaymentMethod;

/**
 * The payment step's form: a method the store offers and, for a card, its number, expiry and CVC. Checked here only
 * for what a shopper can mistype (the gateway decides the rest) so the message stands beside the field; the card
 * goes to the gateway and is never kept, nor shown again (the page re-renders the number empty).
 */
record PaymentForm(@Nullable String method, @Nullable String cardNumber, @Nullable String expMonth,
		@Nullable String expYear, @Nullable String cvc) {

	/** The messages' keys by field; empty when the form can go to the gateway. */
	Map<String, String> problems(List<PaymentMethod> offered, YearMonth now) {
		Map<String, String> problems = new LinkedHashMap<>();
		PaymentMethod chosen = chosenMethod();
		if (chosen == null || !offered.contains(chosen)) {
			problems.put("method", "checkout.page.payment.error.method");
			return problems;
		}
		if (chosen != PaymentMethod.CARD) {
			return problems;
		}
		String digits = digits(cardNumber);
		if (digits.length() < 12 || digits.length() > 19 || !luhn(digits)) {
			problems.put("cardNumber", "checkout.page.payment.error.number");
		}
		Integer month = number(expMonth);
		Integer year = number(expYear);
		if (year != null && year < 100) {
			year += 2000;
		}
		if (month == null || month < 1 || month > 12 || year == null || year > now.getYear() + 30) {
			problems.put("expiry", "checkout.page.payment.error.expiry");
		}
		else if (YearMonth.of(year, month).isBefore(now)) {
			problems.put("expiry", "checkout.page.payment.error.expired");
		}
		if (cvc == null || !cvc.strip().matches("[0-9]{3,4}")) {
			problems.put("cvc", "checkout.page.payment.error.cvc");
		}
		return problems;
	}

	@Nullable PaymentMethod chosenMethod() {
		if (method == null) {
			return null;
		}
		try {
			return PaymentMethod.valueOf(method.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	/** The card as the gateway takes it; call only once {@link #problems} is empty. */
	CardInput card() {
		int year = Integer.parseInt(digits(expYear));
		return new CardInput(digits(cardNumber), Integer.parseInt(digits(expMonth)), year < 100 ? year + 2000 : year,
				digits(cvc));
	}

	/** What the page shows again after a refusal: never the card number or CVC. */
	PaymentForm withoutCard() {
		return new PaymentForm(method, null, expMonth, expYear, null);
	}

	private static String digits(@Nullable String typed) {
		return typed == null ? "" : typed.replaceAll("[\\s-]", "");
	}

	private static @Nullable Integer number(@Nullable String typed) {
		String digits = digits(typed);
		return digits.matches("[0-9]{1,4}") ? Integer.valueOf(digits) : null;
	}

	/** The Luhn check digit every card number carries: catches a mistyped digit before the gateway does. */
	private static boolean luhn(String digits) {
		if (!digits.matches("[0-9]+")) {
			return false;
		}
		int sum = 0;
		for (int i = 0; i < digits.length(); i++) {
			int digit = digits.charAt(digits.length() - 1 - i) - '0';
			if (i % 2 == 1) {
				digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
			}
			sum += digit;
		}
		return sum % 10 == 0;
	}
}
