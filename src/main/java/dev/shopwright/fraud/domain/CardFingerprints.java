package dev.shopwright.fraud.domain;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import dev.shopwright.platform.BusinessRuleViolation;

/**
 * Card fingerprints: HMAC-SHA256 of the card number's digits under a per-installation key, in hex. The same card gives
 * the same fingerprint on every node and across restarts, yet the number cannot be recovered or guessed from it
 * without the key. The key is {@code shopwright.fraud.card-fingerprint-key} (like the gateway webhook secrets, a
 * property), or, when that is not set, one generated at first use and kept in {@code fraud.installation_secret}.
 */
@Component
public class CardFingerprints {

	private static final String SECRET_NAME = "card-fingerprint";

	private final JdbcClient jdbc;

	private final @Nullable String configuredKey;

	private volatile byte @Nullable [] key;

	CardFingerprints(JdbcClient jdbc, @Value("${shopwright.fraud.card-fingerprint-key:}") String configuredKey) {
		this.jdbc = jdbc;
		if (!configuredKey.isBlank() && configuredKey.strip().length() < 32) {
			throw new IllegalStateException("shopwright.fraud.card-fingerprint-key must be at least 32 characters");
		}
		this.configuredKey = configuredKey.isBlank() ? null : configuredKey.strip();
	}

	/** The fingerprint of a card number (spaces and dashes ignored); a number that is not 12-19 digits is refused. */
	public String of(String cardNumber) {
		return fingerprint(key(), cardNumber);
	}

	/** The fingerprint of {@code cardNumber} under {@code key}: a pure function, so tests can vary the key. */
	public static String fingerprint(byte[] key, String cardNumber) {
		String digits = digitsOf(cardNumber);
		if (digits == null) {
			throw BusinessRuleViolation.ofField("INVALID_CARD_NUMBER", "cardNumber", "a card number has 12 to 19 digits");
		}
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(key, "HmacSHA256"));
			return HexFormat.of().formatHex(mac.doFinal(digits.getBytes(StandardCharsets.US_ASCII)));
		}
		catch (NoSuchAlgorithmException | InvalidKeyException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The digits of something that looks like a card number (12-19 digits, spaces and dashes allowed), else null. */
	public static @Nullable String digitsOf(String cardNumber) {
		String digits = cardNumber.replaceAll("[\\s-]", "");
		return digits.matches("\\d{12,19}") ? digits : null;
	}

	private byte[] key() {
		byte[] current = key;
		if (current == null) {
			synchronized (this) {
				current = key;
				if (current == null) {
					current = (configuredKey != null ? configuredKey : installationKey()).getBytes(StandardCharsets.UTF_8);
					key = current;
				}
			}
		}
		return current;
	}

	/** The generated key: whichever node inserts first wins, every other node reads the same row. */
	private String installationKey() {
		byte[] random = new byte[32];
		new SecureRandom().nextBytes(random);
		jdbc.sql("insert into fraud.installation_secret (name, value) values (:name, :value) on conflict (name) do nothing")
			.param("name", SECRET_NAME)
			.param("value", Base64.getUrlEncoder().withoutPadding().encodeToString(random))
			.update();
		return jdbc.sql("select value from fraud.installation_secret where name = :name")
			.param("name", SECRET_NAME)
			.query(String.class)
			.single();
	}
}
