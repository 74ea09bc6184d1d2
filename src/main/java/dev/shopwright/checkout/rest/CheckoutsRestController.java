package dev.shopwright.checkout.rest;

import java.util.Locale;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.shopwright.checkout.AbandonedCheckout;
import dev.shopwright.checkout.AbandonedListing;
import dev.shopwright.checkout.CartId;
import dev.shopwright.checkout.CheckoutManagement;
import dev.shopwright.platform.BusinessRuleViolation;
import dev.shopwright.platform.CurrentStore;
import dev.shopwright.shared.Page;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Abandoned checkouts through the Admin API: the list, the recovery mail and its automatic sending. */
@RestController
@Validated
@Tag(name = "Checkouts")
class CheckoutsRestController {

	private static final String PROBLEM = "#/components/schemas/Problem";

	record RecoveryMailRequest(
			@Schema(description = "Send it although one went out already (staff deliberately re-send)") @Nullable Boolean again) {
	}

	record RecoverySettings(@Schema(description = "Hours after abandonment at which the recovery mail goes out by "
			+ "itself (1–720); null: only when staff send it") @Nullable Integer autoSendAfterHours) {
	}

	private final CheckoutManagement checkout;

	private final CurrentStore currentStore;

	CheckoutsRestController(CheckoutManagement checkout, CurrentStore currentStore) {
		this.checkout = checkout;
		this.currentStore = currentStore;
	}

	@GetMapping("/api/admin/v1/checkouts")
	@PreAuthorize("hasAuthority('ORDERS_READ')")
	@Operation(summary = "Abandoned checkouts, most recently abandoned first: email, value (priced now), lines, age, "
			+ "recovery mails, recovered")
	@ApiResponse(responseCode = "422", description = "An unknown status (VALIDATION_FAILED)",
			content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = PROBLEM)))
	Page<AbandonedCheckout> list(
			@Parameter(description = "abandoned (still open), recovered (became an order through the recovery link) or all",
					schema = @Schema(allowableValues = { "abandoned", "recovered", "all" }))
			@RequestParam(defaultValue = "abandoned") String status,
			@RequestParam(required = false) @Nullable String cursor,
			@RequestParam(defaultValue = "50") @Min(1) @Max(250) int limit) {
		AbandonedListing listing;
		try {
			listing = AbandonedListing.valueOf(status.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw BusinessRuleViolation.ofField("VALIDATION_FAILED", "status", "one of abandoned, recovered, all");
		}
		return checkout.abandonedCheckouts(currentStore.id(), listing, cursor == null || cursor.isBlank() ? null : cursor,
				limit);
	}

	@GetMapping("/api/admin/v1/checkouts/{id}")
	@PreAuthorize("hasAuthority('ORDERS_READ')")
	@Operation(summary = "One abandoned checkout")
	@ApiResponse(responseCode = "404", description = "No abandoned checkout with this id in this store (CART_NOT_FOUND)",
			content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = PROBLEM)))
	AbandonedCheckout get(@PathVariable UUID id) {
		return checkout.abandonedCheckout(currentStore.id(), new CartId(id));
	}

	@PostMapping("/api/admin/v1/checkouts/{id}/recovery-email")
	@PreAuthorize("hasAuthority('ORDERS_WRITE')")
	@Operation(summary = "Send the recovery mail with the link that restores the cart (once, unless again=true)")
	@ApiResponse(responseCode = "200", description = "Sent; the checkout with its recovery count")
	@ApiResponse(responseCode = "404", description = "No abandoned checkout with this id in this store (CART_NOT_FOUND)",
			content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = PROBLEM)))
	@ApiResponse(responseCode = "409", description = "RECOVERY_ALREADY_SENT (send again with again=true) or NOT_ABANDONED",
			content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = PROBLEM)))
	AbandonedCheckout sendRecovery(@PathVariable UUID id,
			@Valid @RequestBody(required = false) @Nullable RecoveryMailRequest request) {
		return checkout.sendRecoveryMail(currentStore.id(), new CartId(id),
				request != null && Boolean.TRUE.equals(request.again()));
	}

	@GetMapping("/api/admin/v1/checkouts/recovery-settings")
	@PreAuthorize("hasAuthority('ORDERS_READ')")
	@Operation(summary = "Whether the recovery mail goes out by itself, and after how many hours")
	RecoverySettings settings() {
		var hours = checkout.automaticRecoveryHours(currentStore.id());
		return new RecoverySettings(hours.isPresent() ? hours.getAsInt() : null);
	}

	@PutMapping("/api/admin/v1/checkouts/recovery-settings")
	@PreAuthorize("hasAuthority('SETTINGS_MANAGE')")
	@Operation(summary = "Send the recovery mail by itself N hours after abandonment (null: off, the default)")
	@ApiResponse(responseCode = "422", description = "Hours outside 1–720 (VALIDATION_FAILED)",
			content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = PROBLEM)))
	RecoverySettings updateSettings(@Valid @RequestBody RecoverySettings settings) {
		checkout.setAutomaticRecoveryHours(currentStore.id(), settings.autoSendAfterHours());
		return settings();
	}
}
