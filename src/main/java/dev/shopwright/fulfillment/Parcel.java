package dev.shopwright.fulfillment;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/** A packed box: weight in grams, outer dimensions in centimetres. */
public record Parcel(@Min(1) @Max(1_000_000) int weightGrams, @Min(1) @Max(500) int lengthCm,
		@Min(1) @Max(500) int widthCm, @Min(1) @Max(500) int heightCm) {
}
