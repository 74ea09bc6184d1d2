package dev.shopwright.returns;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.shopwright.platform.NavigationItem;

@Configuration(proxyBeanMethods = false)
class ReturnsNavigation {

	@Bean
	NavigationItem returnsListNavigation() {
		return new NavigationItem("nav.returns", "/admin/returns", "ORDERS_READ", 320);
	}

	@Bean
	NavigationItem returnReportNavigation() {
		return new NavigationItem("nav.returnReport", "/admin/returns/report", "ORDERS_READ", 325);
	}

	@Bean
	NavigationItem returnPolicyNavigation() {
		return new NavigationItem("nav.returnPolicy", "/admin/settings/returns", "ORDERS_READ", 806);
	}
}
