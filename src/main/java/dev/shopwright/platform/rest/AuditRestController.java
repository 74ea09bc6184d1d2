package dev.shopwright.platform.rest;

import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.shopwright.platform.AuditLog;
import dev.shopwright.platform.CurrentStore;
import dev.shopwright.shared.Page;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

@RestController
@RequestMapping("/api/admin/v1/audit-log")
@Tag(name = "Audit log")
class AuditRestController {

	private final AuditLog auditLog;

	private final CurrentStore currentStore;

	AuditRestController(AuditLog auditLog, CurrentStore currentStore) {
		this.auditLog = auditLog;
		this.currentStore = currentStore;
	}

	@GetMapping
	@PreAuthorize("hasAuthority('AUDIT_READ')")
	@Operation(summary = "List audit log entries of the current store, newest first")
	Page<AuditLog.Entry> list(@RequestParam(required = false) @Nullable String action,
			@RequestParam(required = false) @Nullable String entityType,
			@RequestParam(required = false) @Nullable String entityId,
			@RequestParam(required = false) @Nullable String actor,
			@RequestParam(required = false) @Nullable String cursor,
			@RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit) {
		return auditLog.find(currentStore.id(), new AuditLog.Filter(action, entityType, entityId, actor), cursor, limit);
	}
}
