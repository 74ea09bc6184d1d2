package dev.shopwright.checkout.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import dev.shopwright.checkout.CartId;
import dev.shopwright.shared.StoreId;

/**
 * The link in an abandoned checkout's recovery mail: {@code /cart/recover/{cart}?expires=…&signature=…}, signed with
 * the cart cookie's key (HMAC-SHA256 over store, cart and expiry), valid for
 * {@code shopwright.checkout.recovery-link-lifetime} (7 days). A changed or expired link opens nothing.
 */
@Component
class RecoveryLinks {

	private final CartCookie cookie;

	private final Duration lifetime;

	RecoveryLinks(CartCookie cookie, @Value("${shopwright.checkout.recovery-link-lifetime:P7D}") Duration lifetime) {
		this.cookie = cookie;
		this.lifetime = lifetime;
	}

	Duration lifetime() {
		return lifetime;
	}

	String path(StoreId store, CartId cart) {
		long expires = Instant.now().plus(lifetime).getEpochSecond();
		return "/cart/recover/" + cart + "?expires=" + expires + "&signature=" + cookie.signature(payload(store, cart, expires));
	}

	boolean valid(StoreId store, CartId cart, long expires, @Nullable String signature) {
		if (signature == null || Instant.now().getEpochSecond() > expires) {
			return false;
		}
		return MessageDigest.isEqual(cookie.signature(payload(store, cart, expires)).getBytes(StandardCharsets.US_ASCII),
				signature.getBytes(StandardCharsets.US_ASCII));
	}

	private static String payload(StoreId store, CartId cart, long expires) {
		return "recover|" + store + "|" + cart + "|" + expires;
	}
}
