package dev.shopwright.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.shopwright.orders.Order;
import dev.shopwright.orders.OrderFixtures;
import dev.shopwright.orders.OrderId;
import dev.shopwright.orders.OrderManagement;
import dev.shopwright.orders.OrderStatus;
import dev.shopwright.orders.PaymentState;
import dev.shopwright.orders.PlaceOrder;
import dev.shopwright.orders.RiskLevel;
import dev.shopwright.payments.CaptureMode;
import dev.shopwright.payments.PaymentIntent;
import dev.shopwright.payments.PaymentManagement;
import dev.shopwright.payments.PaymentSettings;
import dev.shopwright.shared.Money;
import dev.shopwright.shared.StoreId;
import dev.shopwright.stores.StoreManagement;
import dev.shopwright.testing.ApiClient;
import dev.shopwright.testing.ShopwrightTest;

/** The orders screens over HTTP: list with search and filters, the detail, its forms, and store isolation. */
@ShopwrightTest
class OrdersConsoleTests {

	@LocalServerPort
	int port;

	@Autowired
	OrderManagement orders;

	@Autowired
	PaymentManagement payments;

	@Autowired
	StoreManagement stores;

	OrderFixtures fixtures;

	AdminSession console;

	StoreId store;

	@BeforeEach
	void storeOfItsOwn() {
		fixtures = new OrderFixtures(stores, payments);
		ApiClient owner = ApiClient.at(port).loggedIn(ShopwrightTest.OWNER_EMAIL, ShopwrightTest.OWNER_PASSWORD);
		String handle = ApiClient.unique("ordcon");
		String storeId = owner.post("/api/admin/v1/stores", Map.of("name", "Console " + handle, "handle", handle,
				"defaultCurrency", "EUR")).json().get("id").asString();
		store = StoreId.of(storeId);
		console = AdminSession.at(port).logIn(ShopwrightTest.OWNER_EMAIL, ShopwrightTest.OWNER_PASSWORD);
		assertThat(console.post("/admin/stores/switch", Map.of("storeId", storeId)).status()).isEqualTo(302);
	}

	@Test
	void staffFindOrdersBySearchAndFilters() {
		Order plain = orders.place(store, fixtures.simple(OrderId.random(), "EUR", "10.00"));
		Order risky = orders.place(store, fixtures.order(OrderId.random(), "EUR",
				List.of(new OrderFixtures.Item("RISK", 1, "500.00")),
				new PlaceOrder.Risk(88, RiskLevel.HIGH, List.of("velocity")), null, null, null, null));

		AdminSession.Page list = console.get("/admin/orders");
		assertThat(list.status()).isEqualTo(200);
		assertThat(list.body()).contains("href=\"/admin/orders\"").contains(plain.number()).contains(risky.number());
		String held = console.get("/admin/orders?status=ON_HOLD&riskLevel=HIGH").body();
		assertThat(held).contains("id=\"order-" + risky.id() + "\"").doesNotContain("id=\"order-" + plain.id() + "\"");
		String searched = console.get("/admin/orders?q=" + plain.email()).body();
		assertThat(searched).contains("id=\"order-" + plain.id() + "\"").doesNotContain("id=\"order-" + risky.id() + "\"");
		String today = java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString();
		assertThat(console.get("/admin/orders?from=2000-01-01&to=2000-01-31").body()).contains("No orders match.");
		assertThat(console.get("/admin/orders?from=" + today).body()).contains(plain.number());
	}

	@Test
	void theDetailShowsTheOrderAndItsFormsAct() {
		payments.updateSettings(store, new PaymentSettings(true, false, false, CaptureMode.IMMEDIATE));
		OrderId id = OrderId.random();
		PlaceOrder unpaid = fixtures.simple(id, "EUR", "20.00");
		PaymentIntent payment = fixtures.payByCard(store, id, unpaid.totals().total(), "4242424242424242");
		Order order = orders.place(store, fixtures.order(id, "EUR", List.of(new OrderFixtures.Item("CON-1", 1, "20.00")),
				PlaceOrder.Risk.NOT_ASSESSED, null, new OrderFixtures.PaymentIntentIdHolder(payment.id()), null, null));
		String path = "/admin/orders/" + order.id();

		String page = console.get(path).body();
		assertThat(page).contains(order.number()).contains("CON-1").contains("VAT 19%").contains("29.63 EUR")
			.contains("Hauptstraße 1").contains("visa •••• 4242").contains("id=\"refund-form\"")
			.contains("id=\"cancel-form\"").contains("Order placed through online_store");

		assertThat(console.post(path + "/hold", Map.of("reason", "Check address")).location()).endsWith(path);
		assertThat(orders.get(store, order.id()).status()).isEqualTo(OrderStatus.ON_HOLD);
		assertThat(console.get(path).body()).contains("id=\"release-form\"").contains("Put on hold: Check address");
		assertThat(console.follow(console.post(path + "/release", Map.of())).body()).contains("Order released.");
		assertThat(console.follow(console.post(path + "/notes", Map.of("note", "Called the shopper"))).body())
			.contains("Note added.");
		assertThat(console.follow(console.post(path + "/tags", Map.of("tags", "vip, gift", "version",
				String.valueOf(orders.get(store, order.id()).version())))).body()).contains("Tags saved.");
		assertThat(orders.get(store, order.id()).tags()).containsExactlyInAnyOrder("vip", "gift");
		AdminSession.Page stale = console.post(path + "/tags", Map.of("tags", "late", "version", "0"));
		assertThat(console.follow(stale).body()).contains("The order changed since you loaded it");

		AdminSession.Page tooMuch = console.post(path + "/refund", Map.of("amount", "99.00", "reason", "x",
				"idempotencyKey", "console-test-1"));
		assertThat(console.follow(tooMuch).body()).contains("At most 29.63 EUR can be refunded");
		assertThat(console.follow(console.post(path + "/refund", Map.of("amount", "5.00", "reason", "Scratched",
				"idempotencyKey", "console-test-2"))).body()).contains("Refund recorded.");
		OrderFixtures.await(() -> orders.get(store, order.id()).paymentState(), s -> s == PaymentState.PARTIALLY_REFUNDED);

		assertThat(console.follow(console.post(path + "/cancel", Map.of("reason", "Shopper asked", "restock", "true")))
			.body()).contains("Order cancelled.");
		Order cancelled = orders.get(store, order.id());
		assertThat(cancelled.status()).isEqualTo(OrderStatus.CANCELLED);
		assertThat(payments.get(store, payment.id()).refunded()).isEqualTo(Money.of("29.63", "EUR"));
		String after = console.get(path).body();
		assertThat(after).contains("Called the shopper").contains("Shopper asked").doesNotContain("id=\"cancel-form\"");

		AdminSession.Page invoice = console.get(path + "/invoice.pdf");
		assertThat(invoice.status()).isEqualTo(200);
		assertThat(invoice.header("content-type")).isEqualTo("application/pdf");
	}

	@Test
	void anotherStoresOrderIsNotFoundInTheConsole() {
		StoreId other = fixtures.newStore("EUR");
		Order theirs = orders.place(other, fixtures.simple(OrderId.random(), "EUR", "10.00"));
		assertThat(console.get("/admin/orders/" + theirs.id()).status()).isEqualTo(404);
		assertThat(console.get("/admin/orders/" + theirs.id() + "/invoice.pdf").status()).isEqualTo(404);
		console.post("/admin/orders/" + theirs.id() + "/cancel", Map.of("reason", "x"));
		assertThat(orders.get(other, theirs.id()).status()).isEqualTo(OrderStatus.OPEN);
		assertThat(console.get("/admin/orders").body()).doesNotContain(theirs.id().toString());
	}

}
