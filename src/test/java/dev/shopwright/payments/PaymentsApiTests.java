package dev.shopwright.payments;

import static dev.shopwright.payments.PaymentTestSupport.money;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.shopwright.payments.sandbox.SandboxGateway;
import dev.shopwright.testing.ApiClient;
import dev.shopwright.testing.ShopwrightTest;
import tools.jackson.databind.JsonNode;

@ShopwrightTest
class PaymentsApiTests {

	@LocalServerPort
	int port;

	@Autowired
	SandboxGateway sandbox;

	PaymentTestSupport payments;

	@BeforeEach
	void freshStore() {
		payments = new PaymentTestSupport(port);
	}

	@Test
	void theTestCardsBehaveLikeTheWellKnownNumbers() {
		JsonNode succeeded = payments.paid("4242 4242 4242 4242", "25.00");
		assertThat(succeeded.get("status").asString()).isEqualTo("CAPTURED"); // the default capture mode is immediate
		assertThat(succeeded.get("captured").get("amount").asString()).isEqualTo("25.00");
		assertThat(succeeded.get("card").get("last4").asString()).isEqualTo("4242");
		assertThat(succeeded.get("card").get("brand").asString()).isEqualTo("visa");
		assertThat(succeeded.toString()).doesNotContain("4242424242424242").doesNotContain("\"cvc\"");
		assertThat(PaymentTestSupport.kinds(succeeded)).containsExactly("AUTHORIZE", "CAPTURE");

		JsonNode declined = payments.paid("4000000000000002", "25.00");
		assertThat(declined.get("status").asString()).isEqualTo("FAILED");
		assertThat(declined.get("failureCode").asString()).isEqualTo("card_declined");
		assertThat(declined.get("transactions").get(0).get("status").asString()).isEqualTo("FAILED");

		JsonNode broke = payments.paid("4000000000009995", "25.00");
		assertThat(broke.get("status").asString()).isEqualTo("FAILED");
		assertThat(broke.get("failureCode").asString()).isEqualTo("insufficient_funds");

		ApiClient.Response expired = payments.api.post("/api/admin/v1/payments", Map.of("orderReference", "o-expired",
				"amount", money("5.00"), "method", "CARD",
				"card", Map.of("number", "4242424242424242", "expMonth", 1, "expYear", 2020, "cvc", "123")));
		assertThat(expired.status()).isEqualTo(422);
		assertThat(expired.contentType()).startsWith("application/problem+json");
		assertThat(expired.json().get("code").asString()).isEqualTo("CARD_EXPIRED");
		assertThat(expired.json().get("errors").findValuesAsString("field")).contains("card.expYear");

		ApiClient.Response luhn = payments.pay("4242424242424241", "5.00", null);
		assertThat(luhn.status()).isEqualTo(422);
		assertThat(luhn.json().get("code").asString()).isEqualTo("INVALID_CARD");
		assertThat(luhn.json().get("errors").findValuesAsString("field")).contains("card.number");

		ApiClient.Response badCvc = payments.api.post("/api/admin/v1/payments", Map.of("orderReference", "o-cvc",
				"amount", money("5.00"), "method", "CARD",
				"card", Map.of("number", "4242424242424242", "expMonth", 12, "expYear", 2099, "cvc", "12")));
		assertThat(badCvc.status()).isIn(400, 422);
		assertThat(payments.api.get("/api/admin/v1/payments?orderReference=o-expired").json().get("items")).isEmpty();
	}

	@Test
	void partialCaptureThenRefundsAddUpAndNothingExceedsWhatIsHeld() {
		payments.settings(true, false, false, "ON_FULFILMENT");
		JsonNode authorized = payments.paid("4242424242424242", "100.00");
		String id = authorized.get("id").asString();
		assertThat(authorized.get("status").asString()).isEqualTo("AUTHORIZED");
		assertThat(authorized.get("captured").get("amount").asString()).isEqualTo("0.00");

		ApiClient.Response partial = payments.act(id, "capture", "30.00");
		assertThat(partial.status()).as(partial.body()).isEqualTo(200);
		assertThat(partial.json().get("status").asString()).isEqualTo("PARTIALLY_CAPTURED");

		ApiClient.Response tooMuch = payments.act(id, "capture", "70.01");
		assertThat(tooMuch.status()).isEqualTo(422);
		assertThat(tooMuch.json().get("code").asString()).isEqualTo("CAPTURE_EXCEEDS_AUTHORIZED");

		ApiClient.Response voidAfterCapture = payments.act(id, "void", null);
		assertThat(voidAfterCapture.status()).isEqualTo(409);
		assertThat(voidAfterCapture.json().get("code").asString()).isEqualTo("PAYMENT_ALREADY_CAPTURED");

		ApiClient.Response rest = payments.act(id, "capture", null);
		assertThat(rest.json().get("status").asString()).isEqualTo("CAPTURED");
		assertThat(rest.json().get("captured").get("amount").asString()).isEqualTo("100.00");

		ApiClient.Response refund = payments.act(id, "refund", "10.00");
		assertThat(refund.status()).as(refund.body()).isEqualTo(200);
		assertThat(refund.json().get("status").asString()).isEqualTo("PARTIALLY_REFUNDED");

		ApiClient.Response overRefund = payments.act(id, "refund", "90.01");
		assertThat(overRefund.status()).isEqualTo(422);
		assertThat(overRefund.json().get("code").asString()).isEqualTo("REFUND_EXCEEDS_CAPTURED");

		ApiClient.Response full = payments.act(id, "refund", null);
		assertThat(full.json().get("status").asString()).isEqualTo("REFUNDED");
		assertThat(full.json().get("refunded").get("amount").asString()).isEqualTo("100.00");
		assertThat(PaymentTestSupport.kinds(full.json())).containsExactly("AUTHORIZE", "CAPTURE", "CAPTURE", "REFUND", "REFUND");
		String reference = full.json().get("gatewayReference").asString();
		assertThat(sandbox.succeededOperations(payments.store, reference, "CAPTURE")).isEqualTo(2);
		assertThat(sandbox.succeededOperations(payments.store, reference, "REFUND")).isEqualTo(2);

		ApiClient.Response otherCurrency = payments.api.post("/api/admin/v1/payments/" + id + "/refund",
				Map.of("amount", Map.of("amount", "1.00", "currency", "USD")));
		assertThat(otherCurrency.status()).isEqualTo(422);
	}

	@Test
	void aVoidReleasesTheAuthorisationAndNothingCanBeCapturedAfterIt() {
		payments.settings(true, false, false, "ON_FULFILMENT");
		String id = payments.paid("4242424242424242", "40.00").get("id").asString();
		ApiClient.Response voided = payments.act(id, "void", null);
		assertThat(voided.status()).as(voided.body()).isEqualTo(200);
		assertThat(voided.json().get("status").asString()).isEqualTo("VOIDED");
		ApiClient.Response capture = payments.act(id, "capture", null);
		assertThat(capture.status()).isEqualTo(409);
		assertThat(capture.json().get("code").asString()).isEqualTo("PAYMENT_NOT_CAPTURABLE");
		ApiClient.Response refund = payments.act(id, "refund", "1.00");
		assertThat(refund.status()).isEqualTo(409);
		assertThat(refund.json().get("code").asString()).isEqualTo("PAYMENT_NOT_REFUNDABLE");
	}

	@Test
	void concurrentRefundsNeverTogetherExceedWhatWasCaptured() throws Exception {
		String id = payments.paid("4242424242424242", "100.00").get("id").asString();
		List<Callable<Integer>> refunds = new ArrayList<>();
		for (int i = 0; i < 8; i++) {
			refunds.add(() -> payments.act(id, "refund", "30.00").status());
		}
		List<Integer> statuses = new ArrayList<>();
		try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
			for (Future<Integer> status : pool.invokeAll(refunds)) {
				statuses.add(status.get());
			}
		}
		assertThat(statuses).filteredOn(status -> status == 200).hasSize(3);
		assertThat(statuses).filteredOn(status -> status == 422).hasSize(5);
		JsonNode payment = payments.get(id);
		assertThat(payment.get("refunded").get("amount").asString()).isEqualTo("90.00");
		assertThat(payment.get("status").asString()).isEqualTo("PARTIALLY_REFUNDED");
		assertThat(sandbox.succeededOperations(payments.store, payment.get("gatewayReference").asString(), "REFUND"))
			.isEqualTo(3);
	}

	@Test
	void manualMethodsWaitUntilStaffMarkThemPaid() {
		ApiClient.Response notOffered = payments.api.post("/api/admin/v1/payments", Map.of("orderReference", "o-bank",
				"amount", money("12.00"), "method", "BANK_TRANSFER"));
		assertThat(notOffered.status()).isEqualTo(422);
		assertThat(notOffered.json().get("code").asString()).isEqualTo("PAYMENT_METHOD_NOT_OFFERED");

		payments.settings(true, true, true, "IMMEDIATE");
		ApiClient.Response bank = payments.api.post("/api/admin/v1/payments", Map.of("orderReference", "o-bank",
				"amount", money("12.00"), "method", "BANK_TRANSFER"));
		assertThat(bank.status()).isEqualTo(201);
		String id = bank.json().get("id").asString();
		assertThat(bank.json().get("status").asString()).isEqualTo("PENDING");
		assertThat(bank.json().get("transactions")).isEmpty();

		ApiClient.Response capture = payments.act(id, "capture", null);
		assertThat(capture.status()).isEqualTo(409);

		ApiClient.Response paid = payments.act(id, "mark-paid", null);
		assertThat(paid.status()).as(paid.body()).isEqualTo(200);
		assertThat(paid.json().get("status").asString()).isEqualTo("CAPTURED");
		assertThat(PaymentTestSupport.kinds(paid.json())).containsExactly("MARK_PAID");
		ApiClient.Response again = payments.act(id, "mark-paid", null);
		assertThat(again.status()).isEqualTo(409);
		assertThat(again.json().get("code").asString()).isEqualTo("PAYMENT_NOT_PENDING");

		ApiClient.Response refund = payments.act(id, "refund", "2.00");
		assertThat(refund.json().get("status").asString()).isEqualTo("PARTIALLY_REFUNDED");

		String cod = payments.api.post("/api/admin/v1/payments", Map.of("orderReference", "o-cod", "amount", money("8.00"),
				"method", "CASH_ON_DELIVERY")).json().get("id").asString();
		assertThat(payments.act(cod, "void", null).json().get("status").asString()).isEqualTo("VOIDED");
		assertThat(payments.act(cod, "mark-paid", null).status()).isEqualTo(409);

		String cardPayment = payments.paid("4242424242424242", "3.00").get("id").asString();
		ApiClient.Response cardMarkedPaid = payments.act(cardPayment, "mark-paid", null);
		assertThat(cardMarkedPaid.json().get("code").asString()).isEqualTo("PAYMENT_NOT_MANUAL");

		JsonNode pending = payments.api.get("/api/admin/v1/payments?method=BANK_TRANSFER&status=PARTIALLY_REFUNDED").json();
		assertThat(pending.get("items")).hasSize(1);
		assertThat(pending.get("items").get(0).get("id").asString()).isEqualTo(id);
	}

	@Test
	void oneStoresStaffCannotSeeOrTouchAnotherStoresPayments() {
		String id = payments.paid("4242424242424242", "20.00").get("id").asString();
		String order = payments.get(id).get("orderReference").asString();
		PaymentTestSupport other = new PaymentTestSupport(port);

		assertThat(other.api.get("/api/admin/v1/payments/" + id).status()).isEqualTo(404);
		assertThat(other.act(id, "refund", "1.00").status()).isEqualTo(404);
		assertThat(other.act(id, "void", null).status()).isEqualTo(404);
		assertThat(other.api.get("/api/admin/v1/payments?orderReference=" + order).json().get("items")).isEmpty();
		assertThat(payments.get(id).get("refunded").get("amount").asString()).isEqualTo("0.00");

		String email = ApiClient.unique("clerk") + "@test.local";
		ApiClient.Response staff = other.api.post("/api/admin/v1/staff",
				Map.of("email", email, "name", "Clerk", "password", "clerk-password-123", "role", "ADMIN"));
		assertThat(staff.status()).as(staff.body()).isEqualTo(201);
		ApiClient clerk = ApiClient.at(port).loggedIn(email, "clerk-password-123");
		assertThat(clerk.get("/api/admin/v1/payments/" + id).status()).isEqualTo(404);
		assertThat(clerk.store(payments.handle).get("/api/admin/v1/payments/" + id).status()).isEqualTo(403);
		assertThat(clerk.store(payments.handle).post("/api/admin/v1/payments/" + id + "/refund", Map.of()).status())
			.isEqualTo(403);
	}

	@Test
	void readingPaymentsNeedsOrdersReadAndActingOnThemOrdersWrite() {
		payments.settings(true, false, false, "ON_FULFILMENT");
		String id = payments.paid("4242424242424242", "15.00").get("id").asString();
		String email = ApiClient.unique("analyst") + "@test.local";
		assertThat(payments.api.post("/api/admin/v1/staff", Map.of("email", email, "name", "Ana", "password",
				"analyst-password-1", "role", "ANALYST")).status()).isEqualTo(201);
		ApiClient analyst = ApiClient.at(port).loggedIn(email, "analyst-password-1").store(payments.handle);
		assertThat(analyst.get("/api/admin/v1/payments/" + id).status()).isEqualTo(200);
		assertThat(analyst.get("/api/admin/v1/payments").status()).isEqualTo(200);
		ApiClient.Response capture = analyst.post("/api/admin/v1/payments/" + id + "/capture", Map.of());
		assertThat(capture.status()).isEqualTo(403);
		assertThat(capture.contentType()).startsWith("application/problem+json");
		assertThat(analyst.post("/api/admin/v1/payments/" + id + "/void", Map.of()).status()).isEqualTo(403);
		assertThat(analyst.get("/api/admin/v1/payment-settings").status()).isEqualTo(403);
		assertThat(payments.get(id).get("status").asString()).isEqualTo("AUTHORIZED");
		assertThat(ApiClient.at(port).get("/api/admin/v1/payments/" + id).status()).isEqualTo(401);
	}

	@Test
	void listsPageWithAStableOrder() {
		for (int i = 0; i < 3; i++) {
			payments.paid("4242424242424242", (i + 1) + ".00");
		}
		JsonNode first = payments.api.get("/api/admin/v1/payments?limit=2").json();
		assertThat(first.get("items")).hasSize(2);
		JsonNode second = payments.api.get("/api/admin/v1/payments?limit=2&cursor=" + first.get("nextCursor").asString())
			.json();
		assertThat(second.get("items")).hasSize(1);
		assertThat(second.get("nextCursor").isNull()).isTrue();
		assertThat(second.get("items").get(0).get("amount").get("amount").asString()).isEqualTo("1.00");
		assertThat(payments.api.get("/api/admin/v1/payments?cursor=nonsense").status()).isEqualTo(400);
	}
}
