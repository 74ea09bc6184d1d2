package dev.shopwright.checkout;

import static dev.shopwright.checkout.CartApiTests.problem;
import static dev.shopwright.checkout.CheckoutShop.card;
import static dev.shopwright.checkout.CheckoutShop.ok;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.shopwright.inventory.InventoryManagement;
import dev.shopwright.orders.Order;
import dev.shopwright.orders.OrderId;
import dev.shopwright.orders.OrderManagement;
import dev.shopwright.orders.PaymentState;
import dev.shopwright.payments.PaymentIntent;
import dev.shopwright.payments.PaymentManagement;
import dev.shopwright.payments.PaymentStatus;
import dev.shopwright.testing.ApiClient;
import dev.shopwright.testing.ShopwrightTest;
import tools.jackson.databind.JsonNode;

/** Checkout completion through the Store API with the sandbox's test cards, on the real database. */
@ShopwrightTest
class CheckoutCompletionTests {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

	@LocalServerPort
	int port;

	@Autowired
	OrderManagement orders;

	@Autowired
	PaymentManagement payments;

	@Autowired
	InventoryManagement inventory;

	CheckoutShop shop;

	@BeforeEach
	void aShop() {
		shop = new CheckoutShop(port);
	}

	@Test
	void aGoodCardPlacesAPaidOrderOnceWhateverIsRetried() {
		String sku = shop.product("20.00", 10);
		CheckoutShop.Guest guest = shop.readyCart(sku, 2);
		ApiClient keyed = guest.api().with("Idempotency-Key", UUID.randomUUID().toString());

		ApiClient.Response placed = keyed.post(guest.path("/complete"), card("4242424242424242"));
		assertThat(placed.status()).as(placed.body()).isEqualTo(201);
		JsonNode body = placed.json();
		assertThat(body.get("outcome").asString()).isEqualTo("PLACED");
		assertThat(body.get("orderNumber").asString()).isNotBlank();
		assertThat(body.get("status").asString()).isEqualTo("OPEN");
		assertThat(body.get("paymentState").asString()).isEqualTo("PAID");
		assertThat(body.get("totals").get("total").get("amount").asString()).isEqualTo("44.90");
		OrderId orderId = OrderId.of(body.get("orderId").asString());

		Order order = orders.get(shop.store, orderId);
		assertThat(order.paymentState()).isEqualTo(PaymentState.PAID);
		assertThat(order.lines()).singleElement().satisfies(line -> {
			assertThat(line.sku()).isEqualTo(sku);
			assertThat(line.quantity()).isEqualTo(2);
			assertThat(line.unitPrice().amount()).isEqualByComparingTo("20.00");
		});
		assertThat(order.totals().total().amount()).isEqualByComparingTo("44.90");
		assertThat(order.email()).startsWith("shopper-");
		assertThat(inventory.availableOnline(shop.store, sku)).isEqualTo(8);
		assertThat(oneCapturedPayment(orderId).amount().amount()).isEqualByComparingTo("44.90");

		// the same key replays the answer; another key finds the order already placed; no second charge
		ApiClient.Response replay = keyed.post(guest.path("/complete"), card("4242424242424242"));
		assertThat(replay.status()).isEqualTo(201);
		assertThat(replay.header("Idempotent-Replayed")).isEqualTo("true");
		assertThat(replay.json().get("orderId").asString()).isEqualTo(orderId.toString());
		ApiClient.Response again = guest.api().with("Idempotency-Key", UUID.randomUUID().toString())
			.post(guest.path("/complete"), card("4242424242424242"));
		assertThat(again.status()).as(again.body()).isEqualTo(200);
		assertThat(again.json().get("outcome").asString()).isEqualTo("ALREADY_PLACED");
		assertThat(again.json().get("orderId").asString()).isEqualTo(orderId.toString());
		oneCapturedPayment(orderId);
		assertThat(inventory.availableOnline(shop.store, sku)).isEqualTo(8);

		JsonNode cart = ok(guest.api().get(guest.path("")));
		assertThat(cart.get("status").asString()).isEqualTo("COMPLETED");
		assertThat(cart.get("orderId").asString()).isEqualTo(orderId.toString());
		problem(guest.api().post(guest.path("/lines"), Map.of("sku", sku, "quantity", 1)), 409, "CART_COMPLETED");
		assertThat(inventory.ledgerDiscrepancies(shop.store)).isEmpty();
	}

	@Test
	void withCaptureOnFulfilmentTheOrderIsAuthorised() {
		ok(shop.admin.put("/api/admin/v1/payment-settings", Map.of("cardEnabled", true, "bankTransferEnabled", false,
				"cashOnDeliveryEnabled", false, "captureMode", "ON_FULFILMENT")));
		CheckoutShop.Guest guest = shop.readyCart(shop.product("15.00", 3), 1);
		ApiClient.Response placed = guest.api().post(guest.path("/complete"), card("4242 4242 4242 4242"));
		assertThat(placed.status()).as(placed.body()).isEqualTo(201);
		assertThat(placed.json().get("paymentState").asString()).isEqualTo("AUTHORIZED");
		Order order = orders.get(shop.store, OrderId.of(placed.json().get("orderId").asString()));
		assertThat(order.paymentState()).isEqualTo(PaymentState.AUTHORIZED);
	}

	@Test
	void aDeclinedCardIsA402WithTheReasonAndTheCartCanBePaidAgain() {
		String sku = shop.product("20.00", 5);
		CheckoutShop.Guest guest = shop.readyCart(sku, 2);

		ApiClient.Response declined = guest.api().post(guest.path("/complete"), card("4000000000000002"));
		problem(declined, 402, "PAYMENT_DECLINED");
		assertThat(declined.json().get("reason").asString()).isEqualTo("card_declined");
		assertThat(ok(guest.api().get(guest.path(""))).get("status").asString()).isEqualTo("ACTIVE");
		assertThat(inventory.availableOnline(shop.store, sku)).isEqualTo(5);

		ApiClient.Response poor = guest.api().post(guest.path("/complete"), card("4000000000009995"));
		problem(poor, 402, "PAYMENT_DECLINED");
		assertThat(poor.json().get("reason").asString()).isEqualTo("insufficient_funds");
		assertThat(inventory.availableOnline(shop.store, sku)).isEqualTo(5);

		// the shopper may still change the cart, then pays with a good card: one order, on the same order id
		ok(guest.api().patch(guest.path("/lines/" + ok(guest.api().get(guest.path(""))).get("lines").get(0).get("id")
			.asString()), Map.of("quantity", 1)));
		ApiClient.Response placed = guest.api().post(guest.path("/complete"), card("4242424242424242"));
		assertThat(placed.status()).as(placed.body()).isEqualTo(201);
		OrderId orderId = OrderId.of(placed.json().get("orderId").asString());
		List<PaymentIntent> attempts = payments.forOrder(shop.store, orderId.toString());
		assertThat(attempts).extracting(PaymentIntent::status)
			.containsExactly(PaymentStatus.FAILED, PaymentStatus.FAILED, PaymentStatus.CAPTURED);
		assertThat(orders.get(shop.store, orderId).lines().get(0).quantity()).isEqualTo(1);
		assertThat(inventory.availableOnline(shop.store, sku)).isEqualTo(4);
		assertThat(inventory.ledgerDiscrepancies(shop.store)).isEmpty();
	}

	@Test
	void aThreeDSecureCardWaitsForTheChallengeThenCompletes() throws Exception {
		String sku = shop.product("20.00", 5);
		CheckoutShop.Guest guest = shop.readyCart(sku, 1);
		ApiClient.Response waiting = guest.api().post(guest.path("/complete"), card("4000000000003220"));
		assertThat(waiting.status()).as(waiting.body()).isEqualTo(202);
		assertThat(waiting.json().get("outcome").asString()).isEqualTo("REQUIRES_ACTION");
		String challenge = waiting.json().get("nextActionUrl").asString();
		assertThat(challenge).startsWith("/payments/sandbox/3ds/");
		assertThat(ok(guest.api().get(guest.path(""))).get("status").asString()).isEqualTo("COMPLETING");
		problem(guest.api().post(guest.path("/lines"), Map.of("sku", sku, "quantity", 1)), 409, "CHECKOUT_IN_PROGRESS");
		// confirming before the challenge: still waiting
		assertThat(guest.api().post(guest.path("/complete/confirm"), Map.of()).status()).isEqualTo(202);

		answerChallenge(challenge, "pass");
		ApiClient.Response placed = guest.api().post(guest.path("/complete/confirm"), Map.of());
		assertThat(placed.status()).as(placed.body()).isEqualTo(201);
		assertThat(placed.json().get("paymentState").asString()).isEqualTo("PAID");
		OrderId orderId = OrderId.of(placed.json().get("orderId").asString());
		oneCapturedPayment(orderId);
		ApiClient.Response later = guest.api().post(guest.path("/complete/confirm"), Map.of());
		assertThat(later.status()).isEqualTo(200);
		assertThat(later.json().get("orderId").asString()).isEqualTo(orderId.toString());
	}

	@Test
	void aFailedChallengeReopensTheCartAndReleasesTheStock() throws Exception {
		String sku = shop.product("20.00", 5);
		CheckoutShop.Guest guest = shop.readyCart(sku, 3);
		ApiClient.Response waiting = guest.api().post(guest.path("/complete"), card("4000000000003220"));
		assertThat(waiting.status()).as(waiting.body()).isEqualTo(202);
		assertThat(inventory.availableOnline(shop.store, sku)).isEqualTo(2);
		answerChallenge(waiting.json().get("nextActionUrl").asString(), "fail");
		ApiClient.Response failed = guest.api().post(guest.path("/complete/confirm"), Map.of());
		problem(failed, 402, "PAYMENT_DECLINED");
		assertThat(failed.json().get("reason").asString()).isEqualTo("authentication_failed");
		assertThat(ok(guest.api().get(guest.path(""))).get("status").asString()).isEqualTo("ACTIVE");
		assertThat(inventory.availableOnline(shop.store, sku)).isEqualTo(5);
		problem(guest.api().post(guest.path("/complete/confirm"), Map.of()), 409, "NOTHING_TO_CONFIRM");
	}

	@Test
	void twoConcurrentCompletionsOfOneCartPlaceOneOrderAndChargeOnce() throws Exception {
		String sku = shop.product("20.00", 10);
		CheckoutShop.Guest guest = shop.readyCart(sku, 1);
		List<ApiClient.Response> answers = concurrently(8, i -> guest.api()
			.with("Idempotency-Key", "click-" + i + "-" + guest.id()).post(guest.path("/complete"), card("4242424242424242")));
		assertThat(answers).filteredOn(r -> r.status() == 201).hasSize(1);
		assertThat(answers).allSatisfy(r -> {
			assertThat(r.status()).as(r.body()).isIn(200, 201, 409);
			if (r.status() == 409) {
				assertThat(r.json().get("code").asString()).isEqualTo("CHECKOUT_IN_PROGRESS");
			}
		});
		OrderId orderId = OrderId.of(answers.stream().filter(r -> r.status() == 201).findFirst().orElseThrow().json()
			.get("orderId").asString());
		oneCapturedPayment(orderId);
		assertThat(inventory.availableOnline(shop.store, sku)).isEqualTo(9);

		// the same key sent twice at once: one order, one charge
		CheckoutShop.Guest second = shop.readyCart(sku, 1);
		String key = UUID.randomUUID().toString();
		List<ApiClient.Response> twice = concurrently(2, i -> second.api().with("Idempotency-Key", key)
			.post(second.path("/complete"), card("4242424242424242")));
		assertThat(twice).extracting(ApiClient.Response::status).contains(201).allMatch(s -> s == 201 || s == 409);
		String secondOrder = ok(second.api().get(second.path(""))).get("orderId").asString();
		oneCapturedPayment(OrderId.of(secondOrder));
		assertThat(inventory.availableOnline(shop.store, sku)).isEqualTo(8);
	}

	@Test
	void stockThatRanOutIsA409NamingTheLineAndTheCartStaysOpen() {
		String sku = shop.product("20.00", 1);
		CheckoutShop.Guest first = shop.readyCart(sku, 1);
		CheckoutShop.Guest second = shop.readyCart(sku, 1);
		assertThat(first.api().post(first.path("/complete"), card("4242424242424242")).status()).isEqualTo(201);
		ApiClient.Response soldOut = second.api().post(second.path("/complete"), card("4242424242424242"));
		problem(soldOut, 409, "INSUFFICIENT_STOCK");
		assertThat(soldOut.body()).contains(sku);
		assertThat(ok(second.api().get(second.path(""))).get("status").asString()).isEqualTo("ACTIVE");
		assertThat(payments.forOrder(shop.store, ok(second.api().get(second.path(""))).get("orderId").asString())).isEmpty();
	}

	@Test
	void manualMethodsWhenOfferedAndEveryRefusalBeforePaying() {
		String sku = shop.product("20.00", 5);
		CheckoutShop.Guest guest = shop.readyCart(sku, 1);
		Map<String, Object> bank = Map.of("payment", Map.of("method", "bank_transfer"));
		problem(guest.api().post(guest.path("/complete"), bank), 422, "PAYMENT_METHOD_NOT_OFFERED");
		problem(guest.api().post(guest.path("/complete"), Map.of("payment", Map.of("method", "bitcoin"))), 422,
				"INVALID_PAYMENT_METHOD");
		problem(guest.api().post(guest.path("/complete"), Map.of("payment", Map.of("method", "card"))), 422,
				"PAYMENT_DETAILS_REQUIRED");
		problem(guest.api().post(guest.path("/complete"), Map.of()), 400, null);
		problem(guest.api().post(guest.path("/complete"), card("1234")), 422, null);
		assertThat(ok(guest.api().get(guest.path(""))).get("status").asString()).isEqualTo("ACTIVE");
		assertThat(inventory.availableOnline(shop.store, sku)).isEqualTo(5);

		ok(shop.admin.put("/api/admin/v1/payment-settings", Map.of("cardEnabled", true, "bankTransferEnabled", true,
				"cashOnDeliveryEnabled", false, "captureMode", "IMMEDIATE")));
		ApiClient.Response placed = guest.api().post(guest.path("/complete"), bank);
		assertThat(placed.status()).as(placed.body()).isEqualTo(201);
		assertThat(placed.json().get("paymentState").asString()).isEqualTo("PENDING");

		CheckoutShop.Guest empty = shop.guest();
		problem(empty.api().post(empty.path("/complete"), card("4242424242424242")), 422, "CART_EMPTY");
		CheckoutShop.Guest noEmail = shop.guest();
		ok(noEmail.api().post(noEmail.path("/lines"), Map.of("sku", sku, "quantity", 1)));
		ApiClient.Response incomplete = noEmail.api().post(noEmail.path("/complete"), card("4242424242424242"));
		problem(incomplete, 422, "CHECKOUT_INCOMPLETE");
		assertThat(incomplete.body()).contains("email").contains("shippingAddress");
		assertThat(ok(noEmail.api().get(noEmail.path(""))).get("status").asString()).isEqualTo("ACTIVE");
		problem(shop.shopper.post(noEmail.path("/complete"), card("4242424242424242")), 404, "CART_NOT_FOUND");
	}

	// ---- helpers -------------------------------------------------------------------------------------------

	private PaymentIntent oneCapturedPayment(OrderId orderId) {
		List<PaymentIntent> intents = payments.forOrder(shop.store, orderId.toString());
		assertThat(intents).hasSize(1);
		assertThat(intents.get(0).status()).isEqualTo(PaymentStatus.CAPTURED);
		return intents.get(0);
	}

	interface Call {
		ApiClient.Response send(int index);
	}

	static List<ApiClient.Response> concurrently(int count, Call call) throws Exception {
		CountDownLatch start = new CountDownLatch(1);
		List<Future<ApiClient.Response>> futures = new ArrayList<>();
		try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
			for (int i = 0; i < count; i++) {
				int index = i;
				futures.add(pool.submit(() -> {
					start.await();
					return call.send(index);
				}));
			}
			start.countDown();
			List<ApiClient.Response> answers = new ArrayList<>();
			for (Future<ApiClient.Response> future : futures) {
				answers.add(future.get());
			}
			return answers;
		}
	}

	void answerChallenge(String path, String result) throws IOException, InterruptedException {
		HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
			.followRedirects(HttpClient.Redirect.NEVER).build();
		URI page = URI.create("http://localhost:" + port + path);
		HttpResponse<String> form = browser.send(HttpRequest.newBuilder(page).header("X-Store", shop.handle).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(form.statusCode()).isEqualTo(200);
		Matcher csrf = CSRF.matcher(form.body());
		assertThat(csrf.find()).as(form.body()).isTrue();
		HttpResponse<String> answer = browser.send(HttpRequest.newBuilder(page)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("result=" + result + "&_csrf="
					+ URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8)))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(answer.statusCode()).as(answer.body()).isEqualTo(302);
	}
}
