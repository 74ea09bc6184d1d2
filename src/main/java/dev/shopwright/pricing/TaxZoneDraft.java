package dev.shopwright.pricing;

import java.math.BigDecimal;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A tax zone as staff enter it: where it applies and its rates (by tax class code, in stacking order). Postcodes
 * are either a range ({@code postcodeFrom}..{@code postcodeTo}, inclusive) or a prefix ({@code 75*} or {@code 75}).
 */
public record TaxZoneDraft(String name, String country, @Nullable String region, @Nullable String postcodeFrom,
		@Nullable String postcodeTo, @Nullable String postcodePrefix, List<Rate> rates) {

	public TaxZoneDraft {
		rates = List.copyOf(rates);
	}

	public record Rate(String taxClass, String name, BigDecimal percent, boolean compound) {
	}
}
