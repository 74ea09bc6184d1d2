package dev.shopwright.orders;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.shopwright.platform.NavigationItem;

@Configuration(proxyBeanMethods = false)
class OrdersNavigation {

	@Bean
	NavigationItem ordersListNavigation() {
		return new NavigationItem("nav.orders", "/admin/orders", "ORDERS_READ", 305);
	}
}
