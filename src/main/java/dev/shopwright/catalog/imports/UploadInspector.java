package dev.shopwright.catalog.imports;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads an upload once, before a job is created, so that a file that cannot work is refused at once with a
 * clear 422: not UTF-8, not CSV, a header without the required columns, no rows, too many rows. On the way it
 * counts the rows (for progress), counts the values of columns that have no place in the catalog (the notes)
 * and compresses the file for the job.
 */
final class UploadInspector {

	record Inspection(byte[] gzipped, long bytes, int rows, List<ColumnNote> notes) {
	}

	private UploadInspector() {
	}

	static Inspection inspect(InputStream upload, ProductCsvFormat format, int maxRows, long maxBytes) {
		ByteArrayOutputStream compressed = new ByteArrayOutputStream();
		CountingTee tee;
		CSVParser parser = null;
		try (GZIPOutputStream gzip = new GZIPOutputStream(compressed, 64 * 1024)) {
			tee = new CountingTee(upload, gzip, maxBytes);
			BufferedInputStream in = new BufferedInputStream(tee, 64 * 1024);
			refuseUtf16(in);
			parser = CsvFiles.open(in);
			Iterator<CSVRecord> records = parser.iterator();
			if (!records.hasNext()) {
				throw new ImportRefused("IMPORT_FILE_EMPTY", "The file is empty.");
			}
			Columns columns = Columns.of(records.next());
			checkHeader(columns, format);
			List<String> reasons = new ArrayList<>();
			for (String name : columns.names()) {
				reasons.add(format.notImported(columns, name));
			}
			long[] values = new long[columns.size()];
			long unnamed = 0;
			int rows = 0;
			while (records.hasNext()) {
				CSVRecord record = records.next();
				if (CsvFiles.blank(record)) {
					continue;
				}
				if (++rows > maxRows) {
					throw new ImportRefused("IMPORT_TOO_MANY_ROWS", "The file has more than %,d rows; split it into smaller files."
						.formatted(maxRows));
				}
				for (int i = 0; i < record.size(); i++) {
					if (i >= values.length) {
						if (!record.get(i).isBlank()) {
							unnamed++;
						}
					}
					else if (reasons.get(i) != null && !record.get(i).isBlank()) {
						values[i]++;
					}
				}
			}
			if (rows == 0) {
				throw new ImportRefused("IMPORT_FILE_EMPTY", "The file has a header but no product rows.");
			}
			List<ColumnNote> notes = new ArrayList<>();
			for (int i = 0; i < values.length; i++) {
				if (values[i] > 0) {
					notes.add(new ColumnNote(columns.names().get(i), values[i], reasons.get(i)));
				}
			}
			if (unnamed > 0) {
				notes.add(new ColumnNote("(columns after the last header column)", unnamed, "the columns have no name in the "
						+ "header"));
			}
			gzip.finish();
			return new Inspection(compressed.toByteArray(), tee.count, rows, notes);
		}
		catch (UncheckedIOException ex) {
			throw refusal(ex.getCause(), parser);
		}
		catch (IOException ex) {
			throw refusal(ex, parser);
		}
	}

	private static void checkHeader(Columns columns, ProductCsvFormat format) {
		if (columns.size() == 1 && columns.names().getFirst().contains(";")) {
			throw new ImportRefused("IMPORT_HEADER_INVALID", "The file separates its columns with ';'. Save it as CSV with "
					+ "commas (\"CSV UTF-8 (comma delimited)\") and upload it again.");
		}
		if (columns.names().stream().anyMatch(name -> name.indexOf('\u0000') >= 0)) {
			throw new ImportRefused("IMPORT_NOT_UTF8", "The file looks like UTF-16 text. Save it as \"CSV UTF-8\" and upload "
					+ "it again.");
		}
		List<String> missing = format.requiredColumns().stream().filter(c -> !columns.has(c)).toList();
		if (!missing.isEmpty()) {
			throw new ImportRefused("IMPORT_HEADER_INVALID", "The header lacks the column%s %s that a %s file needs. Found: %s."
				.formatted(missing.size() == 1 ? "" : "s", String.join(", ", missing.stream().map(m -> "'" + m + "'").toList()),
						label(format.format()), Values.abbreviate(String.join(", ", columns.names()))));
		}
	}

	private static void refuseUtf16(BufferedInputStream in) throws IOException {
		in.mark(4);
		byte[] start = in.readNBytes(2);
		in.reset();
		if (start.length == 2 && (((start[0] & 0xff) == 0xff && (start[1] & 0xff) == 0xfe)
				|| ((start[0] & 0xff) == 0xfe && (start[1] & 0xff) == 0xff))) {
			throw new ImportRefused("IMPORT_NOT_UTF8", "The file is UTF-16 text. Save it as \"CSV UTF-8\" and upload it again.");
		}
	}

	private static ImportRefused refusal(Throwable cause, CSVParser parser) {
		if (cause instanceof ImportRefused refused) {
			return refused;
		}
		long line = parser == null ? 1 : parser.getCurrentLineNumber() + 1;
		if (cause instanceof CharacterCodingException) {
			long at = cause instanceof CsvFiles.NotUtf8 notUtf8 ? notUtf8.line : line;
			return new ImportRefused("IMPORT_NOT_UTF8", "The file is not UTF-8 text: the bytes on line " + at
					+ " are not valid UTF-8 (the file may be in Latin-1 or Windows-1252). Save it as \"CSV UTF-8\" and upload "
					+ "it again.");
		}
		if (cause instanceof TooLarge tooLarge) {
			return new ImportRefused("IMPORT_FILE_TOO_LARGE", tooLarge.getMessage());
		}
		return new ImportRefused("IMPORT_NOT_CSV", "The file is not valid CSV near line " + line + ": "
				+ Values.abbreviate(String.valueOf(cause.getMessage())) + ".");
	}

	static String label(ImportFormat format) {
		return switch (format) {
			case SHOPIFY -> "Shopify";
			case WOOCOMMERCE -> "WooCommerce";
			case SHOPWRIGHT -> "Shopwright";
		};
	}

	private static final class TooLarge extends IOException {

		TooLarge(String message) {
			super(message);
		}
	}

	/** Passes the bytes through to the parser while compressing them and counting them against the limit. */
	private static final class CountingTee extends FilterInputStream {

		private final OutputStream copy;

		private final long max;

		long count;

		CountingTee(InputStream in, OutputStream copy, long max) {
			super(in);
			this.copy = copy;
			this.max = max;
		}

		@Override
		public int read() throws IOException {
			int b = super.read();
			if (b >= 0) {
				copy.write(b);
				counted(1);
			}
			return b;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			int n = super.read(buffer, offset, length);
			if (n > 0) {
				copy.write(buffer, offset, n);
				counted(n);
			}
			return n;
		}

		private void counted(int n) throws IOException {
			count += n;
			if (count > max) {
				throw new TooLarge("The file is larger than %,d MB; split it into smaller files.".formatted(max / 1024 / 1024));
			}
		}

		@Override
		public boolean markSupported() {
			return false;
		}
	}
}
