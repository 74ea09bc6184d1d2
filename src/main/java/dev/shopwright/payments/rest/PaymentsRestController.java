package dev.shopwright.payments.rest;

import java.net.URI;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.shopwright.payments.CaptureMode;
import dev.shopwright.payments.CardInput;
import dev.shopwright.payments.PaymentIntent;
import dev.shopwright.payments.PaymentIntentId;
import dev.shopwright.payments.PaymentListing;
import dev.shopwright.payments.PaymentManagement;
import dev.shopwright.payments.PaymentMethod;
import dev.shopwright.payments.PaymentSettings;
import dev.shopwright.payments.PaymentStatus;
import dev.shopwright.payments.StartPayment;
import dev.shopwright.platform.CurrentStore;
import dev.shopwright.shared.Money;
import dev.shopwright.shared.Page;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Payments through the Admin API: look them up with their transactions, capture, void, refund, mark paid. */
@RestController
@Tag(name = "Payments")
class PaymentsRestController {

	private static final String KEY_HEADER = "Idempotency-Key";

	record CardRequest(@NotBlank @Size(max = 30) String number, @Min(1) @Max(12) int expMonth,
			@Min(2000) @Max(2100) int expYear, @Pattern(regexp = "\\d{3,4}") @Nullable String cvc) {
	}

	record PaymentRequest(@NotBlank @Size(max = 200) String orderReference, @NotNull Money amount,
			@NotNull PaymentMethod method, @Valid @Nullable CardRequest card, @Size(max = 200) @Nullable String gatewayToken,
			@Size(max = 2000) @Nullable String returnUrl) {
	}

	/** {@code amount} omitted: everything still capturable (or refundable). */
	record AmountRequest(@Nullable Money amount) {
	}

	record SettingsRequest(boolean cardEnabled, boolean bankTransferEnabled, boolean cashOnDeliveryEnabled,
			@NotNull CaptureMode captureMode) {
	}

	private final PaymentManagement payments;

	private final CurrentStore currentStore;

	PaymentsRestController(PaymentManagement payments, CurrentStore currentStore) {
		this.payments = payments;
		this.currentStore = currentStore;
	}

	@GetMapping("/api/admin/v1/payments")
	@PreAuthorize("hasAuthority('ORDERS_READ')")
	@Operation(summary = "List payments with their transactions, newest first; filter by order reference, status, method")
	Page<PaymentIntent> list(@RequestParam(required = false) @Size(max = 200) @Nullable String orderReference,
			@RequestParam(required = false) @Nullable PaymentStatus status,
			@RequestParam(required = false) @Nullable PaymentMethod method,
			@RequestParam(required = false) @Nullable String cursor,
			@RequestParam(defaultValue = "50") @Min(1) @Max(250) int limit) {
		return payments.list(currentStore.id(), new PaymentListing(orderReference, status, method), cursor, limit);
	}

	@GetMapping("/api/admin/v1/payments/{id}")
	@PreAuthorize("hasAuthority('ORDERS_READ')")
	@Operation(summary = "A payment with its transactions (oldest first) and disputes")
	PaymentIntent get(@PathVariable UUID id) {
		return payments.get(currentStore.id(), new PaymentIntentId(id));
	}

	@PostMapping("/api/admin/v1/payments")
	@PreAuthorize("hasAuthority('ORDERS_WRITE')")
	@Operation(summary = "Take a payment for an order reference (staff-entered card on the sandbox, a gateway token, "
			+ "or a manual method); a decline is a 201 with status FAILED and the gateway's failureCode")
	@ApiResponse(responseCode = "201", description = "the payment")
	@ApiResponse(responseCode = "503", description = "The gateway did not answer; retry with the same Idempotency-Key",
			content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "#/components/schemas/Problem")))
	ResponseEntity<PaymentIntent> create(@Valid @RequestBody PaymentRequest request,
			@Parameter(description = "Makes a retry safe: one payment and at most one charge per key")
			@RequestHeader(name = KEY_HEADER, required = false) @Nullable String idempotencyKey) {
		CardRequest card = request.card();
		PaymentIntent intent = payments.start(currentStore.id(), new StartPayment(request.orderReference(), request.amount(),
				request.method(), card == null ? null : new CardInput(card.number(), card.expMonth(), card.expYear(), card.cvc()),
				request.gatewayToken(), request.returnUrl(), keyOrRandom(idempotencyKey)));
		return ResponseEntity.created(URI.create("/api/admin/v1/payments/" + intent.id())).body(intent);
	}

	@PostMapping("/api/admin/v1/payments/{id}/capture")
	@PreAuthorize("hasAuthority('ORDERS_WRITE')")
	@Operation(summary = "Capture all or part of what is authorised (CAPTURE_EXCEEDS_AUTHORIZED if more)")
	@ApiResponse(responseCode = "200", description = "the payment after the capture")
	@ApiResponse(responseCode = "503", description = "The gateway did not answer; the step stays pending and is reconciled",
			content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "#/components/schemas/Problem")))
	PaymentIntent capture(@PathVariable UUID id, @RequestBody(required = false) @Nullable AmountRequest request,
			@RequestHeader(name = KEY_HEADER, required = false) @Nullable String idempotencyKey) {
		return payments.capture(currentStore.id(), new PaymentIntentId(id), request == null ? null : request.amount(),
				keyOrRandom(idempotencyKey));
	}

	@PostMapping("/api/admin/v1/payments/{id}/void")
	@PreAuthorize("hasAuthority('ORDERS_WRITE')")
	@Operation(summary = "Release an uncaptured authorisation (PAYMENT_ALREADY_CAPTURED after a capture)")
	@ApiResponse(responseCode = "200", description = "the voided payment")
	@ApiResponse(responseCode = "503", description = "The gateway did not answer; the step stays pending and is reconciled",
			content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "#/components/schemas/Problem")))
	PaymentIntent voidPayment(@PathVariable UUID id,
			@RequestHeader(name = KEY_HEADER, required = false) @Nullable String idempotencyKey) {
		return payments.voidPayment(currentStore.id(), new PaymentIntentId(id), keyOrRandom(idempotencyKey));
	}

	@PostMapping("/api/admin/v1/payments/{id}/refund")
	@PreAuthorize("hasAuthority('ORDERS_WRITE')")
	@Operation(summary = "Refund all or part of what is captured (REFUND_EXCEEDS_CAPTURED if more, also under races)")
	@ApiResponse(responseCode = "200", description = "the payment after the refund")
	@ApiResponse(responseCode = "503", description = "The gateway did not answer; the step stays pending and is reconciled",
			content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "#/components/schemas/Problem")))
	PaymentIntent refund(@PathVariable UUID id, @RequestBody(required = false) @Nullable AmountRequest request,
			@RequestHeader(name = KEY_HEADER, required = false) @Nullable String idempotencyKey) {
		return payments.refund(currentStore.id(), new PaymentIntentId(id), request == null ? null : request.amount(),
				keyOrRandom(idempotencyKey));
	}

	@PostMapping("/api/admin/v1/payments/{id}/mark-paid")
	@PreAuthorize("hasAuthority('ORDERS_WRITE')")
	@Operation(summary = "Record that a bank transfer or cash on delivery payment arrived in full")
	PaymentIntent markPaid(@PathVariable UUID id,
			@RequestHeader(name = KEY_HEADER, required = false) @Nullable String idempotencyKey) {
		return payments.markPaid(currentStore.id(), new PaymentIntentId(id), keyOrRandom(idempotencyKey));
	}

	@GetMapping("/api/admin/v1/payment-settings")
	@PreAuthorize("hasAuthority('SETTINGS_MANAGE')")
	@Operation(summary = "The payment methods the store offers and its capture mode")
	PaymentSettings settings() {
		return payments.settings(currentStore.id());
	}

	@PutMapping("/api/admin/v1/payment-settings")
	@PreAuthorize("hasAuthority('SETTINGS_MANAGE')")
	@Operation(summary = "Choose the payment methods the store offers and when card payments are captured")
	PaymentSettings updateSettings(@Valid @RequestBody SettingsRequest request) {
		return payments.updateSettings(currentStore.id(), new PaymentSettings(request.cardEnabled(),
				request.bankTransferEnabled(), request.cashOnDeliveryEnabled(), request.captureMode()));
	}

	private static String keyOrRandom(@Nullable String idempotencyKey) {
		return idempotencyKey == null || idempotencyKey.isBlank() ? UUID.randomUUID().toString() : idempotencyKey;
	}
}
