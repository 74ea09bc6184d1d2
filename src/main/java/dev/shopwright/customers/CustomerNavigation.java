package dev.shopwright.customers;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.shopwright.platform.NavigationItem;

@Configuration(proxyBeanMethods = false)
class CustomerNavigation {

	@Bean
	NavigationItem customersNavigation() {
		return new NavigationItem("nav.customers", "/admin/customers", "CUSTOMERS_READ", 300);
	}
}
