package dev.shopwright.catalog.rest;

import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.shopwright.catalog.CatalogManagement;
import dev.shopwright.catalog.Product;
import dev.shopwright.catalog.StorefrontProduct;
import dev.shopwright.platform.CurrentStore;
import dev.shopwright.platform.ResourceNotFound;
import dev.shopwright.stores.StoreManagement;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** A published product as shoppers see it, in their language. */
@RestController
@Tag(name = "Store API: products")
class StoreProductsRestController {

	private final CatalogManagement catalog;

	private final StoreManagement stores;

	private final CurrentStore currentStore;

	StoreProductsRestController(CatalogManagement catalog, StoreManagement stores, CurrentStore currentStore) {
		this.catalog = catalog;
		this.stores = stores;
		this.currentStore = currentStore;
	}

	@GetMapping("/api/store/v1/products/{handle}")
	@Operation(summary = "A published product by its handle; text in ?locale= (falls back to the store's default)")
	StorefrontProduct product(@PathVariable String handle, @RequestParam(required = false) @Nullable String locale) {
		Product product = catalog.findByHandle(currentStore.id(), handle).filter(Product::visibleToShoppers)
			.orElseThrow(() -> new ResourceNotFound("Product", handle));
		var store = stores.get(currentStore.id());
		List<Locale> offered = store.locales();
		Locale wanted = locale == null ? store.defaultLocale() : Locale.forLanguageTag(locale);
		return StorefrontProduct.of(product, offered.contains(wanted) ? wanted : store.defaultLocale(), store.defaultLocale());
	}
}
