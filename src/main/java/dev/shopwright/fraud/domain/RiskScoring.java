package dev.shopwright.fraud.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

import dev.shopwright.fraud.BlockedValue;
import dev.shopwright.fraud.FiredRule;
import dev.shopwright.fraud.FraudSettings;
import dev.shopwright.fraud.RiskCheck;
import dev.shopwright.fraud.RiskLevel;
import dev.shopwright.fraud.RiskRule;
import dev.shopwright.shared.Address;

/**
 * The rules as one pure function: each fired rule adds its points, the score is their sum capped at 100, and the
 * level follows from the store's thresholds. A blocklist hit adds 100 points, so it is HIGH whatever the thresholds.
 */
public final class RiskScoring {

	public static final int BLOCKLIST_POINTS = 100;

	public record Scored(int score, RiskLevel level, List<FiredRule> rules) {
	}

	private RiskScoring() {
	}

	public static Scored score(FraudSettings settings, RiskCheck check, Assessments.Velocity velocity,
			List<BlockedValue> blocked) {
		List<FiredRule> rules = new ArrayList<>();
		for (BlockedValue entry : blocked) {
			rules.add(blocklistHit(entry));
		}
		int window = settings.windowMinutes();
		velocity(rules, RiskRule.EMAIL_VELOCITY, "this email", velocity.byEmail(), settings.emailVelocityLimit(),
				settings.emailVelocityPoints(), window);
		if (check.clientIp() != null) {
			velocity(rules, RiskRule.IP_VELOCITY, "IP address " + check.clientIp(), velocity.byIp(),
					settings.ipVelocityLimit(), settings.ipVelocityPoints(), window);
		}
		if (check.cardFingerprint() != null) {
			velocity(rules, RiskRule.CARD_VELOCITY, "this card", velocity.byCard(), settings.cardVelocityLimit(),
					settings.cardVelocityPoints(), window);
		}
		mismatch(rules, settings, check.billingAddress(), check.shippingAddress());
		if (check.newCustomer() && check.orderTotal().amount().compareTo(settings.highValueThreshold().amount()) >= 0) {
			// compared as given: a total in another currency than the threshold's is not converted (docs/fraud.md)
			rules.add(new FiredRule(RiskRule.HIGH_VALUE_NEW_CUSTOMER, "A new customer's order of %s (threshold %s)"
				.formatted(check.orderTotal(), settings.highValueThreshold()), settings.highValuePoints()));
		}
		// a rule a store weighs at 0 points is switched off: it is not listed as fired
		List<FiredRule> fired = rules.stream().filter(rule -> rule.points() > 0).toList();
		int score = Math.min(100, fired.stream().mapToInt(FiredRule::points).sum());
		return new Scored(score, settings.levelOf(score), fired);
	}

	/** The shipping country as the rules and the blocklist compare it (upper case), or null without one. */
	public static @Nullable String countryOf(@Nullable Address address) {
		return address == null || address.country() == null || address.country().isBlank() ? null
				: address.country().strip().toUpperCase(Locale.ROOT);
	}

	private static FiredRule blocklistHit(BlockedValue entry) {
		return switch (entry.type()) {
			case EMAIL -> new FiredRule(RiskRule.BLOCKED_EMAIL, "The email " + entry.value() + " is blocked", BLOCKLIST_POINTS);
			case EMAIL_DOMAIN -> new FiredRule(RiskRule.BLOCKED_EMAIL_DOMAIN,
					"The email domain " + entry.value() + " is blocked", BLOCKLIST_POINTS);
			case IP -> new FiredRule(RiskRule.BLOCKED_IP, "The IP address is blocked (" + entry.value() + ")", BLOCKLIST_POINTS);
			case CARD_FINGERPRINT -> new FiredRule(RiskRule.BLOCKED_CARD, "The card is blocked", BLOCKLIST_POINTS);
			case SHIPPING_COUNTRY -> new FiredRule(RiskRule.BLOCKED_SHIPPING_COUNTRY,
					"Shipping to " + entry.value() + " is blocked", BLOCKLIST_POINTS);
		};
	}

	private static void velocity(List<FiredRule> rules, RiskRule rule, String what, Assessments.Count earlier,
			int limit, int points, int windowMinutes) {
		int orders = earlier.earlier() + 1;
		if (orders > limit) {
			rules.add(new FiredRule(rule, "%s%d orders from %s in %d minutes (more than %d)".formatted(
					earlier.atLeast() ? "At least " : "", orders, what, windowMinutes, limit), points));
		}
	}

	private static void mismatch(List<FiredRule> rules, FraudSettings settings, @Nullable Address billing,
			@Nullable Address shipping) {
		String billingCountry = countryOf(billing);
		String shippingCountry = countryOf(shipping);
		if (billingCountry == null || shippingCountry == null) {
			return;
		}
		if (!billingCountry.equals(shippingCountry)) {
			rules.add(new FiredRule(RiskRule.COUNTRY_MISMATCH, "Billing country %s differs from shipping country %s"
				.formatted(billingCountry, shippingCountry), settings.countryMismatchPoints()));
			return;
		}
		String billingCode = postcode(billing);
		String shippingCode = postcode(shipping);
		if (billingCode != null && shippingCode != null && !billingCode.equals(shippingCode)) {
			rules.add(new FiredRule(RiskRule.POSTCODE_MISMATCH, "Billing postcode %s differs from shipping postcode %s"
				.formatted(billing.postalCode().strip(), shipping.postalCode().strip()), settings.postcodeMismatchPoints()));
		}
	}

	/** Postcodes compare without spaces and case: "sw1a 1aa" and "SW1A1AA" are one. */
	private static @Nullable String postcode(Address address) {
		return address.postalCode() == null || address.postalCode().isBlank() ? null
				: address.postalCode().replaceAll("\\s", "").toUpperCase(Locale.ROOT);
	}
}
