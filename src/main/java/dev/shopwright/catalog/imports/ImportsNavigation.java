package dev.shopwright.catalog.imports;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.shopwright.platform.NavigationItem;

@Configuration(proxyBeanMethods = false)
class ImportsNavigation {

	@Bean
	NavigationItem importsNavigationItem() {
		return new NavigationItem("nav.imports", "/admin/imports", "CATALOG_WRITE", 140);
	}
}
