package dev.shopwright.customers.web;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import dev.shopwright.customers.CustomerPrincipal;
import dev.shopwright.customers.security.ShopperSessions;

/**
 * Tells every storefront page who is signed in to the storefront (for "Sign in" or "Account" in the header),
 * read from the shopper's own session key, never from the staff console's login.
 */
@ControllerAdvice(basePackages = { "dev.shopwright.storefront", "dev.shopwright.customers.web",
		"dev.shopwright.checkout.web" })
class ShopperModel {

	private final ShopperSessions sessions;

	ShopperModel(ShopperSessions sessions) {
		this.sessions = sessions;
	}

	@ModelAttribute("shopper")
	@Nullable CustomerPrincipal shopper(HttpServletRequest request) {
		return sessions.current(request).orElse(null);
	}
}
