package dev.shopwright.catalog.imports;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import dev.shopwright.catalog.AlreadyChecked;
import dev.shopwright.catalog.CatalogManagement;
import dev.shopwright.catalog.InvalidProduct;
import dev.shopwright.catalog.Media;
import dev.shopwright.catalog.Product;
import dev.shopwright.catalog.ProductDraft;
import dev.shopwright.catalog.Variant;
import dev.shopwright.platform.BusinessRuleViolation;
import dev.shopwright.platform.PlannerStatistics;
import dev.shopwright.shared.StoreId;

/**
 * Writes parsed products in batches, one transaction per batch, through {@link CatalogManagement} so that every
 * catalog rule applies, together with the job's progress: a product is imported whole or not at all (refused before
 * anything of it is written, or rolled back to its own savepoint), and the job's counters always match what was committed. A refused product is recorded with each problem
 * at its line and column.
 */
@Component
class ProductWriter {

	private static final Logger log = LoggerFactory.getLogger(ProductWriter.class);

	/** The job this node is running: where progress goes and who it is done for. */
	record Run(StoreId store, UUID job, String node) {
	}

	/** This node no longer holds the job (another node took it over); stop at once. */
	static final class LostClaim extends RuntimeException {

		LostClaim() {
			super("the import job was taken over by another node", null, false, false);
		}
	}

	private static final class Refused extends RuntimeException {

		final List<Issue> issues;

		Refused(List<Issue> issues) {
			super(null, null, false, false);
			this.issues = issues;
		}
	}

	private final CatalogManagement catalog;

	private final ImportJobs jobs;

	private final CatalogLookups lookups;

	private final TransactionTemplate transactions;

	/** One product of a batch: rolled back alone when it is refused. */
	private final TransactionTemplate savepoint;

	private final Validator validator;

	private final PlannerStatistics statistics;

	ProductWriter(CatalogManagement catalog, ImportJobs jobs, CatalogLookups lookups, TransactionTemplate transactions,
			Validator validator, PlannerStatistics statistics) {
		this.catalog = catalog;
		this.jobs = jobs;
		this.lookups = lookups;
		this.transactions = transactions;
		this.savepoint = new TransactionTemplate(Objects.requireNonNull(transactions.getTransactionManager()));
		this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
		this.validator = validator;
		this.statistics = statistics;
	}

	/**
	 * Writes a batch of consecutive products of the file in one transaction, with the job's progress and one
	 * {@link dev.shopwright.catalog.events.ProductsImported} for those created or changed. The batch is first written
	 * optimistically, without a savepoint per product: a product refused before anything of it is written (the
	 * file's errors, the catalog's rules) is reported and the others go on. Anything else that goes wrong with a
	 * product (the database refusing a row, a SKU taken meanwhile) rolls the whole attempt back, and the batch is
	 * written again with a savepoint per product, so that only that product is rolled back and reported.
	 */
	void write(Run run, List<ParsedProduct> batch) {
		try {
			transactions.executeWithoutResult(status -> write(run, batch, false));
		}
		catch (RetryWithSavepoints ex) {
			log.debug("Writing batch of import {} again product by product: {}", run.job(), ex.getCause().toString());
			transactions.executeWithoutResult(status -> write(run, batch, true));
		}
	}

	/** A product of an optimistic batch failed in a way that may have left the transaction unusable. */
	private static final class RetryWithSavepoints extends RuntimeException {

		RetryWithSavepoints(RuntimeException cause) {
			super(null, cause, false, false);
		}
	}

	private void write(Run run, List<ParsedProduct> batch, boolean savepoints) {
		jobs.commitWithoutWaitingForDisk();
		Known known = known(run.store(), batch);
		List<Product> announced = new ArrayList<>();
		int rows = 0, created = 0, updated = 0, failed = 0, errors = 0;
		for (ParsedProduct parsed : batch) {
			rows += parsed.rows;
			List<Issue> problems = parsed.errors;
			if (problems.isEmpty() && parsed.draft != null) {
				try {
					Written written = savepoints ? Objects.requireNonNull(savepoint.execute(nested -> write(run, parsed, known)))
							: write(run, parsed, known);
					known.written(parsed, written.saved);
					if (written.existing == null) {
						created++;
					}
					else {
						updated++;
					}
					if (written.saved != written.existing) {
						announced.add(written.saved);
					}
					continue;
				}
				catch (Refused ex) { // before anything of the product was written
					problems = ex.issues;
				}
				catch (InvalidProduct ex) { // the catalog's rules, checked before it writes
					problems = locate(ex, parsed);
				}
				catch (RuntimeException ex) {
					if (!savepoints) {
						throw new RetryWithSavepoints(ex);
					}
					problems = refusal(parsed, ex);
				}
			}
			List<Issue> reported = problems.isEmpty()
					? List.of(new Issue(parsed.firstLine, "", "the product was not imported")) : problems;
			jobs.addIssues(run.store(), run.job(), "ERROR", parsed.label, reported);
			failed++;
			errors += reported.size();
		}
		if (!announced.isEmpty()) { // tables without statistics, or outgrown them: a fresh database (PlannerStatistics)
			statistics.gatherWhereMissing("catalog.product", "catalog.variant", "catalog.product_option");
		}
		catalog.announceImported(run.store(), announced);
		if (!jobs.productsDone(run.store(), run.job(), run.node(), batch.size(), rows, created, updated, failed, errors)) {
			throw new LostClaim();
		}
	}

	/** What to report for a product that failed under its savepoint. */
	private static List<Issue> refusal(ParsedProduct parsed, RuntimeException ex) {
		if (ex instanceof BusinessRuleViolation violation) {
			return locate(violation, parsed);
		}
		String incident = UUID.randomUUID().toString();
		log.error("Importing product '{}' (lines {}–{}) failed unexpectedly, incident {}", parsed.label, parsed.firstLine,
				parsed.lastLine, incident, ex);
		return List.of(new Issue(parsed.firstLine, "", "unexpected error; quote incident " + incident + " when reporting it"));
	}

	/** A product written: {@code saved} is {@code existing} itself when the file changed nothing. */
	private record Written(@Nullable Product existing, Product saved) {
	}

	private Written write(Run run, ParsedProduct parsed, Known known) {
		boolean stale = known.mayHaveChanged(parsed);
		Product existing = stale ? existing(run.store(), parsed) : known.existing(parsed);
		ProductDraft draft = prepare(run.store(), parsed, existing);
		AlreadyChecked checked = stale ? AlreadyChecked.NOTHING : known.checked(parsed, existing);
		Product saved = existing == null ? catalog.createInBatch(run.store(), draft, checked)
				: catalog.updateInBatch(run.store(), existing, draft, checked);
		attachImages(run.store(), saved, parsed.images);
		jobs.addIssues(run.store(), run.job(), "WARNING", parsed.label, parsed.warnings);
		return new Written(existing, saved);
	}

	/**
	 * Links products to the products they name by handle (our own format), once every product of the file exists;
	 * null when all went well, else the problem.
	 */
	@Nullable Issue link(StoreId store, ParsedProduct parsed) {
		if (parsed.relatedSkus != null && parsed.errors.isEmpty()) {
			return linkBySku(store, parsed, parsed.relatedSkus);
		}
		if (parsed.related == null || parsed.handle == null || !parsed.errors.isEmpty()) {
			return null;
		}
		List<ParsedProduct.RelatedHandle> wanted = parsed.related;
		SourceMap.Source source = parsed.sources.locate("related");
		try {
			return transactions.execute(status -> {
				Product product = catalog.findByHandle(store, parsed.handle).orElse(null);
				if (product == null) {
					return null; // the product itself failed; its error is reported already
				}
				Map<String, UUID> ids = lookups.productIds(store, wanted.stream().map(ParsedProduct.RelatedHandle::handle).toList());
				List<String> unknown = wanted.stream().map(ParsedProduct.RelatedHandle::handle).filter(h -> !ids.containsKey(h))
					.distinct().toList();
				if (!unknown.isEmpty()) {
					return new Issue(source.line(), source.column(), "related products not found, links not saved: "
							+ String.join(", ", unknown));
				}
				List<Product.Related> related = wanted.stream()
					.map(r -> new Product.Related(new dev.shopwright.catalog.ProductId(ids.get(r.handle())), r.kind()))
					.distinct().toList();
				if (!related.equals(product.related())) {
					catalog.update(store, product.id(), Drafts.relatedOnly(related));
				}
				return null;
			});
		}
		catch (BusinessRuleViolation ex) {
			return new Issue(source.line(), source.column(), ex.getMessage());
		}
	}

	/** WooCommerce's links: the product found by its own handle or SKUs, the linked ones by SKU. */
	private @Nullable Issue linkBySku(StoreId store, ParsedProduct parsed, List<ParsedProduct.RelatedSku> wanted) {
		SourceMap.Source source = parsed.sources.locate("related");
		try {
			return transactions.execute(status -> {
				Product product = parsed.handle != null ? catalog.findByHandle(store, parsed.handle).orElse(null)
						: parsed.skus.isEmpty() ? null : catalog.findBySku(store, parsed.skus.getFirst()).orElse(null);
				if (product == null) {
					return null; // the product itself failed; its error is reported already
				}
				List<Product.Related> related = new java.util.ArrayList<>();
				List<String> unknown = new java.util.ArrayList<>();
				for (ParsedProduct.RelatedSku link : wanted) {
					catalog.findBySku(store, link.sku()).ifPresentOrElse(target -> {
						if (!target.id().equals(product.id())
								&& related.stream().noneMatch(r -> r.productId().equals(target.id()))) {
							related.add(new Product.Related(target.id(), link.kind()));
						}
					}, () -> unknown.add(link.sku()));
				}
				if (!related.equals(product.related())) {
					catalog.update(store, product.id(), Drafts.relatedOnly(related));
				}
				return unknown.isEmpty() ? null : new Issue(source.line(), source.column(),
						"related products not found, links not saved: " + String.join(", ", unknown));
			});
		}
		catch (BusinessRuleViolation ex) {
			return new Issue(source.line(), source.column(), ex.getMessage());
		}
	}

	/**
	 * The products a batch may update, looked up for the whole batch at once (three queries for the SKUs, the handles
	 * and the products instead of a handful per product), and the owners of every SKU the batch writes. Valid until
	 * the batch writes a product it names.
	 */
	private Known known(StoreId store, List<ParsedProduct> batch) {
		Set<String> matching = new HashSet<>();
		Set<String> skus = new HashSet<>();
		Set<String> handles = new HashSet<>();
		for (ParsedProduct parsed : batch) {
			matching.addAll(parsed.skus);
			skus.addAll(parsed.skus);
			skus.addAll(draftSkus(parsed));
			if (parsed.handle != null) {
				handles.add(parsed.handle);
			}
		}
		Map<String, UUID> bySku = lookups.productIdsBySku(store, skus);
		Map<String, UUID> byHandle = lookups.productIds(store, handles);
		Set<UUID> ids = new java.util.LinkedHashSet<>();
		bySku.forEach((sku, id) -> {
			if (matching.contains(sku)) {
				ids.add(id);
			}
		});
		ids.addAll(byHandle.values());
		Map<UUID, Product> products = new HashMap<>();
		catalog.load(store, List.copyOf(ids)).forEach(p -> products.put(p.id().value(), p));
		return new Known(bySku, byHandle, products);
	}

	private static final class Known {

		private final Map<String, UUID> bySku;

		private final Map<String, UUID> byHandle;

		private final Map<UUID, Product> products;

		/** What the batch has written so far: products, SKUs and handles the lookups above may no longer tell right. */
		private final Set<Object> written = new HashSet<>();

		Known(Map<String, UUID> bySku, Map<String, UUID> byHandle, Map<UUID, Product> products) {
			this.bySku = bySku;
			this.byHandle = byHandle;
			this.products = products;
		}

		boolean mayHaveChanged(ParsedProduct parsed) {
			return parsed.handle != null && written.contains("handle:" + parsed.handle)
					|| parsed.skus.stream().anyMatch(sku -> written.contains("sku:" + sku))
					|| ids(parsed).stream().anyMatch(written::contains);
		}

		void written(ParsedProduct parsed, Product saved) {
			written.add(saved.id().value());
			written.add("handle:" + saved.handle());
			if (parsed.handle != null) {
				written.add("handle:" + parsed.handle);
			}
			parsed.skus.forEach(sku -> written.add("sku:" + sku));
			saved.variants().forEach(v -> written.add("sku:" + v.sku()));
		}

		/** As {@link ProductWriter#existing}, from the batch's lookups. */
		@Nullable Product existing(ParsedProduct parsed) {
			List<UUID> ids = ids(parsed);
			if (ids.size() > 1) {
				SourceMap.Source source = parsed.sources.locate("variants");
				throw new Refused(List.of(new Issue(source.line(), source.column(), "the SKUs of this product belong to two "
						+ "different products ('" + products.get(ids.get(0)).handle() + "' and '"
						+ products.get(ids.get(1)).handle() + "'); fix the SKUs first")));
			}
			UUID id = !ids.isEmpty() ? ids.getFirst() : parsed.handle == null ? null : byHandle.get(parsed.handle);
			return id == null ? null : products.get(id);
		}

		/**
		 * What the batch's lookup proves for a product no earlier product of the batch touched: its handle is free if
		 * no product has it, and its SKUs are free if they belong to no product or to the one being updated and no
		 * earlier product of the batch wrote them.
		 */
		AlreadyChecked checked(ParsedProduct parsed, @Nullable Product existing) {
			String freeHandle = parsed.handle != null && !byHandle.containsKey(parsed.handle) ? parsed.handle : null;
			Set<String> freeSkus = new HashSet<>();
			Set<String> skus = new HashSet<>(parsed.skus);
			skus.addAll(draftSkus(parsed));
			for (String sku : skus) {
				UUID owner = bySku.get(sku);
				if (!written.contains("sku:" + sku)
						&& (owner == null || existing != null && owner.equals(existing.id().value()))) {
					freeSkus.add(sku);
				}
			}
			return new AlreadyChecked(freeHandle, freeSkus);
		}

		/** The distinct products the SKUs belong to, in the order of the SKUs. */
		private List<UUID> ids(ParsedProduct parsed) {
			return parsed.skus.stream().map(bySku::get).filter(Objects::nonNull).distinct().toList();
		}
	}

	/** The SKUs of the product's variants as the catalog will take them (Shopify's files match by handle, not SKU). */
	private static List<String> draftSkus(ParsedProduct parsed) {
		if (parsed.draft == null || parsed.draft.variants() == null) {
			return List.of();
		}
		return parsed.draft.variants().stream().map(ProductDraft.VariantDraft::sku)
			.filter(sku -> sku != null && !sku.isBlank()).map(String::strip).toList();
	}

	/** The product the rows describe: by handle, or by the SKUs of its variants (WooCommerce). */
	private @Nullable Product existing(StoreId store, ParsedProduct parsed) {
		Product found = null;
		for (String sku : parsed.skus) {
			if (found != null && found.variants().stream().anyMatch(v -> sku.equals(v.sku()))) {
				continue;
			}
			Product bySku = catalog.findBySku(store, sku).orElse(null);
			if (bySku == null) {
				continue;
			}
			if (found != null && !found.id().equals(bySku.id())) {
				SourceMap.Source source = parsed.sources.locate("variants");
				throw new Refused(List.of(new Issue(source.line(), source.column(), "the SKUs of this product belong to two "
						+ "different products ('" + found.handle() + "' and '" + bySku.handle() + "'); fix the SKUs first")));
			}
			found = bySku;
		}
		if (found == null && parsed.handle != null) {
			found = catalog.findByHandle(store, parsed.handle).orElse(null);
		}
		return found;
	}

	/** The draft as the catalog takes it: handle on creation, category ids, variant ids kept where options match. */
	private ProductDraft prepare(StoreId store, ParsedProduct parsed, @Nullable Product existing) {
		ProductDraft draft = Objects.requireNonNull(parsed.draft);
		List<UUID> categoryIds = null;
		if (parsed.categoryHandles != null) {
			Map<String, UUID> ids = lookups.categoryIds(store, parsed.categoryHandles);
			List<String> unknown = parsed.categoryHandles.stream().filter(h -> !ids.containsKey(h)).toList();
			if (!unknown.isEmpty()) {
				SourceMap.Source source = parsed.sources.locate("categoryIds");
				throw new Refused(List.of(new Issue(source.line(), source.column(), "no category with the handle "
						+ String.join(", ", unknown) + " in this store; create the categories first")));
			}
			categoryIds = parsed.categoryHandles.stream().map(ids::get).toList();
		}
		List<ProductDraft.VariantDraft> variants = draft.variants();
		if (existing != null && variants != null) {
			variants = keepVariantIds(existing, variants);
		}
		ProductDraft prepared = Drafts.with(draft, existing == null ? parsed.handle : null, categoryIds, variants);
		List<Issue> invalid = new ArrayList<>();
		for (ConstraintViolation<ProductDraft> violation : validator.validate(prepared)) {
			String field = violation.getPropertyPath().toString().replaceAll("\\.<[^>]+>", "");
			SourceMap.Source source = parsed.sources.locate(field);
			invalid.add(new Issue(source.line(), source.column(), violation.getMessage()));
		}
		if (!invalid.isEmpty()) {
			throw new Refused(invalid);
		}
		return prepared;
	}

	/**
	 * Variants without a SKU keep their id when an existing variant has the same option values, so that a second
	 * import changes them instead of replacing them (inventory and orders refer to variant ids).
	 */
	private static List<ProductDraft.VariantDraft> keepVariantIds(Product existing, List<ProductDraft.VariantDraft> drafts) {
		Map<List<String>, UUID> byOptions = new LinkedHashMap<>();
		Set<String> skus = new HashSet<>();
		drafts.forEach(d -> {
			if (d.sku() != null) {
				skus.add(d.sku());
			}
		});
		for (Variant v : existing.variants()) {
			if (v.sku() == null || !skus.contains(v.sku())) {
				byOptions.putIfAbsent(v.options(), v.id().value());
			}
		}
		List<ProductDraft.VariantDraft> result = new ArrayList<>();
		for (ProductDraft.VariantDraft d : drafts) {
			boolean keepsBySku = d.sku() != null && existing.variants().stream().anyMatch(v -> d.sku().equals(v.sku()));
			UUID id = keepsBySku || d.options() == null ? null : byOptions.remove(d.options());
			result.add(id == null ? d : Drafts.withId(d, id));
		}
		return result;
	}

	/**
	 * The file's images in the file's order: images the product has already (same source URL, or one of our own
	 * media URLs, as our exports write them) are kept and moved; others are added and fetched in the background.
	 * Images the product has beyond those of the file stay, after them.
	 */
	private void attachImages(StoreId store, Product product, List<ParsedProduct.Image> images) {
		if (images.isEmpty()) {
			return;
		}
		List<Media> existing = new ArrayList<>(catalog.media(store, product.id()));
		int position = 1;
		for (ParsedProduct.Image image : images) {
			Media match = existing.stream().filter(m -> sameImage(m, image.url())).findFirst().orElse(null);
			if (match == null) {
				catalog.addMediaFromUrl(store, product.id(), image.url(), image.alt(), position);
			}
			else {
				existing.remove(match);
				if (match.position() != position || !match.alt().equals(image.alt().strip())) {
					catalog.updateMedia(store, product.id(), match.id(), image.alt(),
							match.position() != position ? position : null);
				}
			}
			position++;
		}
	}

	private static boolean sameImage(Media media, String url) {
		if (url.equals(media.sourceUrl())) {
			return true;
		}
		if (media.url() == null) {
			return false;
		}
		try {
			return media.url().equals(URI.create(url).getPath());
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

	private static List<Issue> locate(BusinessRuleViolation ex, ParsedProduct parsed) {
		if (ex.fieldErrors().isEmpty()) {
			return List.of(new Issue(parsed.firstLine, "", ex.getMessage()));
		}
		List<Issue> issues = new ArrayList<>();
		ex.fieldErrors().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(error -> {
			SourceMap.Source source = parsed.sources.locate(error.getKey());
			issues.add(new Issue(source.line(), source.column(), error.getValue()));
		});
		return issues;
	}
}
