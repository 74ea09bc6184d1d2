package dev.shopwright.storefront;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

import dev.shopwright.platform.CurrentStore;
import dev.shopwright.stores.Store;
import dev.shopwright.stores.StoreManagement;

/** Each store's home page: at {@code /} for the store serving the host name (or the default store), and at
 * {@code /stores/{handle}} for any store. */
@Controller
class StorefrontController {

	private final StoreManagement stores;

	private final CurrentStore currentStore;

	private final dev.shopwright.search.SearchManagement search;

	StorefrontController(StoreManagement stores, CurrentStore currentStore, dev.shopwright.search.SearchManagement search) {
		this.stores = stores;
		this.currentStore = currentStore;
		this.search = search;
	}

	@GetMapping("/")
	String home(Model model, HttpServletRequest http) {
		Store store = currentStore.find().flatMap(stores::find)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no store is set up yet"));
		StorefrontLanguage.describe(store, http, CatalogPagesController.base(http), model::addAttribute);
		model.addAttribute("store", store);
		model.addAttribute("products", search.newest(store.id(), 12, StorefrontLanguage.of(http, store).toLanguageTag()));
		return "storefront/home";
	}

	@GetMapping("/stores/{handle}")
	String storeHome(@PathVariable String handle, Model model) {
		Store store = stores.findByReference(handle)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no store " + handle));
		return render(store, model);
	}

	private String render(Store store, Model model) {
		model.addAttribute("store", store);
		model.addAttribute("products", search.newest(store.id(), 12));
		return "storefront/home";
	}
}
