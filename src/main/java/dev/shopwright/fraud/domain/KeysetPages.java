package dev.shopwright.fraud.domain;

import java.util.List;
import java.util.function.Function;

import dev.shopwright.platform.Cursor;
import dev.shopwright.shared.Page;

/** Turns {@code limit + 1} rows read in the list's stable order into a page and the cursor of its last row. */
final class KeysetPages {

	private KeysetPages() {
	}

	static <T> Page<T> of(List<T> rowsPlusOne, int limit, Function<T, Cursor> cursorOf) {
		if (rowsPlusOne.size() <= limit) {
			return new Page<>(rowsPlusOne, null);
		}
		List<T> page = rowsPlusOne.subList(0, limit);
		return new Page<>(page, cursorOf.apply(page.get(limit - 1)).encode());
	}
}
