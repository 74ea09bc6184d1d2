package dev.shopwright.search;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.shopwright.platform.NavigationItem;

@Configuration(proxyBeanMethods = false)
class SearchNavigation {

	@Bean
	NavigationItem searchNavigationItem() {
		return new NavigationItem("nav.search", "/admin/search", "CATALOG_READ", 150);
	}
}
