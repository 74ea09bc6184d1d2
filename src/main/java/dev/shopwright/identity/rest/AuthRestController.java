package dev.shopwright.identity.rest;

import java.time.Instant;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import dev.shopwright.identity.IssuedToken;
import dev.shopwright.identity.LoginThrottled;
import dev.shopwright.identity.StaffManagement;
import dev.shopwright.platform.web.Problems;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Exchanges a staff email and password for a short-lived bearer token. */
@RestController
@Tag(name = "Authentication")
class AuthRestController {

	record Credentials(@NotBlank @Size(max = 320) String email, @NotBlank @Size(max = 200) String password) {
	}

	record Token(String token, Instant expiresAt) {
	}

	private final StaffManagement staff;

	AuthRestController(StaffManagement staff) {
		this.staff = staff;
	}

	@PostMapping("/api/admin/v1/auth/token")
	@Operation(summary = "Log in: a bearer token acting as this staff member (1 hour); failed attempts are rate-limited")
	ResponseEntity<Token> token(@Valid @RequestBody Credentials credentials, HttpServletRequest request) {
		IssuedToken issued = staff.issueLoginToken(
				staff.login(credentials.email(), credentials.password(), request.getRemoteAddr()));
		// no-store: neither caches nor the idempotency store may keep the secret
		return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(new Token(issued.secret(), issued.expiresAt()));
	}

	@ExceptionHandler(LoginThrottled.class)
	ResponseEntity<Object> throttled(LoginThrottled ex) {
		return ResponseEntity.status(429)
			.header(HttpHeaders.RETRY_AFTER, String.valueOf(ex.retryAfterSeconds()))
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.body(Problems.of(429, ex.code(), "Too Many Requests", ex.getMessage()));
	}
}
