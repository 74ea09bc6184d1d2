package dev.shopwright.checkout.shipping;

import java.math.BigDecimal;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import dev.shopwright.shared.Money;
import dev.shopwright.stores.Store;
import dev.shopwright.stores.StoreManagement;

/**
 * With demo data, gives the demo stores shipping zones and methods (after their tax classes exist): Germany and
 * the EU for "demo", the contiguous US and Alaska/Hawaii for "outlet". Runs for a store only while it has no zones.
 */
@Component
@Order(21)
class DemoShipping implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoShipping.class);

	private final ShippingRates shipping;

	private final StoreManagement stores;

	private final boolean demo;

	DemoShipping(ShippingRates shipping, StoreManagement stores, @Value("${shopwright.demo.enabled:true}") boolean demo) {
		this.shipping = shipping;
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
		return shipping.zones(store.id()).isEmpty();
	}

	private void europe(Store store) {
		var germany = shipping.createZone(store.id(), "Germany", List.of("DE")).id();
		method(store, germany, "DHL Paket", ShippingMethodKind.WEIGHT_TIERS, null, null, List.of(
				tier("0", "2000", "4.90", "EUR"), tier("2000", "10000", "6.90", "EUR"), tier("10000", "31500", "12.90", "EUR")),
				2, 4, "standard");
		method(store, germany, "Express", ShippingMethodKind.FLAT, Money.of("14.90", "EUR"), null, List.of(), 1, 1, "standard");
		method(store, germany, "Pick up in Berlin", ShippingMethodKind.PICKUP, null, null, List.of(), 0, 1, null);
		var eu = shipping.createZone(store.id(), "European Union", List.of("AT", "BE", "FR", "IT", "NL", "LU", "DK")).id();
		method(store, eu, "Standard international", ShippingMethodKind.FREE_OVER, Money.of("9.90", "EUR"),
				Money.of("120.00", "EUR"), List.of(), 3, 7, "standard");
		log.info("Demo shipping zones for {}", store.handle());
	}

	private void unitedStates(Store store) {
		var contiguous = shipping.createZone(store.id(), "Contiguous US", List.of("US")).id();
		method(store, contiguous, "Ground", ShippingMethodKind.PRICE_TIERS, null, null, List.of(
				tier("0", "50", "7.99", "USD"), tier("50", "100", "9.99", "USD"), tier("100", null, "0", "USD")), 3, 6, null);
		method(store, contiguous, "2-Day Air", ShippingMethodKind.FLAT, Money.of("24.99", "USD"), null, List.of(), 1, 2, null);
		var remote = shipping.createZone(store.id(), "Alaska & Hawaii", List.of("US-AK", "US-HI")).id();
		method(store, remote, "Ground (AK/HI)", ShippingMethodKind.FLAT, Money.of("19.99", "USD"), null, List.of(), 5, 10, null);
		log.info("Demo shipping zones for {}", store.handle());
	}

	private void method(Store store, java.util.UUID zone, String name, ShippingMethodKind kind, @Nullable Money price,
			@Nullable Money freeOver, List<ShippingTier> tiers, int minDays, int maxDays, @Nullable String taxClass) {
		shipping.saveMethod(store.id(), zone, null,
				new ShippingMethodDraft(name, kind, price, freeOver, tiers, minDays, maxDays, taxClass));
	}

	private static ShippingTier tier(String from, @Nullable String to, String price, String currency) {
		return new ShippingTier(new BigDecimal(from), to == null ? null : new BigDecimal(to), Money.of(price, currency));
	}
}
