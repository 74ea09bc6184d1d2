package dev.shopwright.pricing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Currency;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;

import dev.shopwright.shared.Address;
import dev.shopwright.shared.Money;
import dev.shopwright.stores.Store;
import dev.shopwright.stores.StoreManagement;
import dev.shopwright.testing.ShopwrightTest;

@ShopwrightTest
class DemoPricingTests {

	@Autowired
	DemoPricing demoPricing;

	@Autowired
	PricingManagement pricing;

	@Autowired
	StoreManagement stores;

	@Test
	void theDemoStoreChargesEuVatInItsPricesAndTheOutletAddsUsSalesTax() {
		Store demo = stores.findByReference("demo").orElseThrow();
		PriceBreakdown germany = pricing.calculate(demo.id(), new PriceCalculation(Currency.getInstance("EUR"),
				List.of(new PriceCalculation.Line("JACKET", Money.of("119.00", "EUR"), 1, null, true),
						new PriceCalculation.Line("BOOK", Money.of("10.70", "EUR"), 1, "reduced", true)),
				null, null, List.of(), new Address(null, null, null, null, "10117", "DE"), false));
		assertThat(germany.total()).isEqualTo(Money.of("129.70", "EUR"));
		assertThat(germany.taxLines()).extracting(t -> t.name() + "=" + t.amount().amount())
			.containsExactly("VAT 19%=19.00", "VAT 7%=0.70");

		Store outlet = stores.findByReference("outlet").orElseThrow();
		PriceBreakdown nyc = pricing.calculate(outlet.id(), new PriceCalculation(Currency.getInstance("USD"),
				List.of(new PriceCalculation.Line("JACKET", Money.of("100.00", "USD"), 1, null, true)), null, null,
				List.of(), new Address(null, null, "New York", "NY", "10118", "US"), false));
		assertThat(nyc.taxZone()).isEqualTo("New York City");
		assertThat(nyc.total()).isEqualTo(Money.of("108.88", "USD"));
		PriceBreakdown clothingInNj = pricing.calculate(outlet.id(), new PriceCalculation(Currency.getInstance("USD"),
				List.of(new PriceCalculation.Line("SHIRT", Money.of("30.00", "USD"), 1, "clothing", true)), null, null,
				List.of(), new Address(null, null, null, "NJ", "07001", "US"), false));
		assertThat(clothingInNj.taxTotal().isZero()).as("clothing is exempt in New Jersey").isTrue();

		assertThat(pricing.priceIn(demo.id(), "JACKET", Money.of("149.00", "EUR"), Currency.getInstance("USD")).price())
			.isEqualTo(Money.of("160.99", "USD"));
	}

	@Test
	void seedingAgainChangesNothing() throws Exception {
		Store demo = stores.findByReference("demo").orElseThrow();
		int zones = pricing.taxZones(demo.id()).size();
		int classes = pricing.taxClasses(demo.id()).size();
		demoPricing.run(new DefaultApplicationArguments());
		assertThat(pricing.taxZones(demo.id())).hasSize(zones);
		assertThat(pricing.taxClasses(demo.id())).hasSize(classes);
	}
}
