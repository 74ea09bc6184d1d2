package dev.shopwright.inventory.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.shopwright.platform.NavigationItem;

@Configuration(proxyBeanMethods = false)
class InventoryNavigation {

	@Bean
	NavigationItem inventoryMenuItem() {
		return new NavigationItem("nav.inventory", "/admin/inventory", "INVENTORY_READ", 200);
	}
}
