package dev.shopwright.stores;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.shopwright.platform.NavigationItem;

@Configuration(proxyBeanMethods = false)
class StoresNavigation {

	@Bean
	NavigationItem storeSettingsNavigation() {
		return new NavigationItem("nav.storeSettings", "/admin/settings/store", "SETTINGS_MANAGE", 800);
	}

	@Bean
	NavigationItem storeListNavigation() {
		return new NavigationItem("nav.stores", "/admin/stores", "STORES_CREATE", 810);
	}
}
