package dev.shopwright.pricing.web;

import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Tells the checkout settings screens whether the viewer may change settings, so read-only staff see no dead forms. */
@ControllerAdvice(assignableTypes = { TaxAdminController.class, CurrencyAdminController.class })
class PricingConsoleModel {

	@ModelAttribute("canWrite")
	boolean canWrite(Authentication authentication) {
		return authentication != null && authentication.getAuthorities().stream()
			.anyMatch(authority -> "SETTINGS_MANAGE".equals(authority.getAuthority()));
	}
}
