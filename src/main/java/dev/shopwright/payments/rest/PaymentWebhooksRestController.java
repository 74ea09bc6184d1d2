package dev.shopwright.payments.rest;

import java.util.Map;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import dev.shopwright.payments.PaymentManagement;
import dev.shopwright.platform.CurrentStore;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * Where payment gateways push events. No login: the HMAC-SHA256 signature in {@code Shopwright-Signature} is the
 * authentication, checked before anything is read from the body. The store is the one the request addresses
 * ({@code X-Store} or the host name), so each store registers its own URL with the provider.
 */
@RestController
@Tag(name = "Payment webhooks")
class PaymentWebhooksRestController {

	private final PaymentManagement payments;

	private final CurrentStore currentStore;

	PaymentWebhooksRestController(PaymentManagement payments, CurrentStore currentStore) {
		this.payments = payments;
		this.currentStore = currentStore;
	}

	@PostMapping(path = "/api/payments/v1/webhooks/{gateway}", consumes = "application/json")
	@Operation(summary = "Receive a signed gateway event (dispute opened, payment updated); a redelivery is ignored")
	@ApiResponse(responseCode = "204", description = "applied (or already applied before)")
	ResponseEntity<Void> receive(@PathVariable String gateway, @RequestBody String payload,
			@Parameter(description = "t=<unix seconds>,v1=<hex HMAC-SHA256 of \"<t>.<body>\">", required = true)
			@RequestHeader(name = "Shopwright-Signature", required = false) @org.jspecify.annotations.Nullable String signature) {
		payments.handleWebhook(currentStore.id(), gateway, payload,
				signature == null ? Map.of() : Map.of("Shopwright-Signature", signature));
		return ResponseEntity.noContent().build();
	}
}
