package dev.shopwright.checkout;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.shopwright.platform.NavigationItem;

@Configuration(proxyBeanMethods = false)
class CheckoutNavigation {

	@Bean
	NavigationItem checkoutsNavigation() {
		return new NavigationItem("nav.checkouts", "/admin/checkouts", "ORDERS_READ", 315);
	}
}
