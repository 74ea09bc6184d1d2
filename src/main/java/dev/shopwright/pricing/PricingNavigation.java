package dev.shopwright.pricing;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.shopwright.platform.NavigationItem;

/** The checkout settings screens of pricing in the console menu (after store settings). */
@Configuration(proxyBeanMethods = false)
class PricingNavigation {

	@Bean
	NavigationItem taxesNavigation() {
		return new NavigationItem("nav.taxes", "/admin/settings/taxes", "ORDERS_READ", 840);
	}

	@Bean
	NavigationItem currenciesNavigation() {
		return new NavigationItem("nav.currencies", "/admin/settings/currencies", "ORDERS_READ", 841);
	}

	@Bean
	NavigationItem priceListsNavigation() {
		return new NavigationItem("nav.priceLists", "/admin/settings/price-lists", "ORDERS_READ", 842);
	}
}
