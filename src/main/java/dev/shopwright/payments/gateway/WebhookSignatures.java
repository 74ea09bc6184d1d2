package dev.shopwright.payments.gateway;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.jspecify.annotations.Nullable;

/**
 * HMAC-SHA256 webhook signatures in the common {@code t=<unix seconds>,v1=<hex>} form, computed over
 * {@code <t>.<payload>}: the timestamp inside the signed text stops an old delivery from being replayed later.
 */
public final class WebhookSignatures {

	public static final String HEADER = "Shopwright-Signature";

	private static final Duration TOLERANCE = Duration.ofMinutes(5);

	private WebhookSignatures() {
	}

	public static String sign(String secret, String payload, Instant at) {
		long timestamp = at.getEpochSecond();
		return "t=" + timestamp + ",v1=" + hmac(secret, timestamp + "." + payload);
	}

	/** @throws InvalidWebhookSignature unless {@code header} is a fresh signature of {@code payload} with {@code secret} */
	public static void verify(String secret, String payload, @Nullable String header, Instant now) {
		if (header == null || header.isBlank()) {
			throw new InvalidWebhookSignature("no " + HEADER + " header");
		}
		Long timestamp = null;
		String signature = null;
		for (String part : header.split(",")) {
			String[] pair = part.trim().split("=", 2);
			if (pair.length == 2 && pair[0].equals("t")) {
				try {
					timestamp = Long.parseLong(pair[1]);
				}
				catch (NumberFormatException ex) {
					throw new InvalidWebhookSignature("malformed timestamp");
				}
			}
			else if (pair.length == 2 && pair[0].equals("v1")) {
				signature = pair[1];
			}
		}
		if (timestamp == null || signature == null) {
			throw new InvalidWebhookSignature("malformed " + HEADER + " header");
		}
		if (Duration.between(Instant.ofEpochSecond(timestamp), now).abs().compareTo(TOLERANCE) > 0) {
			throw new InvalidWebhookSignature("signature timestamp outside the 5-minute tolerance");
		}
		byte[] expected = hmac(secret, timestamp + "." + payload).getBytes(StandardCharsets.US_ASCII);
		if (!MessageDigest.isEqual(expected, signature.getBytes(StandardCharsets.US_ASCII))) {
			throw new InvalidWebhookSignature("signature does not match");
		}
	}

	private static String hmac(String secret, String text) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException | InvalidKeyException ex) {
			throw new IllegalStateException(ex);
		}
	}
}
