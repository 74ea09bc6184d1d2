package dev.shopwright.payments;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.shopwright.platform.NavigationItem;

@Configuration(proxyBeanMethods = false)
class PaymentsNavigation {

	@Bean
	NavigationItem paymentsListNavigation() {
		return new NavigationItem("nav.payments", "/admin/payments", "ORDERS_READ", 310);
	}

	@Bean
	NavigationItem paymentSettingsNavigation() {
		return new NavigationItem("nav.paymentSettings", "/admin/settings/payments", "SETTINGS_MANAGE", 805);
	}
}
