package dev.shopwright.fulfillment.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.shopwright.platform.NavigationItem;

@Configuration(proxyBeanMethods = false)
class FulfillmentNavigation {

	@Bean
	NavigationItem fulfillmentMenuItem() {
		return new NavigationItem("nav.fulfillment", "/admin/fulfillment", "ORDERS_READ", 260);
	}

	@Bean
	NavigationItem carrierSettingsMenuItem() {
		return new NavigationItem("nav.carriers", "/admin/settings/carriers", "SETTINGS_MANAGE", 844);
	}
}
