package dev.shopwright.fraud.rest;

import java.net.URI;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.shopwright.fraud.AssessmentListing;
import dev.shopwright.fraud.BlockType;
import dev.shopwright.fraud.BlockedValue;
import dev.shopwright.fraud.FraudManagement;
import dev.shopwright.fraud.FraudSettings;
import dev.shopwright.fraud.ReviewDecision;
import dev.shopwright.fraud.RiskAssessment;
import dev.shopwright.fraud.RiskAssessmentId;
import dev.shopwright.fraud.RiskLevel;
import dev.shopwright.platform.CurrentStore;
import dev.shopwright.shared.Page;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Fraud screening through the Admin API: the rule settings, the blocklist, the assessments and their review. */
@RestController
@Tag(name = "Fraud")
class FraudRestController {

	record BlockRequest(@NotNull BlockType type,
			@Schema(description = "An email, a domain, an IP or CIDR range, a card fingerprint (or a card number, "
					+ "fingerprinted and never stored) or an ISO country code") @NotBlank @Size(max = 320) String value,
			@Size(max = 500) @Nullable String note) {
	}

	record ReviewRequest(@NotNull ReviewDecision decision,
			@Schema(description = "With FRAUDULENT: also block the assessment's email, IP and card fingerprint")
			@Nullable Boolean blockSignals, @Size(max = 1000) @Nullable String note) {
	}

	private final FraudManagement fraud;

	private final CurrentStore currentStore;

	FraudRestController(FraudManagement fraud, CurrentStore currentStore) {
		this.fraud = fraud;
		this.currentStore = currentStore;
	}

	@GetMapping("/api/admin/v1/fraud/settings")
	@PreAuthorize("hasAuthority('SETTINGS_MANAGE')")
	@Operation(summary = "The store's screening rules: velocity window and limits, points per rule, thresholds")
	FraudSettings settings() {
		return fraud.settings(currentStore.id());
	}

	@PutMapping("/api/admin/v1/fraud/settings")
	@PreAuthorize("hasAuthority('SETTINGS_MANAGE')")
	@Operation(summary = "Replace the store's screening rules (INVALID_FRAUD_SETTINGS unless MEDIUM < HIGH and the "
			+ "high-value threshold is in the store's currency)")
	@ApiResponse(responseCode = "200", description = "the settings now in force")
	@ApiResponse(responseCode = "422", description = "The settings contradict each other; `errors` names the fields",
			content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "#/components/schemas/Problem")))
	FraudSettings updateSettings(@Valid @RequestBody FraudSettings request) {
		return fraud.updateSettings(currentStore.id(), request);
	}

	@GetMapping("/api/admin/v1/fraud/blocklist")
	@PreAuthorize("hasAuthority('ORDERS_READ')")
	@Operation(summary = "The store's blocklist, newest first; filter by type")
	Page<BlockedValue> blocklist(@RequestParam(required = false) @Nullable BlockType type,
			@RequestParam(required = false) @Nullable String cursor,
			@RequestParam(defaultValue = "50") @Min(1) @Max(250) int limit) {
		return fraud.blocklist(currentStore.id(), type, cursor, limit);
	}

	@GetMapping("/api/admin/v1/fraud/blocklist/{id}")
	@PreAuthorize("hasAuthority('ORDERS_READ')")
	@Operation(summary = "One blocklist entry")
	BlockedValue blockedValue(@PathVariable UUID id) {
		return fraud.blockedValue(currentStore.id(), id);
	}

	@PostMapping("/api/admin/v1/fraud/blocklist")
	@PreAuthorize("hasAuthority('ORDERS_WRITE')")
	@Operation(summary = "Block an email, email domain, IP address or range, card or shipping country: the next "
			+ "assessment that matches is HIGH")
	@ApiResponse(responseCode = "201", description = "the new entry")
	@ApiResponse(responseCode = "409", description = "The value is already blocked (ALREADY_BLOCKED)",
			content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "#/components/schemas/Problem")))
	@ApiResponse(responseCode = "422", description = "The value is not one of its type (INVALID_BLOCKED_VALUE)",
			content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "#/components/schemas/Problem")))
	ResponseEntity<BlockedValue> block(@Valid @RequestBody BlockRequest request) {
		BlockedValue entry = fraud.block(currentStore.id(), request.type(), request.value(), request.note());
		return ResponseEntity.created(URI.create("/api/admin/v1/fraud/blocklist/" + entry.id())).body(entry);
	}

	@DeleteMapping("/api/admin/v1/fraud/blocklist/{id}")
	@PreAuthorize("hasAuthority('ORDERS_WRITE')")
	@Operation(summary = "Remove a blocklist entry")
	@ApiResponse(responseCode = "204", description = "removed")
	ResponseEntity<Void> unblock(@PathVariable UUID id) {
		fraud.unblock(currentStore.id(), id);
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/api/admin/v1/fraud/assessments")
	@PreAuthorize("hasAuthority('ORDERS_READ')")
	@Operation(summary = "Risk assessments in review-queue order (HIGH first, then newest); filter by level, "
			+ "awaiting review, order reference")
	Page<RiskAssessment> assessments(@RequestParam(required = false) @Nullable RiskLevel level,
			@Parameter(description = "Only assessments nobody has reviewed yet")
			@RequestParam(defaultValue = "false") boolean unreviewed,
			@RequestParam(required = false) @Size(max = 200) @Nullable String reference,
			@RequestParam(required = false) @Nullable String cursor,
			@RequestParam(defaultValue = "50") @Min(1) @Max(250) int limit) {
		return fraud.assessments(currentStore.id(), new AssessmentListing(level, unreviewed,
				reference == null || reference.isBlank() ? null : reference.strip()), cursor, limit);
	}

	@GetMapping("/api/admin/v1/fraud/assessments/{id}")
	@PreAuthorize("hasAuthority('ORDERS_READ')")
	@Operation(summary = "One assessment with the rules that fired, their reasons and points, and its review")
	RiskAssessment assessment(@PathVariable UUID id) {
		return fraud.assessment(currentStore.id(), new RiskAssessmentId(id));
	}

	@PostMapping("/api/admin/v1/fraud/assessments/{id}/review")
	@PreAuthorize("hasAuthority('ORDERS_WRITE')")
	@Operation(summary = "Mark an assessment reviewed: APPROVED or FRAUDULENT (optionally blocking its email, IP and "
			+ "card in the same step)")
	@ApiResponse(responseCode = "200", description = "the reviewed assessment")
	@ApiResponse(responseCode = "409", description = "The assessment was already reviewed (ALREADY_REVIEWED)",
			content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "#/components/schemas/Problem")))
	@ApiResponse(responseCode = "422", description = "blockSignals without FRAUDULENT (BLOCK_REQUIRES_FRAUDULENT)",
			content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "#/components/schemas/Problem")))
	RiskAssessment review(@PathVariable UUID id, @Valid @RequestBody ReviewRequest request) {
		return fraud.review(currentStore.id(), new RiskAssessmentId(id), request.decision(),
				Boolean.TRUE.equals(request.blockSignals()), request.note());
	}
}
