package dev.shopwright.catalog.imports;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Locale;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.apache.commons.csv.CSVPrinter;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import dev.shopwright.platform.AuditLog;
import dev.shopwright.platform.BusinessRuleViolation;
import dev.shopwright.platform.CurrentStore;
import dev.shopwright.shared.Page;
import dev.shopwright.shared.StoreId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Product CSV import jobs and exports through the Admin API. */
@RestController
@Tag(name = "Product import and export")
class ImportsRestController {

	private final Imports imports;

	private final ProductExporter exporter;

	private final CurrentStore currentStore;

	private final String publicUrl;

	private final AuditLog auditLog;

	ImportsRestController(Imports imports, ProductExporter exporter, CurrentStore currentStore, AuditLog auditLog,
			@Value("${shopwright.public-url:}") String publicUrl) {
		this.auditLog = auditLog;
		this.imports = imports;
		this.exporter = exporter;
		this.currentStore = currentStore;
		this.publicUrl = publicUrl;
	}

	@PostMapping(path = "/api/admin/v1/imports", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@PreAuthorize("hasAuthority('CATALOG_WRITE')")
	@Operation(summary = "Start a product import from a CSV file (multipart: `file`, `format` = SHOPIFY, WOOCOMMERCE or "
			+ "SHOPWRIGHT); 202 with the job. A file that cannot be imported at all (not UTF-8, header without the "
			+ "required columns, no rows, more than 1,000,000 rows or 100 MB) is a 422 and starts nothing.")
	ResponseEntity<ImportJob> start(@RequestPart("file") MultipartFile file, @RequestParam ImportFormat format) {
		ImportJob job = imports.start(currentStore.id(), format, String.valueOf(file.getOriginalFilename()), open(file));
		return ResponseEntity.accepted().location(URI.create("/api/admin/v1/imports/" + job.id())).body(job);
	}

	@GetMapping("/api/admin/v1/imports")
	@PreAuthorize("hasAuthority('CATALOG_READ')")
	@Operation(summary = "Recent imports of the store, newest first")
	Page<ImportJob> list(@RequestParam(required = false) @Nullable String cursor,
			@RequestParam(defaultValue = "20") @Min(1) @Max(200) int limit) {
		return imports.recent(currentStore.id(), cursor, limit);
	}

	@GetMapping("/api/admin/v1/imports/{id}")
	@PreAuthorize("hasAuthority('CATALOG_READ')")
	@Operation(summary = "An import: status, progress (rows done of total), products created, updated and failed, and "
			+ "the values of the file that have no place in the catalog, per column")
	ImportJob get(@PathVariable UUID id) {
		return imports.get(currentStore.id(), id);
	}

	@GetMapping("/api/admin/v1/imports/{id}/errors.csv")
	@PreAuthorize("hasAuthority('CATALOG_READ')")
	@ApiResponse(responseCode = "200", description = "the error report",
			content = @Content(mediaType = "text/csv", schema = @Schema(type = "string")))
	@Operation(summary = "The import's errors as CSV: line (as a spreadsheet counts rows; the header is line 1), "
			+ "column, product and message")
	void errors(@PathVariable UUID id, HttpServletResponse response) throws IOException {
		StoreId store = currentStore.id();
		imports.get(store, id);
		response.setContentType("text/csv;charset=UTF-8");
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"import-" + id + "-errors.csv\"");
		try (CSVPrinter csv = new CSVPrinter(new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8),
				CsvFiles.WRITE_FORMAT)) {
			csv.printRecord("line", "column", "product", "message");
			imports.errors(store, id, row -> {
				try {
					CsvFiles.print(csv, java.util.Arrays.asList(row.line(), row.column(), row.product(), row.message()));
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			});
		}
	}

	@GetMapping("/api/admin/v1/exports/products.csv")
	@PreAuthorize("hasAuthority('CATALOG_READ')")
	@ApiResponse(responseCode = "200", description = "the products as CSV",
			content = @Content(mediaType = "text/csv", schema = @Schema(type = "string")))
	@Operation(summary = "Export every product of the store as CSV: format SHOPWRIGHT (complete; import it to get the same "
			+ "catalog) or SHOPIFY (Shopify's product template). Streamed as it is written.")
	void export(@RequestParam(defaultValue = "SHOPWRIGHT") ImportFormat format, HttpServletResponse response)
			throws IOException {
		if (format == ImportFormat.WOOCOMMERCE) {
			throw BusinessRuleViolation.ofField("EXPORT_FORMAT_UNSUPPORTED", "format",
					"WooCommerce is an import format only; export SHOPIFY or SHOPWRIGHT");
		}
		StoreId store = currentStore.id();
		response.setContentType("text/csv;charset=UTF-8");
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"products-"
				+ format.name().toLowerCase(Locale.ROOT) + "-" + LocalDate.now() + ".csv\"");
		int products = exporter.export(store, format, baseUrl(), response.getOutputStream());
		auditLog.record(store, "products.exported", "product", "export", "Exported %d products as %s CSV"
			.formatted(products, UploadInspector.label(format)));
	}

	private String baseUrl() {
		if (!publicUrl.isBlank()) {
			return publicUrl.replaceAll("/+$", "");
		}
		return ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
	}

	private static InputStream open(MultipartFile file) {
		if (file.isEmpty()) {
			throw new ImportRefused("IMPORT_FILE_EMPTY", "The file is empty.");
		}
		try {
			return file.getInputStream();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}
}
