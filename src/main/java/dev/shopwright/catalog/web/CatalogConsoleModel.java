package dev.shopwright.catalog.web;

import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Tells the catalog screens whether the viewer may change anything, so read-only staff see no dead buttons. */
@ControllerAdvice(assignableTypes = { ProductAdminController.class, CategoryAdminController.class,
		CollectionAdminController.class, AttributeAdminController.class })
class CatalogConsoleModel {

	@ModelAttribute("canWrite")
	boolean canWrite(Authentication authentication) {
		return authentication != null && authentication.getAuthorities().stream()
			.anyMatch(authority -> "CATALOG_WRITE".equals(authority.getAuthority()));
	}
}
