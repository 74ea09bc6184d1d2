package dev.shopwright.customers.rest;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.shopwright.customers.AddressDetails;
import dev.shopwright.customers.Customer;
import dev.shopwright.customers.CustomerAddress;
import dev.shopwright.customers.CustomerLoginThrottled;
import dev.shopwright.customers.CustomerManagement;
import dev.shopwright.customers.CustomerPrincipal;
import dev.shopwright.customers.ProfileChanges;
import dev.shopwright.customers.Registration;
import dev.shopwright.customers.security.StorefrontOrigin;
import dev.shopwright.platform.CurrentStore;
import dev.shopwright.platform.web.Problems;
import dev.shopwright.shared.Address;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * Shopper accounts through the Store API: register, log in for a customer token, the shopper's own profile
 * and addresses, log out, and password reset by email.
 */
@RestController
@RequestMapping("/api/store/v1/customers")
@Tag(name = "Store API: customers")
class StoreCustomersRestController {

	private static final String PROBLEM = "#/components/schemas/Problem";

	record Credentials(@NotBlank @Size(max = 254) String email, @NotBlank @Size(max = 200) String password) {
	}

	record Login(String token, Instant expiresAt, Customer customer) {
	}

	record AddressRequest(
			@Size(max = 100) @Nullable String firstName,
			@Size(max = 100) @Nullable String lastName,
			@Size(max = 200) @Nullable String company,
			@Size(max = 40) @Nullable String phone,
			@Valid @Nullable Address address,
			@Nullable Boolean defaultShipping,
			@Nullable Boolean defaultBilling) {

		AddressDetails details() {
			return new AddressDetails(firstName, lastName, company, phone, address == null ? Address.empty() : address);
		}
	}

	record ResetRequest(@NotBlank @Email @Size(max = 254) String email) {
	}

	record NewPassword(@NotBlank @Size(max = 200) String token, @NotBlank @Size(max = 200) String password) {
	}

	private final CustomerManagement customers;

	private final CurrentStore currentStore;

	private final StorefrontOrigin origin;

	StoreCustomersRestController(CustomerManagement customers, CurrentStore currentStore, StorefrontOrigin origin) {
		this.customers = customers;
		this.currentStore = currentStore;
		this.origin = origin;
	}

	@PostMapping
	@Operation(summary = "Register a shopper account in this store (email unique per store, any case)")
	@ApiResponse(responseCode = "201", description = "Created")
	ResponseEntity<Customer> register(@Valid @RequestBody Registration registration) {
		Customer customer = customers.register(currentStore.id(), registration);
		return ResponseEntity.created(URI.create("/api/store/v1/customers/me")).body(customer);
	}

	@PostMapping("/login")
	@Operation(summary = "Log in: a customer token (swc_…) to send as Authorization: Bearer; failed attempts are rate-limited")
	@ApiResponse(responseCode = "200", description = "Logged in")
	@ApiResponse(responseCode = "401", description = "Wrong email or password",
			content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = PROBLEM)))
	@ApiResponse(responseCode = "429", description = "Too many failed logins; see Retry-After",
			content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = PROBLEM)))
	ResponseEntity<Login> logIn(@Valid @RequestBody Credentials credentials, HttpServletRequest request) {
		var issued = customers.logIn(currentStore.id(), credentials.email(), credentials.password(), request.getRemoteAddr());
		// no-store: neither caches nor the idempotency store may keep the secret
		return ResponseEntity.ok().cacheControl(CacheControl.noStore())
			.body(new Login(issued.token(), issued.expiresAt(), issued.customer()));
	}

	@PostMapping("/logout")
	@Operation(summary = "Log out: revokes the customer token sent with this request",
			security = @SecurityRequirement(name = "customer"))
	@ApiResponse(responseCode = "204", description = "Token revoked")
	@ApiResponse(responseCode = "401", description = "No valid customer token",
			content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = PROBLEM)))
	ResponseEntity<Void> logOut(@AuthenticationPrincipal CustomerPrincipal shopper, HttpServletRequest request) {
		String header = request.getHeader(HttpHeaders.AUTHORIZATION);
		customers.logOut(shopper.storeId(), header.substring(7).strip());
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/me")
	@Operation(summary = "The signed-in shopper's account, with addresses", security = @SecurityRequirement(name = "customer"))
	@ApiResponse(responseCode = "401", description = "No valid customer token",
			content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = PROBLEM)))
	Customer me(@AuthenticationPrincipal CustomerPrincipal shopper) {
		return customers.get(shopper.storeId(), shopper.customerId());
	}

	@PatchMapping("/me")
	@Operation(summary = "Change the shopper's names, phone or marketing consent; absent fields stay, \"\" clears",
			security = @SecurityRequirement(name = "customer"))
	@ApiResponse(responseCode = "401", description = "No valid customer token",
			content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = PROBLEM)))
	Customer update(@AuthenticationPrincipal CustomerPrincipal shopper, @Valid @RequestBody ProfileChanges changes) {
		return customers.updateProfile(shopper.storeId(), shopper.customerId(), changes);
	}

	@GetMapping("/me/addresses")
	@Operation(summary = "The shopper's saved addresses", security = @SecurityRequirement(name = "customer"))
	@ApiResponse(responseCode = "401", description = "No valid customer token",
			content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = PROBLEM)))
	List<CustomerAddress> addresses(@AuthenticationPrincipal CustomerPrincipal shopper) {
		return customers.get(shopper.storeId(), shopper.customerId()).addresses();
	}

	@PostMapping("/me/addresses")
	@Operation(summary = "Save an address; the first becomes the default for shipping and billing",
			security = @SecurityRequirement(name = "customer"))
	@ApiResponse(responseCode = "201", description = "Created")
	@ApiResponse(responseCode = "401", description = "No valid customer token",
			content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = PROBLEM)))
	ResponseEntity<CustomerAddress> addAddress(@AuthenticationPrincipal CustomerPrincipal shopper,
			@Valid @RequestBody AddressRequest request) {
		CustomerAddress address = customers.addAddress(shopper.storeId(), shopper.customerId(), request.details(),
				Boolean.TRUE.equals(request.defaultShipping()), Boolean.TRUE.equals(request.defaultBilling()));
		return ResponseEntity.created(URI.create("/api/store/v1/customers/me/addresses/" + address.id())).body(address);
	}

	@PatchMapping("/me/addresses/{id}")
	@Operation(summary = "Replace an address's fields; defaultShipping/defaultBilling true make it the default",
			security = @SecurityRequirement(name = "customer"))
	@ApiResponse(responseCode = "401", description = "No valid customer token",
			content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = PROBLEM)))
	CustomerAddress updateAddress(@AuthenticationPrincipal CustomerPrincipal shopper,
			@Parameter(description = "Address id") @PathVariable UUID id, @Valid @RequestBody AddressRequest request) {
		customers.updateAddress(shopper.storeId(), shopper.customerId(), id, request.details());
		boolean shipping = Boolean.TRUE.equals(request.defaultShipping());
		boolean billing = Boolean.TRUE.equals(request.defaultBilling());
		if (shipping || billing) {
			return customers.makeDefaultAddress(shopper.storeId(), shopper.customerId(), id, shipping, billing);
		}
		return customers.get(shopper.storeId(), shopper.customerId()).addresses().stream()
			.filter(address -> address.id().equals(id)).findFirst().orElseThrow();
	}

	@DeleteMapping("/me/addresses/{id}")
	@Operation(summary = "Delete an address (a default it was stops being set)",
			security = @SecurityRequirement(name = "customer"))
	@ApiResponse(responseCode = "204", description = "Deleted")
	@ApiResponse(responseCode = "401", description = "No valid customer token",
			content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = PROBLEM)))
	ResponseEntity<Void> deleteAddress(@AuthenticationPrincipal CustomerPrincipal shopper,
			@Parameter(description = "Address id") @PathVariable UUID id) {
		customers.deleteAddress(shopper.storeId(), shopper.customerId(), id);
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/password-reset")
	@Operation(summary = "Email a password reset link (valid 1 hour, single use); always 202, whether or not the email has an account")
	@ApiResponse(responseCode = "202", description = "Accepted")
	ResponseEntity<Void> requestReset(@Valid @RequestBody ResetRequest reset, HttpServletRequest request) {
		customers.requestPasswordReset(currentStore.id(), reset.email(), origin.of(currentStore.id(), request),
				request.getRemoteAddr());
		return ResponseEntity.accepted().build();
	}

	@PostMapping("/password-reset/confirm")
	@Operation(summary = "Set a new password with the token from the reset email; every customer token of the account is revoked")
	@ApiResponse(responseCode = "204", description = "Password changed")
	ResponseEntity<Void> resetPassword(@Valid @RequestBody NewPassword body) {
		customers.resetPassword(body.token(), body.password());
		return ResponseEntity.noContent().build();
	}

	@ExceptionHandler(CustomerLoginThrottled.class)
	ResponseEntity<Object> throttled(CustomerLoginThrottled ex) {
		return ResponseEntity.status(429)
			.header(HttpHeaders.RETRY_AFTER, String.valueOf(ex.retryAfterSeconds()))
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.body(Problems.of(429, ex.code(), "Too Many Requests", ex.getMessage()));
	}
}
