package dev.shopwright.checkout.shipping;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * Where a set of methods applies: countries ({@code DE}) and regions of a country ({@code US-CA}). For an address
 * the zone naming its region wins over one naming only its country.
 */
public record ShippingZone(UUID id, String name, List<String> places, List<ShippingMethod> methods) {

	public ShippingZone {
		places = List.copyOf(places);
		methods = List.copyOf(methods);
	}

	/** 0 = no match, 1 = by country, 2 = by region. */
	public int specificityFor(@Nullable String country, @Nullable String region) {
		if (country == null) {
			return 0;
		}
		String c = country.strip().toUpperCase(Locale.ROOT);
		String r = region == null ? null : c + "-" + region.strip().toUpperCase(Locale.ROOT);
		int best = 0;
		for (String place : places) {
			if (place.equals(r)) {
				best = 2;
			}
			else if (place.equals(c)) {
				best = Math.max(best, 1);
			}
		}
		return best;
	}
}
