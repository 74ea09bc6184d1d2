package dev.shopwright.orders;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openpdf.text.pdf.PdfReader;
import org.openpdf.text.pdf.parser.PdfTextExtractor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.shopwright.customers.CustomerId;
import dev.shopwright.payments.PaymentManagement;
import dev.shopwright.shared.StoreId;
import dev.shopwright.stores.StoreManagement;
import dev.shopwright.testing.ApiClient;
import dev.shopwright.testing.ShopwrightTest;
import tools.jackson.databind.JsonNode;

/** The Admin API and the Store API for orders over HTTP: answers, problems, store isolation and shopper access. */
@ShopwrightTest
class OrdersApiTests {

	@LocalServerPort
	int port;

	@Autowired
	OrderManagement orders;

	@Autowired
	PaymentManagement payments;

	@Autowired
	StoreManagement stores;

	OrderFixtures fixtures;

	ApiClient owner;

	@BeforeEach
	void setUp() {
		fixtures = new OrderFixtures(stores, payments);
		owner = ApiClient.at(port).loggedIn(ShopwrightTest.OWNER_EMAIL, ShopwrightTest.OWNER_PASSWORD);
	}

	/** A store made through the API (so the owner is its staff) and its handle. */
	private record ApiStore(StoreId id, String handle, ApiClient api) {
	}

	private ApiStore newStore() {
		String handle = ApiClient.unique("orders");
		ApiClient.Response created = owner.post("/api/admin/v1/stores",
				Map.of("name", "Orders " + handle, "handle", handle, "defaultCurrency", "EUR"));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return new ApiStore(StoreId.of(created.json().get("id").asString()), handle, owner.store(handle));
	}

	@Test
	void staffListSearchReadAndActOnOrders() {
		ApiStore store = newStore();
		Order first = orders.place(store.id(), fixtures.simple(OrderId.random(), "EUR", "10.00"));
		Order held = orders.place(store.id(), fixtures.order(OrderId.random(), "EUR",
				List.of(new OrderFixtures.Item("H-1", 1, "99.00")),
				new PlaceOrder.Risk(90, RiskLevel.HIGH, List.of("blocklisted email")), null, null, null, null));

		JsonNode page = store.api().get("/api/admin/v1/orders?limit=10").json();
		assertThat(page.get("items")).hasSize(2);
		assertThat(page.get("items").get(0).get("number").asString()).isEqualTo("#1002");
		assertThat(page.get("items").get(0).get("totals").get("total").get("amount").asString()).isEqualTo(
				held.totals().total().amount().toPlainString());
		JsonNode onHold = store.api().get("/api/admin/v1/orders?status=ON_HOLD&riskLevel=HIGH").json();
		assertThat(onHold.get("items")).singleElement()
			.satisfies(o -> assertThat(o.get("id").asString()).isEqualTo(held.id().toString()));
		assertThat(store.api().get("/api/admin/v1/orders?q=%231001").json().get("items")).singleElement()
			.satisfies(o -> assertThat(o.get("id").asString()).isEqualTo(first.id().toString()));

		ApiClient.Response released = store.api().post("/api/admin/v1/orders/" + held.id() + "/release", Map.of());
		assertThat(released.status()).as(released.body()).isEqualTo(200);
		assertThat(released.json().get("status").asString()).isEqualTo("OPEN");

		ApiClient.Response note = store.api().post("/api/admin/v1/orders/" + first.id() + "/notes",
				Map.of("note", "Gift wrap please"));
		assertThat(note.status()).isEqualTo(201);
		ApiClient.Response tags = store.api().put("/api/admin/v1/orders/" + first.id() + "/tags",
				Map.of("tags", List.of("wholesale"), "version", first.version()));
		assertThat(tags.status()).as(tags.body()).isEqualTo(200);
		assertThat(tags.json().get("tags").get(0).asString()).isEqualTo("wholesale");
		JsonNode timeline = store.api().get("/api/admin/v1/orders/" + first.id() + "/timeline").json();
		assertThat(timeline.get("items").valueStream().map(e -> e.get("kind").asString()).toList())
			.containsSubsequence("placed", "note", "tags");

		ApiClient.Response fulfilled = store.api().post("/api/admin/v1/orders/" + first.id() + "/fulfillments",
				Map.of("shipmentReference", "parcel-1", "lines",
						List.of(Map.of("lineId", first.lines().getFirst().id().toString(), "quantity", 1))));
		assertThat(fulfilled.status()).as(fulfilled.body()).isEqualTo(200);
		assertThat(fulfilled.json().get("fulfillmentStatus").asString()).isEqualTo("FULFILLED");
	}

	@Test
	void refusalsAreProblemsWithStableCodes() {
		ApiStore store = newStore();
		Order order = orders.place(store.id(), fixtures.simple(OrderId.random(), "EUR", "10.00"));
		String path = "/api/admin/v1/orders/" + order.id();

		ApiClient.Response stale = store.api().put(path + "/tags", Map.of("tags", List.of("a"), "version", 99));
		assertProblem(stale, 409, "ORDER_VERSION_CONFLICT");
		assertProblem(store.api().post(path + "/release", Map.of()), 409, "ORDER_NOT_ON_HOLD");
		assertProblem(store.api().post(path + "/refund", Map.of("amount", Map.of("amount", "1.00", "currency", "EUR"))),
				409, "REFUND_EXCEEDS_PAID");
		assertProblem(store.api().post(path + "/capture", Map.of()), 409, "NOTHING_TO_CAPTURE");
		ApiClient.Response overShipped = store.api().post(path + "/fulfillments", Map.of("shipmentReference", "p",
				"lines", List.of(Map.of("lineId", order.lines().getFirst().id().toString(), "quantity", 2))));
		assertProblem(overShipped, 409, "FULFILLMENT_EXCEEDS_QUANTITY");
		assertThat(overShipped.json().get("errors").toString()).contains(order.lines().getFirst().id().toString());
		ApiClient.Response badNote = store.api().post(path + "/notes", Map.of("note", " "));
		assertThat(badNote.status()).isEqualTo(400);
		assertThat(badNote.json().get("errors").toString()).contains("note");
		assertThat(store.api().get("/api/admin/v1/orders?status=NOPE").status()).isEqualTo(400);
		assertProblem(store.api().get("/api/admin/v1/orders/" + UUID.randomUUID()), 404, "NOT_FOUND");

		store.api().post(path + "/fulfillments", Map.of("shipmentReference", "p1",
				"lines", List.of(Map.of("lineId", order.lines().getFirst().id().toString(), "quantity", 1))));
		assertProblem(store.api().post(path + "/cancel", Map.of("reason", "late", "restock", true)), 409,
				"ORDER_ALREADY_FULFILLED");
	}

	@Test
	void oneStoresStaffCannotReadOrChangeAnotherStoresOrders() {
		ApiStore mine = newStore();
		ApiStore theirs = newStore();
		Order order = orders.place(mine.id(), fixtures.simple(OrderId.random(), "EUR", "10.00"));
		String path = "/api/admin/v1/orders/" + order.id();

		assertThat(theirs.api().get(path).status()).isEqualTo(404);
		assertThat(theirs.api().get(path + "/timeline").status()).isEqualTo(404);
		assertThat(theirs.api().get(path + "/invoice.pdf").status()).isEqualTo(404);
		assertThat(theirs.api().post(path + "/cancel", Map.of("reason", "x")).status()).isEqualTo(404);
		assertThat(theirs.api().post(path + "/hold", Map.of()).status()).isEqualTo(404);
		assertThat(theirs.api().get("/api/admin/v1/orders").json().get("items")).isEmpty();
		assertThat(orders.get(mine.id(), order.id()).status()).isEqualTo(OrderStatus.OPEN);
		assertThat(mine.api().get(path).status()).isEqualTo(200);
	}

	@Test
	void theInvoiceIsARealPdfWithTheOrdersFigures() throws Exception {
		ApiStore store = newStore();
		Order order = orders.place(store.id(), fixtures.order(OrderId.random(), "EUR",
				List.of(new OrderFixtures.Item("INV-A", 2, "10.05"), new OrderFixtures.Item("INV-B", 1, "3.33")),
				PlaceOrder.Risk.NOT_ASSESSED, null, null, null, null));
		String token = owner.post("/api/admin/v1/auth/token", Map.of("email", ShopwrightTest.OWNER_EMAIL, "password",
				ShopwrightTest.OWNER_PASSWORD)).json().get("token").asString();
		HttpResponse<byte[]> response = HttpClient.newHttpClient().send(HttpRequest
			.newBuilder(URI.create("http://localhost:" + port + "/api/admin/v1/orders/" + order.id() + "/invoice.pdf"))
			.header("Authorization", "Bearer " + token).header("X-Store", store.handle()).GET().build(),
				HttpResponse.BodyHandlers.ofByteArray());
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("content-type")).hasValue("application/pdf");

		String text = new PdfTextExtractor(new PdfReader(response.body())).getTextFromPage(1);
		assertThat(text).contains("Orders " + store.handle())
			.contains("Invoice for order #1001")
			.contains("INV-A").contains("INV-B")
			.contains("10.05 EUR").contains("23.92 EUR").contains("23.43 EUR").contains("3.96 EUR")
			.contains("VAT 19%").contains("5.38 EUR")
			.contains("33.71 EUR")
			.contains("Hauptstraße 1").contains(order.email());
	}

	@Test
	void aShopperSeesTheirOrderWithTheCartTokenOrTheirAccountAndNothingElse() {
		ApiStore store = newStore();
		ApiClient shopperApi = ApiClient.at(port).store(store.handle());
		String email = ApiClient.unique("buyer") + "@example.com";
		ApiClient.Response registered = shopperApi.post("/api/store/v1/customers", Map.of("email", email, "password",
				"a-long-enough-password"));
		assertThat(registered.status()).as(registered.body()).isEqualTo(201);
		CustomerId customer = CustomerId.of(registered.json().get("id").asString());
		String customerToken = shopperApi.post("/api/store/v1/customers/login",
				Map.of("email", email, "password", "a-long-enough-password")).json().get("token").asString();
		String otherEmail = ApiClient.unique("other") + "@example.com";
		shopperApi.post("/api/store/v1/customers", Map.of("email", otherEmail, "password", "a-long-enough-password"));
		String otherToken = shopperApi.post("/api/store/v1/customers/login",
				Map.of("email", otherEmail, "password", "a-long-enough-password")).json().get("token").asString();

		String cartToken = "cart-token-" + UUID.randomUUID();
		Order guest = orders.place(store.id(), fixtures.order(OrderId.random(), "EUR",
				List.of(new OrderFixtures.Item("G-1", 1, "5.00")), PlaceOrder.Risk.NOT_ASSESSED, null, null, null,
				ShopperTokens.hash(cartToken)));
		Order mine = orders.place(store.id(), fixtures.order(OrderId.random(), "EUR",
				List.of(new OrderFixtures.Item("M-1", 1, "6.00")), new PlaceOrder.Risk(70, RiskLevel.HIGH,
						List.of("secret staff reason")), null, null, customer, null));

		ApiClient.Response withToken = shopperApi.with("X-Cart-Token", cartToken).get("/api/store/v1/orders/" + guest.id());
		assertThat(withToken.status()).as(withToken.body()).isEqualTo(200);
		assertThat(withToken.json().get("number").asString()).isEqualTo(guest.number());
		assertThat(withToken.json().has("risk")).isFalse();
		assertThat(shopperApi.with("X-Cart-Token", "wrong").get("/api/store/v1/orders/" + guest.id()).status())
			.isEqualTo(404);
		assertThat(shopperApi.get("/api/store/v1/orders/" + guest.id()).status()).isEqualTo(404);
		assertThat(shopperApi.with("X-Cart-Token", cartToken).get("/api/store/v1/orders/" + mine.id()).status())
			.isEqualTo(404);

		ApiClient.Response asOwner = shopperApi.bearer(customerToken).get("/api/store/v1/orders/" + mine.id());
		assertThat(asOwner.status()).as(asOwner.body()).isEqualTo(200);
		assertThat(asOwner.body()).doesNotContain("secret staff reason");
		assertThat(shopperApi.bearer(otherToken).get("/api/store/v1/orders/" + mine.id()).status()).isEqualTo(404);
		ApiClient.Response unknown = shopperApi.get("/api/store/v1/orders/" + UUID.randomUUID());
		assertThat(unknown.status()).isEqualTo(404);

		JsonNode history = shopperApi.bearer(customerToken).get("/api/store/v1/customers/me/orders").json();
		assertThat(history.get("items")).singleElement()
			.satisfies(o -> assertThat(o.get("id").asString()).isEqualTo(mine.id().toString()));
		assertThat(shopperApi.bearer(otherToken).get("/api/store/v1/customers/me/orders").json().get("items")).isEmpty();
		assertThat(shopperApi.get("/api/store/v1/customers/me/orders").status()).isEqualTo(401);
	}

	private static void assertProblem(ApiClient.Response response, int status, String code) {
		assertThat(response.status()).as(response.body()).isEqualTo(status);
		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat(response.json().get("code").asString()).isEqualTo(code);
	}
}
