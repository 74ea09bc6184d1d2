package dev.shopwright.stores.web;

import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.HttpSession;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.shopwright.platform.ConsoleForms;
import dev.shopwright.platform.CurrentStore;
import dev.shopwright.shared.StoreId;
import dev.shopwright.stores.Store;
import dev.shopwright.stores.StoreManagement;

/** The owner's list of stores, creating new ones, and the console's store switcher. */
@Controller
class StoresAdminController {

	private final StoreManagement stores;

	private final CurrentStore currentStore;

	private final ConsoleForms forms;

	StoresAdminController(StoreManagement stores, CurrentStore currentStore, ConsoleForms forms) {
		this.stores = stores;
		this.currentStore = currentStore;
		this.forms = forms;
	}

	@GetMapping("/admin/stores")
	@PreAuthorize("hasAuthority('STORES_CREATE')")
	String list(Model model) {
		model.addAttribute("stores", stores.all());
		model.addAttribute("form", StoreForm.blank());
		return "stores/list";
	}

	@PostMapping("/admin/stores")
	@PreAuthorize("hasAuthority('STORES_CREATE')")
	String create(@ModelAttribute("form") StoreForm form, Model model, RedirectAttributes redirect) {
		Store[] created = new Store[1];
		if (!forms.submit(form.toSettings(), () -> created[0] = stores.create(form.toSettings()), model)) {
			model.addAttribute("stores", stores.all());
			return "stores/list";
		}
		redirect.addFlashAttribute("notice", "Store " + created[0].name() + " created.");
		return "redirect:/admin/stores";
	}

	@PostMapping("/admin/stores/switch")
	@PreAuthorize("hasAuthority('CONSOLE_ACCESS')")
	String switchTo(@RequestParam UUID storeId, HttpSession session, RedirectAttributes redirect) {
		StoreId target = new StoreId(storeId);
		if (!currentStore.access().permits(target) || stores.find(target).isEmpty()) {
			redirect.addFlashAttribute("error", "You do not have access to that store.");
			return "redirect:/admin";
		}
		session.setAttribute(CurrentStore.SESSION_ATTRIBUTE, storeId.toString());
		redirect.addFlashAttribute("notice", "Now working in " + stores.get(target).name() + ".");
		return "redirect:/admin";
	}

	/** The stores offered by the switcher in the console header. */
	@org.springframework.web.bind.annotation.ControllerAdvice(annotations = Controller.class)
	static class SwitcherModel {

		private final StoreManagement stores;

		private final CurrentStore currentStore;

		SwitcherModel(StoreManagement stores, CurrentStore currentStore) {
			this.stores = stores;
			this.currentStore = currentStore;
		}

		@ModelAttribute("switchableStores")
		List<Store> switchableStores(jakarta.servlet.http.HttpServletRequest request) {
			if (!request.getRequestURI().startsWith("/admin") || currentStore.find().isEmpty()) {
				return List.of();
			}
			return stores.all().stream().filter(store -> currentStore.access().permits(store.id())).toList();
		}

		@ModelAttribute("currentStoreId")
		String currentStoreId() {
			return currentStore.find().map(StoreId::toString).orElse("");
		}
	}
}
