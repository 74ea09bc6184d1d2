package dev.shopwright.orders;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The form in which an order keeps the cart token of the checkout that placed it: SHA-256, lower-case hex. The token
 * itself is never stored, so a database leak does not open anyone's order page.
 */
public final class ShopperTokens {

	private ShopperTokens() {
	}

	public static String hash(String token) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("every JVM has SHA-256", ex);
		}
	}

	/** Whether {@code token} is the one whose hash the order keeps; compared in constant time. */
	public static boolean matches(String token, String expectedHash) {
		return MessageDigest.isEqual(hash(token).getBytes(StandardCharsets.US_ASCII),
				expectedHash.getBytes(StandardCharsets.US_ASCII));
	}
}
