package dev.shopwright.checkout.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Component;

import dev.shopwright.checkout.CartId;
import dev.shopwright.shared.StoreId;

/**
 * The storefront's memory of a shopper's cart: one cookie holding the store, the cart id and the cart's token,
 * signed with HMAC-SHA256 so that a changed or made-up cookie is ignored before it reaches the database. HttpOnly
 * (no script reads the token), SameSite=Lax (not sent with cross-site posts), Secure over HTTPS.
 * <p>
 * The key comes from {@code shopwright.storefront.cart-cookie-key} (several nodes must share it); without it, one is
 * made on first start and kept in {@code ${shopwright.home}/cart-cookie.key}, so carts survive a restart.
 */
@Component
class CartCookie {

	static final String NAME = "sw_cart";

	private static final Duration LIFETIME = Duration.ofDays(30);

	private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

	private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

	/** What the cookie says, once its signature is checked. */
	record Held(StoreId store, CartId cart, String token) {

		@Override
		public String toString() {
			return "Held[" + store + ", " + cart + ", token=****]";
		}
	}

	private final SecretKeySpec key;

	CartCookie(@Value("${shopwright.storefront.cart-cookie-key:}") String configuredKey,
			@Value("${shopwright.home:var}") String home) {
		byte[] secret = configuredKey.isBlank() ? keptKey(Path.of(home, "cart-cookie.key"))
				: configuredKey.getBytes(StandardCharsets.UTF_8);
		if (secret.length < 32) {
			throw new IllegalStateException("shopwright.storefront.cart-cookie-key must be at least 32 characters");
		}
		this.key = new SecretKeySpec(secret, "HmacSHA256");
	}

	/** The cart this browser holds in this store, if its cookie is there and signed by us. */
	Optional<Held> read(HttpServletRequest request, StoreId store) {
		Cookie[] cookies = request.getCookies();
		if (cookies == null) {
			return Optional.empty();
		}
		for (Cookie cookie : cookies) {
			if (NAME.equals(cookie.getName())) {
				return parse(cookie.getValue()).filter(held -> held.store().equals(store));
			}
		}
		return Optional.empty();
	}

	void write(HttpServletRequest request, HttpServletResponse response, Held held) {
		String payload = held.store() + "|" + held.cart() + "|" + held.token();
		String value = ENCODER.encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "."
				+ ENCODER.encodeToString(sign(payload));
		response.addHeader("Set-Cookie", ResponseCookie.from(NAME, value).path("/").httpOnly(true).sameSite("Lax")
			.secure(request.isSecure()).maxAge(LIFETIME).build().toString());
	}

	private Optional<Held> parse(String value) {
		int dot = value.indexOf('.');
		if (dot < 0) {
			return Optional.empty();
		}
		try {
			String payload = new String(DECODER.decode(value.substring(0, dot)), StandardCharsets.UTF_8);
			if (!MessageDigest.isEqual(sign(payload), DECODER.decode(value.substring(dot + 1)))) {
				return Optional.empty();
			}
			String[] parts = payload.split("\\|", 3);
			return parts.length != 3 ? Optional.empty()
					: Optional.of(new Held(StoreId.of(parts[0]), CartId.of(parts[1]), parts[2]));
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty(); // not base64, or not ids: somebody else's cookie of that name
		}
	}

	/**
	 * A signature with the cookie's key for another storefront secret (the recovery link): the same key, so that
	 * every node that can read the cookie can check it; the payload names its purpose so the two never mix.
	 */
	String signature(String payload) {
		return ENCODER.encodeToString(sign(payload));
	}

	private byte[] sign(String payload) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(key);
			return mac.doFinal(payload.getBytes(StandardCharsets.UTF_8));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("every JVM has HmacSHA256", ex);
		}
	}

	/** The key kept on disk, made (readable by this user only) when there is none yet. */
	private static byte[] keptKey(Path file) {
		try {
			if (Files.exists(file)) {
				return Files.readAllBytes(file);
			}
			byte[] secret = new byte[48];
			new SecureRandom().nextBytes(secret);
			byte[] encoded = ENCODER.encode(secret);
			Files.createDirectories(file.toAbsolutePath().getParent());
			Path temporary = Files.createTempFile(file.toAbsolutePath().getParent(), "cart-cookie", ".key");
			try {
				Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-------"));
			}
			catch (UnsupportedOperationException ex) {
				// not a POSIX file system: the directory's own protection applies
			}
			Files.write(temporary, encoded, StandardOpenOption.TRUNCATE_EXISTING);
			try {
				// two nodes starting at once on a shared home: the first key written wins, both read it
				Files.move(temporary, file);
			}
			catch (java.nio.file.FileAlreadyExistsException ex) {
				Files.deleteIfExists(temporary);
			}
			return Files.readAllBytes(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot keep the cart cookie key in " + file
					+ "; set shopwright.storefront.cart-cookie-key", ex);
		}
	}
}
