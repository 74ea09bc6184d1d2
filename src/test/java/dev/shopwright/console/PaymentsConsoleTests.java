package dev.shopwright.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.shopwright.testing.ApiClient;
import dev.shopwright.testing.ShopwrightTest;

/** The payments screens: list with filters, detail with the timeline and its actions, and the payment methods settings. */
@ShopwrightTest
class PaymentsConsoleTests {

	@LocalServerPort
	int port;

	ApiClient api;

	AdminSession console;

	@BeforeEach
	void storeOfItsOwn() {
		ApiClient owner = ApiClient.at(port).loggedIn(ShopwrightTest.OWNER_EMAIL, ShopwrightTest.OWNER_PASSWORD);
		String handle = ApiClient.unique("paycon");
		String storeId = owner.post("/api/admin/v1/stores", Map.of("name", "Console " + handle, "handle", handle,
				"defaultCurrency", "EUR")).json().get("id").asString();
		api = owner.store(handle);
		console = AdminSession.at(port).logIn(ShopwrightTest.OWNER_EMAIL, ShopwrightTest.OWNER_PASSWORD);
		assertThat(console.post("/admin/stores/switch", Map.of("storeId", storeId)).status()).isEqualTo(302);
	}

	private String pay(String order, String method, String number, String amount) {
		Map<String, Object> body = new HashMap<>(Map.of("orderReference", order, "method", method,
				"amount", Map.of("amount", amount, "currency", "EUR")));
		if (number != null) {
			body.put("card", Map.of("number", number, "expMonth", 12, "expYear", YearMonth.now().getYear() + 1, "cvc", "123"));
		}
		ApiClient.Response response = api.post("/api/admin/v1/payments", body);
		assertThat(response.status()).as(response.body()).isEqualTo(201);
		return response.json().get("id").asString();
	}

	@Test
	void staffSeePaymentsFilterThemAndCaptureRefundAndMarkPaidFromTheDetail() {
		AdminSession.Page settings = console.get("/admin/settings/payments");
		assertThat(settings.status()).isEqualTo(200);
		assertThat(settings.body()).contains("Payment methods").contains("id=\"circuit-state\"");
		AdminSession.Page saved = console.post("/admin/settings/payments", Map.of("cardEnabled", "true",
				"bankTransferEnabled", "true", "captureMode", "ON_FULFILMENT"));
		assertThat(saved.status()).isEqualTo(302);
		assertThat(api.get("/api/admin/v1/payment-settings").json().get("captureMode").asString()).isEqualTo("ON_FULFILMENT");
		AdminSession.Page none = console.post("/admin/settings/payments", Map.of("captureMode", "IMMEDIATE"));
		assertThat(none.status()).isEqualTo(200);
		assertThat(none.body()).contains("offer at least one payment method");

		String card = pay("order-card-1", "CARD", "4242424242424242", "50.00");
		String declined = pay("order-declined-1", "CARD", "4000000000000002", "9.00");
		String bank = pay("order-bank-1", "BANK_TRANSFER", null, "20.00");

		AdminSession.Page list = console.get("/admin/payments");
		assertThat(list.status()).isEqualTo(200);
		assertThat(list.body()).contains("order-card-1").contains("order-declined-1").contains("order-bank-1");
		AdminSession.Page failedOnly = console.get("/admin/payments?status=FAILED");
		assertThat(failedOnly.body()).contains("order-declined-1").doesNotContain("order-card-1");
		AdminSession.Page bankOnly = console.get("/admin/payments?method=BANK_TRANSFER");
		assertThat(bankOnly.body()).contains("order-bank-1").doesNotContain("order-card-1");

		AdminSession.Page detail = console.get("/admin/payments/" + card);
		assertThat(detail.body()).contains("AUTHORIZED").contains("id=\"capture-form\"").contains("id=\"void-form\"")
			.contains("id=\"payment-timeline\"");
		Map<String, String> capture = AdminSession.formFields(detail.body(), "capture-form");
		capture.put("amount", "20.00");
		assertThat(console.follow(console.post("/admin/payments/" + card + "/capture", capture)).body())
			.contains("Payment captured.");
		// the same form submitted twice (a double click) captures once
		assertThat(console.follow(console.post("/admin/payments/" + card + "/capture", capture)).status()).isEqualTo(200);
		assertThat(api.get("/api/admin/v1/payments/" + card).json().get("captured").get("amount").asString())
			.isEqualTo("20.00");

		AdminSession.Page tooMuch = console.follow(console.post("/admin/payments/" + card + "/capture",
				Map.of("idempotencyKey", "console-too-much", "amount", "31.00")));
		assertThat(tooMuch.body()).contains("Cannot capture 31.00 EUR");
		AdminSession.Page badAmount = console.follow(console.post("/admin/payments/" + card + "/capture",
				Map.of("idempotencyKey", "console-bad", "amount", "lots")));
		assertThat(badAmount.body()).contains("Enter an amount such as 12.50");

		AdminSession.Page captured = console.get("/admin/payments/" + card);
		assertThat(captured.body()).contains("PARTIALLY_CAPTURED").contains("id=\"refund-form\"");
		Map<String, String> refund = AdminSession.formFields(captured.body(), "refund-form");
		assertThat(console.follow(console.post("/admin/payments/" + card + "/refund", refund)).body())
			.contains("Refund recorded.").contains(">REFUNDED<");
		assertThat(api.get("/api/admin/v1/payments/" + card).json().get("refunded").get("amount").asString())
			.isEqualTo("20.00");

		AdminSession.Page bankDetail = console.get("/admin/payments/" + bank);
		assertThat(bankDetail.body()).contains("id=\"mark-paid-form\"");
		Map<String, String> markPaid = AdminSession.formFields(bankDetail.body(), "mark-paid-form");
		assertThat(console.follow(console.post("/admin/payments/" + bank + "/mark-paid", markPaid)).body())
			.contains("Payment marked as paid.").contains("MARK_PAID");

		assertThat(console.get("/admin/payments/" + declined).body()).contains("card_declined")
			.doesNotContain("id=\"capture-form\"");
	}
}
