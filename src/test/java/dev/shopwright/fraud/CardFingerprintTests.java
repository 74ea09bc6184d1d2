package dev.shopwright.fraud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.shopwright.fraud.domain.CardFingerprints;
import dev.shopwright.platform.BusinessRuleViolation;
import dev.shopwright.testing.ShopwrightTest;

/** Fingerprints identify a card without revealing it: keyed, stable for one key, different under another. */
@ShopwrightTest
class CardFingerprintTests {

	private static final String PAN = "4242424242424242";

	@Autowired
	FraudManagement fraud;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theFingerprintIsAStableKeyedHashThatNeverContainsTheCardNumber() {
		String fingerprint = fraud.cardFingerprint(PAN);
		assertThat(fingerprint).matches("[0-9a-f]{64}").isNotEqualTo(PAN).doesNotContain(PAN)
			.doesNotContain(PAN.substring(PAN.length() - 4) + PAN.substring(0, 6));
		assertThat(fraud.cardFingerprint("4242 4242 4242 4242")).isEqualTo(fingerprint);
		assertThat(fraud.cardFingerprint("4242-4242-4242-4242")).isEqualTo(fingerprint);
		assertThat(fraud.cardFingerprint("4000056655665556")).isNotEqualTo(fingerprint);

		// the installation's key was generated once and kept: the same key gives the same fingerprint
		String key = jdbc.sql("select value from fraud.installation_secret where name = 'card-fingerprint'")
			.query(String.class).single();
		assertThat(key).hasSizeGreaterThanOrEqualTo(32);
		assertThat(CardFingerprints.fingerprint(key.getBytes(StandardCharsets.UTF_8), PAN)).isEqualTo(fingerprint);
		// without the key the fingerprint cannot be recomputed: another key gives another value
		assertThat(CardFingerprints.fingerprint("another-installation-key-of-32-chars".getBytes(StandardCharsets.UTF_8), PAN))
			.isNotEqualTo(fingerprint).matches("[0-9a-f]{64}");
	}

	@Test
	void somethingThatIsNoCardNumberIsRefused() {
		assertThatThrownBy(() -> fraud.cardFingerprint("4242"))
			.isInstanceOfSatisfying(BusinessRuleViolation.class, ex -> assertThat(ex.code()).isEqualTo("INVALID_CARD_NUMBER"));
		assertThatThrownBy(() -> fraud.cardFingerprint("4242abcd42424242")).isInstanceOf(BusinessRuleViolation.class);
	}

	@Test
	void aRiskCheckRefusesACardNumberWhereTheFingerprintBelongs() {
		assertThatThrownBy(() -> new RiskCheck("order-1", "a@example.com", null, PAN, null, null,
				dev.shopwright.shared.Money.of("1.00", "EUR"), null, true, 1)).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("never a card number");
	}
}
