package dev.shopwright.inventory.purchasing;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.shopwright.platform.NavigationItem;

/** The console menu entry of purchasing: purchase orders, with suppliers, low stock and suggestions as its tabs. */
@Configuration(proxyBeanMethods = false)
class PurchasingNavigation {

	@Bean
	NavigationItem purchasingNavigationItem() {
		return new NavigationItem("nav.purchasing", "/admin/purchasing/orders", "INVENTORY_READ", 230);
	}
}
