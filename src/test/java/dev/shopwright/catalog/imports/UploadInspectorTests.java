package dev.shopwright.catalog.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.Test;

import dev.shopwright.platform.BusinessRuleViolation;

/** The checks an upload passes before a job is created, without the application. */
class UploadInspectorTests {

	final ShopifyFormat shopify = new ShopifyFormat();

	UploadInspector.Inspection inspect(byte[] content, int maxRows, long maxBytes) {
		return UploadInspector.inspect(new ByteArrayInputStream(content), shopify, maxRows, maxBytes);
	}

	UploadInspector.Inspection inspect(String content) {
		return inspect(content.getBytes(StandardCharsets.UTF_8), 1000, 1 << 20);
	}

	static String code(Throwable ex) {
		return ((BusinessRuleViolation) ex).code();
	}

	@Test
	void countsRowsNotLinesAndKeepsTheFileForTheJob() throws IOException {
		String csv = "\ufeffHandle,Title,Body (HTML),Variant Price\r\na,A,\"two\r\nlines\",1.00\r\n\r\n,,,\r\nb,B,,2.00\r\n";
		UploadInspector.Inspection inspection = inspect(csv);
		assertThat(inspection.rows()).as("blank lines and empty rows do not count").isEqualTo(2);
		assertThat(inspection.bytes()).isEqualTo(csv.getBytes(StandardCharsets.UTF_8).length);
		ByteArrayOutputStream unpacked = new ByteArrayOutputStream();
		new GZIPInputStream(new ByteArrayInputStream(inspection.gzipped())).transferTo(unpacked);
		assertThat(unpacked.toString(StandardCharsets.UTF_8)).isEqualTo(csv);
		assertThat(inspection.notes()).isEmpty();
	}

	@Test
	void notesCountTheValuesOfColumnsWithoutAPlace() {
		UploadInspector.Inspection inspection = inspect("""
				Handle,Title,Variant Price,Variant Inventory Qty,Google Shopping / Gender,Custom thing
				a,A,1.00,5,female,x,surplus
				a,,2.00,,,y
				""");
		assertThat(inspection.notes()).extracting(ColumnNote::describe).containsExactly(
				"Variant Inventory Qty: 1 value not imported — stock belongs to inventory; quantities are not imported by this version",
				"Google Shopping / Gender: 1 value not imported — Google Shopping fields are not supported yet",
				"Custom thing: 2 values not imported — Shopwright does not know this column",
				"(columns after the last header column): 1 value not imported — the columns have no name in the header");
	}

	@Test
	void tooManyRowsOrBytesAreRefused() {
		String csv = "Handle,Title\na,A\nb,B\nc,C\n";
		assertThat(inspect(csv.getBytes(StandardCharsets.UTF_8), 3, 1000).rows()).isEqualTo(3);
		assertThatThrownBy(() -> inspect(csv.getBytes(StandardCharsets.UTF_8), 2, 1000))
			.satisfies(ex -> assertThat(code(ex)).isEqualTo("IMPORT_TOO_MANY_ROWS")).hasMessageContaining("more than 2 rows");
		assertThatThrownBy(() -> inspect(csv.getBytes(StandardCharsets.UTF_8), 10, 10))
			.satisfies(ex -> assertThat(code(ex)).isEqualTo("IMPORT_FILE_TOO_LARGE"));
	}

	@Test
	void encodingsOtherThanUtf8AreRefusedWithTheLine() {
		byte[] utf16 = "Handle,Title\na,A\n".getBytes(StandardCharsets.UTF_16);
		assertThatThrownBy(() -> inspect(utf16, 10, 1000)).hasMessageContaining("UTF-16");
		byte[] latin1 = ("Handle,Title\n" + "a,A\n".repeat(5000) + "b,Crème\n").getBytes(StandardCharsets.ISO_8859_1);
		assertThatThrownBy(() -> inspect(latin1, 10_000, 1 << 20))
			.satisfies(ex -> assertThat(code(ex)).isEqualTo("IMPORT_NOT_UTF8")).hasMessageContaining("line 5002");
	}

	@Test
	void aHeaderWithDuplicateOrMissingColumnsIsRefused() {
		assertThatThrownBy(() -> inspect("Handle,Title,handle\na,A,b\n")).hasMessageContaining("'handle' twice");
		assertThatThrownBy(() -> inspect("Handle,,Title\na,x,A\n")).hasMessageContaining("Column 2");
		assertThatThrownBy(() -> inspect("Handle,Name\na,A\n")).hasMessageContaining("'Title'");
		assertThat(inspect(" handle , TITLE ,,\na,A\n").rows()).as("case, spaces and trailing commas are forgiven")
			.isEqualTo(1);
	}
}
