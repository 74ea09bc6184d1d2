package dev.shopwright.inventory.purchasing;

import org.jspecify.annotations.Nullable;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;

/** Supplier phone numbers: parsed by libphonenumber and kept in international format. */
final class Phones {

	private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();

	private Phones() {
	}

	/** The number in international format, or null for blank input; refuses what is not a possible number. */
	static @Nullable String normalise(@Nullable String phone, String defaultRegion) {
		if (phone == null || phone.isBlank()) {
			return null;
		}
		try {
			PhoneNumber parsed = PHONES.parse(phone, defaultRegion);
			if (!PHONES.isPossibleNumber(parsed)) {
				throw PurchasingProblems.invalidPhone(phone);
			}
			return PHONES.format(parsed, PhoneNumberUtil.PhoneNumberFormat.INTERNATIONAL);
		}
		catch (NumberParseException ex) {
			throw PurchasingProblems.invalidPhone(phone);
		}
	}
}
