package dev.shopwright.platform.console;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.shopwright.platform.NavigationItem;

/** The console entries the platform itself provides. */
@Configuration(proxyBeanMethods = false)
class ConsoleNavigation {

	@Bean
	NavigationItem homeNavigation() {
		return new NavigationItem("nav.home", "/admin", "CONSOLE_ACCESS", 0);
	}

	@Bean
	NavigationItem auditNavigation() {
		return new NavigationItem("nav.audit", "/admin/audit", "AUDIT_READ", 900);
	}
}
