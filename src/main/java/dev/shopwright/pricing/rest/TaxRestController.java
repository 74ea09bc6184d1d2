package dev.shopwright.pricing.rest;

import java.math.BigDecimal;
import java.net.URI;
import java.util.List;
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
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.shopwright.platform.CurrentStore;
import dev.shopwright.platform.Cursor;
import dev.shopwright.pricing.PricingManagement;
import dev.shopwright.pricing.TaxClass;
import dev.shopwright.pricing.TaxRounding;
import dev.shopwright.pricing.TaxZone;
import dev.shopwright.pricing.TaxZoneDraft;
import dev.shopwright.shared.Page;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Tax classes, tax zones with their rates, and the tax rounding setting through the Admin API. */
@RestController
@Tag(name = "Taxes")
class TaxRestController {

	record TaxClassRequest(@NotBlank @Size(max = 63) String code, @NotBlank @Size(max = 200) String name) {
	}

	record TaxClassChange(@NotBlank @Size(max = 200) String name) {
	}

	record RateRequest(@NotBlank @Size(max = 63) String taxClass, @NotBlank @Size(max = 100) String name,
			@NotNull BigDecimal percent, @Nullable Boolean compound) {
	}

	record TaxZoneRequest(@NotBlank @Size(max = 200) String name, @NotBlank @Size(max = 2) String country,
			@Size(max = 100) @Nullable String region, @Size(max = 20) @Nullable String postcodeFrom,
			@Size(max = 20) @Nullable String postcodeTo, @Size(max = 20) @Nullable String postcodePrefix,
			@Size(max = 50) @Nullable List<@Valid @NotNull RateRequest> rates) {

		TaxZoneDraft draft() {
			return new TaxZoneDraft(name, country, region, postcodeFrom, postcodeTo, postcodePrefix,
					rates == null ? List.of() : rates.stream().map(r -> new TaxZoneDraft.Rate(r.taxClass(), r.name(),
							r.percent(), Boolean.TRUE.equals(r.compound()))).toList());
		}
	}

	record TaxSettings(TaxRounding rounding) {
	}

	record TaxSettingsRequest(@NotNull TaxRounding rounding) {
	}

	private final PricingManagement pricing;

	private final CurrentStore currentStore;

	TaxRestController(PricingManagement pricing, CurrentStore currentStore) {
		this.pricing = pricing;
		this.currentStore = currentStore;
	}

	@GetMapping("/api/admin/v1/tax-classes")
	@PreAuthorize("hasAuthority('ORDERS_READ')")
	@Operation(summary = "List the store's tax classes in creation order")
	Page<TaxClass> taxClasses(@RequestParam(required = false) @Nullable String cursor,
			@RequestParam(defaultValue = "50") @Min(1) @Max(250) int limit) {
		return Cursor.page(pricing.taxClasses(currentStore.id()), c -> c.id().toString(), cursor, limit);
	}

	@PostMapping("/api/admin/v1/tax-classes")
	@PreAuthorize("hasAuthority('SETTINGS_MANAGE')")
	@Operation(summary = "Create a tax class (code: lower-case letters, digits and dashes, unique in the store)")
	ResponseEntity<TaxClass> createTaxClass(@Valid @RequestBody TaxClassRequest request) {
		TaxClass created = pricing.createTaxClass(currentStore.id(), request.code(), request.name());
		return ResponseEntity.created(URI.create("/api/admin/v1/tax-classes/" + created.id())).body(created);
	}

	@PatchMapping("/api/admin/v1/tax-classes/{id}")
	@PreAuthorize("hasAuthority('SETTINGS_MANAGE')")
	@Operation(summary = "Rename a tax class (its code is fixed, as lines and rates refer to it)")
	TaxClass renameTaxClass(@PathVariable UUID id, @Valid @RequestBody TaxClassChange change) {
		return pricing.renameTaxClass(currentStore.id(), id, change.name());
	}

	@DeleteMapping("/api/admin/v1/tax-classes/{id}")
	@PreAuthorize("hasAuthority('SETTINGS_MANAGE')")
	@Operation(summary = "Delete a tax class that no rate uses (409 TAX_CLASS_IN_USE otherwise)")
	ResponseEntity<Void> deleteTaxClass(@PathVariable UUID id) {
		pricing.deleteTaxClass(currentStore.id(), id);
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/api/admin/v1/tax-zones")
	@PreAuthorize("hasAuthority('ORDERS_READ')")
	@Operation(summary = "List tax zones with their rates, by country, region and postcodes")
	Page<TaxZone> taxZones(@RequestParam(required = false) @Nullable String cursor,
			@RequestParam(defaultValue = "50") @Min(1) @Max(250) int limit) {
		return Cursor.page(pricing.taxZones(currentStore.id()), z -> z.id().toString(), cursor, limit);
	}

	@GetMapping("/api/admin/v1/tax-zones/{id}")
	@PreAuthorize("hasAuthority('ORDERS_READ')")
	@Operation(summary = "Get a tax zone with its rates")
	TaxZone taxZone(@PathVariable UUID id) {
		return pricing.taxZone(currentStore.id(), id);
	}

	@PostMapping("/api/admin/v1/tax-zones")
	@PreAuthorize("hasAuthority('SETTINGS_MANAGE')")
	@Operation(summary = "Create a tax zone with its rates (rates of one class stack in the given order)")
	ResponseEntity<TaxZone> createTaxZone(@Valid @RequestBody TaxZoneRequest request) {
		TaxZone zone = pricing.saveTaxZone(currentStore.id(), null, request.draft());
		return ResponseEntity.created(URI.create("/api/admin/v1/tax-zones/" + zone.id())).body(zone);
	}

	@PutMapping("/api/admin/v1/tax-zones/{id}")
	@PreAuthorize("hasAuthority('SETTINGS_MANAGE')")
	@Operation(summary = "Replace a tax zone and all its rates")
	TaxZone replaceTaxZone(@PathVariable UUID id, @Valid @RequestBody TaxZoneRequest request) {
		return pricing.saveTaxZone(currentStore.id(), id, request.draft());
	}

	@DeleteMapping("/api/admin/v1/tax-zones/{id}")
	@PreAuthorize("hasAuthority('SETTINGS_MANAGE')")
	@Operation(summary = "Delete a tax zone with its rates")
	ResponseEntity<Void> deleteTaxZone(@PathVariable UUID id) {
		pricing.deleteTaxZone(currentStore.id(), id);
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/api/admin/v1/tax-settings")
	@PreAuthorize("hasAuthority('ORDERS_READ')")
	@Operation(summary = "The store's tax rounding (PER_LINE, the default, or PER_ORDER)")
	TaxSettings taxSettings() {
		return new TaxSettings(pricing.taxRounding(currentStore.id()));
	}

	@PutMapping("/api/admin/v1/tax-settings")
	@PreAuthorize("hasAuthority('SETTINGS_MANAGE')")
	@Operation(summary = "Set the store's tax rounding")
	TaxSettings setTaxSettings(@Valid @RequestBody TaxSettingsRequest request) {
		pricing.setTaxRounding(currentStore.id(), request.rounding());
		return new TaxSettings(request.rounding());
	}
}
