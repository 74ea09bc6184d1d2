package dev.shopwright.customers;

import java.util.Map;

import org.jspecify.annotations.Nullable;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;

import dev.shopwright.platform.BusinessRuleViolation;

/** Phone numbers are checked with libphonenumber and kept in E.164 (+4930123456). */
final class PhoneNumbers {

	private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();

	private PhoneNumbers() {
	}

	/**
	 * Null or blank stays as given (null: unchanged, blank: cleared); otherwise the E.164 form. A number without
	 * a leading + is read as a number of {@code region} (an ISO country code).
	 */
	static @Nullable String normalize(@Nullable String phone, @Nullable String region, String field) {
		if (phone == null || phone.isBlank()) {
			return phone == null ? null : "";
		}
		try {
			Phonenumber.PhoneNumber number = PHONES.parse(phone, region == null ? "ZZ" : region);
			if (PHONES.isValidNumber(number)) {
				return PHONES.format(number, PhoneNumberUtil.PhoneNumberFormat.E164);
			}
		}
		catch (NumberParseException ex) {
			// reported below like any other number that is not valid
		}
		String detail = "is not a valid phone number; include the country code, e.g. +49 30 1234567";
		throw new BusinessRuleViolation("INVALID_PHONE_NUMBER", 422, field + " " + detail, Map.of(field, detail));
	}
}
