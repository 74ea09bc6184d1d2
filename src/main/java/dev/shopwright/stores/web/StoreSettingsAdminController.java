package dev.shopwright.stores.web;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.shopwright.platform.ConsoleForms;
import dev.shopwright.platform.CurrentStore;
import dev.shopwright.stores.StoreManagement;

/** Settings of the store the console currently acts on. */
@Controller
class StoreSettingsAdminController {

	private final StoreManagement stores;

	private final CurrentStore currentStore;

	private final ConsoleForms forms;

	StoreSettingsAdminController(StoreManagement stores, CurrentStore currentStore, ConsoleForms forms) {
		this.stores = stores;
		this.currentStore = currentStore;
		this.forms = forms;
	}

	@GetMapping("/admin/settings/store")
	@PreAuthorize("hasAuthority('SETTINGS_MANAGE')")
	String edit(Model model) {
		model.addAttribute("form", StoreForm.of(stores.get(currentStore.id())));
		return "stores/settings";
	}

	@PostMapping("/admin/settings/store")
	@PreAuthorize("hasAuthority('SETTINGS_MANAGE')")
	String save(@ModelAttribute("form") StoreForm form, Model model, RedirectAttributes redirect) {
		if (!forms.submit(form.toSettings(), () -> stores.update(currentStore.id(), form.toSettings()), model)) {
			return "stores/settings";
		}
		redirect.addFlashAttribute("notice", "Store settings saved.");
		return "redirect:/admin/settings/store";
	}
}
