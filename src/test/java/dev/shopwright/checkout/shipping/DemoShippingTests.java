package dev.shopwright.checkout.shipping;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;

import dev.shopwright.shared.Address;
import dev.shopwright.shared.Money;
import dev.shopwright.stores.Store;
import dev.shopwright.stores.StoreManagement;
import dev.shopwright.testing.ShopwrightTest;

@ShopwrightTest
class DemoShippingTests {

	@Autowired
	DemoShipping demoShipping;

	@Autowired
	ShippingRates shipping;

	@Autowired
	StoreManagement stores;

	@Test
	void theDemoStoresShipWithTheirOwnMethods() {
		Store demo = stores.findByReference("demo").orElseThrow();
		var berlin = shipping.quote(demo.id(), new QuoteRequest(new Address(null, null, "Berlin", null, "10117", "DE"), 2500,
				Money.of("80.00", "EUR"), Currency.getInstance("EUR"), Instant.parse("2026-11-23T09:00:00Z")));
		assertThat(berlin).extracting(q -> q.name() + " " + q.price().amount())
			.containsExactly("Pick up in Berlin 0.00", "DHL Paket 6.90", "Express 14.90");
		assertThat(berlin.get(1).deliveryFrom()).isEqualTo(LocalDate.of(2026, 11, 25));
		assertThat(berlin.get(1).taxClass()).isEqualTo("standard");

		Store outlet = stores.findByReference("outlet").orElseThrow();
		var hawaii = shipping.quote(outlet.id(), new QuoteRequest(new Address(null, null, null, "HI", null, "US"), 100,
				Money.of("120.00", "USD"), Currency.getInstance("USD"), Instant.now()));
		assertThat(hawaii).extracting(ShippingQuote::name).containsExactly("Ground (AK/HI)");
		var texas = shipping.quote(outlet.id(), new QuoteRequest(new Address(null, null, null, "TX", null, "US"), 100,
				Money.of("120.00", "USD"), Currency.getInstance("USD"), Instant.now()));
		assertThat(texas).extracting(q -> q.name() + " " + q.price().amount()).containsExactly("Ground 0.00", "2-Day Air 24.99");
	}

	@Test
	void seedingAgainChangesNothing() throws Exception {
		Store demo = stores.findByReference("demo").orElseThrow();
		int zones = shipping.zones(demo.id()).size();
		demoShipping.run(new DefaultApplicationArguments());
		assertThat(shipping.zones(demo.id())).hasSize(zones);
	}
}
