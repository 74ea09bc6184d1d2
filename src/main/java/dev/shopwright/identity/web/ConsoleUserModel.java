package dev.shopwright.identity.web;

import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import dev.shopwright.identity.security.StaffPrincipal;

/** Puts the signed-in staff member into every console page (header and account menu). */
@ControllerAdvice(annotations = Controller.class)
class ConsoleUserModel {

	@ModelAttribute("consoleUser")
	@Nullable StaffPrincipal consoleUser(@Nullable Authentication authentication) {
		return authentication != null && authentication.getPrincipal() instanceof StaffPrincipal principal ? principal
				: null;
	}
}
