package dev.shopwright.catalog.imports;

import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import dev.shopwright.platform.Actor;
import dev.shopwright.platform.AuditLog;
import dev.shopwright.platform.ResourceNotFound;
import dev.shopwright.shared.Page;
import dev.shopwright.shared.StoreId;

/** Starting imports and reading their state: what the API and the console call. */
@Service
class Imports {

	private final ImportJobs jobs;

	private final Map<ImportFormat, ProductCsvFormat> formats;

	private final ImportWorker worker;

	private final AuditLog auditLog;

	private final TransactionTemplate transactions;

	private final int maxRows;

	private final long maxBytes;

	Imports(ImportJobs jobs, List<ProductCsvFormat> formats, ImportWorker worker, AuditLog auditLog,
			TransactionTemplate transactions, @Value("${shopwright.imports.max-rows:1000000}") int maxRows,
			@Value("${shopwright.imports.max-file-size:100MB}") org.springframework.util.unit.DataSize maxBytes) {
		this.jobs = jobs;
		this.formats = formats.stream().collect(Collectors.toMap(ProductCsvFormat::format, Function.identity()));
		this.worker = worker;
		this.auditLog = auditLog;
		this.transactions = transactions;
		this.maxRows = maxRows;
		this.maxBytes = maxBytes.toBytes();
	}

	/**
	 * Checks the file (encoding, header, size) and queues the job; the import itself runs in the background. A file
	 * that cannot be imported at all is refused here with a 422 and no job.
	 */
	ImportJob start(StoreId store, ImportFormat format, String fileName, InputStream content) {
		UploadInspector.Inspection inspection;
		try (content) {
			inspection = UploadInspector.inspect(content, formats.get(format), maxRows, maxBytes);
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
		UUID id = UUID.randomUUID();
		String name = fileName.isBlank() ? "products.csv" : fileName.strip();
		String shortName = name.length() > 200 ? name.substring(0, 200) : name;
		ImportJob job = transactions.execute(status -> {
			jobs.insert(store, id, format, shortName, inspection.bytes(), inspection.rows(), inspection.notes(), actor(),
					inspection.gzipped());
			auditLog.record(store, "import.started", "import", id.toString(), "Started importing %s (%s, %,d rows)"
				.formatted(shortName, UploadInspector.label(format), inspection.rows()));
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					worker.wakeUp();
				}
			});
			return jobs.find(store, id).orElseThrow();
		});
		return java.util.Objects.requireNonNull(job);
	}

	ImportJob get(StoreId store, UUID id) {
		return jobs.find(store, id).orElseThrow(() -> new ResourceNotFound("Import", id.toString()));
	}

	Page<ImportJob> recent(StoreId store, @Nullable String cursor, int limit) {
		return jobs.recent(store, cursor, limit);
	}

	void errors(StoreId store, UUID id, Consumer<ImportJobs.ErrorRow> sink) {
		get(store, id);
		jobs.errors(store, id, sink);
	}

	private static Actor actor() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && authentication.getPrincipal() instanceof Actor actor) {
			return new ImportJobs.StartedBy(actor.actorType(), actor.actorId(), actor.actorName());
		}
		return new ImportJobs.StartedBy("system", "system", "Shopwright");
	}
}
