package dev.shopwright.payments;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import dev.shopwright.shared.StoreId;
import dev.shopwright.testing.ApiClient;
import dev.shopwright.testing.ShopwrightTest;
import tools.jackson.databind.JsonNode;

/** A fresh store of its own for each test class, and short ways to take and act on payments through the API. */
final class PaymentTestSupport {

	final ApiClient owner;

	final ApiClient api;

	final String handle;

	final StoreId store;

	PaymentTestSupport(int port) {
		owner = ApiClient.at(port).loggedIn(ShopwrightTest.OWNER_EMAIL, ShopwrightTest.OWNER_PASSWORD);
		handle = ApiClient.unique("pay");
		ApiClient.Response created = owner.post("/api/admin/v1/stores",
				Map.of("name", "Payments " + handle, "handle", handle, "defaultCurrency", "EUR"));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		store = StoreId.of(created.json().get("id").asString());
		api = owner.store(handle);
	}

	static Map<String, Object> card(String number) {
		return Map.of("number", number, "expMonth", 12, "expYear", YearMonth.now().getYear() + 2, "cvc", "123");
	}

	static Map<String, Object> money(String amount) {
		return Map.of("amount", amount, "currency", "EUR");
	}

	void settings(boolean card, boolean bank, boolean cod, String captureMode) {
		ApiClient.Response response = api.put("/api/admin/v1/payment-settings", Map.of("cardEnabled", card,
				"bankTransferEnabled", bank, "cashOnDeliveryEnabled", cod, "captureMode", captureMode));
		assertThat(response.status()).as(response.body()).isEqualTo(200);
	}

	ApiClient.Response pay(String number, String amount, @Nullable String returnUrl) {
		Map<String, Object> body = new HashMap<>(Map.of("orderReference", ApiClient.unique("order"), "amount",
				money(amount), "method", "CARD", "card", card(number)));
		if (returnUrl != null) {
			body.put("returnUrl", returnUrl);
		}
		return api.post("/api/admin/v1/payments", body);
	}

	JsonNode paid(String number, String amount) {
		ApiClient.Response response = pay(number, amount, null);
		assertThat(response.status()).as(response.body()).isEqualTo(201);
		return response.json();
	}

	JsonNode get(String id) {
		ApiClient.Response response = api.get("/api/admin/v1/payments/" + id);
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		return response.json();
	}

	ApiClient.Response act(String id, String action, @Nullable String amount) {
		return api.post("/api/admin/v1/payments/" + id + "/" + action,
				amount == null ? Map.of() : Map.of("amount", money(amount)));
	}

	static List<String> kinds(JsonNode payment) {
		return payment.get("transactions").findValuesAsString("kind");
	}
}
