package dev.shopwright.catalog;

import java.util.List;
import java.util.UUID;

/** A typed product attribute (material, waterproof, capacity in litres); {@code facet} offers it as a search filter. */
public record Attribute(UUID id, String code, String name, Type type, List<String> choices, boolean facet) {

	public enum Type {
		TEXT, NUMBER, BOOLEAN, CHOICE
	}

	/** Null when the value suits the type, else what is wrong. */
	public @org.jspecify.annotations.Nullable String problemWith(String value) {
		return switch (type) {
			case TEXT -> null;
			case NUMBER -> value.matches("-?\\d+(\\.\\d+)?") ? null : "must be a number";
			case BOOLEAN -> value.equals("true") || value.equals("false") ? null : "must be true or false";
			case CHOICE -> choices.contains(value) ? null : "must be one of " + String.join(", ", choices);
		};
	}
}
