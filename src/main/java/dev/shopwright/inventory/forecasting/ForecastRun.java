package dev.shopwright.inventory.forecasting;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

import io.swagger.v3.oas.annotations.media.Schema;

/** A "recompute forecasts" job as the API and console show it. */
@Schema(description = "A job that recomputes forecasts: for every SKU of the store (sku null) or one SKU")
record ForecastRun(UUID id, @Nullable String sku, Status status, int total, int done, int failed,
		@Nullable String failure, String startedBy, Instant createdAt, @Nullable Instant startedAt,
		@Nullable Instant finishedAt) {

	enum Status {
		/** Waiting for a worker. */
		QUEUED,
		/** A worker is computing (or was, and another node takes over if that worker stopped). */
		RUNNING,
		/** Every SKU was computed or counted as failed. */
		COMPLETED,
		/** The job as a whole stopped; {@code failure} says why. */
		FAILED
	}

	@JsonProperty
	@Schema(description = "whole percent of the SKUs done")
	public int percent() {
		return total == 0 ? (finished() ? 100 : 0) : (int) Math.min(100, done * 100L / total);
	}

	@JsonProperty
	@Schema(description = "true once the job is COMPLETED or FAILED")
	public boolean finished() {
		return status == Status.COMPLETED || status == Status.FAILED;
	}
}
