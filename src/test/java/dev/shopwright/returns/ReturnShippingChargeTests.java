package dev.shopwright.returns;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.shopwright.catalog.CatalogManagement;
import dev.shopwright.catalog.Product;
import dev.shopwright.customers.CustomerId;
import dev.shopwright.orders.Order;
import dev.shopwright.orders.OrderManagement;
import dev.shopwright.orders.ShopperTokens;
import dev.shopwright.payments.PaymentIntent;
import dev.shopwright.payments.PaymentManagement;
import dev.shopwright.pricing.ConversionRounding;
import dev.shopwright.pricing.PricingManagement;
import dev.shopwright.shared.Money;
import dev.shopwright.stores.Store;
import dev.shopwright.stores.StoreManagement;
import dev.shopwright.stores.StoreSettings;
import dev.shopwright.testing.ApiClient;
import dev.shopwright.testing.ShopwrightTest;
import tools.jackson.databind.JsonNode;

/**
 * Return shipping charged when the policy says the customer pays: the label's cost comes off the refund or store
 * credit as its own line, never below zero; nothing when the merchant pays or the label is voided; and refunds of
 * charged returns resolved at once still never pass what was paid.
 */
@ShopwrightTest
class ReturnShippingChargeTests {

	@LocalServerPort
	int port;

	@Autowired
	StoreManagement stores;

	@Autowired
	CatalogManagement catalog;

	@Autowired
	PricingManagement pricing;

	@Autowired
	OrderManagement orders;

	@Autowired
	PaymentManagement payments;

	@Autowired
	ReturnManagement returns;

	@Autowired
	ReturnFixtures fixtures;

	Store store;

	ApiClient api;

	@BeforeEach
	void storeOfItsOwn() {
		store = fixtures.newStore("EUR");
		api = ApiClient.at(port).loggedIn(ShopwrightTest.OWNER_EMAIL, ShopwrightTest.OWNER_PASSWORD).store(store.handle());
	}

	private void policy(String paidBy) {
		assertThat(api.put("/api/admin/v1/return-policy", Map.of("windowDays", 30, "restockingFeePercent", "10",
				"returnShippingPaidBy", paidBy)).status()).isEqualTo(200);
	}

	private Order order(String price, int quantity, String token) {
		String sku = "SKU-" + price.replace(".", "") + "-" + store.handle();
		Product product = fixtures.product(store.id(), "Item " + price, price, List.of(), sku);
		return fixtures.deliveredOrder(store.id(), null, token == null ? null : ShopperTokens.hash(token),
				new ReturnFixtures.Item(product, sku, quantity));
	}

	/** Opens and approves a return of the whole first line; returns the approved return as the API shows it. */
	private JsonNode approved(Order order) {
		String id = api.post("/api/admin/v1/returns", Map.of("orderId", order.id().toString(), "items",
				List.of(Map.of("orderLineId", order.lines().get(0).id().toString(), "quantity",
						order.lines().get(0).quantity(), "reason", "DEFECTIVE"))))
			.json().get("id").asString();
		ApiClient.Response approved = api.post("/api/admin/v1/returns/" + id + "/approve", Map.of());
		assertThat(approved.status()).as(approved.body()).isEqualTo(200);
		return approved.json();
	}

	private JsonNode inspected(String id) {
		api.post("/api/admin/v1/returns/" + id + "/receive", Map.of());
		JsonNode request = api.get("/api/admin/v1/returns/" + id).json();
		List<Map<String, Object>> items = new ArrayList<>();
		request.get("items").forEach(item -> items.add(Map.of("itemId", item.get("id").asString(), "restock",
				item.get("quantity").asInt(), "damaged", 0)));
		ApiClient.Response inspected = api.post("/api/admin/v1/returns/" + id + "/inspect", Map.of("items", items));
		assertThat(inspected.status()).as(inspected.body()).isEqualTo(200);
		return inspected.json();
	}

	private static String amount(JsonNode json, String field) {
		return json.get(field).get("amount").asString();
	}

	@Test
	void whenTheCustomerPaysTheLabelsCostComesOffTheRefundAsItsOwnLine() throws Exception {
		policy("CUSTOMER");
		String token = "cart-" + store.handle();
		Order order = order("30.00", 2, token);
		JsonNode approved = approved(order);
		String id = approved.get("id").asString();
		// the label's cost as the sandbox carrier priced it, charged in the order's currency
		Money cost = Money.of(amount(approved, "labelCost"), "EUR");
		assertThat(cost.amount().signum()).isPositive();
		assertThat(approved.get("returnShippingCharge").get("currency").asString()).isEqualTo("EUR");
		assertThat(amount(approved, "returnShippingCharge")).isEqualTo(amount(approved, "labelCost"));

		inspected(id);
		JsonNode resolved = api.post("/api/admin/v1/returns/" + id + "/resolve", Map.of("resolution", "REFUND")).json();
		// 60.00 less the 10% fee less the label
		Money expected = Money.of("54.00", "EUR").minus(cost);
		assertThat(amount(resolved, "refunded")).isEqualTo(expected.amount().toPlainString());
		assertThat(fixtures.payment(store.id(), order).refunded()).isEqualTo(expected);

		MimeMessage mail = ReturnSettlementTests.mailTo(order.email(), "Your refund for return R1001");
		assertThat(mail.getContent().toString()).contains("We refunded " + expected)
			.contains("Return shipping −" + cost);
		// the shopper's return page shows the state, the line and what came back
		String page = ApiClient.at(port).store(store.handle()).get("/orders/" + order.id() + "/return?token=" + token)
			.body();
		assertThat(page).contains("R1001: Resolved").contains("Return shipping").contains("−" + cost)
			.contains(expected.toString());
	}

	@Test
	void whenTheMerchantPaysNothingIsDeducted() {
		policy("MERCHANT");
		Order order = order("30.00", 1, null);
		JsonNode approved = approved(order);
		assertThat(amount(approved, "returnShippingCharge")).isEqualTo("0.00");
		assertThat(approved.get("labelCost").get("amount").asString()).isNotEqualTo("0.00");
		String id = approved.get("id").asString();
		inspected(id);
		JsonNode resolved = api.post("/api/admin/v1/returns/" + id + "/resolve", Map.of("resolution", "REFUND")).json();
		assertThat(amount(resolved, "refunded")).isEqualTo("27.00");
		assertThat(fixtures.payment(store.id(), order).refunded()).isEqualTo(Money.of("27.00", "EUR"));
	}

	@Test
	void aReturnWorthLessThanTheLabelRefundsNothingAndSaysSo() throws Exception {
		policy("CUSTOMER");
		Order order = order("3.00", 1, null);
		JsonNode approved = approved(order);
		String id = approved.get("id").asString();
		assertThat(new java.math.BigDecimal(amount(approved, "returnShippingCharge")))
			.isGreaterThan(new java.math.BigDecimal("2.70"));
		inspected(id);
		ApiClient.Response resolved = api.post("/api/admin/v1/returns/" + id + "/resolve", Map.of("resolution", "REFUND"));
		assertThat(resolved.status()).as(resolved.body()).isEqualTo(200);
		assertThat(resolved.json().get("status").asString()).isEqualTo("RESOLVED");
		assertThat(amount(resolved.json(), "refunded")).isEqualTo("0.00");
		assertThat(fixtures.payment(store.id(), order).refunded().isZero()).isTrue();
		MimeMessage mail = ReturnSettlementTests.mailTo(order.email(), "Your refund for return R1001");
		assertThat(mail.getContent().toString()).contains("more than the return was worth");

		// store credit the same way: nothing onto the balance, no ledger line
		CustomerId customer = new CustomerId(java.util.UUID.randomUUID());
		String sku = "SKU-300-" + store.handle();
		Order second = fixtures.deliveredOrder(store.id(), customer, null,
				new ReturnFixtures.Item(catalog.findBySku(store.id(), sku).orElseThrow(), sku, 1));
		String secondId = approved(second).get("id").asString();
		inspected(secondId);
		JsonNode credited = api.post("/api/admin/v1/returns/" + secondId + "/resolve", Map.of("resolution",
				"STORE_CREDIT")).json();
		assertThat(credited.get("status").asString()).isEqualTo("RESOLVED");
		assertThat(amount(credited, "storeCredit")).isEqualTo("0.00");
		assertThat(returns.storeCredit(store.id(), customer, java.util.Currency.getInstance("EUR")).entries()).isEmpty();
	}

	@Test
	void aVoidedLabelIsNotCharged() {
		policy("CUSTOMER");
		Order order = order("30.00", 1, null);
		JsonNode approved = approved(order);
		String id = approved.get("id").asString();
		String labelUrl = approved.get("labelUrl").asString();
		assertThat(ApiClient.at(port).store(store.handle()).get(labelUrl).status()).isEqualTo(200);

		JsonNode voided = api.post("/api/admin/v1/returns/" + id + "/void-label", Map.of()).json();
		assertThat(amount(voided, "returnShippingCharge")).isEqualTo("0.00");
		assertThat(voided.get("labelVoidedAt").isNull()).isFalse();
		assertThat(ApiClient.at(port).store(store.handle()).get(labelUrl).status()).isEqualTo(404);
		ApiClient.Response again = api.post("/api/admin/v1/returns/" + id + "/void-label", Map.of());
		assertThat(again.status()).isEqualTo(409);
		assertThat(again.json().get("code").asString()).isEqualTo("NO_RETURN_LABEL");

		inspected(id);
		JsonNode resolved = api.post("/api/admin/v1/returns/" + id + "/resolve", Map.of("resolution", "REFUND")).json();
		assertThat(amount(resolved, "refunded")).isEqualTo("27.00");
	}

	@Test
	void chargedReturnsResolvedAtOnceNeverRefundMoreThanPaid() throws Exception {
		policy("CUSTOMER");
		Order order = order("100.00", 2, null);
		PaymentIntent payment = fixtures.payment(store.id(), order);
		// only 150.00 of what was paid is left to refund
		payments.refund(store.id(), payment.id(), payment.captured().minus(Money.of("150.00", "EUR")), "goodwill");
		List<String> ids = new ArrayList<>();
		for (int i = 0; i < 2; i++) {
			String id = api.post("/api/admin/v1/returns", Map.of("orderId", order.id().toString(), "items",
					List.of(Map.of("orderLineId", order.lines().get(0).id().toString(), "quantity", 1, "reason", "OTHER"))))
				.json().get("id").asString();
			api.post("/api/admin/v1/returns/" + id + "/approve", Map.of());
			inspected(id);
			ids.add(id);
		}
		Money charge = Money.of(amount(api.get("/api/admin/v1/returns/" + ids.getFirst()).json(), "returnShippingCharge"),
				"EUR");
		List<Callable<ApiClient.Response>> calls = new ArrayList<>();
		for (String id : ids) {
			for (int i = 0; i < 3; i++) {
				calls.add(() -> api.post("/api/admin/v1/returns/" + id + "/resolve", Map.of("resolution", "REFUND")));
			}
		}
		List<ApiClient.Response> answers = ReturnFlowApiTests.runAtOnce(calls);

		// the losers: 409 from returns (already settling) or 422 from payments (more than captured and not refunded)
		assertThat(answers).allSatisfy(a -> assertThat(a.status()).as(a.body()).isIn(200, 409, 422));
		// each is worth 90.00 - charge after fee and label; two would pass the 150.00 left
		assertThat(answers).filteredOn(a -> a.status() == 200).hasSize(1);
		PaymentIntent after = fixtures.payment(store.id(), order);
		assertThat(after.refunded()).isLessThanOrEqualTo(after.captured());
		Money winner = Money.of("90.00", "EUR").minus(charge);
		assertThat(after.refunded()).isEqualTo(after.captured().minus(Money.of("150.00", "EUR")).plus(winner));
	}

	@Test
	void theChargeIsConvertedIntoTheOrdersCurrencyOrRefusedClearly() {
		policy("CUSTOMER");
		Currency usd = Currency.getInstance("USD");
		stores.update(store.id(), new StoreSettings(null, null, null, List.of("EUR", "USD"), null, null, null, null, null,
				null, null));
		pricing.enterExchangeRate(store.id(), usd, new java.math.BigDecimal("1.10"), ConversionRounding.NONE);
		String sku = "MUG-" + store.handle();
		Product mug = fixtures.product(store.id(), "Mug", "20.00", List.of(), sku);
		Order inDollars = fixtures.paidOrderIn(store.id(), usd, null, null, new ReturnFixtures.Item(mug, sku, 1));
		fixtures.markDelivered(store.id(), inDollars);
		assertThat(inDollars.totals().total().currency()).isEqualTo(usd);

		JsonNode approved = approved(orders.get(store.id(), inDollars.id()));
		Money cost = Money.of(amount(approved, "labelCost"), "EUR");
		// the label is priced in the store's euros and charged in the order's dollars at 1.10, half-up
		assertThat(approved.get("returnShippingCharge").get("currency").asString()).isEqualTo("USD");
		assertThat(amount(approved, "returnShippingCharge"))
			.isEqualTo(cost.amount().multiply(new java.math.BigDecimal("1.10")).setScale(2, java.math.RoundingMode.HALF_UP)
				.toPlainString());
		String id = approved.get("id").asString();
		inspected(id);
		JsonNode resolved = api.post("/api/admin/v1/returns/" + id + "/resolve", Map.of("resolution", "REFUND")).json();
		Money expected = Money.of("22.00", "USD").multiply(new java.math.BigDecimal("0.9"), java.math.RoundingMode.HALF_UP)
			.minus(Money.of(amount(approved, "returnShippingCharge"), "USD"));
		assertThat(resolved.get("refunded").get("currency").asString()).isEqualTo("USD");
		assertThat(amount(resolved, "refunded")).isEqualTo(expected.amount().toPlainString());

		// once dollars are no longer one of the store's currencies there is no rate to charge in: refused, not guessed
		Order second = fixtures.paidOrderIn(store.id(), usd, null, null, new ReturnFixtures.Item(mug, sku, 1));
		fixtures.markDelivered(store.id(), second);
		String secondId = api.post("/api/admin/v1/returns", Map.of("orderId", second.id().toString(), "items",
				List.of(Map.of("orderLineId", second.lines().get(0).id().toString(), "quantity", 1, "reason", "OTHER"))))
			.json().get("id").asString();
		stores.update(store.id(), new StoreSettings(null, null, null, List.of("EUR"), null, null, null, null, null, null,
				null));
		ApiClient.Response refused = api.post("/api/admin/v1/returns/" + secondId + "/approve", Map.of());
		assertThat(refused.status()).as(refused.body()).isEqualTo(409);
		assertThat(refused.json().get("code").asString()).isEqualTo("RETURN_SHIPPING_NOT_CONVERTIBLE");
		assertThat(refused.json().get("detail").asString()).contains("USD");
		JsonNode untouched = api.get("/api/admin/v1/returns/" + secondId).json();
		assertThat(untouched.get("status").asString()).isEqualTo("REQUESTED");
		assertThat(untouched.path("labelTrackingNumber").isNull() || untouched.path("labelTrackingNumber").isMissingNode())
			.as("no label kept").isTrue();
	}
}
