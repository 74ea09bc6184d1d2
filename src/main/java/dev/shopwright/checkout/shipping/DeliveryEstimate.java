package dev.shopwright.checkout.shipping;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * Business days (Monday to Friday; public holidays are not known) added to the order date as the store's time
 * zone sees it. Zero days means the order day itself, or the next business day when ordered at a weekend.
 */
public final class DeliveryEstimate {

	private DeliveryEstimate() {
	}

	public static LocalDate afterBusinessDays(Instant orderedAt, ZoneId storeZone, int businessDays) {
		LocalDate date = orderedAt.atZone(storeZone).toLocalDate();
		while (isWeekend(date)) {
			date = date.plusDays(1);
		}
		for (int left = businessDays; left > 0;) {
			date = date.plusDays(1);
			if (!isWeekend(date)) {
				left--;
			}
		}
		return date;
	}

	private static boolean isWeekend(LocalDate date) {
		return date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY;
	}
}
