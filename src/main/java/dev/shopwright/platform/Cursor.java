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
			throw new BusinessRuleViolation("INVALID_CURSOR", 400, "cursor is not one this API returned",
					java.util.Map.of("cursor", "cursor is not one this API returned"));
		}
	}

	public String get(int index) {
		return values.get(index);
	}
}
