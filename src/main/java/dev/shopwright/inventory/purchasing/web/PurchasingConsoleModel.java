package dev.shopwright.inventory.purchasing.web;

import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Tells the purchasing screens whether the viewer may change anything, so read-only staff see no dead buttons. */
@ControllerAdvice(assignableTypes = { SupplierAdminController.class, PurchaseOrderAdminController.class,
		ReplenishmentAdminController.class })
class PurchasingConsoleModel {

	@ModelAttribute("canWrite")
	boolean canWrite(Authentication authentication) {
		return authentication != null && authentication.getAuthorities()
			.stream()
			.anyMatch(authority -> "INVENTORY_WRITE".equals(authority.getAuthority()));
	}
}
