package dev.shopwright.catalog;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.shopwright.platform.NavigationItem;

@Configuration(proxyBeanMethods = false)
class CatalogNavigation {

	@Bean
	NavigationItem productsNavigation() {
		return new NavigationItem("nav.products", "/admin/products", "CATALOG_READ", 100);
	}

	@Bean
	NavigationItem categoriesNavigation() {
		return new NavigationItem("nav.categories", "/admin/categories", "CATALOG_READ", 110);
	}

	@Bean
	NavigationItem collectionsNavigation() {
		return new NavigationItem("nav.collections", "/admin/collections", "CATALOG_READ", 120);
	}

	@Bean
	NavigationItem attributesNavigation() {
		return new NavigationItem("nav.attributes", "/admin/attributes", "CATALOG_READ", 130);
	}
}
