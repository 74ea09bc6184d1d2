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
}
