package dev.shopwright.pricing;

import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * Where rates apply: a country, optionally a region (state, province: its code or name), optionally postcodes
 * as an inclusive range or a prefix. When several zones match an address the most specific wins (postcode over
 * region over country).
 */
public record TaxZone(UUID id, String name, String country, @Nullable String region, @Nullable String postcodeFrom,
		@Nullable String postcodeTo, @Nullable String postcodePrefix, List<TaxRate> rates) {

	public TaxZone {
		rates = List.copyOf(rates);
	}

	/** 0 = no match; otherwise higher is more specific. */
	public int specificityFor(@Nullable String country, @Nullable String region, @Nullable String postcode) {
		if (country == null || !this.country.equalsIgnoreCase(country.strip())) {
			return 0;
		}
		int score = 1;
		if (this.region != null) {
			if (region == null || !this.region.equalsIgnoreCase(region.strip())) {
				return 0;
			}
			score += 2;
		}
		if (postcodeFrom != null || postcodePrefix != null) {
			if (postcode == null) {
				return 0;
			}
			String code = normalise(postcode);
			boolean inside = postcodePrefix != null ? code.startsWith(normalise(postcodePrefix))
					: comparePostcodes(code, normalise(postcodeFrom)) >= 0
							&& comparePostcodes(code, normalise(java.util.Objects.requireNonNull(postcodeTo))) <= 0;
			if (!inside) {
				return 0;
			}
			score += 4;
		}
		return score;
	}

	static String normalise(String postcode) {
		return postcode.replaceAll("[\\s-]", "").toUpperCase(java.util.Locale.ROOT);
	}

	/** Numeric postcodes compare as numbers of the range's length (US ZIP+4 by its first five digits), others as text. */
	static int comparePostcodes(String code, String bound) {
		if (code.matches("\\d+") && bound.matches("\\d+")) {
			String head = code.length() > bound.length() ? code.substring(0, bound.length()) : code;
			return Long.compare(Long.parseLong(head), Long.parseLong(bound));
		}
		return code.compareTo(bound);
	}
}
