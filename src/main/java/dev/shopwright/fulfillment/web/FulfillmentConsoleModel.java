package dev.shopwright.fulfillment.web;

import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Tells the fulfilment screens whether the viewer may change orders, so read-only staff see no dead buttons. */
@ControllerAdvice(assignableTypes = { FulfillmentAdminController.class })
class FulfillmentConsoleModel {

	@ModelAttribute("canWrite")
	boolean canWrite(Authentication authentication) {
		return authentication != null && authentication.getAuthorities()
			.stream()
			.anyMatch(authority -> "ORDERS_WRITE".equals(authority.getAuthority()));
	}
}
