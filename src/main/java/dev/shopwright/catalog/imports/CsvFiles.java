package dev.shopwright.catalog.imports;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * Reading CSV the way spreadsheets and shop systems write it: UTF-8 with or without a byte-order mark, quoted
 * fields with line breaks, blank lines ignored. Bytes that are not UTF-8 are an error, never replaced
 * silently with '?' — a shop in Latin-1 would otherwise lose every accented letter.
 */
final class CsvFiles {

	static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).get();

	static final CSVFormat WRITE_FORMAT = CSVFormat.RFC4180.builder().setRecordSeparator("\r\n").get();

	private CsvFiles() {
	}

	/** A parser over the bytes: the first record is the header. Malformed UTF-8 surfaces as an IOException. */
	static CSVParser open(InputStream bytes) throws IOException {
		BufferedInputStream in = new BufferedInputStream(bytes, 64 * 1024);
		in.mark(3);
		byte[] start = in.readNBytes(3);
		if (!(start.length == 3 && (start[0] & 0xff) == 0xef && (start[1] & 0xff) == 0xbb && (start[2] & 0xff) == 0xbf)) {
			in.reset();
		}
		return CSVParser.builder().setReader(new StrictUtf8Reader(in)).setFormat(FORMAT).get();
	}

	/** Bytes that are not UTF-8, at a line of the file as a text editor counts them. */
	static final class NotUtf8 extends CharacterCodingException {

		final long line;

		NotUtf8(long line) {
			this.line = line;
		}
	}

	/**
	 * Decodes UTF-8 strictly and knows the line it is on, so that an encoding error names the line of the bad
	 * bytes (a plain InputStreamReader reads ahead and fails thousands of bytes early).
	 */
	private static final class StrictUtf8Reader extends Reader {

		private final InputStream in;

		private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
			.onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);

		private final ByteBuffer bytes = ByteBuffer.allocate(64 * 1024).flip();

		private final CharBuffer chars = CharBuffer.allocate(64 * 1024).flip();

		private long lines = 1;

		private boolean eof;

		StrictUtf8Reader(InputStream in) {
			this.in = in;
		}

		@Override
		public int read(char[] target, int offset, int length) throws IOException {
			while (!chars.hasRemaining()) {
				if (eof && !bytes.hasRemaining()) {
					return -1;
				}
				fill();
			}
			int n = Math.min(length, chars.remaining());
			chars.get(target, offset, n);
			return n;
		}

		private void fill() throws IOException {
			if (!eof) {
				bytes.compact();
				int read = in.read(bytes.array(), bytes.position(), bytes.remaining());
				if (read < 0) {
					eof = true;
				}
				else {
					bytes.position(bytes.position() + read);
				}
				bytes.flip();
			}
			chars.clear();
			CoderResult result = decoder.decode(bytes, chars, eof);
			if (!result.isError() && eof && !bytes.hasRemaining()) {
				result = decoder.flush(chars);
			}
			chars.flip();
			for (int i = chars.position(); i < chars.limit(); i++) {
				if (chars.get(i) == '\n') {
					lines++;
				}
			}
			if (result.isError() || (eof && bytes.hasRemaining() && chars.remaining() == 0)) {
				throw new NotUtf8(lines);
			}
		}

		@Override
		public void close() throws IOException {
			in.close();
		}
	}

	/**
	 * A spreadsheet runs a cell that starts with = + - @ (or a tab or carriage return) as a formula, so a product
	 * title could run code on the machine of whoever opens the export (CSV injection). Such cells are written with
	 * a leading apostrophe, which spreadsheets show as text; {@link #value} takes exactly one apostrophe off again,
	 * so export and re-import give back the same text (a value that itself starts with apostrophes before one of
	 * those characters gets one more on the way out).
	 */
	private static final Pattern FORMULA_LIKE = Pattern.compile("^'*[=+\\-@\t\r]");

	static String escapeFormula(String value) {
		return FORMULA_LIKE.matcher(value).find() ? "'" + value : value;
	}

	/** Prints one row with every cell escaped against formula execution. */
	static void print(CSVPrinter csv, Iterable<?> values) throws IOException {
		List<String> row = new ArrayList<>();
		for (Object value : values) {
			row.add(escapeFormula(value == null ? "" : value.toString()));
		}
		csv.printRecord(row);
	}

	/** The text of a field, or "" if the row is shorter than the header (trailing empty columns left out). */
	static String value(CSVRecord record, int index) {
		String value = index >= 0 && index < record.size() ? record.get(index) : "";
		return value.startsWith("'") && FORMULA_LIKE.matcher(value).find() ? value.substring(1) : value;
	}

	/** A row number as a spreadsheet shows it: the header is line 1, the first product row line 2. */
	static int line(CSVRecord record) {
		return (int) record.getRecordNumber();
	}

	static boolean blank(CSVRecord record) {
		for (String value : record) {
			if (!value.isBlank()) {
				return false;
			}
		}
		return true;
	}
}
