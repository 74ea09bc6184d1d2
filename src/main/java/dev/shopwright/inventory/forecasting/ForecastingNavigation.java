package dev.shopwright.inventory.forecasting;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.shopwright.platform.NavigationItem;

@Configuration(proxyBeanMethods = false)
class ForecastingNavigation {

	@Bean
	NavigationItem forecastsNavigationItem() {
		return new NavigationItem("nav.forecasts", "/admin/inventory/forecasts", "INVENTORY_READ", 220);
	}
}
