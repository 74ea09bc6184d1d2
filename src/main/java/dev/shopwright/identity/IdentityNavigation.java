package dev.shopwright.identity;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.shopwright.platform.NavigationItem;

@Configuration(proxyBeanMethods = false)
class IdentityNavigation {

	@Bean
	NavigationItem staffNavigation() {
		return new NavigationItem("nav.staff", "/admin/staff", "STAFF_MANAGE", 820);
	}

	@Bean
	NavigationItem apiTokensNavigation() {
		return new NavigationItem("nav.apiTokens", "/admin/api-tokens", "API_TOKENS_MANAGE", 830);
	}
}
