package dev.shopwright.platform.console;

import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import dev.shopwright.platform.AuditLog;
import dev.shopwright.platform.CurrentStore;
import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;

/** The audit log screen: filterable, newest first, more rows loaded in place with htmx. */
@Controller
class AuditAdminController {

	private static final int PAGE_SIZE = 50;

	private final AuditLog auditLog;

	private final CurrentStore currentStore;

	AuditAdminController(AuditLog auditLog, CurrentStore currentStore) {
		this.auditLog = auditLog;
		this.currentStore = currentStore;
	}

	@GetMapping("/admin/audit")
	@PreAuthorize("hasAuthority('AUDIT_READ')")
	String list(@RequestParam(required = false) @Nullable String action,
			@RequestParam(required = false) @Nullable String entityType,
			@RequestParam(required = false) @Nullable String actor,
			@RequestParam(required = false) @Nullable String cursor, HtmxRequest htmx, Model model) {
		AuditLog.Filter filter = new AuditLog.Filter(blankToNull(action), blankToNull(entityType), null,
				blankToNull(actor));
		model.addAttribute("page", auditLog.find(currentStore.id(), filter, blankToNull(cursor), PAGE_SIZE));
		model.addAttribute("filter", filter);
		return htmx.isHtmxRequest() && cursor != null ? "platform/audit :: rows" : "platform/audit";
	}

	private static @Nullable String blankToNull(@Nullable String value) {
		return value == null || value.isBlank() ? null : value.trim();
	}
}
