package dev.shopwright.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.shopwright.console.AdminSession.Page;
import dev.shopwright.testing.ApiClient;
import dev.shopwright.testing.ShopwrightTest;

/** The checkout settings screens (taxes, currencies, price lists, shipping) as a console user works them. */
@ShopwrightTest
class CheckoutSettingsConsoleTests {

	@LocalServerPort
	int port;

	AdminSession owner;

	ApiClient storeApi;

	String storeId;

	@BeforeEach
	void aFreshEuroStoreWithDollars() {
		ApiClient ownerApi = ApiClient.at(port).loggedIn(ShopwrightTest.OWNER_EMAIL, ShopwrightTest.OWNER_PASSWORD);
		String handle = ApiClient.unique("settings");
		storeId = ownerApi.post("/api/admin/v1/stores", Map.of("name", "Settings " + handle, "handle", handle,
				"defaultCurrency", "EUR", "currencies", List.of("EUR", "USD"), "pricesIncludeTax", true,
				"address", Map.of("country", "DE"))).json().get("id").asString();
		storeApi = ownerApi.store(handle);
		owner = AdminSession.at(port).logIn(ShopwrightTest.OWNER_EMAIL, ShopwrightTest.OWNER_PASSWORD);
		owner.follow(owner.post("/admin/stores/switch", Map.of("storeId", storeId)));
	}

	@Test
	void taxesAreSetUpAndTriedInTheCalculator() {
		Page empty = owner.get("/admin/settings/taxes");
		assertThat(empty.status()).isEqualTo(200);
		assertThat(empty.body()).contains("No tax zones: nothing is taxed.").contains("href=\"/admin/settings/taxes\"");

		assertThat(owner.post("/admin/settings/taxes/classes", Map.of("code", "standard", "name", "Standard")).isRedirect())
			.isTrue();
		Page zone = owner.post("/admin/settings/taxes/zones", Map.of("name", "Germany", "country", "DE",
				"rates", "standard, VAT 19%, 19"));
		assertThat(zone.isRedirect()).as(zone.toString()).isTrue();
		assertThat(owner.open("/admin/settings/taxes").body()).contains("standard: VAT 19% 19%");

		Page refused = owner.post("/admin/settings/taxes/zones", Map.of("name", "France", "country", "FR",
				"rates", "standard, VAT 20%, -20"));
		assertThat(refused.status()).isEqualTo(200);
		assertThat(refused.body()).contains("must be between 0 and 100");
		assertThat(storeApi.get("/api/admin/v1/tax-zones").json().get("items").size()).isEqualTo(1);

		Page calculated = owner.post("/admin/settings/taxes/preview", Map.of("currency", "EUR", "country", "DE",
				"lines", "a, 0.33, 1\nb, 0.33, 1\nc, 0.33, 1"));
		assertThat(calculated.status()).isEqualTo(200);
		assertThat(calculated.body()).contains("id=\"breakdown-total\">0.99 EUR<").contains("0.15 EUR");
		Page badLine = owner.post("/admin/settings/taxes/preview", Map.of("currency", "EUR", "lines", "a, lots, 1"));
		assertThat(badLine.body()).contains("is not a number");
	}

	@Test
	void currenciesRatesPriceListsAndTheirPreview() {
		Page rate = owner.post("/admin/settings/currencies/rates", Map.of("currency", "USD", "rate", "1.08",
				"rounding", "UP_TO_99"));
		assertThat(rate.isRedirect()).as(rate.toString()).isTrue();
		Page refused = owner.post("/admin/settings/currencies/rates", Map.of("currency", "USD", "rate", "0",
				"rounding", "NONE"));
		assertThat(refused.body()).contains("must be greater than 0");
		Page page = owner.get("/admin/settings/currencies");
		assertThat(page.body()).contains("1.08").contains("up to .99");

		Page converted = owner.post("/admin/settings/currencies/preview", Map.of("sku", "JACKET", "basePrice", "49.00",
				"currency", "USD"));
		assertThat(converted.body()).contains("52.99 USD").contains("converted");

		assertThat(owner.post("/admin/settings/price-lists", Map.of("name", "US prices", "currency", "USD")).isRedirect())
			.isTrue();
		String list = storeApi.get("/api/admin/v1/price-lists").json().get("items").get(0).get("id").asString();
		assertThat(owner.get("/admin/settings/price-lists").body()).contains("US prices").contains("USD");
		Page duplicate = owner.post("/admin/settings/price-lists", Map.of("name", "Again", "currency", "USD"));
		assertThat(duplicate.status()).isEqualTo(200);
		assertThat(duplicate.body()).contains("already");
		assertThat(owner.post("/admin/settings/price-lists/" + list + "/prices", Map.of("sku", "JACKET", "price", "45.00"))
			.isRedirect()).isTrue();
		assertThat(owner.get("/admin/settings/price-lists/" + list).body()).contains("45.00 USD");
		Page listed = owner.post("/admin/settings/currencies/preview", Map.of("sku", "JACKET", "basePrice", "49.00",
				"currency", "USD"));
		assertThat(listed.body()).contains("45.00 USD").contains("from the price list");
	}

	@Test
	void shippingZonesMethodsAndAQuote() {
		assertThat(owner.post("/admin/settings/shipping/zones", Map.of("name", "Germany", "places", "DE")).isRedirect()).isTrue();
		String zone = storeApi.get("/api/admin/v1/shipping-zones").json().get("items").get(0).get("id").asString();
		Page overlapping = owner.post("/admin/settings/shipping/methods", Map.of("zoneId", zone, "name", "Paket",
				"kind", "WEIGHT_TIERS", "tiers", "0, 2000, 4.90\n1000, 5000, 6.90", "minDays", "2", "maxDays", "4"));
		assertThat(overlapping.status()).isEqualTo(200);
		assertThat(overlapping.body()).contains("tiers overlap");
		Page added = owner.post("/admin/settings/shipping/methods", Map.of("zoneId", zone, "name", "Paket",
				"kind", "WEIGHT_TIERS", "tiers", "0, 2000, 4.90\n2000, , 6.90", "minDays", "2", "maxDays", "4"));
		assertThat(added.isRedirect()).as(added.toString()).isTrue();
		assertThat(owner.open("/admin/settings/shipping").body()).contains("Paket").contains("2000 – ∞: 6.90 EUR");

		Page quote = owner.post("/admin/settings/shipping/preview", Map.of("country", "DE", "weightGrams", "1500",
				"subtotal", "40.00", "currency", "EUR"));
		assertThat(quote.body()).contains("4.90 EUR");
		Page fragment = owner.getHtmx("/admin/settings/shipping");
		assertThat(fragment.status()).isEqualTo(200);
	}

	@Test
	void staffWithoutSettingsPermissionSeeTheScreensWithoutForms() {
		String email = ApiClient.unique("support") + "@test.local";
		storeApi.post("/api/admin/v1/staff", Map.of("email", email, "name", "Support", "password", "support-password-1",
				"role", "SUPPORT"));
		AdminSession support = AdminSession.at(port).logIn(email, "support-password-1");
		support.follow(support.post("/admin/stores/switch", Map.of("storeId", storeId)));
		Page taxes = support.get("/admin/settings/taxes");
		assertThat(taxes.status()).isEqualTo(200);
		assertThat(taxes.body()).doesNotContain("id=\"create-class\"").contains("id=\"tax-preview\"");
		assertThat(support.post("/admin/settings/taxes/classes", Map.of("code", "x", "name", "X")).status()).isEqualTo(403);
		assertThat(support.get("/admin/settings/shipping").body()).doesNotContain("id=\"create-zone\"");
	}
}
