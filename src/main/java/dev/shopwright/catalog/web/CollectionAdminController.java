package dev.shopwright.catalog.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
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

import dev.shopwright.catalog.CatalogManagement;
import dev.shopwright.catalog.Collection;
import dev.shopwright.catalog.Product;
import dev.shopwright.catalog.ProductId;
import dev.shopwright.platform.BusinessRuleViolation;
import dev.shopwright.platform.ConsoleForms;
import dev.shopwright.platform.CurrentStore;
import dev.shopwright.shared.StoreId;

/** Manual and rule-based collections: list, create, edit rules, preview products, add and remove products. */
@Controller
class CollectionAdminController {

	static final int PREVIEW_SIZE = 50;

	private static final Pattern RULE_FIELD = Pattern.compile("rules\\[(\\d{1,2})\\]\\.(\\w+)");

	private final CatalogManagement catalog;

	private final CurrentStore currentStore;

	private final ConsoleForms forms;

	CollectionAdminController(CatalogManagement catalog, CurrentStore currentStore, ConsoleForms forms) {
		this.catalog = catalog;
		this.currentStore = currentStore;
		this.forms = forms;
	}

	record RuleRow(String field, String operator, String value) {
	}

	record CollectionForm(String title, @jakarta.validation.constraints.Pattern(regexp = "|[a-z0-9](?:[a-z0-9-]{0,253}[a-z0-9])?", message = "must be lowercase letters, digits and dashes") String handle, String description, String kind, boolean matchAll,
			List<RuleRow> rules, boolean published) {

		static CollectionForm of(Collection c) {
			List<RuleRow> rows = new ArrayList<>(c.rules().stream()
				.map(r -> new RuleRow(r.field().name(), r.operator().name(), r.value())).toList());
			return new CollectionForm(c.title(), c.handle(), c.description(), c.kind().name(), c.matchAll(), rows,
					c.published()).padded();
		}

		static CollectionForm parse(MultiValueMap<String, String> params) {
			int count = 0;
			for (String key : params.keySet()) {
				Matcher m = RULE_FIELD.matcher(key);
				if (m.matches()) {
					count = Math.max(count, Integer.parseInt(m.group(1)) + 1);
				}
			}
			List<RuleRow> rows = new ArrayList<>();
			for (int i = 0; i < count; i++) {
				rows.add(new RuleRow(value(params, "rules[" + i + "].field"), value(params, "rules[" + i + "].operator"),
						value(params, "rules[" + i + "].value")));
			}
			String kind = value(params, "kind");
			return new CollectionForm(value(params, "title"), value(params, "handle"), value(params, "description"),
					kind.isEmpty() ? "MANUAL" : kind, !"any".equals(value(params, "match")), rows,
					params.containsKey("published"));
		}

		/** Always offers a few empty rule rows to fill in. */
		CollectionForm padded() {
			List<RuleRow> rows = new ArrayList<>(rules);
			long blank = rows.stream().filter(r -> r.value().isBlank()).count();
			for (long i = blank; i < 2 || rows.size() < 3; i++) {
				rows.add(new RuleRow("TAG", "EQUALS", ""));
			}
			return new CollectionForm(title, handle, description, kind, matchAll, rows, published);
		}

		/** Rules with a value; rows left blank are not rules. */
		List<Collection.Rule> toRules(Map<String, String> errors) {
			List<Collection.Rule> result = new ArrayList<>();
			for (RuleRow row : rules) {
				if (row.value().isBlank()) {
					continue;
				}
				int index = result.size();
				try {
					result.add(new Collection.Rule(Collection.Field.valueOf(row.field()),
							Collection.Operator.valueOf(row.operator()), row.value().strip()));
				}
				catch (IllegalArgumentException ex) {
					errors.put("rules[" + index + "].field", "choose a field and an operator");
				}
			}
			return result;
		}

		/** Rules as saved, one per filled row, so that the catalog's rules[i] errors line up with the shown rows. */
		CollectionForm compacted() {
			List<RuleRow> rows = new ArrayList<>(rules.stream().filter(r -> !r.value().isBlank()).toList());
			return new CollectionForm(title, handle, description, kind, matchAll, rows, published).padded();
		}
	}

	record ProductRow(String id, String title, String handle, String status, boolean published) {

		static ProductRow of(Product p) {
			return new ProductRow(p.id().toString(), p.title(), p.handle(), p.status().name(), p.published());
		}
	}

	@GetMapping("/admin/collections")
	@PreAuthorize("hasAuthority('CATALOG_READ')")
	String list(Model model) {
		model.addAttribute("collections", catalog.collections(currentStore.id()));
		return "catalog/collections";
	}

	@GetMapping("/admin/collections/new")
	@PreAuthorize("hasAuthority('CATALOG_READ')")
	String newCollection(@RequestParam(defaultValue = "MANUAL") String kind, Model model) {
		String chosen = kind.equals("RULE") ? "RULE" : "MANUAL";
		return editor(new CollectionForm("", "", "", chosen, true, List.of(), false).padded(), null, model);
	}

	@PostMapping("/admin/collections/new")
	@PreAuthorize("hasAuthority('CATALOG_WRITE')")
	String create(@RequestParam MultiValueMap<String, String> params, Model model, RedirectAttributes redirect) {
		CollectionForm form = CollectionForm.parse(params).compacted();
		if ("addRule".equals(params.getFirst("action"))) {
			return editor(withExtraRule(CollectionForm.parse(params)), null, model);
		}
		Collection[] saved = new Collection[1];
		if (!save(null, form, saved, model)) {
			return editor(form, null, model);
		}
		redirect.addFlashAttribute("notice", "Collection " + saved[0].title() + " created.");
		return "redirect:/admin/collections/" + saved[0].id();
	}

	@GetMapping("/admin/collections/{id}")
	@PreAuthorize("hasAuthority('CATALOG_READ')")
	String edit(@PathVariable UUID id, @RequestParam(required = false) @Nullable String cursor, HtmxRequest htmx,
			Model model) {
		Collection collection = collection(id);
		if (cursor != null && !cursor.isBlank()) {
			// the next page of the product list, as rows for "Load more" (or the whole page without JavaScript)
			preview(collection, cursor, model);
			if (htmx.isHtmxRequest()) {
				model.addAttribute("collection", collection);
				return "catalog/collection-edit :: previewRows";
			}
		}
		return editor(CollectionForm.of(collection), collection, model);
	}

	@PostMapping("/admin/collections/{id}")
	@PreAuthorize("hasAuthority('CATALOG_WRITE')")
	String update(@PathVariable UUID id, @RequestParam MultiValueMap<String, String> params, Model model,
			RedirectAttributes redirect) {
		Collection collection = collection(id);
		if ("addRule".equals(params.getFirst("action"))) {
			return editor(withExtraRule(CollectionForm.parse(params)), collection, model);
		}
		CollectionForm form = CollectionForm.parse(params).compacted();
		Collection[] saved = new Collection[1];
		if (!save(collection.id(), form, saved, model)) {
			return editor(form, collection, model);
		}
		redirect.addFlashAttribute("notice", "Collection saved.");
		return "redirect:/admin/collections/" + id;
	}

	@PostMapping("/admin/collections/{id}/delete")
	@PreAuthorize("hasAuthority('CATALOG_WRITE')")
	String delete(@PathVariable UUID id, RedirectAttributes redirect) {
		Collection collection = collection(id);
		catalog.deleteCollection(currentStore.id(), id);
		redirect.addFlashAttribute("notice", "Collection " + collection.title() + " deleted.");
		return "redirect:/admin/collections";
	}

	/** Adds products by handle, SKU or id (comma-separated) to a manual collection. */
	@PostMapping("/admin/collections/{id}/products")
	@PreAuthorize("hasAuthority('CATALOG_WRITE')")
	String addProducts(@PathVariable UUID id, @RequestParam(defaultValue = "") String products,
			RedirectAttributes redirect) {
		collection(id);
		StoreId store = currentStore.id();
		List<ProductId> ids = new ArrayList<>();
		List<String> unknown = new ArrayList<>();
		for (String reference : ProductForm.split(products)) {
			ProductId found = find(store, reference);
			if (found == null) {
				unknown.add(reference);
			}
			else {
				ids.add(found);
			}
		}
		if (!unknown.isEmpty() || ids.isEmpty()) {
			redirect.addFlashAttribute("error", ids.isEmpty() && unknown.isEmpty() ? "Enter product handles, SKUs or ids to add."
					: "No product found for: " + String.join(", ", unknown) + ". Nothing was added.");
			return "redirect:/admin/collections/" + id;
		}
		try {
			catalog.addToCollection(store, id, ids);
			redirect.addFlashAttribute("notice", ids.size() + " product" + (ids.size() == 1 ? "" : "s") + " added.");
		}
		catch (BusinessRuleViolation ex) {
			redirect.addFlashAttribute("error", ex.getMessage());
		}
		return "redirect:/admin/collections/" + id;
	}

	@PostMapping("/admin/collections/{id}/products/{productId}/remove")
	@PreAuthorize("hasAuthority('CATALOG_WRITE')")
	String removeProduct(@PathVariable UUID id, @PathVariable UUID productId, RedirectAttributes redirect) {
		collection(id);
		try {
			catalog.removeFromCollection(currentStore.id(), id, new ProductId(productId));
			redirect.addFlashAttribute("notice", "Product removed from the collection.");
		}
		catch (BusinessRuleViolation ex) {
			redirect.addFlashAttribute("error", ex.getMessage());
		}
		return "redirect:/admin/collections/" + id;
	}

	private boolean save(@Nullable UUID id, CollectionForm form, Collection[] saved, Model model) {
		Map<String, String> errors = new LinkedHashMap<>();
		if (form.title().isBlank()) {
			errors.put("title", "is required");
		}
		Collection.Kind kind = "RULE".equals(form.kind()) ? Collection.Kind.RULE : Collection.Kind.MANUAL;
		List<Collection.Rule> rules = form.toRules(errors);
		if (!errors.isEmpty()) {
			model.addAttribute("fieldErrors", errors);
			model.addAttribute("formError", "Please correct the marked fields.");
			return false;
		}
		return forms.submit(form, () -> saved[0] = catalog.saveCollection(currentStore.id(), id, form.title(),
				form.handle().isBlank() ? null : form.handle().strip(), form.description(), kind, form.matchAll(), rules,
				form.published()), model);
	}

	private CollectionForm withExtraRule(CollectionForm form) {
		List<RuleRow> rows = new ArrayList<>(form.rules());
		if (rows.size() < 20) {
			rows.add(new RuleRow("TAG", "EQUALS", ""));
		}
		return new CollectionForm(form.title(), form.handle(), form.description(), form.kind(), form.matchAll(), rows,
				form.published());
	}

	private String editor(CollectionForm form, @Nullable Collection collection, Model model) {
		model.addAttribute("form", form);
		model.addAttribute("collection", collection);
		model.addAttribute("fields", Collection.Field.values());
		model.addAttribute("operators", Collection.Operator.values());
		if (collection != null && !model.containsAttribute("preview")) {
			preview(collection, null, model);
		}
		return "catalog/collection-edit";
	}

	private void preview(Collection collection, @Nullable String cursor, Model model) {
		StoreId store = currentStore.id();
		var page = catalog.collectionProductIds(store, collection.id(), cursor, PREVIEW_SIZE);
		model.addAttribute("preview", catalog.load(store, page.items()).stream().map(ProductRow::of).toList());
		model.addAttribute("previewNext", page.nextCursor());
	}

	private @Nullable ProductId find(StoreId store, String reference) {
		try {
			ProductId id = ProductId.of(reference);
			if (catalog.find(store, id).isPresent()) {
				return id;
			}
		}
		catch (IllegalArgumentException ex) {
			// not an id: a handle or a SKU
		}
		return catalog.findByHandle(store, reference).or(() -> catalog.findBySku(store, reference)).map(Product::id)
			.orElse(null);
	}

	private Collection collection(UUID id) {
		return catalog.findCollection(currentStore.id(), id)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

	private static String value(MultiValueMap<String, String> params, String name) {
		String value = params.getFirst(name);
		return value == null ? "" : value;
	}
}
