package dev.shopwright.catalog.imports;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.zip.GZIPInputStream;

import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import dev.shopwright.platform.AuditLog;
import dev.shopwright.platform.BackgroundJobWorker;
import dev.shopwright.shared.StoreId;
import dev.shopwright.stores.StoreManagement;

/**
 * Runs import jobs in the background, one at a time per node. A job is claimed with {@code for update skip
 * locked}, so with several nodes each job runs once. Products are committed in batches of consecutive products
 * together with the job's progress (ADR 0020); a node that stops (crash, deploy) leaves the job RUNNING with a heartbeat that goes stale, and the
 * next node to look (any node, or this one after a restart) resumes it right after the last committed product.
 * A graceful shutdown hands the job back at once. A job interrupted {@value #MAX_ATTEMPTS} times fails with
 * the line where it stopped, so that a product that crashes the process cannot loop forever.
 */
@Component
class ImportWorker extends BackgroundJobWorker<ImportJobs.Claimed> {

	private static final Logger log = LoggerFactory.getLogger(ImportWorker.class);

	static final int MAX_ATTEMPTS = 5;

	/** A batch ends after this many rows even if it has fewer products (products with many variants). */
	static final int BATCH_ROWS = 2_000;

	private final ImportJobs jobs;

	private final ProductWriter writer;

	private final Map<ImportFormat, ProductCsvFormat> formats;

	private final StoreManagement stores;

	private final CatalogLookups lookups;

	private final AuditLog auditLog;

	private final TransactionTemplate transactions;

	private final Duration staleAfter;

	/** Products written per transaction and announced in one event (ADR 0020). */
	private final int batchProducts;

	private ScheduledExecutorService heartbeats;

	ImportWorker(ImportJobs jobs, ProductWriter writer, List<ProductCsvFormat> formats, StoreManagement stores,
			CatalogLookups lookups, AuditLog auditLog, TransactionTemplate transactions,
			@Value("${shopwright.imports.poll-interval:2s}") Duration pollInterval,
			@Value("${shopwright.imports.stale-after:60s}") Duration staleAfter,
			@Value("${shopwright.imports.batch-size:100}") int batchProducts) {
		super("import-worker", pollInterval);
		this.jobs = jobs;
		this.writer = writer;
		this.formats = formats.stream().collect(Collectors.toMap(ProductCsvFormat::format, Function.identity()));
		this.stores = stores;
		this.lookups = lookups;
		this.auditLog = auditLog;
		this.transactions = transactions;
		this.staleAfter = staleAfter;
		this.batchProducts = batchProducts;
	}

	@Override
	public void start() {
		heartbeats = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("import-heartbeat").daemon()
			.factory());
		super.start();
	}

	@Override
	public void stop() {
		super.stop();
		heartbeats.shutdownNow();
	}

	@Override
	protected Optional<ImportJobs.Claimed> claim() {
		return Optional.ofNullable(transactions.execute(status -> jobs.claim(node, staleAfter))).flatMap(c -> c);
	}

	@Override
	protected void run(ImportJobs.Claimed job) {
		StoreId store = job.store();
		if (job.attempts() > MAX_ATTEMPTS) {
			jobs.fail(store, job.id(), "The import was interrupted " + (job.attempts() - 1) + " times and was given up after "
					+ job.productsDone() + " products (" + job.rowsDone() + " rows). The products before that are imported.");
			return;
		}
		ScheduledFuture<?> heartbeat = heartbeats.scheduleAtFixedRate(() -> beat(job), staleAfter.toMillis() / 4,
				staleAfter.toMillis() / 4, TimeUnit.MILLISECONDS);
		SecurityContextHolder.getContext().setAuthentication(
				UsernamePasswordAuthenticationToken.authenticated(job.startedBy(), null, List.of()));
		try {
			if (job.productsDone() > 0) {
				log.info("Resuming import {} of store {} after {} products", job.id(), store, job.productsDone());
			}
			byte[] content = jobs.content(store, job.id()).orElse(null);
			if (content == null) {
				jobs.fail(store, job.id(), "The uploaded file is no longer there.");
				return;
			}
			ProductCsvFormat format = formats.get(job.format());
			ProductWriter.Run run = new ProductWriter.Run(store, job.id(), node);
			boolean finished = importAll(job, format, content, run);
			if (finished && format.linksProducts()) {
				finished = linkAll(job, format, content, run);
			}
			if (finished) {
				transactions.executeWithoutResult(status -> {
					jobs.complete(store, job.id(), node);
					ImportJob done = jobs.find(store, job.id()).orElseThrow();
					auditLog.record(store, "import.completed", "import", job.id().toString(),
							"Imported %s: %d created, %d updated, %d failed".formatted(done.fileName(), done.created(),
									done.updated(), done.failed()));
				});
			}
			else {
				transactions.executeWithoutResult(status -> jobs.release(store, job.id(), node));
			}
		}
		catch (ProductWriter.LostClaim ex) {
			log.warn("Import {} was taken over by another node", job.id());
		}
		catch (RuntimeException ex) {
			String incident = UUID.randomUUID().toString();
			log.error("Import {} failed, incident {}", job.id(), incident, ex);
			jobs.fail(store, job.id(), "The import stopped on an unexpected error (incident " + incident + "). The products "
					+ "listed as created or updated are imported; the others are not.");
		}
		finally {
			heartbeat.cancel(false);
			SecurityContextHolder.clearContext();
		}
	}

	/** False when the node is stopping (the job is handed back unfinished). */
	private boolean importAll(ImportJobs.Claimed job, ProductCsvFormat format, byte[] content, ProductWriter.Run run) {
		try (CSVParser parser = CsvFiles.open(new GZIPInputStream(new ByteArrayInputStream(content)))) {
			Iterator<CSVRecord> records = parser.iterator();
			Columns columns = Columns.of(records.next());
			ReadContext context = new ReadContext(stores.get(job.store()).defaultCurrency(),
					lookups.attributeCodes(job.store()));
			Iterator<ProductCsvFormat.RowGroup> groups = format.groups(columns, records);
			int index = 0;
			List<ParsedProduct> batch = new ArrayList<>();
			int batchRows = 0;
			while (groups.hasNext()) {
				ProductCsvFormat.RowGroup group = groups.next();
				ParsedProduct parsed = format.read(columns, group, context); // also before resuming: remembers SKUs
				if (index++ < job.productsDone()) {
					continue;
				}
				batch.add(parsed);
				batchRows += parsed.rows;
				if (batch.size() >= batchProducts || batchRows >= BATCH_ROWS || !groups.hasNext()) {
					if (!isRunning()) {
						return false;
					}
					writer.write(run, batch);
					batch = new ArrayList<>();
					batchRows = 0;
				}
			}
			return true;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Second pass for formats that link products to others of the same file. */
	private boolean linkAll(ImportJobs.Claimed job, ProductCsvFormat format, byte[] content, ProductWriter.Run run) {
		try (CSVParser parser = CsvFiles.open(new GZIPInputStream(new ByteArrayInputStream(content)))) {
			Iterator<CSVRecord> records = parser.iterator();
			Columns columns = Columns.of(records.next());
			ReadContext context = new ReadContext(stores.get(job.store()).defaultCurrency(), java.util.Set.of());
			Iterator<ProductCsvFormat.RowGroup> groups = format.groups(columns, records);
			while (groups.hasNext()) {
				if (!isRunning()) {
					return false;
				}
				ParsedProduct parsed = format.read(columns, groups.next(), context);
				Issue problem = writer.link(job.store(), parsed);
				if (problem != null) {
					transactions.executeWithoutResult(status -> jobs.addIssues(job.store(), job.id(), "WARNING", parsed.label,
							List.of(problem)));
				}
			}
			return true;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private void beat(ImportJobs.Claimed job) {
		try {
			jobs.heartbeat(job.store(), job.id(), node);
		}
		catch (RuntimeException ex) {
			log.debug("Heartbeat of import {} failed: {}", job.id(), ex.toString());
		}
	}
}
