package dev.shopwright.pricing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class TaxZoneMatchingTests {

	static TaxZone zone(String country, String region, String from, String to, String prefix) {
		return new TaxZone(UUID.randomUUID(), "z", country, region, from, to, prefix, List.of());
	}

	@Test
	void countryRegionAndPostcodesMatchWithRisingSpecificity() {
		TaxZone us = zone("US", null, null, null, null);
		TaxZone ny = zone("US", "NY", null, null, null);
		TaxZone nyc = zone("US", "NY", "10001", "10299", null);
		assertThat(us.specificityFor("US", "NY", "10118")).isEqualTo(1);
		assertThat(ny.specificityFor("US", "NY", "10118")).isEqualTo(3);
		assertThat(nyc.specificityFor("US", "NY", "10118-0110")).isEqualTo(7);
		assertThat(nyc.specificityFor("US", "NY", "12207")).isZero();
		assertThat(ny.specificityFor("US", "CA", "90210")).isZero();
		assertThat(ny.specificityFor("DE", null, null)).isZero();
	}

	@Test
	void postcodePrefixesAndTextRangesMatchAfterNormalising() {
		TaxZone paris = zone("FR", null, null, null, "75");
		assertThat(paris.specificityFor("FR", null, "75008")).isEqualTo(5);
		assertThat(paris.specificityFor("FR", null, "69001")).isZero();
		TaxZone london = zone("GB", null, "SW1A0AA", "SW1Z9ZZ", null);
		assertThat(london.specificityFor("GB", null, "sw1a 1aa")).isEqualTo(5);
		assertThat(london.specificityFor("GB", null, "E1 6AN")).isZero();
		assertThat(paris.specificityFor("FR", null, null)).as("no postcode, no postcode zone").isZero();
	}
}
