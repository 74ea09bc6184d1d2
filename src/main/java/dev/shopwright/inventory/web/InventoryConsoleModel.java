package dev.shopwright.inventory.web;

import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Tells the inventory screens whether the viewer may change stock, so read-only staff see no dead buttons. */
@ControllerAdvice(assignableTypes = { StockAdminController.class, LocationAdminController.class,
		TransferAdminController.class, CountAdminController.class, ReservationAdminController.class })
class InventoryConsoleModel {

	@ModelAttribute("canWrite")
	boolean canWrite(Authentication authentication) {
		return authentication != null && authentication.getAuthorities()
			.stream()
			.anyMatch(authority -> "INVENTORY_WRITE".equals(authority.getAuthority()));
	}
}
