package dev.shopwright.catalog.imports;

import java.util.HashMap;
import java.util.Map;

/**
 * Where each part of a product draft came from, so that a refusal by the catalog ("variants[2].barcode: not a
 * valid GTIN") is reported at the line and column of the file that holds the value.
 */
final class SourceMap {

	record Source(int line, String column) {
	}

	private final Map<String, Source> sources = new HashMap<>();

	private final Source fallback;

	SourceMap(int firstLine) {
		this.fallback = new Source(firstLine, "");
	}

	void put(String field, int line, String column) {
		sources.put(field, new Source(line, column));
	}

	/** The most specific source known for a field path: "variants[2].barcode", else "variants[2]", else the product. */
	Source locate(String field) {
		String path = field;
		while (true) {
			Source source = sources.get(path);
			if (source != null) {
				return source;
			}
			int cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
			if (cut <= 0) {
				return fallback;
			}
			path = path.substring(0, cut);
		}
	}
}
