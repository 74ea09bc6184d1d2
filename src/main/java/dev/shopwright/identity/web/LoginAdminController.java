package dev.shopwright.identity.web;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

import dev.shopwright.identity.security.StaffPrincipal;

/** The console's login page; signing in itself is handled by Spring Security's form login. */
@Controller
class LoginAdminController {

	@GetMapping("/admin/login")
	String login() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && authentication.getPrincipal() instanceof StaffPrincipal) {
			return "redirect:/admin";
		}
		return "identity/login";
	}
}
