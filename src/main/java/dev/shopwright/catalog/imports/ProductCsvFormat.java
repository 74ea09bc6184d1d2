package dev.shopwright.catalog.imports;

import java.util.Iterator;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVRecord;
import org.jspecify.annotations.Nullable;

/** One CSV layout: its required columns, which columns have no place in the catalog, and how rows make products. */
interface ProductCsvFormat {

	ImportFormat format();

	/** Columns without which the file is refused before a job starts. */
	List<String> requiredColumns();

	/** Why values of this column are not imported, or null when they are. */
	@Nullable String notImported(Columns columns, String column);

	/** The rows of the file grouped into products, in file order; a group may carry its own error. */
	Iterator<RowGroup> groups(Columns columns, Iterator<CSVRecord> records);

	/** Whether products of this format link to others that may come later in the file (a second pass links them). */
	default boolean linksProducts() {
		return false;
	}

	/** Turns one group into a product draft, recording every problem by line and column. */
	ParsedProduct read(Columns columns, RowGroup group, ReadContext context);

	/**
	 * Rows that belong to one product; {@code problem} is set when the grouping itself failed. {@code skusByFileId}
	 * says which SKUs the file's own product ids stand for (WooCommerce links products by {@code id:N}).
	 */
	record RowGroup(String key, List<CSVRecord> rows, @Nullable Issue problem, Map<String, List<String>> skusByFileId) {

		RowGroup(String key, List<CSVRecord> rows, @Nullable Issue problem) {
			this(key, rows, problem, Map.of());
		}

		int firstLine() {
			return CsvFiles.line(rows.getFirst());
		}

		int lastLine() {
			return CsvFiles.line(rows.getLast());
		}
	}
}
