package dev.shopwright.pricing.rest;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import dev.shopwright.platform.CurrentStore;
import dev.shopwright.pricing.DiscountAllocation;
import dev.shopwright.pricing.PriceBreakdown;
import dev.shopwright.pricing.PriceCalculation;
import dev.shopwright.pricing.PricingManagement;
import dev.shopwright.shared.Address;
import dev.shopwright.shared.Money;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Previews a price calculation exactly as checkout will run it. */
@RestController
@Tag(name = "Taxes")
class CalculationRestController {

	record LineRequest(@NotBlank @Size(max = 255) String reference, @NotNull Money unitPrice,
			@NotNull @Min(1) @Max(1_000_000) Integer quantity, @Size(max = 63) @Nullable String taxClass,
			@Nullable Boolean taxable) {
	}

	record DiscountRequest(@NotBlank @Size(max = 200) String label, @NotNull Money amount,
			@Size(max = 255) @Nullable String lineReference) {
	}

	record CalculationRequest(@NotBlank @Size(max = 3) String currency,
			@NotEmpty @Size(max = 500) List<@Valid @NotNull LineRequest> lines, @Nullable Money shipping,
			@Size(max = 63) @Nullable String shippingTaxClass,
			@Size(max = 50) @Nullable List<@Valid @NotNull DiscountRequest> discounts, @Valid @Nullable Address destination,
			@Nullable Boolean taxExempt) {

		PriceCalculation calculation() {
			return new PriceCalculation(PricingManagement.currency(currency, "currency"),
					lines.stream().map(l -> new PriceCalculation.Line(l.reference(), l.unitPrice(), l.quantity(),
							l.taxClass(), l.taxable() == null || l.taxable())).toList(),
					shipping, shippingTaxClass,
					discounts == null ? List.of() : discounts.stream()
						.map(d -> new DiscountAllocation(d.label(), d.amount(), d.lineReference())).toList(),
					destination, Boolean.TRUE.equals(taxExempt));
		}
	}

	private final PricingManagement pricing;

	private final CurrentStore currentStore;

	CalculationRestController(PricingManagement pricing, CurrentStore currentStore) {
		this.pricing = pricing;
		this.currentStore = currentStore;
	}

	@PostMapping("/api/admin/v1/pricing/calculations")
	@PreAuthorize("hasAuthority('ORDERS_READ')")
	@Operation(summary = "Calculate line, discount, shipping, tax and order totals (a preview; nothing is stored)")
	PriceBreakdown calculate(@Valid @RequestBody CalculationRequest request) {
		return pricing.calculate(currentStore.id(), request.calculation());
	}
}
