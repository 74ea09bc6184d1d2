package dev.shopwright.catalog.web;

import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.shopwright.catalog.Attribute;
import dev.shopwright.catalog.CatalogManagement;
import dev.shopwright.platform.BusinessRuleViolation;
import dev.shopwright.platform.ConsoleForms;
import dev.shopwright.platform.CurrentStore;

/** Typed product attributes: list, create, delete. */
@Controller
class AttributeAdminController {

	private final CatalogManagement catalog;

	private final CurrentStore currentStore;

	private final ConsoleForms forms;

	AttributeAdminController(CatalogManagement catalog, CurrentStore currentStore, ConsoleForms forms) {
		this.catalog = catalog;
		this.currentStore = currentStore;
		this.forms = forms;
	}

	record AttributeForm(String code, String name, String type, String choices, boolean facet) {
	}

	@GetMapping("/admin/attributes")
	@PreAuthorize("hasAuthority('CATALOG_READ')")
	String list(Model model) {
		return page(new AttributeForm("", "", "TEXT", "", false), model);
	}

	@PostMapping("/admin/attributes")
	@PreAuthorize("hasAuthority('CATALOG_WRITE')")
	String create(@RequestParam(defaultValue = "") String code, @RequestParam(defaultValue = "") String name,
			@RequestParam(defaultValue = "TEXT") String type, @RequestParam(defaultValue = "") String choices,
			@RequestParam(defaultValue = "false") boolean facet, Model model, RedirectAttributes redirect) {
		AttributeForm form = new AttributeForm(code, name, type, choices, facet);
		Attribute.Type kind;
		try {
			kind = Attribute.Type.valueOf(type);
		}
		catch (IllegalArgumentException ex) {
			kind = null;
		}
		if (name.isBlank() || kind == null) {
			model.addAttribute("fieldErrors", name.isBlank() ? Map.of("name", "is required") : Map.of("type", "choose a type"));
			model.addAttribute("formError", "Please correct the marked fields.");
			return page(form, model);
		}
		Attribute.Type chosen = kind;
		if (!forms.submit(form, () -> catalog.createAttribute(currentStore.id(), code.strip(), name, chosen,
				ProductForm.split(choices), facet), model)) {
			return page(form, model);
		}
		redirect.addFlashAttribute("notice", "Attribute " + code.strip() + " created.");
		return "redirect:/admin/attributes";
	}

	@PostMapping("/admin/attributes/{id}")
	@PreAuthorize("hasAuthority('CATALOG_WRITE')")
	String update(@PathVariable UUID id, @RequestParam(defaultValue = "") String name,
			@RequestParam(required = false) @Nullable String choices, @RequestParam(defaultValue = "false") boolean facet,
			Model model, RedirectAttributes redirect) {
		try {
			Attribute updated = catalog.updateAttribute(currentStore.id(), id, name,
					choices == null ? null : ProductForm.split(choices), facet);
			redirect.addFlashAttribute("notice", "Attribute " + updated.code() + " saved.");
		}
		catch (BusinessRuleViolation ex) {
			redirect.addFlashAttribute("error", ex.fieldErrors().isEmpty() ? ex.getMessage()
					: String.join("; ", ex.fieldErrors().entrySet().stream().map(e -> e.getKey() + ": " + e.getValue()).toList()));
		}
		return "redirect:/admin/attributes";
	}

	@PostMapping("/admin/attributes/{id}/delete")
	@PreAuthorize("hasAuthority('CATALOG_WRITE')")
	String delete(@PathVariable UUID id, RedirectAttributes redirect) {
		try {
			catalog.deleteAttribute(currentStore.id(), id);
			redirect.addFlashAttribute("notice", "Attribute deleted.");
		}
		catch (BusinessRuleViolation ex) {
			redirect.addFlashAttribute("error", ex.getMessage());
		}
		return "redirect:/admin/attributes";
	}

	private String page(AttributeForm form, Model model) {
		model.addAttribute("attributes", catalog.attributes(currentStore.id()));
		model.addAttribute("types", Attribute.Type.values());
		model.addAttribute("form", form);
		return "catalog/attributes";
	}
}
