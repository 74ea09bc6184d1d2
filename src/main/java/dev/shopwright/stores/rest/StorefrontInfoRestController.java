package dev.shopwright.stores.rest;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.shopwright.platform.CurrentStore;
import dev.shopwright.stores.Store;
import dev.shopwright.stores.StoreManagement;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** What a storefront or app needs to know about the store it talks to. */
@RestController
@Tag(name = "Store API: store")
class StorefrontInfoRestController {

	record PublicStore(String id, String handle, String name, String defaultCurrency, List<String> currencies,
			String defaultLocale, List<String> locales, String timezone, boolean pricesIncludeTax) {
	}

	private final StoreManagement stores;

	private final CurrentStore currentStore;

	StorefrontInfoRestController(StoreManagement stores, CurrentStore currentStore) {
		this.stores = stores;
		this.currentStore = currentStore;
	}

	@GetMapping("/api/store/v1/store")
	@Operation(summary = "The store this request acts on (by X-Store, host name, or the default store)")
	PublicStore current() {
		Store store = stores.get(currentStore.id());
		return new PublicStore(store.id().toString(), store.handle(), store.name(),
				store.defaultCurrency().getCurrencyCode(),
				store.currencies().stream().map(java.util.Currency::getCurrencyCode).toList(),
				store.defaultLocale().toLanguageTag(),
				store.locales().stream().map(java.util.Locale::toLanguageTag).toList(), store.timezone().getId(),
				store.pricesIncludeTax());
	}
}
