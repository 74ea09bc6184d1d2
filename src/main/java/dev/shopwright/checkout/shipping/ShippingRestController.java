package dev.shopwright.checkout.shipping;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
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

import dev.shopwright.platform.CurrentStore;
import dev.shopwright.platform.Cursor;
import dev.shopwright.pricing.PricingManagement;
import dev.shopwright.shared.Address;
import dev.shopwright.shared.Money;
import dev.shopwright.shared.Page;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Shipping zones, their methods, and quote previews through the Admin API. */
@RestController
@Tag(name = "Shipping")
class ShippingRestController {

	record ZoneRequest(@NotBlank @Size(max = 200) String name, @NotEmpty @Size(max = 300) List<@NotBlank String> places) {
	}

	record TierRequest(@NotNull BigDecimal from, @Nullable BigDecimal to, @NotNull Money price) {
	}

	record MethodRequest(@NotBlank @Size(max = 200) String name, @NotNull ShippingMethodKind kind, @Nullable Money price,
			@Nullable Money freeOver, @Size(max = 100) @Nullable List<@Valid @NotNull TierRequest> tiers,
			@NotNull @Min(0) @Max(365) Integer minDays, @NotNull @Min(0) @Max(365) Integer maxDays,
			@Size(max = 63) @Nullable String taxClass) {

		ShippingMethodDraft draft() {
			return new ShippingMethodDraft(name, kind, price, freeOver, tiers == null ? List.of()
					: tiers.stream().map(t -> new ShippingTier(t.from(), t.to(), t.price())).toList(), minDays, maxDays,
					taxClass);
		}
	}

	record QuoteBody(@Valid @NotNull Address destination, @NotNull @Min(0) Long weightGrams, @NotNull Money subtotal,
			@NotBlank @Size(max = 3) String currency, @Nullable Instant orderedAt) {
	}

	private final ShippingRates shipping;

	private final CurrentStore currentStore;

	ShippingRestController(ShippingRates shipping, CurrentStore currentStore) {
		this.shipping = shipping;
		this.currentStore = currentStore;
	}

	@GetMapping("/api/admin/v1/shipping-zones")
	@PreAuthorize("hasAuthority('ORDERS_READ')")
	@Operation(summary = "List shipping zones with their methods, in creation order")
	Page<ShippingZone> zones(@RequestParam(required = false) @Nullable String cursor,
			@RequestParam(defaultValue = "50") @Min(1) @Max(250) int limit) {
		return Cursor.page(shipping.zones(currentStore.id()), z -> z.id().toString(), cursor, limit);
	}

	@GetMapping("/api/admin/v1/shipping-zones/{id}")
	@PreAuthorize("hasAuthority('ORDERS_READ')")
	@Operation(summary = "Get a shipping zone with its methods")
	ShippingZone zone(@PathVariable UUID id) {
		return shipping.zone(currentStore.id(), id);
	}

	@PostMapping("/api/admin/v1/shipping-zones")
	@PreAuthorize("hasAuthority('SETTINGS_MANAGE')")
	@Operation(summary = "Create a shipping zone of countries (DE) and regions (US-CA)")
	ResponseEntity<ShippingZone> createZone(@Valid @RequestBody ZoneRequest request) {
		ShippingZone zone = shipping.createZone(currentStore.id(), request.name(), request.places());
		return ResponseEntity.created(URI.create("/api/admin/v1/shipping-zones/" + zone.id())).body(zone);
	}

	@PutMapping("/api/admin/v1/shipping-zones/{id}")
	@PreAuthorize("hasAuthority('SETTINGS_MANAGE')")
	@Operation(summary = "Rename a shipping zone or change its places (its methods stay)")
	ShippingZone updateZone(@PathVariable UUID id, @Valid @RequestBody ZoneRequest request) {
		return shipping.updateZone(currentStore.id(), id, request.name(), request.places());
	}

	@DeleteMapping("/api/admin/v1/shipping-zones/{id}")
	@PreAuthorize("hasAuthority('SETTINGS_MANAGE')")
	@Operation(summary = "Delete a shipping zone with its methods")
	ResponseEntity<Void> deleteZone(@PathVariable UUID id) {
		shipping.deleteZone(currentStore.id(), id);
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/api/admin/v1/shipping-zones/{id}/methods")
	@PreAuthorize("hasAuthority('SETTINGS_MANAGE')")
	@Operation(summary = "Add a method to a zone: FLAT, WEIGHT_TIERS (grams), PRICE_TIERS, FREE_OVER or PICKUP; prices in the store currency")
	ResponseEntity<ShippingMethod> addMethod(@PathVariable UUID id, @Valid @RequestBody MethodRequest request) {
		ShippingMethod method = shipping.saveMethod(currentStore.id(), id, null, request.draft());
		return ResponseEntity.created(URI.create("/api/admin/v1/shipping-zones/" + id + "/methods/" + method.id()))
			.body(method);
	}

	@PutMapping("/api/admin/v1/shipping-zones/{id}/methods/{methodId}")
	@PreAuthorize("hasAuthority('SETTINGS_MANAGE')")
	@Operation(summary = "Replace a method with its tiers")
	ShippingMethod replaceMethod(@PathVariable UUID id, @PathVariable UUID methodId,
			@Valid @RequestBody MethodRequest request) {
		return shipping.saveMethod(currentStore.id(), id, methodId, request.draft());
	}

	@DeleteMapping("/api/admin/v1/shipping-zones/{id}/methods/{methodId}")
	@PreAuthorize("hasAuthority('SETTINGS_MANAGE')")
	@Operation(summary = "Delete a method")
	ResponseEntity<Void> deleteMethod(@PathVariable UUID id, @PathVariable UUID methodId) {
		shipping.deleteMethod(currentStore.id(), id, methodId);
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/api/admin/v1/shipping/quotes")
	@PreAuthorize("hasAuthority('ORDERS_READ')")
	@Operation(summary = "Preview the methods, prices and promised delivery dates a cart would be offered")
	Page<ShippingQuote> quote(@Valid @RequestBody QuoteBody body) {
		return new Page<>(shipping.quote(currentStore.id(), new QuoteRequest(body.destination(), body.weightGrams(),
				body.subtotal(), PricingManagement.currency(body.currency(), "currency"),
				body.orderedAt() == null ? Instant.now() : body.orderedAt())), null);
	}
}
