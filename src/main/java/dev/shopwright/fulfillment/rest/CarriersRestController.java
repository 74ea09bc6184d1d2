package dev.shopwright.fulfillment.rest;

import java.math.BigDecimal;
import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import dev.shopwright.fulfillment.FulfillmentManagement;
import dev.shopwright.fulfillment.Shipment;
import dev.shopwright.fulfillment.TrackingSignatures;
import dev.shopwright.fulfillment.domain.CarrierSettings;
import dev.shopwright.platform.CurrentStore;
import dev.shopwright.shared.Money;
import dev.shopwright.stores.StoreManagement;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Carrier settings (enable, table rates, webhook secret, customs defaults) and the carriers' tracking webhook. */
@RestController
@Validated
@Tag(name = "Carriers")
class CarriersRestController {

	record CarrierChange(@NotNull Boolean enabled) {
	}

	record RateRequest(@NotBlank @Size(max = 40) @Pattern(regexp = "[a-z0-9-]+") String service,
			@NotBlank @Size(max = 80) String serviceName, @NotBlank @Size(max = 40) String zone,
			@NotNull @Size(max = 250) List<@Pattern(regexp = "[A-Z]{2}") String> countries,
			@Min(1) @Max(1_000_000) int maxGrams, @NotNull @DecimalMin("0") BigDecimal price,
			@Min(0) @Max(60) int transitDays) {
	}

	record Customs(@Nullable @Pattern(regexp = "[0-9]{6,10}") String defaultHsCode,
			@Nullable @Pattern(regexp = "[A-Z]{2}") String originCountry) {
	}

	/**
	 * What a tracking event changed: the shipment and its status now; no shipment when the tracking number is not one
	 * of fulfilment's (then {@code status} is {@code PASSED_ON}: the event went to whoever follows that number, 202).
	 */
	record Applied(@Nullable UUID shipmentId, String status) {
	}

	private final FulfillmentManagement fulfillment;

	private final CurrentStore currentStore;

	private final StoreManagement stores;

	CarriersRestController(FulfillmentManagement fulfillment, CurrentStore currentStore, StoreManagement stores) {
		this.fulfillment = fulfillment;
		this.currentStore = currentStore;
		this.stores = stores;
	}

	@GetMapping("/api/admin/v1/carriers")
	@PreAuthorize("hasAuthority('SETTINGS_MANAGE')")
	@Operation(summary = "The carriers, with whether each is enabled, its table rates and its webhook secret")
	List<FulfillmentManagement.CarrierSetting> carriers() {
		return fulfillment.carrierSettings(currentStore.id());
	}

	@PutMapping("/api/admin/v1/carriers/{carrier}")
	@PreAuthorize("hasAuthority('SETTINGS_MANAGE')")
	@Operation(summary = "Enable or disable a carrier for this store")
	FulfillmentManagement.CarrierSetting update(@PathVariable String carrier, @Valid @RequestBody CarrierChange change) {
		return fulfillment.setCarrierEnabled(currentStore.id(), carrier, change.enabled());
	}

	@PostMapping("/api/admin/v1/carriers/{carrier}/webhook-secret")
	@PreAuthorize("hasAuthority('SETTINGS_MANAGE')")
	@Operation(summary = "Mint a new secret for the carrier's signed tracking webhooks (the old one stops working)")
	FulfillmentManagement.CarrierSetting rotate(@PathVariable String carrier) {
		return fulfillment.rotateWebhookSecret(currentStore.id(), carrier);
	}

	@PostMapping("/api/admin/v1/carriers/{carrier}/rates")
	@PreAuthorize("hasAuthority('SETTINGS_MANAGE')")
	@Operation(summary = "Add (or replace) a weight band of a table-rate carrier's service in a zone, in the store's currency")
	ResponseEntity<CarrierSettings.TableRate> putRate(@PathVariable String carrier, @Valid @RequestBody RateRequest request) {
		Money price = Money.of(request.price(), stores.get(currentStore.id()).defaultCurrency(), Money.DEFAULT_ROUNDING);
		CarrierSettings.TableRate rate = fulfillment.putRate(currentStore.id(), new CarrierSettings.TableRate(UUID.randomUUID(),
				carrier, request.service(), request.serviceName(), request.zone(), request.countries(), request.maxGrams(),
				price, request.transitDays()));
		return ResponseEntity.created(URI.create("/api/admin/v1/carriers/" + carrier + "/rates/" + rate.id())).body(rate);
	}

	@DeleteMapping("/api/admin/v1/carriers/{carrier}/rates/{id}")
	@PreAuthorize("hasAuthority('SETTINGS_MANAGE')")
	@Operation(summary = "Delete a weight band")
	ResponseEntity<Void> deleteRate(@PathVariable String carrier, @PathVariable UUID id) {
		fulfillment.deleteRate(currentStore.id(), id);
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/api/admin/v1/fulfillment-settings/customs")
	@PreAuthorize("hasAuthority('SETTINGS_MANAGE')")
	@Operation(summary = "Customs defaults for international shipments")
	CarrierSettings.Customs customs() {
		return fulfillment.customs(currentStore.id());
	}

	@PutMapping("/api/admin/v1/fulfillment-settings/customs")
	@PreAuthorize("hasAuthority('SETTINGS_MANAGE')")
	@Operation(summary = "Set the default HS code and origin country")
	CarrierSettings.Customs setCustoms(@Valid @RequestBody Customs customs) {
		return fulfillment.setCustoms(currentStore.id(), customs.defaultHsCode(), customs.originCountry());
	}

	@PostMapping(path = "/api/admin/v1/carriers/{carrier}/tracking-events", consumes = "application/json")
	@Operation(summary = "A carrier's tracking event, signed with the store's webhook secret for that carrier (no login: "
			+ "the signature is the authentication); a redelivered event changes nothing. Body: "
			+ "{eventId, trackingNumber, status, description, place?, occurredAt}")
	@ApiResponse(responseCode = "200", description = "Applied to the shipment with that tracking number")
	@ApiResponse(responseCode = "202", description = "Signature good but no shipment has that tracking number: passed on "
			+ "to whoever follows it (a return label) and otherwise ignored, so the carrier does not retry it")
	ResponseEntity<Applied> trackingEvent(@PathVariable String carrier, @RequestBody String payload,
			@Parameter(description = "t=<unix seconds>,v1=<hex HMAC-SHA256 of \"<t>.<body>\">", required = true)
			@RequestHeader(name = TrackingSignatures.HEADER, required = false) @Nullable String signature,
			@Parameter(description = "The store (handle or id) the carrier account belongs to; else the store of the host name")
			@RequestHeader(name = "X-Store", required = false) @Nullable String storeReference,
			jakarta.servlet.http.HttpServletRequest request) {
		dev.shopwright.shared.StoreId store = webhookStore(storeReference, request);
		return fulfillment.receiveTrackingEvent(store, carrier, payload, signature)
			.map(shipment -> ResponseEntity.ok(new Applied(shipment.id(), shipment.status().name())))
			.orElseGet(() -> ResponseEntity.accepted().body(new Applied(null, "PASSED_ON")));
	}

	/**
	 * The path lies under /api/admin, where the store scope binds only signed-in staff; a carrier is not one, so the
	 * store is chosen here the way the public APIs choose it: X-Store, else the host name, else the default store.
	 */
	private dev.shopwright.shared.StoreId webhookStore(@Nullable String reference, jakarta.servlet.http.HttpServletRequest request) {
		if (reference != null) {
			return stores.findByReference(reference)
				.orElseThrow(() -> new dev.shopwright.platform.ResourceNotFound("Store", reference)).id();
		}
		return stores.findByHost(request.getServerName() + ":" + request.getServerPort())
			.or(() -> stores.findByHost(request.getServerName()))
			.or(stores::defaultStore)
			.orElseThrow(() -> new dev.shopwright.platform.ResourceNotFound("Store", request.getServerName())).id();
	}
}
