package dev.shopwright.catalog;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.shopwright.catalog.domain.Barcodes;
import dev.shopwright.catalog.domain.Handles;
import dev.shopwright.catalog.domain.MediaLibrary;
import dev.shopwright.catalog.domain.Products;
import dev.shopwright.catalog.domain.RichText;
import dev.shopwright.catalog.events.ProductChanged;
import dev.shopwright.catalog.events.ProductDeleted;
import dev.shopwright.catalog.events.ProductsImported;
import dev.shopwright.platform.AuditLog;
import dev.shopwright.platform.BusinessRuleViolation;
import dev.shopwright.platform.ResourceNotFound;
import dev.shopwright.shared.Money;
import dev.shopwright.shared.StoreId;
import dev.shopwright.stores.StoreManagement;

/**
 * The catalog's façade: create, change, publish and look up products and variants. Every rule about a
 * product is checked here before anything is written, so a refused change writes nothing.
 */
@Service
public class CatalogManagement {

	private final Products products;

	private final dev.shopwright.catalog.domain.ProductLists lists;

	private final StoreManagement stores;

	private final dev.shopwright.catalog.domain.Attributes attributeDefinitions;

	private final dev.shopwright.catalog.domain.Categories categoryTree;

	private final dev.shopwright.catalog.domain.Collections collectionStore;

	private final ApplicationEventPublisher events;

	private final AuditLog auditLog;

	private final MediaLibrary media;

	CatalogManagement(Products products, dev.shopwright.catalog.domain.ProductLists lists, StoreManagement stores,
			dev.shopwright.catalog.domain.Attributes attributeDefinitions,
			dev.shopwright.catalog.domain.Categories categoryTree, dev.shopwright.catalog.domain.Collections collectionStore,
			ApplicationEventPublisher events, AuditLog auditLog, MediaLibrary media) {
		this.categoryTree = categoryTree;
		this.collectionStore = collectionStore;
		this.media = media;
		this.products = products;
		this.lists = lists;
		this.attributeDefinitions = attributeDefinitions;
		this.stores = stores;
		this.events = events;
		this.auditLog = auditLog;
	}

	@Transactional(readOnly = true)
	public Optional<Product> find(StoreId store, ProductId id) {
		return products.find(store, id);
	}

	public Product get(StoreId store, ProductId id) {
		return find(store, id).orElseThrow(() -> new ResourceNotFound("Product", id.toString()));
	}

	@Transactional(readOnly = true)
	public Optional<Product> findByHandle(StoreId store, String handle) {
		return products.findByHandle(store, handle);
	}

	@Transactional(readOnly = true)
	public List<Product> load(StoreId store, List<UUID> ids) {
		return products.load(store, ids);
	}

	/** One page of the merchant's product list. */
	@Transactional(readOnly = true)
	public dev.shopwright.shared.Page<Product> list(StoreId store, ProductListing listing, @Nullable String cursor,
			int limit) {
		var page = lists.ids(store, listing, cursor, limit);
		return new dev.shopwright.shared.Page<>(products.load(store, page.ids()), page.nextCursor());
	}

	/** Values in use for a filter menu: {@code vendor}, {@code product_type} or {@code tags}. */
	@Transactional(readOnly = true)
	public List<String> valuesInUse(StoreId store, String field) {
		return lists.distinctValues(store, field);
	}

	/** The variant with this SKU and its product, for inventory, checkout and imports. */
	@Transactional(readOnly = true)
	public Optional<Product> findBySku(StoreId store, String sku) {
		return products.findIdBySku(store, sku).flatMap(id -> products.find(store, id));
	}

	/** The product's images in position order (404 if there is no such product). */
	public List<Media> media(StoreId store, ProductId product) {
		return media.list(store, product);
	}

	/** Stores an uploaded image with its thumbnails, after the last one; a file that is not a real image is a 422. */
	public Media addMedia(StoreId store, ProductId product, byte[] content, @Nullable String alt) {
		return media.upload(store, product, content, alt);
	}

	/**
	 * Records an image by URL (PENDING) and fetches it in the background; a failed download marks it FAILED with
	 * the reason and never fails this call. Joins the caller's transaction; the download starts after it commits.
	 */
	public Media addMediaFromUrl(StoreId store, ProductId product, String url, @Nullable String alt,
			@Nullable Integer position) {
		return media.addFromUrl(store, product, url, alt, position);
	}

	/** Changes an image's alt text and/or moves it to a position (1 = first). */
	public Media updateMedia(StoreId store, ProductId product, UUID mediaId, @Nullable String alt,
			@Nullable Integer position) {
		return media.update(store, product, mediaId, alt, position);
	}

	/** Downloads a FAILED image again, in the background after the commit. */
	@Transactional
	public Media retryMedia(StoreId store, ProductId product, UUID mediaId) {
		return media.retry(store, product, mediaId);
	}

	public void deleteMedia(StoreId store, ProductId product, UUID mediaId) {
		media.delete(store, product, mediaId);
	}

	@Transactional
	public Product create(StoreId store, ProductDraft draft) {
		Product product = insert(store, draft, AlreadyChecked.NOTHING);
		events.publishEvent(new ProductChanged(store, product.id()));
		return products.find(store, product.id()).orElseThrow();
	}

	@Transactional
	public Product update(StoreId store, ProductId id, ProductDraft draft) {
		Product current = get(store, id);
		Product changed = change(store, current, draft, AlreadyChecked.NOTHING);
		if (changed == current) {
			return current;
		}
		events.publishEvent(new ProductChanged(store, id));
		return products.find(store, id).orElseThrow();
	}

	/**
	 * For imports: creates a product under every rule of {@link #create}, but announces nothing; the caller
	 * announces its batch with {@link #announceImported} in the same transaction (ADR 0020). Returns the product as
	 * written, without reading it back. The import writes a batch without a savepoint per product: a product refused
	 * by the rules ({@link InvalidProduct}, thrown before anything is written) leaves the batch's transaction usable.
	 */
	@Transactional(noRollbackFor = InvalidProduct.class)
	public Product createInBatch(StoreId store, ProductDraft draft, AlreadyChecked checked) {
		return insert(store, draft, checked);
	}

	/**
	 * For imports: changes {@code current} (as read in this transaction) under every rule of {@link #update}, but
	 * announces nothing (see {@link #createInBatch}). Returns {@code current} itself when nothing changed, else the
	 * product as written.
	 */
	@Transactional(noRollbackFor = InvalidProduct.class)
	public Product updateInBatch(StoreId store, Product current, ProductDraft draft, AlreadyChecked checked) {
		return change(store, current, draft, checked);
	}

	/** Announces the products an import batch created or changed, as one {@link ProductsImported}. */
	@Transactional
	public void announceImported(StoreId store, List<Product> imported) {
		if (imported.isEmpty()) {
			return;
		}
		events.publishEvent(new ProductsImported(store, imported.stream()
			.map(p -> new ProductsImported.ImportedProduct(p.id(), p.title(), p.version(), p.variants().stream()
				.map(v -> new ProductsImported.ImportedVariant(v.id(), v.sku(), v.title(), v.barcode(), v.inventoryPolicy(),
						v.preorderLimit()))
				.toList()))
			.toList()));
	}

	private Product insert(StoreId store, ProductDraft draft, AlreadyChecked checked) {
		if (draft.title() == null || draft.title().isBlank()) {
			throw BusinessRuleViolation.ofField("VALIDATION_FAILED", "title", "is required");
		}
		if (draft.variants() == null || draft.variants().isEmpty()) {
			throw BusinessRuleViolation.ofField("VALIDATION_FAILED", "variants", "a product needs at least one variant with a price");
		}
		Instant now = products.now();
		Product blank = new Product(ProductId.random(), "", draft.title(), "", null, null, List.of(), ProductStatus.DRAFT,
				null, null, false, null, List.of(), List.of(), Map.of(), List.of(), Map.of(), List.of(), now, now, 0);
		Product product = apply(store, blank, draft, now, true, checked);
		try {
			products.insert(store, product);
		}
		catch (DuplicateKeyException ex) {
			throw conflict(ex);
		}
		auditLog.record(store, "product.created", "product", product.id().toString(), "Created product " + product.title());
		return product;
	}

	/** The product as written, or {@code current} itself when the draft changes nothing. Announces nothing. */
	private Product change(StoreId store, Product current, ProductDraft draft, AlreadyChecked checked) {
		Product changed = apply(store, current, draft, products.now(), false, checked);
		if (sameContent(current, changed)) {
			return current; // nothing to write: no new version, no event, no audit entry (re-imports of unchanged rows)
		}
		write(store, current, changed);
		auditLog.record(store, "product.updated", "product", current.id().toString(), "Changed product " + changed.title());
		return withVersion(changed, current.version() + 1);
	}

	private static Product withVersion(Product p, int version) {
		return new Product(p.id(), p.handle(), p.title(), p.descriptionHtml(), p.vendor(), p.productType(), p.tags(),
				p.status(), p.seoTitle(), p.seoDescription(), p.published(), p.publishedAt(), p.options(), p.variants(),
				p.attributes(), p.categoryIds(), p.translations(), p.related(), p.createdAt(), p.updatedAt(), version);
	}

	@Transactional
	public void delete(StoreId store, ProductId id) {
		Product product = get(store, id);
		products.delete(store, id);
		auditLog.record(store, "product.deleted", "product", id.toString(), "Deleted product " + product.title());
		events.publishEvent(new ProductDeleted(store, id));
	}

	@Transactional(readOnly = true)
	public List<Attribute> attributes(StoreId store) {
		return attributeDefinitions.all(store);
	}

	@Transactional
	public Attribute createAttribute(StoreId store, String code, String name, Attribute.Type type, List<String> choices,
			boolean facet) {
		if (!code.matches("[a-z][a-z0-9_]{0,62}")) {
			throw BusinessRuleViolation.ofField("VALIDATION_FAILED", "code", "must be lowercase letters, digits and _");
		}
		if (type == Attribute.Type.CHOICE && choices.isEmpty()) {
			throw BusinessRuleViolation.ofField("VALIDATION_FAILED", "choices", "a choice attribute needs its choices");
		}
		Attribute attribute = new Attribute(UUID.randomUUID(), code, name.strip(), type,
				type == Attribute.Type.CHOICE ? choices.stream().map(String::strip).distinct().toList() : List.of(), facet);
		try {
			attributeDefinitions.insert(store, attribute);
		}
		catch (DuplicateKeyException ex) {
			throw BusinessRuleViolation.ofField("ATTRIBUTE_CODE_TAKEN", "code", "'" + code + "' exists already");
		}
		auditLog.record(store, "attribute.created", "attribute", attribute.id().toString(), "Created attribute " + code);
		return attribute;
	}

	/**
	 * Renames an attribute, changes its choices or whether it is a search filter (null: leave as it is). Code and
	 * type stay: values on products were checked against them. A choice still used by products cannot be removed.
	 */
	@Transactional
	public Attribute updateAttribute(StoreId store, UUID id, @Nullable String name, @Nullable List<String> choices,
			@Nullable Boolean facet) {
		Attribute current = attributeDefinitions.find(store, id)
			.orElseThrow(() -> new ResourceNotFound("Attribute", id.toString()));
		List<String> newChoices = current.choices();
		if (choices != null) {
			if (current.type() != Attribute.Type.CHOICE) {
				throw BusinessRuleViolation.ofField("VALIDATION_FAILED", "choices", "only a choice attribute has choices");
			}
			newChoices = choices.stream().map(String::strip).filter(c -> !c.isEmpty()).distinct().toList();
			if (newChoices.isEmpty()) {
				throw BusinessRuleViolation.ofField("VALIDATION_FAILED", "choices", "a choice attribute needs its choices");
			}
			List<String> removed = current.choices().stream().filter(c -> !choices.contains(c)).toList();
			List<String> inUse = attributeDefinitions.valuesInUse(store, id, removed);
			if (!inUse.isEmpty()) {
				throw BusinessRuleViolation.ofField("ATTRIBUTE_CHOICE_IN_USE", "choices",
						"products still use " + String.join(", ", inUse) + "; change them first");
			}
		}
		if (name != null && name.isBlank()) {
			throw BusinessRuleViolation.ofField("VALIDATION_FAILED", "name", "is required");
		}
		Attribute updated = new Attribute(id, current.code(), name == null ? current.name() : name.strip(), current.type(),
				newChoices, facet == null ? current.facet() : facet);
		attributeDefinitions.update(store, updated);
		auditLog.record(store, "attribute.updated", "attribute", id.toString(), "Changed attribute " + current.code());
		// names and filters show in search facets: the products that carry the attribute are reindexed
		attributeDefinitions.productsUsing(store, id)
			.forEach(product -> events.publishEvent(new ProductChanged(store, new ProductId(product))));
		return updated;
	}

	@Transactional
	public void deleteAttribute(StoreId store, UUID id) {
		Attribute attribute = attributeDefinitions.find(store, id)
			.orElseThrow(() -> new ResourceNotFound("Attribute", id.toString()));
		// the values go with the attribute (cascade): those products changed, and the search index must hear it
		List<UUID> affected = attributeDefinitions.productsUsing(store, id);
		attributeDefinitions.delete(store, id);
		auditLog.record(store, "attribute.deleted", "attribute", id.toString(), "Deleted attribute " + attribute.code());
		affected.forEach(product -> events.publishEvent(new ProductChanged(store, new ProductId(product))));
	}

	/** One action on many products, all or nothing. */
	@Transactional
	public int bulk(StoreId store, List<ProductId> ids, BulkAction action) {
		int changed = 0;
		for (ProductId id : new LinkedHashSet<>(ids)) {
			Product current = get(store, id);
			Product next = action.applyTo(current, products.now());
			if (!next.equals(current)) {
				save(store, current, next);
				changed++;
			}
		}
		auditLog.record(store, "product.bulk", "product", "bulk", action.describe() + " on " + changed + " products");
		return changed;
	}

	private static boolean sameContent(Product current, Product changed) {
		return new Product(changed.id(), changed.handle(), changed.title(), changed.descriptionHtml(), changed.vendor(),
				changed.productType(), changed.tags(), changed.status(), changed.seoTitle(), changed.seoDescription(),
				changed.published(), changed.publishedAt(), changed.options(), changed.variants(), changed.attributes(),
				changed.categoryIds(), changed.translations(), changed.related(), current.createdAt(), current.updatedAt(),
				current.version())
			.equals(current);
	}

	private void save(StoreId store, Product current, Product changed) {
		write(store, current, changed);
		events.publishEvent(new ProductChanged(store, changed.id()));
	}

	private void write(StoreId store, Product current, Product changed) {
		try {
			if (!products.update(store, changed, current.version())) {
				throw new BusinessRuleViolation("CONCURRENT_MODIFICATION", 409,
						"The product was changed by someone else at the same time; reload it and try again.");
			}
		}
		catch (DuplicateKeyException ex) {
			throw conflict(ex);
		}
	}

	private Product apply(StoreId store, Product current, ProductDraft d, Instant now, boolean creating,
			AlreadyChecked checked) {
		Map<String, String> errors = new LinkedHashMap<>();
		Currency currency = stores.get(store).defaultCurrency();

		String title = d.title() != null ? d.title().strip() : current.title();
		if (title.isEmpty()) {
			errors.put("title", "must not be blank");
		}
		String handle = d.handle() != null ? d.handle() : creating ? uniqueHandle(store, Handles.fromTitle(title)) : current.handle();
		if (d.handle() != null && !checked.handleFree(handle) && products.handleTaken(store, handle, current.id())) {
			errors.put("handle", "'" + handle + "' is used by another product");
		}
		List<String> tags = d.tags() != null ? d.tags().stream().map(String::strip).distinct().toList() : current.tags();
		ProductStatus status = d.status() != null ? d.status() : current.status();
		boolean published = d.published() != null ? d.published() : current.published();
		Instant publishedAt = published ? (current.publishedAt() != null ? current.publishedAt() : now) : null;

		List<Product.Option> options = current.options();
		List<Variant> variants = current.variants();
		if (d.variants() != null || d.options() != null) {
			List<ProductDraft.OptionDraft> optionDrafts = d.options() != null ? d.options()
					: current.options().stream().map(o -> new ProductDraft.OptionDraft(o.name(), o.values())).toList();
			List<ProductDraft.VariantDraft> variantDrafts = d.variants() != null ? d.variants() : current.variants().stream()
				.map(v -> new ProductDraft.VariantDraft(v.id().value(), v.sku(), v.barcode(), v.price(), v.compareAtPrice(),
						v.cost(), v.options(), v.weightGrams(), v.lengthMm(), v.widthMm(), v.heightMm(), v.taxable(),
						v.inventoryPolicy(), v.preorderLimit()))
				.toList();
			variants = variants(store, current, optionDrafts, variantDrafts, currency, errors, checked);
			options = options(optionDrafts, variants, errors);
		}

		Map<String, String> attributes = current.attributes();
		if (d.attributes() != null) {
			Map<String, Attribute> known = new LinkedHashMap<>();
			attributeDefinitions.all(store).forEach(a -> known.put(a.code(), a));
			d.attributes().forEach((code, value) -> {
				Attribute definition = known.get(code);
				String problem = definition == null ? "there is no attribute '" + code + "'; create it first"
						: definition.problemWith(value.strip());
				if (problem != null) {
					errors.put("attributes." + code, problem);
				}
			});
			attributes = new LinkedHashMap<>();
			for (var entry : d.attributes().entrySet()) {
				attributes.put(entry.getKey(), entry.getValue().strip());
			}
		}
		List<UUID> categories = current.categoryIds();
		if (d.categoryIds() != null) {
			categories = d.categoryIds().stream().distinct().toList();
			Set<UUID> existing = new HashSet<>(products.existingCategories(store, categories));
			if (!existing.containsAll(categories)) {
				errors.put("categoryIds", "some categories do not exist in this store");
			}
		}
		List<Product.Related> related = current.related();
		if (d.related() != null) {
			related = d.related().stream().distinct().toList();
			List<UUID> targets = related.stream().map(r -> r.productId().value()).toList();
			if (targets.contains(current.id().value())) {
				errors.put("related", "a product cannot be related to itself");
			}
			else if (!new HashSet<>(products.existingProducts(store, targets)).containsAll(targets)) {
				errors.put("related", "some related products do not exist in this store");
			}
		}
		Map<String, Product.Translation> translations = current.translations();
		if (d.translations() != null) {
			translations = new LinkedHashMap<>();
			for (var entry : d.translations().entrySet()) {
				Product.Translation t = entry.getValue();
				translations.put(entry.getKey(), new Product.Translation(blankToNull(t.title()),
						t.descriptionHtml() == null ? null : RichText.sanitize(t.descriptionHtml()), blankToNull(t.seoTitle()),
						blankToNull(t.seoDescription())));
			}
		}
		if (!errors.isEmpty()) {
			throw new InvalidProduct(errors);
		}
		return new Product(current.id(), handle, title,
				d.descriptionHtml() != null ? RichText.sanitize(d.descriptionHtml()) : current.descriptionHtml(),
				d.vendor() != null ? blankToNull(d.vendor()) : current.vendor(),
				d.productType() != null ? blankToNull(d.productType()) : current.productType(), tags, status,
				d.seoTitle() != null ? blankToNull(d.seoTitle()) : current.seoTitle(),
				d.seoDescription() != null ? blankToNull(d.seoDescription()) : current.seoDescription(), published,
				publishedAt, options, variants, attributes, categories, translations, related, current.createdAt(), now,
				current.version());
	}

	private List<Variant> variants(StoreId store, Product current, List<ProductDraft.OptionDraft> options,
			List<ProductDraft.VariantDraft> drafts, Currency currency, Map<String, String> errors, AlreadyChecked checked) {
		Map<UUID, Variant> byId = new LinkedHashMap<>();
		Map<String, Variant> bySku = new LinkedHashMap<>();
		current.variants().forEach(v -> {
			byId.put(v.id().value(), v);
			if (v.sku() != null) {
				bySku.put(v.sku(), v);
			}
		});
		List<Variant> result = new ArrayList<>();
		Set<String> skus = new HashSet<>();
		Set<List<String>> combinations = new HashSet<>();
		for (int i = 0; i < drafts.size(); i++) {
			ProductDraft.VariantDraft v = drafts.get(i);
			String at = "variants[" + i + "].";
			String sku = blankToNull(v.sku());
			if (sku != null && !skus.add(sku)) {
				errors.put(at + "sku", "'" + sku + "' appears twice in this product");
			}
			String barcode = blankToNull(v.barcode());
			if (barcode != null && !Barcodes.isValidGtin(barcode)) {
				errors.put(at + "barcode", "'" + barcode + "' is not a valid GTIN/EAN/UPC (8, 12, 13 or 14 digits with check digit)");
			}
			checkAmount(at + "price", v.price(), currency, errors);
			checkAmount(at + "compareAtPrice", v.compareAtPrice(), currency, errors);
			checkAmount(at + "cost", v.cost(), currency, errors);
			List<String> values = v.options() == null ? List.of() : v.options().stream().map(String::strip).toList();
			if (values.size() != options.size()) {
				errors.put(at + "options", "needs one value for each option (" + options.size() + ")");
			}
			else if (!combinations.add(values)) {
				errors.put(at + "options", "another variant already has " + String.join(" / ", values));
			}
			InventoryPolicy policy = v.inventoryPolicy() != null ? v.inventoryPolicy() : InventoryPolicy.DENY;
			if (policy == InventoryPolicy.PREORDER && v.preorderLimit() == null) {
				errors.put(at + "preorderLimit", "is required for pre-orders");
			}
			Variant existing = v.id() != null ? byId.get(v.id()) : sku != null ? bySku.get(sku) : null;
			if (v.id() != null && existing == null) {
				errors.put(at + "id", "is not a variant of this product");
			}
			VariantId id = existing != null ? existing.id() : new VariantId(UUID.randomUUID());
			result.add(new Variant(id, current.id(), i + 1, sku, barcode, v.price(), v.compareAtPrice(), v.cost(), values,
					v.weightGrams(), v.lengthMm(), v.widthMm(), v.heightMm(), v.taxable() == null || v.taxable(), policy,
					policy == InventoryPolicy.PREORDER ? v.preorderLimit() : null));
		}
		List<String> unchecked = skus.stream().filter(sku -> !checked.freeSkus().contains(sku)).toList();
		List<String> taken = products.skusTakenElsewhere(store, unchecked, current.id());
		if (!taken.isEmpty()) {
			errors.put("variants", "SKU already used by another product: " + String.join(", ", taken));
		}
		return result;
	}

	private static void checkAmount(String field, @Nullable Money amount, Currency currency, Map<String, String> errors) {
		if (amount == null) {
			return;
		}
		if (!amount.currency().equals(currency)) {
			errors.put(field, "must be in the store's currency " + currency.getCurrencyCode());
		}
		else if (amount.isNegative()) {
			errors.put(field, "must not be negative");
		}
	}

	/** Option values: those declared, then any a variant uses that were not declared, in first-seen order. */
	private static List<Product.Option> options(List<ProductDraft.OptionDraft> drafts, List<Variant> variants,
			Map<String, String> errors) {
		List<Product.Option> options = new ArrayList<>();
		Set<String> names = new HashSet<>();
		for (int i = 0; i < drafts.size(); i++) {
			ProductDraft.OptionDraft draft = drafts.get(i);
			if (!names.add(draft.name().strip().toLowerCase(java.util.Locale.ROOT))) {
				errors.put("options[" + i + "].name", "'" + draft.name() + "' appears twice");
			}
			LinkedHashSet<String> values = new LinkedHashSet<>(draft.values() == null ? List.of() : draft.values());
			final int index = i;
			variants.stream().filter(v -> v.options().size() > index).forEach(v -> values.add(v.options().get(index)));
			options.add(new Product.Option(draft.name().strip(), List.copyOf(values)));
		}
		return options;
	}

	private String uniqueHandle(StoreId store, String base) {
		String handle = base;
		for (int n = 2; products.handleTaken(store, handle, null); n++) {
			handle = base + "-" + n;
		}
		return handle;
	}

	private static BusinessRuleViolation conflict(DuplicateKeyException ex) {
		String message = String.valueOf(ex.getMostSpecificCause().getMessage());
		if (message.contains("variant_sku_unique")) {
			return BusinessRuleViolation.ofField("SKU_TAKEN", "variants", "a SKU is already used by another product");
		}
		if (message.contains("product_handle_unique")) {
			return BusinessRuleViolation.ofField("PRODUCT_HANDLE_TAKEN", "handle", "the handle is used by another product");
		}
		return new BusinessRuleViolation("CONFLICT", 409, "The change conflicts with another product.");
	}

	private static @Nullable String blankToNull(@Nullable String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

	// ---- categories -------------------------------------------------------------------------------------

	@Transactional(readOnly = true)
	public List<Category> categories(StoreId store) {
		return categoryTree.all(store);
	}

	@Transactional(readOnly = true)
	public Optional<Category> findCategory(StoreId store, UUID id) {
		return categoryTree.find(store, id);
	}

	@Transactional(readOnly = true)
	public Optional<Category> findCategoryByHandle(StoreId store, String handle) {
		return categoryTree.findByHandle(store, handle);
	}

	/** The category's ancestors from the root, then the category itself. */
	@Transactional(readOnly = true)
	public List<Category> breadcrumbs(StoreId store, UUID categoryId) {
		Category category = categoryTree.find(store, categoryId)
			.orElseThrow(() -> new ResourceNotFound("Category", categoryId.toString()));
		Map<UUID, Category> all = new LinkedHashMap<>();
		categoryTree.all(store).forEach(c -> all.put(c.id(), c));
		return category.path().stream().map(all::get).filter(java.util.Objects::nonNull).toList();
	}

	/** Products in the category or below it. */
	@Transactional(readOnly = true)
	public List<UUID> productIdsInCategory(StoreId store, UUID categoryId) {
		Category category = categoryTree.find(store, categoryId)
			.orElseThrow(() -> new ResourceNotFound("Category", categoryId.toString()));
		return categoryTree.productIdsInSubtree(store, category);
	}

	@Transactional
	public Category createCategory(StoreId store, String name, @Nullable String handle, @Nullable UUID parentId,
			@Nullable String description) {
		Category parent = parentId == null ? null : categoryTree.find(store, parentId)
			.orElseThrow(() -> BusinessRuleViolation.ofField("VALIDATION_FAILED", "parentId", "no such category"));
		String chosen = handle != null ? handle : uniqueCategoryHandle(store, Handles.fromTitle(name));
		if (categoryTree.handleTaken(store, chosen, null)) {
			throw BusinessRuleViolation.ofField("CATEGORY_HANDLE_TAKEN", "handle", "'" + chosen + "' is used by another category");
		}
		UUID id = UUID.randomUUID();
		List<UUID> path = new ArrayList<>(parent == null ? List.of() : parent.path());
		path.add(id);
		Category category = new Category(id, parentId, chosen, name.strip(), description == null ? "" : description.strip(),
				List.copyOf(path), 0);
		categoryTree.insert(store, category);
		auditLog.record(store, "category.created", "category", id.toString(), "Created category " + category.name());
		events.publishEvent(new dev.shopwright.catalog.events.CategoryChanged(store, id));
		return category;
	}

	/**
	 * Renames, re-handles, re-orders or moves a category; a move takes the whole subtree along and may not put
	 * a category below itself.
	 */
	@Transactional
	public Category updateCategory(StoreId store, UUID id, @Nullable String name, @Nullable String handle,
			@Nullable String description, @Nullable Integer position, boolean moveTo, @Nullable UUID newParentId) {
		Category current = categoryTree.find(store, id).orElseThrow(() -> new ResourceNotFound("Category", id.toString()));
		if (handle != null && categoryTree.handleTaken(store, handle, id)) {
			throw BusinessRuleViolation.ofField("CATEGORY_HANDLE_TAKEN", "handle", "'" + handle + "' is used by another category");
		}
		Category changed = new Category(id, current.parentId(), handle != null ? handle : current.handle(),
				name != null ? name.strip() : current.name(), description != null ? description.strip() : current.description(),
				current.path(), position != null ? position : current.position());
		categoryTree.update(store, changed);
		if (moveTo && !java.util.Objects.equals(newParentId, current.parentId())) {
			Category parent = null;
			if (newParentId != null) {
				parent = categoryTree.find(store, newParentId)
					.orElseThrow(() -> BusinessRuleViolation.ofField("VALIDATION_FAILED", "parentId", "no such category"));
				if (parent.path().contains(id)) {
					throw BusinessRuleViolation.ofField("CATEGORY_CYCLE", "parentId", "a category cannot move below itself");
				}
			}
			categoryTree.move(store, current, parent);
		}
		auditLog.record(store, "category.updated", "category", id.toString(), "Changed category " + changed.name());
		events.publishEvent(new dev.shopwright.catalog.events.CategoryChanged(store, id));
		return categoryTree.find(store, id).orElseThrow();
	}

	/** Only an empty leaf can go: move or delete its children, and take its products out, first. */
	/**
	 * Moves a category up (negative {@code steps}) or down among its siblings; the siblings are renumbered 10, 20,
	 * 30 … so that later moves and API positions stay simple.
	 */
	@Transactional
	public void reorderCategory(StoreId store, UUID id, int steps) {
		Category moving = categoryTree.find(store, id).orElseThrow(() -> new ResourceNotFound("Category", id.toString()));
		List<Category> siblings = new java.util.ArrayList<>(categoryTree.all(store).stream()
			.filter(c -> java.util.Objects.equals(c.parentId(), moving.parentId()))
			.toList());
		int from = siblings.indexOf(siblings.stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow());
		int to = Math.max(0, Math.min(siblings.size() - 1, from + steps));
		if (from == to) {
			return;
		}
		siblings.add(to, siblings.remove(from));
		for (int i = 0; i < siblings.size(); i++) {
			Category c = siblings.get(i);
			if (c.position() != (i + 1) * 10) {
				categoryTree.update(store, new Category(c.id(), c.parentId(), c.handle(), c.name(), c.description(), c.path(),
						(i + 1) * 10));
			}
		}
		auditLog.record(store, "category.reordered", "category", id.toString(), "Moved category " + moving.name());
		events.publishEvent(new dev.shopwright.catalog.events.CategoryChanged(store, id));
	}

	@Transactional
	public void deleteCategory(StoreId store, UUID id) {
		Category category = categoryTree.find(store, id).orElseThrow(() -> new ResourceNotFound("Category", id.toString()));
		if (categoryTree.childCount(store, id) > 0) {
			throw new BusinessRuleViolation("CATEGORY_HAS_CHILDREN", 409,
					"Category " + category.name() + " has subcategories; move or delete them first.");
		}
		List<UUID> affected = categoryTree.productIdsInSubtree(store, category);
		categoryTree.delete(store, id);
		auditLog.record(store, "category.deleted", "category", id.toString(), "Deleted category " + category.name());
		events.publishEvent(new dev.shopwright.catalog.events.CategoryChanged(store, id));
		affected.forEach(product -> events.publishEvent(new ProductChanged(store, new ProductId(product))));
	}

	private String uniqueCategoryHandle(StoreId store, String base) {
		String handle = base;
		for (int n = 2; categoryTree.handleTaken(store, handle, null); n++) {
			handle = base + "-" + n;
		}
		return handle;
	}

	// ---- collections ------------------------------------------------------------------------------------

	@Transactional(readOnly = true)
	public List<Collection> collections(StoreId store) {
		return collectionStore.all(store);
	}

	@Transactional(readOnly = true)
	public Optional<Collection> findCollection(StoreId store, UUID id) {
		return collectionStore.find(store, id);
	}

	@Transactional(readOnly = true)
	public Optional<Collection> findCollectionByHandle(StoreId store, String handle) {
		return collectionStore.findByHandle(store, handle);
	}

	/** One page of a collection's products (ids), always current for rule-based collections. */
	@Transactional(readOnly = true)
	public dev.shopwright.shared.Page<UUID> collectionProductIds(StoreId store, UUID collectionId, @Nullable String cursor,
			int limit) {
		Collection collection = collectionStore.find(store, collectionId)
			.orElseThrow(() -> new ResourceNotFound("Collection", collectionId.toString()));
		var page = collectionStore.productIds(store, collection, cursor, limit);
		return new dev.shopwright.shared.Page<>(page.ids(), page.nextCursor());
	}

	/** The collections the product is in now, for search and storefront filters. */
	@Transactional(readOnly = true)
	public List<UUID> collectionsContaining(StoreId store, ProductId product) {
		return collectionStore.containing(store, product.value());
	}

	/** The collections each of the products is in now, for many products at once. */
	@Transactional(readOnly = true)
	public Map<UUID, List<UUID>> collectionsContaining(StoreId store, java.util.Collection<UUID> products) {
		return collectionStore.containing(store, products);
	}

	@Transactional
	public Collection saveCollection(StoreId store, @Nullable UUID id, String title, @Nullable String handle,
			@Nullable String description, Collection.Kind kind, boolean matchAll, List<Collection.Rule> rules,
			boolean published) {
		Collection current = id == null ? null : collectionStore.find(store, id)
			.orElseThrow(() -> new ResourceNotFound("Collection", id.toString()));
		if (current != null && current.kind() != kind) {
			throw BusinessRuleViolation.ofField("COLLECTION_KIND_FIXED", "kind", "a collection cannot change between MANUAL and RULE");
		}
		if (kind == Collection.Kind.RULE && rules.isEmpty()) {
			throw BusinessRuleViolation.ofField("VALIDATION_FAILED", "rules", "a rule-based collection needs at least one rule");
		}
		for (int i = 0; i < rules.size(); i++) {
			Collection.Rule rule = rules.get(i);
			if (rule.field() == Collection.Field.PRICE) {
				try {
					new BigDecimal(rule.value());
				}
				catch (NumberFormatException ex) {
					throw BusinessRuleViolation.ofField("VALIDATION_FAILED", "rules[" + i + "].value", "must be a number for PRICE");
				}
			}
		}
		UUID collectionId = current != null ? current.id() : UUID.randomUUID();
		String chosen = handle != null ? handle : current != null ? current.handle() : Handles.fromTitle(title);
		if (collectionStore.handleTaken(store, chosen, collectionId)) {
			throw BusinessRuleViolation.ofField("COLLECTION_HANDLE_TAKEN", "handle", "'" + chosen + "' is used by another collection");
		}
		Instant now = products.now();
		Collection collection = new Collection(collectionId, chosen, title.strip(), description == null ? "" : description,
				kind, matchAll, kind == Collection.Kind.RULE ? List.copyOf(rules) : List.of(), published,
				current != null ? current.createdAt() : now, now);
		collectionStore.save(store, collection);
		auditLog.record(store, current == null ? "collection.created" : "collection.updated", "collection",
				collectionId.toString(), (current == null ? "Created" : "Changed") + " collection " + collection.title());
		events.publishEvent(new dev.shopwright.catalog.events.CollectionChanged(store, collectionId));
		return collection;
	}

	@Transactional
	public void deleteCollection(StoreId store, UUID id) {
		Collection collection = collectionStore.find(store, id)
			.orElseThrow(() -> new ResourceNotFound("Collection", id.toString()));
		collectionStore.delete(store, id);
		auditLog.record(store, "collection.deleted", "collection", id.toString(), "Deleted collection " + collection.title());
		events.publishEvent(new dev.shopwright.catalog.events.CollectionChanged(store, id));
	}

	@Transactional
	public void addToCollection(StoreId store, UUID collectionId, List<ProductId> productIds) {
		Collection collection = collectionStore.find(store, collectionId)
			.orElseThrow(() -> new ResourceNotFound("Collection", collectionId.toString()));
		if (collection.kind() != Collection.Kind.MANUAL) {
			throw new BusinessRuleViolation("COLLECTION_IS_RULE_BASED", 422,
					"Products join a rule-based collection by its rules, not by hand.");
		}
		List<UUID> ids = productIds.stream().map(ProductId::value).distinct().toList();
		if (!new HashSet<>(products.existingProducts(store, ids)).containsAll(ids)) {
			throw BusinessRuleViolation.ofField("VALIDATION_FAILED", "productIds", "some products do not exist in this store");
		}
		collectionStore.addProducts(store, collectionId, ids);
		events.publishEvent(new dev.shopwright.catalog.events.CollectionChanged(store, collectionId));
	}

	@Transactional
	public void removeFromCollection(StoreId store, UUID collectionId, ProductId productId) {
		if (!collectionStore.removeProduct(store, collectionId, productId.value())) {
			throw new ResourceNotFound("Product in collection", productId.toString());
		}
		events.publishEvent(new dev.shopwright.catalog.events.CollectionChanged(store, collectionId));
	}

	/** A change applied to many products at once from the product list. */
	public sealed interface BulkAction {

		Product applyTo(Product product, Instant now);

		String describe();

		record Publish(boolean published) implements BulkAction {
			public Product applyTo(Product p, Instant now) {
				return with(p, p.status(), published, p.tags(), p.variants(), now);
			}

			public String describe() {
				return published ? "Published" : "Unpublished";
			}
		}

		record SetStatus(ProductStatus status) implements BulkAction {
			public Product applyTo(Product p, Instant now) {
				return with(p, status, p.published(), p.tags(), p.variants(), now);
			}

			public String describe() {
				return "Set status " + status;
			}
		}

		record Tag(List<String> add, List<String> remove) implements BulkAction {
			public Product applyTo(Product p, Instant now) {
				LinkedHashSet<String> tags = new LinkedHashSet<>(p.tags());
				tags.addAll(add);
				remove.forEach(tags::remove);
				return with(p, p.status(), p.published(), List.copyOf(tags), p.variants(), now);
			}

			public String describe() {
				return "Tagged +" + add + " -" + remove;
			}
		}

		/** Changes every variant's price by an amount or a percentage, rounded half-up to the currency. */
		record AdjustPrice(BigDecimal amount, boolean percent) implements BulkAction {
			public Product applyTo(Product p, Instant now) {
				List<Variant> variants = p.variants().stream().map(v -> {
					BigDecimal next = percent
							? v.price().amount().multiply(BigDecimal.ONE.add(amount.movePointLeft(2)))
							: v.price().amount().add(amount);
					if (next.signum() < 0) {
						throw BusinessRuleViolation.ofField("PRICE_BELOW_ZERO", "amount",
								"would make the price of " + (v.sku() != null ? v.sku() : p.title()) + " negative");
					}
					Money price = Money.of(next, v.price().currency(), RoundingMode.HALF_UP);
					return new Variant(v.id(), v.productId(), v.position(), v.sku(), v.barcode(), price, v.compareAtPrice(),
							v.cost(), v.options(), v.weightGrams(), v.lengthMm(), v.widthMm(), v.heightMm(), v.taxable(),
							v.inventoryPolicy(), v.preorderLimit());
				}).toList();
				return with(p, p.status(), p.published(), p.tags(), variants, now);
			}

			public String describe() {
				return "Changed prices by " + amount.toPlainString() + (percent ? "%" : "");
			}
		}

		private static Product with(Product p, ProductStatus status, boolean published, List<String> tags,
				List<Variant> variants, Instant now) {
			if (status == p.status() && published == p.published() && tags.equals(p.tags()) && variants.equals(p.variants())) {
				return p;
			}
			Instant publishedAt = published ? (p.publishedAt() != null ? p.publishedAt() : now) : null;
			return new Product(p.id(), p.handle(), p.title(), p.descriptionHtml(), p.vendor(), p.productType(), tags, status,
					p.seoTitle(), p.seoDescription(), published, publishedAt, p.options(), variants, p.attributes(),
					p.categoryIds(), p.translations(), p.related(), p.createdAt(), now, p.version());
		}
	}
}
