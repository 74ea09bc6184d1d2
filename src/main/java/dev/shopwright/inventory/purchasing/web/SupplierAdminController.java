package dev.shopwright.inventory.purchasing.web;

import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.shopwright.inventory.purchasing.Purchasing;
import dev.shopwright.inventory.purchasing.Supplier;
import dev.shopwright.inventory.purchasing.SupplierDraft;
import dev.shopwright.inventory.purchasing.SupplierSkuDraft;
import dev.shopwright.platform.ConsoleForms;
import dev.shopwright.platform.CurrentStore;

/** Suppliers in the console: list, create, edit, delete, and the SKUs each one sells us. */
@Controller
class SupplierAdminController {

	/** The supplier form as typed; numbers are parsed by {@link FormValues} so bad input comes back as field errors. */
	record SupplierForm(@Nullable String name, @Nullable String email, @Nullable String phone, @Nullable String currency,
			@Nullable String leadTimeDays, @Nullable String minimumOrderAmount, @Nullable String minimumOrderUnits,
			@Nullable String packSize, @Nullable String notes) {

		static SupplierForm of(Supplier s) {
			return new SupplierForm(s.name(), s.email(), s.phone(), s.currency().getCurrencyCode(),
					String.valueOf(s.leadTimeDays()),
					s.minimumOrderAmount() == null ? "" : s.minimumOrderAmount().amount().toPlainString(),
					s.minimumOrderUnits() == null ? "" : s.minimumOrderUnits().toString(), String.valueOf(s.packSize()),
					s.notes());
		}

		SupplierDraft draft(FormValues values) {
			return new SupplierDraft(text(name), text(email).isEmpty() ? null : text(email), phone, text(currency),
					values.integer("leadTimeDays", leadTimeDays), values.decimal("minimumOrderAmount", minimumOrderAmount),
					values.integer("minimumOrderUnits", minimumOrderUnits), values.integer("packSize", packSize), notes);
		}
	}

	record SkuForm(@Nullable String sku, @Nullable String supplierCode, @Nullable String unitCost, @Nullable String packSize,
			boolean primary) {
	}

	private final Purchasing purchasing;

	private final CurrentStore currentStore;

	private final ConsoleForms forms;

	SupplierAdminController(Purchasing purchasing, CurrentStore currentStore, ConsoleForms forms) {
		this.purchasing = purchasing;
		this.currentStore = currentStore;
		this.forms = forms;
	}

	@GetMapping("/admin/purchasing/suppliers")
	@PreAuthorize("hasAuthority('INVENTORY_READ')")
	String list(@RequestParam(required = false) @Nullable String cursor, Model model) {
		String currency = purchasing.store(currentStore.id()).defaultCurrency().getCurrencyCode();
		return listPage(new SupplierForm("", "", "", currency, "14", "", "", "1", ""), cursor, model);
	}

	@PostMapping("/admin/purchasing/suppliers")
	@PreAuthorize("hasAuthority('INVENTORY_WRITE')")
	String create(@ModelAttribute SupplierForm form, Model model, RedirectAttributes redirect) {
		FormValues values = new FormValues();
		SupplierDraft draft = form.draft(values);
		Supplier[] created = new Supplier[1];
		if (values.failed(model)
				|| !forms.submit(draft, () -> created[0] = purchasing.createSupplier(currentStore.id(), draft), model)) {
			return listPage(form, null, model);
		}
		redirect.addFlashAttribute("notice", "Supplier " + created[0].name() + " created.");
		return "redirect:/admin/purchasing/suppliers/" + created[0].id();
	}

	@GetMapping("/admin/purchasing/suppliers/{id}")
	@PreAuthorize("hasAuthority('INVENTORY_READ')")
	String edit(@PathVariable UUID id, Model model) {
		Supplier supplier = purchasing.supplier(currentStore.id(), id);
		return editPage(supplier, SupplierForm.of(supplier), new SkuForm("", "", "", "1", true), model);
	}

	@PostMapping("/admin/purchasing/suppliers/{id}")
	@PreAuthorize("hasAuthority('INVENTORY_WRITE')")
	String update(@PathVariable UUID id, @ModelAttribute SupplierForm form, Model model, RedirectAttributes redirect) {
		Supplier supplier = purchasing.supplier(currentStore.id(), id);
		FormValues values = new FormValues();
		SupplierDraft draft = form.draft(values);
		if (values.failed(model) || !forms.submit(draft, () -> purchasing.updateSupplier(currentStore.id(), id, draft), model)) {
			return editPage(supplier, form, new SkuForm("", "", "", "1", true), model);
		}
		redirect.addFlashAttribute("notice", "Supplier saved.");
		return "redirect:/admin/purchasing/suppliers/" + id;
	}

	@PostMapping("/admin/purchasing/suppliers/{id}/delete")
	@PreAuthorize("hasAuthority('INVENTORY_WRITE')")
	String delete(@PathVariable UUID id, RedirectAttributes redirect) {
		boolean[] deleted = new boolean[1];
		forms.act(redirect, "Supplier deleted.", () -> {
			purchasing.deleteSupplier(currentStore.id(), id);
			deleted[0] = true;
		});
		return deleted[0] ? "redirect:/admin/purchasing/suppliers" : "redirect:/admin/purchasing/suppliers/" + id;
	}

	@PostMapping("/admin/purchasing/suppliers/{id}/skus")
	@PreAuthorize("hasAuthority('INVENTORY_WRITE')")
	String saveSku(@PathVariable UUID id, @ModelAttribute SkuForm skuForm, Model model, RedirectAttributes redirect) {
		Supplier supplier = purchasing.supplier(currentStore.id(), id);
		FormValues values = new FormValues();
		SupplierSkuDraft draft = new SupplierSkuDraft(text(skuForm.sku()), skuForm.supplierCode(),
				values.decimal("unitCost", skuForm.unitCost()), values.integer("packSize", skuForm.packSize()),
				skuForm.primary());
		if (values.failed(model)
				|| !forms.submit(draft, () -> purchasing.saveSupplierSku(currentStore.id(), id, draft), model)) {
			model.addAttribute("skuErrors", true);
			return editPage(supplier, SupplierForm.of(supplier), skuForm, model);
		}
		redirect.addFlashAttribute("notice", "SKU " + draft.sku() + " saved for " + supplier.name() + ".");
		return "redirect:/admin/purchasing/suppliers/" + id;
	}

	@PostMapping("/admin/purchasing/suppliers/{id}/skus/remove")
	@PreAuthorize("hasAuthority('INVENTORY_WRITE')")
	String removeSku(@PathVariable UUID id, @RequestParam String sku, RedirectAttributes redirect) {
		forms.act(redirect, "SKU " + sku + " removed.", () -> purchasing.removeSupplierSku(currentStore.id(), id, sku));
		return "redirect:/admin/purchasing/suppliers/" + id;
	}

	private String listPage(SupplierForm form, @Nullable String cursor, Model model) {
		var page = purchasing.suppliers(currentStore.id(), cursor, 100);
		model.addAttribute("suppliers", page.items());
		model.addAttribute("nextCursor", page.nextCursor());
		model.addAttribute("form", form);
		return "inventory/purchasing/suppliers";
	}

	private String editPage(Supplier supplier, SupplierForm form, SkuForm skuForm, Model model) {
		model.addAttribute("supplier", supplier);
		model.addAttribute("form", form);
		model.addAttribute("skuForm", skuForm);
		model.addAttribute("skus", purchasing.supplierSkus(currentStore.id(), supplier.id()));
		return "inventory/purchasing/supplier";
	}

	private static String text(@Nullable String value) {
		return value == null ? "" : value.strip();
	}
}
