package dev.shopwright.fraud;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.shopwright.platform.NavigationItem;

/** The console entries: the risk review queue and the blocklist next to payments, the rules under settings. */
@Configuration(proxyBeanMethods = false)
class FraudNavigation {

	@Bean
	NavigationItem riskReviewNavigation() {
		return new NavigationItem("nav.riskReview", "/admin/fraud", "ORDERS_READ", 320);
	}

	@Bean
	NavigationItem blocklistNavigation() {
		return new NavigationItem("nav.blocklist", "/admin/fraud/blocklist", "ORDERS_READ", 325);
	}

	@Bean
	NavigationItem fraudSettingsNavigation() {
		return new NavigationItem("nav.fraudSettings", "/admin/settings/fraud", "SETTINGS_MANAGE", 806);
	}
}
