package dev.shopwright.fulfillment;

import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * Buy a label and ship (part of) a fulfilment order. Without {@code lines} the packed units ship. Without
 * {@code carrier}/{@code service} rate shopping picks one by {@code strategy}: among the rates that arrive by the
 * promised date, the cheapest or the fastest. {@code customs} gives HS code and origin per SKU for international
 * parcels (the store's defaults fill the gaps).
 */
public record ShipOrder(@Nullable String carrier, @Nullable String service, @Nullable Strategy strategy,
		@NotNull @Valid Parcel parcel, @Nullable @Valid @Size(max = 500) List<LineQuantity> lines,
		@Nullable @Valid @Size(max = 500) List<Customs> customs) {

	public enum Strategy {
		CHEAPEST, FASTEST
	}

	public record LineQuantity(@NotNull UUID lineId, @Min(1) @Max(100_000) int quantity) {
	}

	public record Customs(@NotNull @Size(min = 1, max = 100) String sku,
			@Nullable @Pattern(regexp = "[0-9]{6,10}", message = "must be 6 to 10 digits") String hsCode,
			@Nullable @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166-1 alpha-2 code") String originCountry) {
	}
}
