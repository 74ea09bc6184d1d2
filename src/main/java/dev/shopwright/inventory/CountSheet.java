package dev.shopwright.inventory;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A cycle count of a location (or one bin of it). Counters see only SKUs ({@code expected} is null in the blind
 * view); reviewers see the variance of each counted line; approving turns every variance into a COUNTED movement.
 * {@code version} goes up with every edit: an edit made on an older version is refused.
 */
public record CountSheet(UUID id, long number, LocationId locationId, @Nullable String binCode, Status status,
		int version, @Nullable String note, List<Line> lines, Instant createdAt, @Nullable Instant approvedAt) {

	public enum Status {
		COUNTING, APPROVED, CANCELLED
	}

	public record Line(String sku, String title, @Nullable Integer expected, @Nullable Integer counted) {

		@JsonProperty
		public @Nullable Integer variance() {
			return expected == null || counted == null ? null : counted - expected;
		}
	}

	@JsonProperty
	public long counted() {
		return lines.stream().filter(l -> l.counted() != null).count();
	}

	/** The same sheet without the expected figures, for the person counting. */
	public CountSheet blind() {
		return new CountSheet(id, number, locationId, binCode, status, version, note,
				lines.stream().map(l -> new Line(l.sku(), l.title(), null, l.counted())).toList(), createdAt, approvedAt);
	}
}
