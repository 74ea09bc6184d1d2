package dev.shopwright.platform.console;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import dev.shopwright.platform.AuditLog;
import dev.shopwright.platform.CurrentStore;

/** The console's start page: where the merchant lands after logging in. */
@Controller
class HomeAdminController {

	private final AuditLog auditLog;

	private final CurrentStore currentStore;

	HomeAdminController(AuditLog auditLog, CurrentStore currentStore) {
		this.auditLog = auditLog;
		this.currentStore = currentStore;
	}

	@GetMapping({ "/admin", "/admin/" })
	@PreAuthorize("hasAuthority('CONSOLE_ACCESS')")
	String home(Model model, org.springframework.security.core.Authentication authentication) {
		boolean mayReadAudit = authentication.getAuthorities().stream()
			.anyMatch(authority -> "AUDIT_READ".equals(authority.getAuthority()));
		model.addAttribute("recentActivity", mayReadAudit
				? auditLog.find(currentStore.id(), AuditLog.Filter.none(), null, 8).items() : java.util.List.of());
		return "platform/home";
	}
}
