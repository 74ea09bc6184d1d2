package dev.shopwright.checkout.shipping;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

class DeliveryEstimateTests {

	static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

	@Test
	void businessDaysSkipTheWeekend() {
		Instant friday = Instant.parse("2026-11-27T10:00:00Z");
		assertThat(DeliveryEstimate.afterBusinessDays(friday, BERLIN, 0)).isEqualTo(LocalDate.of(2026, 11, 27));
		assertThat(DeliveryEstimate.afterBusinessDays(friday, BERLIN, 1)).isEqualTo(LocalDate.of(2026, 11, 30));
		assertThat(DeliveryEstimate.afterBusinessDays(friday, BERLIN, 4)).isEqualTo(LocalDate.of(2026, 12, 3));
		assertThat(DeliveryEstimate.afterBusinessDays(friday, BERLIN, 5)).isEqualTo(LocalDate.of(2026, 12, 4));
	}

	@Test
	void theOrderDateIsTheStoresLocalDateAndAWeekendOrderStartsOnMonday() {
		Instant lateFridayInNewYork = Instant.parse("2026-11-28T03:30:00Z"); // Saturday in Berlin, Friday in New York
		assertThat(DeliveryEstimate.afterBusinessDays(lateFridayInNewYork, ZoneId.of("America/New_York"), 1))
			.isEqualTo(LocalDate.of(2026, 11, 30));
		assertThat(DeliveryEstimate.afterBusinessDays(lateFridayInNewYork, BERLIN, 0)).isEqualTo(LocalDate.of(2026, 11, 30));
		assertThat(DeliveryEstimate.afterBusinessDays(lateFridayInNewYork, BERLIN, 1)).isEqualTo(LocalDate.of(2026, 12, 1));
	}
}
