package dev.shopwright.orders.drafts;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.shopwright.platform.NavigationItem;

@Configuration(proxyBeanMethods = false)
class DraftOrdersNavigation {

	@Bean
	NavigationItem draftOrdersMenuItem() {
		return new NavigationItem("orders.drafts.nav", "/admin/draft-orders", "ORDERS_READ", 307);
	}
}
