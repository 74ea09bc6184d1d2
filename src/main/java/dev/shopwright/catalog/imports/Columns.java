package dev.shopwright.catalog.imports;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.commons.csv.CSVRecord;
import org.jspecify.annotations.Nullable;

/** The header of a file: column names as written, found regardless of case and surrounding spaces. */
final class Columns {

	private final List<String> names;

	private final Map<String, Integer> byName = new LinkedHashMap<>();

	private Columns(List<String> names) {
		this.names = names;
		for (int i = 0; i < names.size(); i++) {
			byName.putIfAbsent(normalise(names.get(i)), i);
		}
	}

	/** The header record; duplicate or (in the middle) empty column names are refused. */
	static Columns of(CSVRecord header) {
		List<String> names = new ArrayList<>();
		header.forEach(name -> names.add(name.strip()));
		while (!names.isEmpty() && names.getLast().isEmpty()) {
			names.removeLast(); // "Handle,Title,,," — trailing separators are common in exports
		}
		Map<String, Integer> seen = new LinkedHashMap<>();
		for (int i = 0; i < names.size(); i++) {
			String name = names.get(i);
			if (name.isEmpty()) {
				throw new ImportRefused("INVALID_CSV_HEADER", "Column " + (i + 1) + " of the header has no name.");
			}
			Integer earlier = seen.putIfAbsent(normalise(name), i);
			if (earlier != null) {
				throw new ImportRefused("INVALID_CSV_HEADER",
						"The header names the column '" + name + "' twice (columns " + (earlier + 1) + " and " + (i + 1) + ").");
			}
		}
		return new Columns(names);
	}

	static Columns of(List<String> names) {
		return new Columns(names);
	}

	List<String> names() {
		return names;
	}

	int size() {
		return names.size();
	}

	boolean has(String name) {
		return byName.containsKey(normalise(name));
	}

	int index(String name) {
		Integer index = byName.get(normalise(name));
		return index == null ? -1 : index;
	}

	/** The column's name as the file spells it, or the name asked for if the file lacks it. */
	String spelled(String name) {
		int index = index(name);
		return index < 0 ? name : names.get(index);
	}

	/** The first column whose name starts with {@code prefix} ("Weight (" finds "Weight (kg)"). */
	@Nullable String startingWith(String prefix) {
		String wanted = normalise(prefix);
		return names.stream().filter(n -> normalise(n).startsWith(wanted)).findFirst().orElse(null);
	}

	/** The field of a row, stripped; "" when the column is missing or the row is short. */
	String get(CSVRecord record, String name) {
		return CsvFiles.value(record, index(name)).strip();
	}

	/** The field as written (descriptions keep their whitespace). */
	String raw(CSVRecord record, String name) {
		return CsvFiles.value(record, index(name));
	}

	static String normalise(String name) {
		return name.strip().toLowerCase(Locale.ROOT);
	}
}
