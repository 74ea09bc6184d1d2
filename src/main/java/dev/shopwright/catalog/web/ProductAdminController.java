package dev.shopwright.catalog.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

import dev.shopwright.catalog.CatalogManagement;
import dev.shopwright.catalog.CatalogManagement.BulkAction;
import dev.shopwright.catalog.InventoryPolicy;
import dev.shopwright.catalog.Product;
import dev.shopwright.catalog.ProductDraft;
import dev.shopwright.catalog.ProductId;
import dev.shopwright.catalog.ProductListing;
import dev.shopwright.catalog.ProductStatus;
import dev.shopwright.catalog.Variant;
import dev.shopwright.platform.BusinessRuleViolation;
import dev.shopwright.platform.ConsoleForms;
import dev.shopwright.platform.CurrentStore;
import dev.shopwright.shared.Money;
import dev.shopwright.shared.Page;
import dev.shopwright.shared.StoreId;
import dev.shopwright.stores.Store;
import dev.shopwright.stores.StoreManagement;
import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;

/** The product list (search, filters, paging, bulk actions) and the product editor. */
@Controller
class ProductAdminController {

	static final int PAGE_SIZE = 50;

	private final CatalogManagement catalog;

	private final StoreManagement stores;

	private final CurrentStore currentStore;

	private final ConsoleForms forms;

	ProductAdminController(CatalogManagement catalog, StoreManagement stores, CurrentStore currentStore,
			ConsoleForms forms) {
		this.catalog = catalog;
		this.stores = stores;
		this.currentStore = currentStore;
		this.forms = forms;
	}

	/** One line of the list, with the figures the merchant scans for. */
	record Row(String id, String title, String handle, ProductStatus status, boolean published, int variantCount,
			String priceRange, String vendor, Instant updatedAt) {

		static Row of(Product p) {
			String range = "";
			if (!p.variants().isEmpty()) {
				Money min = p.variants().stream().map(Variant::price).min(Money::compareTo).orElseThrow();
				Money max = p.variants().stream().map(Variant::price).max(Money::compareTo).orElseThrow();
				range = min.equals(max) ? min.amount().toPlainString() + " " + min.currency().getCurrencyCode()
						: min.amount().toPlainString() + " – " + max.amount().toPlainString() + " " + min.currency().getCurrencyCode();
			}
			return new Row(p.id().toString(), p.title(), p.handle(), p.status(), p.published(), p.variants().size(), range,
					p.vendor() == null ? "" : p.vendor(), p.updatedAt());
		}
	}

	record Filter(String q, String status, String vendor, String type, String tag, String sort) {

		ProductListing listing() {
			ProductStatus s = null;
			try {
				s = status.isEmpty() ? null : ProductStatus.valueOf(status);
			}
			catch (IllegalArgumentException ex) {
				// an unknown status filters nothing
			}
			ProductListing.Sort order = ProductListing.Sort.UPDATED;
			try {
				order = sort.isEmpty() ? order : ProductListing.Sort.valueOf(sort);
			}
			catch (IllegalArgumentException ex) {
				// keep the default order
			}
			return new ProductListing(blankToNull(q), s, blankToNull(vendor), blankToNull(type), blankToNull(tag), order);
		}

		public String query() {
			var uri = UriComponentsBuilder.newInstance();
			Map<String, String> values = new LinkedHashMap<>();
			values.put("q", q);
			values.put("status", status);
			values.put("vendor", vendor);
			values.put("type", type);
			values.put("tag", tag);
			values.put("sort", sort);
			values.forEach((k, v) -> {
				if (!v.isEmpty()) {
					uri.queryParam(k, v);
				}
			});
			return uri.encode().build().toUriString();
		}
	}

	record SeoPreview(String title, String url, String description) {
	}

	record CategoryOption(String id, String label, int depth) {
	}

	@GetMapping("/admin/products")
	@PreAuthorize("hasAuthority('CATALOG_READ')")
	String list(@RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "") String status,
			@RequestParam(defaultValue = "") String vendor, @RequestParam(defaultValue = "") String type,
			@RequestParam(defaultValue = "") String tag, @RequestParam(defaultValue = "") String sort,
			@RequestParam(required = false) @Nullable String cursor, HtmxRequest htmx, Model model) {
		Filter filter = new Filter(q.strip(), status, vendor, type, tag, sort);
		StoreId store = currentStore.id();
		String from = blankToNull(cursor);
		Page<Product> page;
		try {
			page = catalog.list(store, filter.listing(), from, PAGE_SIZE);
		}
		catch (BusinessRuleViolation ex) {
			model.addAttribute("error", ex.getMessage());
			page = catalog.list(store, filter.listing(), null, PAGE_SIZE);
			from = null;
		}
		model.addAttribute("rows", page.items().stream().map(Row::of).toList());
		model.addAttribute("nextCursor", page.nextCursor());
		model.addAttribute("filter", filter);
		if (htmx.isHtmxRequest() && from != null) {
			return "catalog/products :: rows";
		}
		model.addAttribute("statuses", ProductStatus.values());
		model.addAttribute("sorts", ProductListing.Sort.values());
		model.addAttribute("vendors", catalog.valuesInUse(store, "vendor"));
		model.addAttribute("types", catalog.valuesInUse(store, "product_type"));
		model.addAttribute("tags", catalog.valuesInUse(store, "tags"));
		return "catalog/products";
	}

	@PostMapping("/admin/products/bulk")
	@PreAuthorize("hasAuthority('CATALOG_WRITE')")
	String bulk(@RequestParam(required = false) @Nullable List<String> ids, @RequestParam(defaultValue = "") String action,
			@RequestParam(defaultValue = "") String bulkTag, @RequestParam(defaultValue = "") String amount,
			@RequestParam(defaultValue = "amount") String mode, @RequestParam(defaultValue = "") String back,
			RedirectAttributes redirect) {
		String target = "redirect:/admin/products" + (back.startsWith("?") && !back.contains("\n") ? back : "");
		List<ProductId> products = new ArrayList<>();
		for (String id : ids == null ? List.<String>of() : ids) {
			try {
				products.add(ProductId.of(id));
			}
			catch (IllegalArgumentException ex) {
				// not a product id: ignored
			}
		}
		if (products.isEmpty()) {
			redirect.addFlashAttribute("error", "Select at least one product first.");
			return target;
		}
		BulkAction bulkAction;
		switch (action) {
			case "publish" -> bulkAction = new BulkAction.Publish(true);
			case "unpublish" -> bulkAction = new BulkAction.Publish(false);
			case "activate" -> bulkAction = new BulkAction.SetStatus(ProductStatus.ACTIVE);
			case "draft" -> bulkAction = new BulkAction.SetStatus(ProductStatus.DRAFT);
			case "archive" -> bulkAction = new BulkAction.SetStatus(ProductStatus.ARCHIVED);
			case "addTag", "removeTag" -> {
				if (bulkTag.isBlank()) {
					redirect.addFlashAttribute("error", "Enter the tag to add or remove.");
					return target;
				}
				List<String> tag = List.of(bulkTag.strip());
				bulkAction = action.equals("addTag") ? new BulkAction.Tag(tag, List.of()) : new BulkAction.Tag(List.of(), tag);
			}
			case "price" -> {
				BigDecimal change;
				try {
					change = new BigDecimal(amount.strip());
				}
				catch (NumberFormatException ex) {
					redirect.addFlashAttribute("error", "Enter the price change as a number, such as -5 or 10.");
					return target;
				}
				bulkAction = new BulkAction.AdjustPrice(change, mode.equals("percent"));
			}
			default -> {
				redirect.addFlashAttribute("error", "Choose an action for the selected products.");
				return target;
			}
		}
		try {
			int changed = catalog.bulk(currentStore.id(), products, bulkAction);
			redirect.addFlashAttribute("notice", bulkAction.describe() + ": " + changed + " of " + products.size()
					+ " selected product" + (products.size() == 1 ? "" : "s") + " changed.");
		}
		catch (BusinessRuleViolation ex) {
			redirect.addFlashAttribute("error", "Nothing was changed: " + ex.getMessage() + ".");
		}
		return target;
	}

	@GetMapping("/admin/products/new")
	@PreAuthorize("hasAuthority('CATALOG_READ')")
	String newProduct(Model model) {
		return editor(ProductForm.blank(locales()), null, model);
	}

	@PostMapping("/admin/products/new")
	@PreAuthorize("hasAuthority('CATALOG_WRITE')")
	String create(@RequestParam MultiValueMap<String, String> params, Model model, RedirectAttributes redirect) {
		ProductForm form = ProductForm.parse(params, locales());
		String action = String.valueOf(params.getFirst("action"));
		if (!action.equals("save") && !action.equals("null")) {
			return editor(rework(form, action), null, model);
		}
		Map<String, String> errors = new LinkedHashMap<>();
		ProductDraft draft = form.toDraft(currency(), this::productByReference, errors);
		Product[] created = new Product[1];
		if (draft == null) {
			refuse(errors, model);
			return editor(form, null, model);
		}
		if (!forms.submit(draft, () -> created[0] = catalog.create(currentStore.id(), draft), model)) {
			return editor(form, null, model);
		}
		redirect.addFlashAttribute("notice", "Product " + created[0].title() + " created.");
		return "redirect:/admin/products/" + created[0].id();
	}

	@GetMapping("/admin/products/{id}")
	@PreAuthorize("hasAuthority('CATALOG_READ')")
	String edit(@PathVariable UUID id, Model model) {
		Product product = product(id);
		return editor(ProductForm.of(product, locales(), this::handleOf), product, model);
	}

	@PostMapping("/admin/products/{id}")
	@PreAuthorize("hasAuthority('CATALOG_WRITE')")
	String update(@PathVariable UUID id, @RequestParam MultiValueMap<String, String> params, Model model,
			RedirectAttributes redirect) {
		Product product = product(id);
		ProductForm form = ProductForm.parse(params, locales());
		String action = String.valueOf(params.getFirst("action"));
		if (!action.equals("save") && !action.equals("null")) {
			model.addAttribute("version", params.getFirst("version"));
			return editor(rework(form, action), product, model);
		}
		String version = params.getFirst("version");
		if (version != null && !version.equals(String.valueOf(product.version()))) {
			model.addAttribute("formError", "Someone else changed this product since you opened it. Your input is kept below:"
					+ " save again to replace their changes, or reload the page to see them.");
			return editor(form, product, model);
		}
		Map<String, String> errors = new LinkedHashMap<>();
		ProductDraft draft = form.toDraft(currency(), this::productByReference, errors);
		if (draft == null) {
			refuse(errors, model);
			model.addAttribute("version", version);
			return editor(form, product, model);
		}
		if (!forms.submit(draft, () -> catalog.update(currentStore.id(), product.id(), draft), model)) {
			model.addAttribute("version", version);
			return editor(form, product, model);
		}
		redirect.addFlashAttribute("notice", "Product saved.");
		return "redirect:/admin/products/" + id;
	}

	@GetMapping("/admin/products/{id}/delete")
	@PreAuthorize("hasAuthority('CATALOG_WRITE')")
	String confirmDelete(@PathVariable UUID id, Model model) {
		model.addAttribute("product", product(id));
		return "catalog/product-delete";
	}

	@PostMapping("/admin/products/{id}/delete")
	@PreAuthorize("hasAuthority('CATALOG_WRITE')")
	String delete(@PathVariable UUID id, RedirectAttributes redirect) {
		Product product = product(id);
		catalog.delete(currentStore.id(), product.id());
		redirect.addFlashAttribute("notice", "Product " + product.title() + " deleted.");
		return "redirect:/admin/products";
	}

	/** The search-result snippet for what the editor holds now; htmx swaps it in as the merchant types. */
	@PostMapping("/admin/products/seo-preview")
	@PreAuthorize("hasAuthority('CATALOG_READ')")
	String seoPreview(@RequestParam(defaultValue = "") String title, @RequestParam(defaultValue = "") String handle,
			@RequestParam(defaultValue = "") String seoTitle, @RequestParam(defaultValue = "") String seoDescription,
			@RequestParam(defaultValue = "") String descriptionHtml, Model model) {
		model.addAttribute("seo", seo(title, handle, seoTitle, seoDescription, descriptionHtml));
		return "catalog/product-edit :: seo";
	}

	private ProductForm rework(ProductForm form, String action) {
		if (action.equals("addRow")) {
			return form.addRow();
		}
		if (action.equals("generate")) {
			return form.generateVariants();
		}
		if (action.startsWith("removeRow-")) {
			try {
				return form.removeRow(Integer.parseInt(action.substring("removeRow-".length())));
			}
			catch (NumberFormatException ex) {
				return form;
			}
		}
		return form;
	}

	private void refuse(Map<String, String> errors, Model model) {
		model.addAttribute("fieldErrors", errors);
		model.addAttribute("formError", "Please correct the marked fields.");
	}

	private String editor(ProductForm form, @Nullable Product product, Model model) {
		StoreId store = currentStore.id();
		model.addAttribute("form", form);
		model.addAttribute("product", product);
		model.addAttribute("media", product == null ? List.of() : catalog.media(store, product.id()));
		if (product != null && !model.containsAttribute("version")) {
			model.addAttribute("version", String.valueOf(product.version()));
		}
		model.addAttribute("statuses", ProductStatus.values());
		model.addAttribute("policies", InventoryPolicy.values());
		model.addAttribute("currency", currency().getCurrencyCode());
		model.addAttribute("categoryOptions", CategoryAdminController.ordered(catalog.categories(store)).stream()
			.map(c -> new CategoryOption(c.id().toString(), c.name(), c.depth())).toList());
		model.addAttribute("attributeDefinitions", catalog.attributes(store));
		model.addAttribute("seo", seo(form.title(), form.handle(), form.seoTitle(), form.seoDescription(),
				form.descriptionHtml()));
		return "catalog/product-edit";
	}

	static SeoPreview seo(String title, String handle, String seoTitle, String seoDescription, String descriptionHtml) {
		String shownTitle = !seoTitle.isBlank() ? seoTitle.strip() : title.strip();
		String description = !seoDescription.isBlank() ? seoDescription.strip()
				: descriptionHtml.replaceAll("<[^>]*>", " ").replaceAll("\\s+", " ").strip();
		if (description.length() > 160) {
			description = description.substring(0, 157) + "…";
		}
		String path = "/products/" + (handle.isBlank() ? dev.shopwright.catalog.web.ProductForm.lower(title.strip())
			.replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "") : handle.strip());
		return new SeoPreview(shownTitle.isEmpty() ? "Untitled product" : shownTitle, path, description);
	}

	private Product product(UUID id) {
		return catalog.find(currentStore.id(), new ProductId(id))
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

	private @Nullable ProductId productByReference(String reference) {
		try {
			ProductId id = ProductId.of(reference);
			return catalog.find(currentStore.id(), id).map(Product::id).orElse(null);
		}
		catch (IllegalArgumentException ex) {
			return catalog.findByHandle(currentStore.id(), reference).map(Product::id).orElse(null);
		}
	}

	private String handleOf(ProductId id) {
		return catalog.find(currentStore.id(), id).map(Product::handle).orElse(id.toString());
	}

	private Currency currency() {
		return stores.get(currentStore.id()).defaultCurrency();
	}

	/** The store's languages other than its default: each gets its own translation fields. */
	private List<String> locales() {
		Store store = stores.get(currentStore.id());
		return store.locales().stream().filter(l -> !l.equals(store.defaultLocale())).map(Locale::toLanguageTag)
			.filter(tag -> tag.matches("[a-z]{2,3}(?:-[A-Z]{2})?")).distinct().toList();
	}

	private static @Nullable String blankToNull(@Nullable String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}
}
