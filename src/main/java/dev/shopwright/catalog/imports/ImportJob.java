package dev.shopwright.catalog.imports;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * An import as the API and console show it: where it stands (rows done of the total), what it did (products
 * created, updated, failed), the values it could not place (notes, per column) and where to find the errors.
 */
record ImportJob(UUID id, ImportFormat format, String fileName, long fileBytes, Status status, int totalRows,
		int rowsDone, int created, int updated, int failed, int errors, List<Note> notes, @Nullable String failure,
		String startedBy, Instant createdAt, @Nullable Instant startedAt, @Nullable Instant finishedAt,
		String errorsUrl) {

	enum Status {
		/** Waiting for a worker. */
		QUEUED,
		/** A worker is importing it (or was, and another node takes it over if that worker died). */
		RUNNING,
		/** Every product was imported or failed on its own; see the counts and the error report. */
		COMPLETED,
		/** The job as a whole could not finish; {@code failure} says why. */
		FAILED
	}

	/** One line of the per-column report: "Variant Inventory Qty: 120 values not imported — …". */
	record Note(String column, long values, String reason, String text) {
	}

	/** Whole percent of the rows done, for progress bars. */
	public int percent() {
		return totalRows == 0 ? 100 : (int) Math.min(100, rowsDone * 100L / totalRows);
	}

	public boolean finished() {
		return status == Status.COMPLETED || status == Status.FAILED;
	}
}
