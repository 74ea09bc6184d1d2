package dev.shopwright.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.shopwright.customers.Customer;
import dev.shopwright.customers.CustomerManagement;
import dev.shopwright.customers.Registration;
import dev.shopwright.orders.Order;
import dev.shopwright.orders.OrderFixtures;
import dev.shopwright.orders.OrderId;
import dev.shopwright.orders.OrderManagement;
import dev.shopwright.orders.PlaceOrder;
import dev.shopwright.orders.ShopperTokens;
import dev.shopwright.payments.PaymentManagement;
import dev.shopwright.shared.StoreId;
import dev.shopwright.stores.StoreManagement;
import dev.shopwright.testing.ApiClient;
import dev.shopwright.testing.ShopwrightTest;

/** The storefront order status page and the account's order history (demo store), as a browser without JS sees them. */
@ShopwrightTest
class ShopperOrderPagesTests {

	static final String PASSWORD = "storefront-password-1";

	@LocalServerPort
	int port;

	@Autowired
	OrderManagement orders;

	@Autowired
	PaymentManagement payments;

	@Autowired
	StoreManagement stores;

	@Autowired
	CustomerManagement customers;

	private StoreId demo() {
		return stores.findByReference("demo").orElseThrow().id();
	}

	private Customer register(String email) {
		return customers.register(demo(), new Registration(email, PASSWORD, "Grace", "Hopper", null, false));
	}

	private AdminSession signIn(String email) {
		AdminSession shopper = AdminSession.at(port);
		shopper.get("/account/login");
		assertThat(shopper.post("/account/login", Map.of("email", email, "password", PASSWORD)).location())
			.endsWith("/account");
		return shopper;
	}

	@Test
	void theStatusPageOpensWithTheCartTokenOnly() {
		OrderFixtures fixtures = new OrderFixtures(stores, payments);
		String token = "cart-" + UUID.randomUUID();
		Order order = orders.place(demo(), fixtures.order(OrderId.random(), "EUR",
				List.of(new OrderFixtures.Item("PAGE-1", 2, "10.05")), PlaceOrder.Risk.NOT_ASSESSED, null, null, null,
				ShopperTokens.hash(token)));

		AdminSession visitor = AdminSession.at(port);
		AdminSession.Page page = visitor.get("/orders/" + order.id() + "?token=" + token);
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("Order " + order.number()).contains("Product PAGE-1")
			.contains(order.totals().total().toString()).contains("Awaiting payment").contains("Not shipped yet")
			.contains("Hauptstraße 1");
		assertThat(visitor.get("/orders/" + order.id() + "?token=wrong").status()).isEqualTo(404);
		assertThat(visitor.get("/orders/" + order.id()).status()).isEqualTo(404);
		assertThat(visitor.get("/orders/" + UUID.randomUUID() + "?token=" + token).status()).isEqualTo(404);
	}

	@Test
	void theStatusPageShowsShipmentsWithTrackingAndLinksToReturnsOnceSomethingShipped() {
		OrderFixtures fixtures = new OrderFixtures(stores, payments);
		String token = "cart-" + UUID.randomUUID();
		Order order = orders.place(demo(), fixtures.order(OrderId.random(), "EUR",
				List.of(new OrderFixtures.Item("PAGE-2", 2, "10.05")), PlaceOrder.Risk.NOT_ASSESSED, null, null, null,
				ShopperTokens.hash(token)));
		AdminSession visitor = AdminSession.at(port);
		String before = visitor.get("/orders/" + order.id() + "?token=" + token).body();
		assertThat(before).doesNotContain("order-shipments").doesNotContain("return-items");

		String reference = "shipment-" + UUID.randomUUID();
		orders.recordFulfillment(demo(), order.id(), Map.of(order.lines().get(0).id(), 1), reference);
		// fulfilment reports the tracking; a shipment orders never recorded is not invented
		assertThat(orders.trackShipment(demo(), order.id(), reference, "sandbox", "SBXG000111222",
				"https://tracking.example/SBXG000111222", "IN_TRANSIT")).isTrue();
		assertThat(orders.trackShipment(demo(), order.id(), "shipment-unknown", "sandbox", "SBXG999", null, "IN_TRANSIT"))
			.isFalse();

		String after = visitor.get("/orders/" + order.id() + "?token=" + token).body();
		assertThat(after).contains("SBXG000111222").contains("https://tracking.example/SBXG000111222")
			.contains("In transit").doesNotContain("SBXG999")
			.contains("/orders/" + order.id() + "/return?token=" + token);
	}

	@Test
	void aSignedInCustomerSeesTheirOrderHistoryAndOnlyTheirOrders() {
		OrderFixtures fixtures = new OrderFixtures(stores, payments);
		String email = ApiClient.unique("history") + "@test.local";
		Customer customer = register(email);
		String otherEmail = ApiClient.unique("other") + "@test.local";
		register(otherEmail);
		Order mine = orders.place(demo(), fixtures.order(OrderId.random(), "EUR",
				List.of(new OrderFixtures.Item("HIST-1", 1, "7.00")), PlaceOrder.Risk.NOT_ASSESSED, null, null,
				customer.id(), null));
		Order someoneElses = orders.place(demo(), fixtures.simple(OrderId.random(), "EUR", "3.00"));

		AdminSession shopper = signIn(email);
		assertThat(shopper.get("/account").body()).contains("id=\"account-orders-link\"");
		AdminSession.Page history = shopper.get("/account/orders");
		assertThat(history.status()).isEqualTo(200);
		assertThat(history.body()).contains("id=\"history-" + mine.id() + "\"").contains(mine.number())
			.doesNotContain(someoneElses.id().toString());
		AdminSession.Page detail = shopper.get("/account/orders/" + mine.id());
		assertThat(detail.status()).isEqualTo(200);
		assertThat(detail.body()).contains("Product HIST-1").contains(mine.totals().total().toString());
		assertThat(shopper.get("/orders/" + mine.id()).status()).as("the owner needs no token").isEqualTo(200);
		assertThat(shopper.get("/account/orders/" + someoneElses.id()).status()).isEqualTo(404);

		AdminSession other = signIn(otherEmail);
		assertThat(other.get("/account/orders/" + mine.id()).status()).isEqualTo(404);
		assertThat(other.get("/orders/" + mine.id()).status()).isEqualTo(404);
		assertThat(other.get("/account/orders").body()).contains("You have not placed any orders yet.");
		assertThat(AdminSession.at(port).get("/account/orders").location()).endsWith("/account/login");
	}
}
