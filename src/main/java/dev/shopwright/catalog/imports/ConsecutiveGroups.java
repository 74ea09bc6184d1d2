package dev.shopwright.catalog.imports;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.function.Function;

import org.apache.commons.csv.CSVRecord;
import org.jspecify.annotations.Nullable;

/**
 * Rows of one product follow each other (Shopify and our own format): a group ends where the key (the handle)
 * changes. The file is streamed, so any size fits in memory. A key that comes back after other products is
 * reported rather than merged, because its first rows were written already.
 */
final class ConsecutiveGroups implements Iterator<ProductCsvFormat.RowGroup> {

	private final Iterator<CSVRecord> records;

	private final Function<CSVRecord, String> key;

	private final String keyColumn;

	private final Map<String, Integer> finished = new HashMap<>();

	private @Nullable CSVRecord next;

	ConsecutiveGroups(Iterator<CSVRecord> records, Function<CSVRecord, String> key, String keyColumn) {
		this.records = records;
		this.key = key;
		this.keyColumn = keyColumn;
		advance();
	}

	@Override
	public boolean hasNext() {
		return next != null;
	}

	@Override
	public ProductCsvFormat.RowGroup next() {
		if (next == null) {
			throw new NoSuchElementException();
		}
		String groupKey = key.apply(next);
		List<CSVRecord> rows = new ArrayList<>();
		if (groupKey.isEmpty()) {
			rows.add(next);
			advance();
			return new ProductCsvFormat.RowGroup("(line " + CsvFiles.line(rows.getFirst()) + ")", rows,
					new Issue(CsvFiles.line(rows.getFirst()), keyColumn, "is empty; every row needs the product's "
							+ keyColumn));
		}
		while (next != null && key.apply(next).equals(groupKey)) {
			rows.add(next);
			advance();
		}
		Integer earlierEnd = finished.put(groupKey, CsvFiles.line(rows.getLast()));
		if (earlierEnd != null) {
			return new ProductCsvFormat.RowGroup(groupKey, rows, new Issue(CsvFiles.line(rows.getFirst()), keyColumn,
					"'" + groupKey + "' appeared already (rows up to line " + earlierEnd
							+ "); the rows of a product must follow each other, so these rows were not imported"));
		}
		return new ProductCsvFormat.RowGroup(groupKey, rows, null);
	}

	private void advance() {
		next = null;
		while (records.hasNext()) {
			CSVRecord record = records.next();
			if (!CsvFiles.blank(record)) {
				next = record;
				return;
			}
		}
	}
}
