package dev.shopwright.returns;

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

import dev.shopwright.catalog.Product;
import dev.shopwright.inventory.InventoryManagement;
import dev.shopwright.inventory.MovementReason;
import dev.shopwright.inventory.StockMovement;
import dev.shopwright.orders.Order;
import dev.shopwright.orders.OrderManagement;
import dev.shopwright.orders.PaymentState;
import dev.shopwright.payments.PaymentIntent;
import dev.shopwright.payments.PaymentManagement;
import dev.shopwright.payments.PaymentStatus;
import dev.shopwright.shared.Money;
import dev.shopwright.stores.Store;
import dev.shopwright.testing.ApiClient;
import dev.shopwright.testing.ShopwrightTest;
import tools.jackson.databind.JsonNode;

/** Returns through the Admin API, from request to refund, with the stock ledger and the payment checked. */
@ShopwrightTest
class ReturnFlowApiTests {

	@LocalServerPort
	int port;

	@Autowired
	InventoryManagement inventory;

	@Autowired
	OrderManagement orders;

	@Autowired
	PaymentManagement payments;

	@Autowired
	ReturnFixtures fixtures;

	Store store;

	ApiClient api;

	@BeforeEach
	void storeOfItsOwn() {
		store = fixtures.newStore("EUR");
		api = ApiClient.at(port).loggedIn(ShopwrightTest.OWNER_EMAIL, ShopwrightTest.OWNER_PASSWORD).store(store.handle());
	}

	private static Map<String, Object> item(Order.Line line, int quantity, String reason) {
		return Map.of("orderLineId", line.id().toString(), "quantity", quantity, "reason", reason);
	}

	private ApiClient.Response open(Order order, List<Map<String, Object>> items) {
		return api.post("/api/admin/v1/returns", Map.of("orderId", order.id().toString(), "items", items));
	}

	private String sku(String prefix) {
		return prefix + "-" + store.handle();
	}

	@Test
	void aReturnGoesFromRequestThroughInspectionToARefundWithStockAndMoneyInStep() {
		api.put("/api/admin/v1/return-policy", Map.of("windowDays", 30, "restockingFeePercent", "10",
				"returnShippingPaidBy", "CUSTOMER"));
		String shirt = sku("SHIRT");
		String mug = sku("MUG");
		Product shirts = fixtures.product(store.id(), "Shirt", "20.00", List.of(), shirt);
		Product mugs = fixtures.product(store.id(), "Mug", "8.00", List.of(), mug);
		Order order = fixtures.deliveredOrder(store.id(), null, null, new ReturnFixtures.Item(shirts, shirt, 3),
				new ReturnFixtures.Item(mugs, mug, 1));
		int shirtsOnHand = fixtures.onHand(store.id(), shirt);
		Money paid = fixtures.payment(store.id(), order).captured();
		assertThat(paid).isEqualTo(order.totals().total());

		ApiClient.Response opened = open(order, List.of(item(order.lines().get(0), 2, "TOO_SMALL"),
				item(order.lines().get(1), 1, "DAMAGED_IN_TRANSIT")));
		assertThat(opened.status()).as(opened.body()).isEqualTo(201);
		JsonNode rma = opened.json();
		String id = rma.get("id").asString();
		assertThat(rma.get("number").asString()).isEqualTo("R1001");
		assertThat(rma.get("status").asString()).isEqualTo("REQUESTED");
		assertThat(opened.header("Location")).endsWith("/api/admin/v1/returns/" + id);

		// inspecting before it arrived is refused and changes nothing
		ApiClient.Response early = api.post("/api/admin/v1/returns/" + id + "/receive", Map.of());
		assertThat(early.status()).isEqualTo(409);
		assertThat(early.json().get("code").asString()).isEqualTo("RETURN_NOT_IN_STATUS");

		assertThat(api.post("/api/admin/v1/returns/" + id + "/approve", Map.of()).json().get("status").asString())
			.isEqualTo("APPROVED");
		assertThat(api.post("/api/admin/v1/returns/" + id + "/receive", Map.of()).json().get("status").asString())
			.isEqualTo("RECEIVED");

		JsonNode received = api.get("/api/admin/v1/returns/" + id).json();
		String shirtItem = received.get("items").get(0).get("id").asString();
		String mugItem = received.get("items").get(1).get("id").asString();
		// restocked and damaged must add up to what came back
		ApiClient.Response wrong = api.post("/api/admin/v1/returns/" + id + "/inspect", Map.of("items",
				List.of(Map.of("itemId", shirtItem, "restock", 2, "damaged", 1))));
		assertThat(wrong.status()).isEqualTo(422);
		assertThat(wrong.json().get("code").asString()).isEqualTo("INVALID_INSPECTION");
		assertThat(fixtures.onHand(store.id(), shirt)).isEqualTo(shirtsOnHand);

		ApiClient.Response inspected = api.post("/api/admin/v1/returns/" + id + "/inspect", Map.of("items", List.of(
				Map.of("itemId", shirtItem, "restock", 2, "damaged", 0),
				Map.of("itemId", mugItem, "restock", 0, "damaged", 1))));
		assertThat(inspected.status()).as(inspected.body()).isEqualTo(200);
		assertThat(inspected.json().get("status").asString()).isEqualTo("INSPECTED");
		assertThat(fixtures.onHand(store.id(), shirt)).isEqualTo(shirtsOnHand + 2);
		List<StockMovement> ledger = inventory.movements(store.id(), shirt, null, 10).items();
		assertThat(ledger.getFirst()).satisfies(movement -> {
			assertThat(movement.reason()).isEqualTo(MovementReason.RETURNED);
			assertThat(movement.onHandDelta()).isEqualTo(2);
			assertThat(movement.sourceType()).isEqualTo("return");
			assertThat(movement.sourceId()).isEqualTo("R1001");
		});
		assertThat(inventory.movements(store.id(), mug, null, 10).items())
			.noneMatch(m -> m.reason() == MovementReason.RETURNED);

		ApiClient.Response resolved = api.post("/api/admin/v1/returns/" + id + "/resolve", Map.of("resolution", "REFUND"));
		assertThat(resolved.status()).as(resolved.body()).isEqualTo(200);
		// 2 × 20.00 + 8.00 returned, 10% restocking fee kept, and the shopper pays the 5.70 return label (default policy)
		assertThat(resolved.json().get("status").asString()).isEqualTo("RESOLVED");
		assertThat(resolved.json().get("credit").get("amount").asString()).isEqualTo("48.00");
		assertThat(resolved.json().get("fee").get("amount").asString()).isEqualTo("4.80");
		assertThat(resolved.json().get("returnShippingCharge").get("amount").asString()).isEqualTo("5.70");
		assertThat(resolved.json().get("refunded").get("amount").asString()).isEqualTo("37.50");
		PaymentIntent payment = fixtures.payment(store.id(), order);
		assertThat(payment.refunded()).isEqualTo(Money.of("37.50", "EUR"));
		assertThat(payment.status()).isEqualTo(PaymentStatus.PARTIALLY_REFUNDED);
		assertThat(orders.get(store.id(), order.id()).paymentState()).isIn(PaymentState.PARTIALLY_REFUNDED,
				PaymentState.PAID); // followed from the payment event after commit

		// settled once: resolving again is refused and moves no more money
		ApiClient.Response again = api.post("/api/admin/v1/returns/" + id + "/resolve", Map.of("resolution", "REFUND"));
		assertThat(again.status()).isEqualTo(409);
		assertThat(fixtures.payment(store.id(), order).refunded()).isEqualTo(Money.of("37.50", "EUR"));

		JsonNode listed = api.get("/api/admin/v1/returns?status=RESOLVED").json();
		assertThat(listed.get("items")).hasSize(1);
		assertThat(api.get("/api/admin/v1/returns?query=R1001").json().get("items")).hasSize(1);
		assertThat(api.get("/api/admin/v1/returns?status=REQUESTED").json().get("items")).isEmpty();
	}

	@Test
	void outsideTheWindowNonReturnableTwiceAndMoreThanBoughtAreRefusedWhole() {
		api.put("/api/admin/v1/return-policy", Map.of("windowDays", 14, "restockingFeePercent", "0",
				"returnShippingPaidBy", "MERCHANT", "nonReturnableSkus", List.of(sku("GIFT")),
				"nonReturnableTags", List.of("final-sale")));
		Product tee = fixtures.product(store.id(), "Tee", "15.00", List.of(), sku("TEE"));
		Product gift = fixtures.product(store.id(), "Gift card", "25.00", List.of(), sku("GIFT"));
		Product sale = fixtures.product(store.id(), "Sale hat", "5.00", List.of("final-sale"), sku("HAT"));
		Order order = fixtures.deliveredOrder(store.id(), null, null, new ReturnFixtures.Item(tee, sku("TEE"), 2),
				new ReturnFixtures.Item(gift, sku("GIFT"), 1), new ReturnFixtures.Item(sale, sku("HAT"), 1));
		Order.Line teeLine = order.lines().get(0);

		ApiClient.Response excludedSku = open(order, List.of(item(teeLine, 1, "OTHER"), item(order.lines().get(1), 1, "OTHER")));
		assertThat(excludedSku.status()).isEqualTo(422);
		assertThat(excludedSku.json().get("code").asString()).isEqualTo("ITEM_NOT_RETURNABLE");
		ApiClient.Response excludedTag = open(order, List.of(item(order.lines().get(2), 1, "OTHER")));
		assertThat(excludedTag.json().get("code").asString()).isEqualTo("ITEM_NOT_RETURNABLE");

		ApiClient.Response tooMany = open(order, List.of(item(teeLine, 3, "TOO_LARGE")));
		assertThat(tooMany.status()).isEqualTo(409);
		assertThat(tooMany.json().get("code").asString()).isEqualTo("RETURN_EXCEEDS_RETURNABLE");
		assertThat(tooMany.body()).contains("3 asked, 2 delivered and not yet returned");

		assertThat(open(order, List.of(item(teeLine, 2, "TOO_LARGE"))).status()).isEqualTo(201);
		ApiClient.Response twice = open(order, List.of(item(teeLine, 1, "TOO_LARGE")));
		assertThat(twice.status()).isEqualTo(409);
		assertThat(twice.json().get("code").asString()).isEqualTo("RETURN_EXCEEDS_RETURNABLE");
		// nothing half-written: one return, and its number was not used up by the refused ones
		assertThat(api.get("/api/admin/v1/returns").json().get("items")).hasSize(1);

		Order undelivered = fixtures.paidOrder(store.id(), null, null, new ReturnFixtures.Item(tee, sku("TEE"), 1));
		ApiClient.Response notShipped = open(undelivered, List.of(item(undelivered.lines().get(0), 1, "OTHER")));
		assertThat(notShipped.json().get("code").asString()).isEqualTo("RETURN_EXCEEDS_RETURNABLE");

		Order old = fixtures.deliveredOrder(store.id(), null, null, new ReturnFixtures.Item(tee, sku("TEE"), 1));
		fixtures.placedDaysAgo(store.id(), old, 15);
		ApiClient.Response late = open(old, List.of(item(old.lines().get(0), 1, "CHANGED_MIND")));
		assertThat(late.status()).isEqualTo(422);
		assertThat(late.json().get("code").asString()).isEqualTo("RETURN_WINDOW_CLOSED");

		ApiClient.Response unknownReason = api.post("/api/admin/v1/returns", Map.of("orderId", order.id().toString(),
				"items", List.of(Map.of("orderLineId", teeLine.id().toString(), "quantity", 1, "reason", "BORED"))));
		assertThat(unknownReason.status()).isEqualTo(400);
		ApiClient.Response zero = open(order, List.of(item(teeLine, 0, "OTHER")));
		assertThat(zero.status()).isEqualTo(400);
		assertThat(zero.json().get("errors").toString()).contains("quantity");

		// a rejected return gives its units back
		String first = api.get("/api/admin/v1/returns").json().get("items").get(0).get("id").asString();
		assertThat(api.post("/api/admin/v1/returns/" + first + "/reject", Map.of("reason", "Worn")).json()
			.get("status").asString()).isEqualTo("REJECTED");
		ApiClient.Response afterReject = open(order, List.of(item(teeLine, 2, "TOO_LARGE")));
		assertThat(afterReject.status()).isEqualTo(201);
		assertThat(afterReject.json().get("number").asString()).isEqualTo("R1002");
	}

	@Test
	void concurrentRefundsOfTwoReturnsNeverExceedWhatWasPaid() throws Exception {
		String sku = sku("COAT");
		Product coat = fixtures.product(store.id(), "Coat", "100.00", List.of(), sku);
		Order order = fixtures.deliveredOrder(store.id(), null, null, new ReturnFixtures.Item(coat, sku, 2));
		PaymentIntent payment = fixtures.payment(store.id(), order);
		// staff already refunded most of it by hand: only 120 of the 204.90 paid is left
		payments.refund(store.id(), payment.id(), payment.captured().minus(Money.of("120.00", "EUR")), "manual-goodwill");

		List<String> ids = new ArrayList<>();
		for (int i = 0; i < 2; i++) {
			String id = open(order, List.of(item(order.lines().get(0), 1, "DEFECTIVE"))).json().get("id").asString();
			api.post("/api/admin/v1/returns/" + id + "/approve", Map.of());
			api.post("/api/admin/v1/returns/" + id + "/receive", Map.of());
			String itemId = api.get("/api/admin/v1/returns/" + id).json().get("items").get(0).get("id").asString();
			api.post("/api/admin/v1/returns/" + id + "/inspect", Map.of("items",
					List.of(Map.of("itemId", itemId, "restock", 1, "damaged", 0))));
			ids.add(id);
		}
		List<Callable<ApiClient.Response>> refunds = new ArrayList<>();
		for (String id : ids) {
			for (int attempt = 0; attempt < 3; attempt++) {
				refunds.add(() -> api.post("/api/admin/v1/returns/" + id + "/resolve", Map.of("resolution", "REFUND")));
			}
		}
		List<ApiClient.Response> answers = runAtOnce(refunds);

		assertThat(answers).allSatisfy(a -> assertThat(a.status()).as(a.body()).isIn(200, 409, 422));
		assertThat(answers).as(answers.toString()).filteredOn(a -> a.status() == 200).hasSize(1);
		PaymentIntent after = fixtures.payment(store.id(), order);
		assertThat(after.refunded()).isLessThanOrEqualTo(after.captured());
		// the winner refunded 100.00 less its 5.70 return label
		assertThat(after.refunded()).isEqualTo(after.captured().minus(Money.of("25.70", "EUR")));
		List<String> statuses = ids.stream()
			.map(id -> api.get("/api/admin/v1/returns/" + id).json().get("status").asString())
			.toList();
		assertThat(statuses).containsExactlyInAnyOrder("RESOLVED", "INSPECTED");
	}

	static <T> List<T> runAtOnce(List<Callable<T>> tasks) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(tasks.size());
		try {
			java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
			List<Future<T>> futures = new ArrayList<>();
			for (Callable<T> task : tasks) {
				futures.add(pool.submit(() -> {
					start.await();
					return task.call();
				}));
			}
			start.countDown();
			List<T> results = new ArrayList<>();
			for (Future<T> future : futures) {
				results.add(future.get());
			}
			return results;
		}
		finally {
			pool.shutdownNow();
		}
	}
}
