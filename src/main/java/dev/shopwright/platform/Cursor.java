package dev.shopwright.platform;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * An opaque list position for keyset pagination: the sort key values of the last item a client saw,
 * encoded so that clients pass it back without reading it. A cursor that does not decode is a 400.
 */
public record Cursor(List<String> values) {

	private static final String SEPARATOR = "\u001f";

	/**
	 * Pages a short list that is already in its stable order (stores, staff, tokens): the cursor names the
	 * id of the last item seen. Long lists page in SQL instead.
	 */
	public static <T> dev.shopwright.shared.Page<T> page(java.util.List<T> sorted,
			java.util.function.Function<T, String> id, @org.jspecify.annotations.Nullable String cursor, int limit) {
		int from = 0;
		if (cursor != null) {
			String last = decode(cursor, 1).get(0);
			int index = 0;
			while (index < sorted.size() && !id.apply(sorted.get(index)).equals(last)) {
				index++;
			}
			if (index == sorted.size()) {
				throw invalid();
			}
			from = index + 1;
		}
		int to = Math.min(sorted.size(), from + limit);
		String next = to < sorted.size() ? of(id.apply(sorted.get(to - 1))).encode() : null;
		return new dev.shopwright.shared.Page<>(sorted.subList(from, to), next);
	}

	public static Cursor of(String... values) {
		return new Cursor(List.of(values));
	}

	public String encode() {
		return Base64.getUrlEncoder().withoutPadding()
			.encodeToString(String.join(SEPARATOR, values).getBytes(StandardCharsets.UTF_8));
	}

	public static Cursor decode(String encoded, int expectedValues) {
		try {
			String decoded = new String(Base64.getUrlDecoder().decode(encoded), StandardCharsets.UTF_8);
			List<String> values = List.of(decoded.split(SEPARATOR, -1));
			if (values.size() != expectedValues) {
				throw new IllegalArgumentException();
			}
			return new Cursor(values);
		}
		catch (IllegalArgumentException ex) {
			throw invalid();
		}
	}

	private static BusinessRuleViolation invalid() {
		return new BusinessRuleViolation("INVALID_CURSOR", 400, "cursor is not one this API returned",
				java.util.Map.of("cursor", "cursor is not one this API returned"));
	}

	/** A numeric cursor value (a sequence id), or the same "not one this API returned" problem. */
	public long longValue(int index) {
		try {
			return Long.parseLong(values.get(index));
		}
		catch (NumberFormatException ex) {
			throw invalid();
		}
	}

	public String get(int index) {
		return values.get(index);
	}

	public java.time.Instant instant(int index) {
		try {
			return java.time.Instant.parse(values.get(index));
		}
		catch (java.time.format.DateTimeParseException ex) {
			throw invalid();
		}
	}

	public java.util.UUID uuid(int index) {
		try {
			return java.util.UUID.fromString(values.get(index));
		}
		catch (IllegalArgumentException ex) {
			throw invalid();
		}
	}
}
