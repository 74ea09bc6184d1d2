package dev.shopwright.pricing;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import dev.shopwright.stores.Store;
import dev.shopwright.stores.StoreManagement;

/**
 * With demo data, gives the demo stores their taxes and exchange rates through the façade: EU VAT on gross prices
 * for "demo" (EUR), US sales tax on net prices for "outlet" (USD). Runs for a store only while it has no tax
 * classes, so restarts change nothing.
 */
@Component
@Order(20)
class DemoPricing implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoPricing.class);

	private final PricingManagement pricing;

	private final StoreManagement stores;

	private final boolean demo;

	DemoPricing(PricingManagement pricing, StoreManagement stores, @Value("${shopwright.demo.enabled:true}") boolean demo) {
		this.pricing = pricing;
		this.stores = stores;
		this.demo = demo;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!demo && !args.containsOption("demo")) {
			return;
		}
		stores.findByReference("demo").filter(this::untouched).ifPresent(this::europe);
		stores.findByReference("outlet").filter(this::untouched).ifPresent(this::unitedStates);
	}

	private boolean untouched(Store store) {
		return pricing.taxClasses(store.id()).isEmpty();
	}

	private void europe(Store store) {
		var id = store.id();
		pricing.createTaxClass(id, "standard", "Standard rate");
		pricing.createTaxClass(id, "reduced", "Reduced rate (books, food)");
		pricing.createTaxClass(id, "zero", "Zero rate");
		vat(store, "Germany", "DE", "19", "7");
		vat(store, "France", "FR", "20", "5.5");
		vat(store, "Austria", "AT", "20", "10");
		vat(store, "Netherlands", "NL", "21", "9");
		vat(store, "Italy", "IT", "22", "10");
		vat(store, "Belgium", "BE", "21", "6");
		rate(store, "USD", "1.08", ConversionRounding.UP_TO_99);
		rate(store, "GBP", "0.86", ConversionRounding.UP_TO_99);
		rate(store, "CHF", "0.94", ConversionRounding.NEAREST_0_05);
		log.info("Demo taxes: EU VAT for {} (prices include tax)", store.handle());
	}

	private void vat(Store store, String name, String country, String standard, String reduced) {
		pricing.saveTaxZone(store.id(), null, new TaxZoneDraft(name, country, null, null, null, null, List.of(
				new TaxZoneDraft.Rate("standard", "VAT " + standard + "%", new BigDecimal(standard), false),
				new TaxZoneDraft.Rate("reduced", "VAT " + reduced + "%", new BigDecimal(reduced), false),
				new TaxZoneDraft.Rate("zero", "VAT 0%", BigDecimal.ZERO, false))));
	}

	private void unitedStates(Store store) {
		var id = store.id();
		pricing.createTaxClass(id, "standard", "General merchandise");
		pricing.createTaxClass(id, "clothing", "Clothing and footwear");
		pricing.createTaxClass(id, "zero", "Not taxed");
		salesTax(store, "New York State", "NY", null, null, new String[][] { { "NY State", "4" }, { "County", "4" } },
				new String[][] {});
		salesTax(store, "New York City", "NY", "10001", "10299",
				new String[][] { { "NY State", "4" }, { "NYC", "4.5" }, { "MCTD", "0.375" } }, new String[][] {});
		salesTax(store, "California", "CA", null, null, new String[][] { { "CA State", "7.25" } },
				new String[][] { { "CA State", "7.25" } });
		salesTax(store, "New Jersey", "NJ", null, null, new String[][] { { "NJ State", "6.625" } }, new String[][] {});
		rate(store, "CAD", "1.38", ConversionRounding.NONE);
		log.info("Demo taxes: US sales tax for {} (prices without tax)", store.handle());
	}

	/** Clothing is taxed like other goods where {@code clothing} lists rates, and exempt (no rate) elsewhere. */
	private void salesTax(Store store, String name, String state, String from, String to, String[][] standard,
			String[][] clothing) {
		List<TaxZoneDraft.Rate> rates = new ArrayList<>();
		for (String[] r : standard) {
			rates.add(new TaxZoneDraft.Rate("standard", r[0] + " " + r[1] + "%", new BigDecimal(r[1]), false));
		}
		for (String[] r : clothing) {
			rates.add(new TaxZoneDraft.Rate("clothing", r[0] + " " + r[1] + "%", new BigDecimal(r[1]), false));
		}
		pricing.saveTaxZone(store.id(), null, new TaxZoneDraft(name, "US", state, from, to, null, rates));
	}

	private void rate(Store store, String currency, String rate, ConversionRounding rounding) {
		Currency c = Currency.getInstance(currency);
		if (store.currencies().contains(c)) {
			pricing.enterExchangeRate(store.id(), c, new BigDecimal(rate), rounding);
		}
	}
}
