package dev.shopwright.catalog;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A named group of products: MANUAL lists them; RULE selects them by conditions ("tag is sale AND price
 * less than 50") evaluated whenever the collection is read, so it is always current.
 */
public record Collection(UUID id, String handle, String title, String description, Kind kind, boolean matchAll,
		List<Rule> rules, boolean published, Instant createdAt, Instant updatedAt) {

	public enum Kind {
		MANUAL, RULE
	}

	public enum Field {
		TAG, TITLE, VENDOR, TYPE, PRICE, STATUS
	}

	public enum Operator {
		EQUALS, NOT_EQUALS, CONTAINS, LESS_THAN, GREATER_THAN
	}

	public record Rule(@NotNull Field field, @NotNull Operator operator, @NotBlank @Size(max = 255) String value) {
	}
}
