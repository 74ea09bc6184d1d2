package dev.shopwright.stores;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import dev.shopwright.shared.Address;

/**
 * On the very first start, creates the stores a newcomer sees: a demo store (EU, prices with VAT) and an
 * outlet (US, prices without tax) — or, with demo data turned off, one empty store to start from.
 */
@Component
@Order(0)
class StoreBootstrap implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(StoreBootstrap.class);

	private final StoreManagement stores;

	private final boolean demo;

	StoreBootstrap(StoreManagement stores, @Value("${shopwright.demo.enabled:true}") boolean demo) {
		this.stores = stores;
		this.demo = demo;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!stores.all().isEmpty()) {
			return;
		}
		if (!demo && !args.containsOption("demo")) {
			stores.create(StoreSettings.named("My Store", "main", "EUR"));
			log.info("Created the first store 'My Store' (handle main)");
			return;
		}
		stores.create(new StoreSettings("Northwind Outfitters", "demo", "EUR", List.of("EUR", "USD", "GBP", "CHF"), "en",
				List.of("en", "de", "fr"), "Europe/Berlin", true, "hello@northwind.example",
				new Address("Friedrichstraße 68", null, "Berlin", "Berlin", "10117", "DE"), List.of()));
		stores.create(new StoreSettings("Northwind Outlet US", "outlet", "USD", List.of("USD", "CAD"), "en-US",
				List.of("en-US", "es-US"), "America/New_York", false, "outlet@northwind.example",
				new Address("350 Fifth Avenue", "Suite 4100", "New York", "NY", "10118", "US"), List.of()));
		log.info("Created the demo stores 'Northwind Outfitters' (demo) and 'Northwind Outlet US' (outlet)");
	}
}
