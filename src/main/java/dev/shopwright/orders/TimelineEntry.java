package dev.shopwright.orders;

import java.time.Instant;
import java.util.Map;

/**
 * One thing that happened to an order, as recorded (the timeline is append-only). {@code kind} is a stable
 * machine word ({@code placed}, {@code held}, {@code payment.captured}, {@code note} …); {@code message} is for
 * people; {@code data} carries the figures behind it.
 */
public record TimelineEntry(long sequence, String kind, String message, String actorType, String actorName,
		Instant at, Map<String, String> data) {

	public TimelineEntry {
		data = Map.copyOf(data);
	}
}
