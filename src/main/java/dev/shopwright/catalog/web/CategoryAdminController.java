package dev.shopwright.catalog.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.shopwright.catalog.CatalogManagement;
import dev.shopwright.catalog.Category;
import dev.shopwright.platform.BusinessRuleViolation;
import dev.shopwright.platform.ConsoleForms;
import dev.shopwright.platform.CurrentStore;

/** The category tree: create, rename, move (whole subtree) and delete. */
@Controller
class CategoryAdminController {

	private final CatalogManagement catalog;

	private final CurrentStore currentStore;

	private final ConsoleForms forms;

	CategoryAdminController(CatalogManagement catalog, CurrentStore currentStore, ConsoleForms forms) {
		this.catalog = catalog;
		this.currentStore = currentStore;
		this.forms = forms;
	}

	/** The category form as posted; blank parent means the top level. */
	record CategoryForm(String name, @jakarta.validation.constraints.Pattern(regexp = "|[a-z0-9](?:[a-z0-9-]{0,253}[a-z0-9])?", message = "must be lowercase letters, digits and dashes") String handle, String parentId, String description) {

		static CategoryForm blank() {
			return new CategoryForm("", "", "", "");
		}

		@Nullable UUID parent() {
			return parentId.isBlank() ? null : UUID.fromString(parentId);
		}

		@Nullable String handleOrNull() {
			return handle.isBlank() ? null : handle.strip();
		}
	}

	/** Depth-first: every category right below its parent, siblings by position then name. */
	static List<Category> ordered(List<Category> all) {
		Map<@Nullable UUID, List<Category>> children = new LinkedHashMap<>();
		for (Category c : all) {
			children.computeIfAbsent(c.parentId(), k -> new ArrayList<>()).add(c);
		}
		Comparator<Category> order = Comparator.comparingInt(Category::position)
			.thenComparing(c -> c.name().toLowerCase(java.util.Locale.ROOT));
		children.values().forEach(list -> list.sort(order));
		List<Category> result = new ArrayList<>();
		java.util.Set<UUID> known = new java.util.HashSet<>();
		all.forEach(c -> known.add(c.id()));
		List<Category> roots = new ArrayList<>();
		for (Category c : all) {
			if (c.parentId() == null || !known.contains(c.parentId())) {
				roots.add(c);
			}
		}
		roots.sort(order);
		for (Category root : roots) {
			walk(root, children, result);
		}
		return result;
	}

	private static void walk(Category node, Map<@Nullable UUID, List<Category>> children, List<Category> into) {
		into.add(node);
		for (Category child : children.getOrDefault(node.id(), List.of())) {
			walk(child, children, into);
		}
	}

	@GetMapping("/admin/categories")
	@PreAuthorize("hasAuthority('CATALOG_READ')")
	String list(Model model) {
		return listPage(CategoryForm.blank(), model);
	}

	@PostMapping("/admin/categories")
	@PreAuthorize("hasAuthority('CATALOG_WRITE')")
	String create(@RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String handle,
			@RequestParam(defaultValue = "") String parentId, @RequestParam(defaultValue = "") String description,
			Model model, RedirectAttributes redirect) {
		CategoryForm form = new CategoryForm(name, handle, parentId, description);
		if (name.isBlank()) {
			model.addAttribute("fieldErrors", Map.of("name", "is required"));
			model.addAttribute("formError", "Please correct the marked fields.");
			return listPage(form, model);
		}
		Category[] created = new Category[1];
		if (!forms.submit(form, () -> created[0] = catalog.createCategory(currentStore.id(), name, form.handleOrNull(),
				parse(parentId), description), model)) {
			return listPage(form, model);
		}
		redirect.addFlashAttribute("notice", "Category " + created[0].name() + " created.");
		return "redirect:/admin/categories";
	}

	@GetMapping("/admin/categories/{id}")
	@PreAuthorize("hasAuthority('CATALOG_READ')")
	String edit(@PathVariable UUID id, Model model) {
		Category category = category(id);
		return editPage(category, new CategoryForm(category.name(), category.handle(),
				category.parentId() == null ? "" : category.parentId().toString(), category.description()), model);
	}

	@PostMapping("/admin/categories/{id}")
	@PreAuthorize("hasAuthority('CATALOG_WRITE')")
	String update(@PathVariable UUID id, @RequestParam(defaultValue = "") String name,
			@RequestParam(defaultValue = "") String handle, @RequestParam(defaultValue = "") String parentId,
			@RequestParam(defaultValue = "") String description, Model model, RedirectAttributes redirect) {
		Category category = category(id);
		CategoryForm form = new CategoryForm(name, handle, parentId, description);
		if (name.isBlank()) {
			model.addAttribute("fieldErrors", Map.of("name", "is required"));
			model.addAttribute("formError", "Please correct the marked fields.");
			return editPage(category, form, model);
		}
		if (!forms.submit(form, () -> catalog.updateCategory(currentStore.id(), id, name, form.handleOrNull(), description,
				null, true, parse(parentId)), model)) {
			return editPage(category, form, model);
		}
		redirect.addFlashAttribute("notice", "Category " + name.strip() + " saved.");
		return "redirect:/admin/categories";
	}

	@PostMapping("/admin/categories/{id}/move")
	@PreAuthorize("hasAuthority('CATALOG_WRITE')")
	String move(@PathVariable UUID id, @RequestParam String direction, RedirectAttributes redirect) {
		Category category = category(id);
		catalog.reorderCategory(currentStore.id(), id, "up".equals(direction) ? -1 : 1);
		redirect.addFlashAttribute("notice", "Category " + category.name() + " moved " + ("up".equals(direction) ? "up." : "down."));
		return "redirect:/admin/categories";
	}

	@PostMapping("/admin/categories/{id}/delete")
	@PreAuthorize("hasAuthority('CATALOG_WRITE')")
	String delete(@PathVariable UUID id, RedirectAttributes redirect) {
		Category category = category(id);
		try {
			catalog.deleteCategory(currentStore.id(), id);
			redirect.addFlashAttribute("notice", "Category " + category.name() + " deleted.");
			return "redirect:/admin/categories";
		}
		catch (BusinessRuleViolation ex) {
			redirect.addFlashAttribute("error", ex.getMessage());
			return "redirect:/admin/categories/" + id;
		}
	}

	private String listPage(CategoryForm form, Model model) {
		model.addAttribute("categories", ordered(catalog.categories(currentStore.id())));
		model.addAttribute("form", form);
		return "catalog/categories";
	}

	private String editPage(Category category, CategoryForm form, Model model) {
		model.addAttribute("category", category);
		model.addAttribute("categories", ordered(catalog.categories(currentStore.id())));
		model.addAttribute("form", form);
		return "catalog/category-edit";
	}

	private Category category(UUID id) {
		return catalog.findCategory(currentStore.id(), id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

	private static @Nullable UUID parse(String id) {
		try {
			return id.isBlank() ? null : UUID.fromString(id);
		}
		catch (IllegalArgumentException ex) {
			throw BusinessRuleViolation.ofField("VALIDATION_FAILED", "parentId", "no such category");
		}
	}
}
