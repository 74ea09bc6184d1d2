package dev.shopwright.identity.rest;

import java.net.URI;
import java.time.Instant;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.shopwright.identity.ApiToken;
import dev.shopwright.identity.IssuedToken;
import dev.shopwright.identity.Role;
import dev.shopwright.identity.StaffManagement;
import dev.shopwright.platform.CurrentStore;
import dev.shopwright.platform.Cursor;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.web.bind.annotation.RequestParam;
import dev.shopwright.shared.Page;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Long-lived API tokens of the current store, each with one role. */
@RestController
@RequestMapping("/api/admin/v1/api-tokens")
@Tag(name = "API tokens")
class ApiTokensRestController {

	record CreateToken(@NotBlank @Size(max = 100) String name, @NotNull Role role, @Nullable Instant expiresAt) {
	}

	record CreatedToken(ApiToken token, String secret) {
	}

	private final StaffManagement staff;

	private final CurrentStore currentStore;

	ApiTokensRestController(StaffManagement staff, CurrentStore currentStore) {
		this.staff = staff;
		this.currentStore = currentStore;
	}

	@GetMapping
	@PreAuthorize("hasAuthority('API_TOKENS_MANAGE')")
	@Operation(summary = "List the store's API tokens, newest first (secrets are never shown again)")
	Page<ApiToken> list(@RequestParam(required = false) @Nullable String cursor,
			@RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit) {
		return Cursor.page(staff.apiTokensOf(currentStore.id()), token -> token.id().toString(), cursor, limit);
	}

	@PostMapping
	@PreAuthorize("hasAuthority('API_TOKENS_MANAGE')")
	@Operation(summary = "Create an API token; the response holds its secret, shown this once only")
	ResponseEntity<CreatedToken> create(@Valid @RequestBody CreateToken request) {
		IssuedToken issued = staff.createApiToken(currentStore.id(), request.name(), request.role(), request.expiresAt());
		return ResponseEntity.created(URI.create("/api/admin/v1/api-tokens/" + issued.token().id()))
			.cacheControl(CacheControl.noStore()) // the secret is shown once: kept by no cache and no idempotency record
			.body(new CreatedToken(issued.token(), issued.secret()));
	}

	@DeleteMapping("/{id}")
	@PreAuthorize("hasAuthority('API_TOKENS_MANAGE')")
	@Operation(summary = "Revoke an API token; it stops working at once")
	ResponseEntity<Void> revoke(@PathVariable UUID id) {
		staff.revokeApiToken(currentStore.id(), id);
		return ResponseEntity.noContent().build();
	}
}
