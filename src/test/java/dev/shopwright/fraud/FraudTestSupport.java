package dev.shopwright.fraud;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

import dev.shopwright.shared.Address;
import dev.shopwright.shared.Money;
import dev.shopwright.shared.StoreId;
import dev.shopwright.stores.StoreManagement;
import dev.shopwright.stores.StoreSettings;
import dev.shopwright.testing.ApiClient;

/** Builds stores and risk checks for the fraud tests. */
final class FraudTestSupport {

	private FraudTestSupport() {
	}

	static StoreId newStore(StoreManagement stores, String currency) {
		String handle = ApiClient.unique("fraud");
		return stores.create(StoreSettings.named("Fraud " + handle, handle, currency)).id();
	}

	static Address address(String country, @Nullable String postcode) {
		return new Address("1 Main Street", null, "Town", null, postcode, country);
	}

	/** An unremarkable order: returning customer, same billing and shipping address, small total, unique reference. */
	static RiskCheck quiet(String email) {
		return new RiskCheck(ApiClient.unique("order"), email, null, null, address("DE", "10115"),
				address("DE", "10115"), Money.of("25.00", "EUR"), UUID.randomUUID(), false, 1);
	}

	static RiskCheck withIp(RiskCheck check, String ip) {
		return new RiskCheck(check.reference(), check.email(), ip, check.cardFingerprint(), check.billingAddress(),
				check.shippingAddress(), check.orderTotal(), check.customerId(), check.newCustomer(), check.itemCount());
	}

	static RiskCheck withCard(RiskCheck check, String fingerprint) {
		return new RiskCheck(check.reference(), check.email(), check.clientIp(), fingerprint, check.billingAddress(),
				check.shippingAddress(), check.orderTotal(), check.customerId(), check.newCustomer(), check.itemCount());
	}

	static RiskCheck withAddresses(RiskCheck check, Address billing, Address shipping) {
		return new RiskCheck(check.reference(), check.email(), check.clientIp(), check.cardFingerprint(), billing,
				shipping, check.orderTotal(), check.customerId(), check.newCustomer(), check.itemCount());
	}

	static RiskCheck withTotal(RiskCheck check, Money total, boolean newCustomer) {
		return new RiskCheck(check.reference(), check.email(), check.clientIp(), check.cardFingerprint(),
				check.billingAddress(), check.shippingAddress(), total, newCustomer ? null : check.customerId(), newCustomer,
				check.itemCount());
	}

	static RiskCheck withReference(RiskCheck check, String reference) {
		return new RiskCheck(reference, check.email(), check.clientIp(), check.cardFingerprint(), check.billingAddress(),
				check.shippingAddress(), check.orderTotal(), check.customerId(), check.newCustomer(), check.itemCount());
	}
}
