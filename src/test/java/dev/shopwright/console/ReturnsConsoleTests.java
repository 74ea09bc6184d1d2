package dev.shopwright.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.shopwright.catalog.Product;
import dev.shopwright.orders.Order;
import dev.shopwright.returns.RequestReturn;
import dev.shopwright.returns.ReturnFixtures;
import dev.shopwright.returns.ReturnManagement;
import dev.shopwright.returns.ReturnReason;
import dev.shopwright.returns.ReturnRequest;
import dev.shopwright.shared.Money;
import dev.shopwright.stores.Store;
import dev.shopwright.stores.StoreManagement;
import dev.shopwright.testing.ApiClient;
import dev.shopwright.testing.ShopwrightTest;

/** The returns screens: policy settings, opening a return for an order, every step on the detail page, list, report. */
@ShopwrightTest
class ReturnsConsoleTests {

	@LocalServerPort
	int port;

	@Autowired
	StoreManagement stores;

	@Autowired
	ReturnManagement returns;

	@Autowired
	ReturnFixtures fixtures;

	Store store;

	AdminSession console;

	@BeforeEach
	void storeOfItsOwn() {
		store = fixtures.newStore("EUR");
		console = AdminSession.at(port).logIn(ShopwrightTest.OWNER_EMAIL, ShopwrightTest.OWNER_PASSWORD);
		assertThat(console.post("/admin/stores/switch", Map.of("storeId", store.id().toString())).status()).isEqualTo(302);
	}

	@Test
	void staffSetThePolicyOpenAReturnAndTakeItThroughToARefund() {
		AdminSession.Page policy = console.get("/admin/settings/returns");
		assertThat(policy.status()).isEqualTo(200);
		assertThat(policy.body()).contains("id=\"return-policy\"").contains("value=\"30\"");
		String sku = "LAMP-" + store.handle();
		AdminSession.Page saved = console.post("/admin/settings/returns", Map.of("windowDays", "21",
				"restockingFeePercent", "10", "returnShippingPaidBy", "MERCHANT", "nonReturnableSkus", "GIFT-1\nGIFT-2"));
		assertThat(saved.status()).isEqualTo(302);
		assertThat(console.follow(saved).body()).contains("Return policy saved.").contains("value=\"21\"").contains("GIFT-2");
		AdminSession.Page badFee = console.post("/admin/settings/returns", Map.of("windowDays", "21",
				"restockingFeePercent", "120", "returnShippingPaidBy", "MERCHANT"));
		assertThat(badFee.status()).isEqualTo(200);
		assertThat(badFee.body()).contains("must be 0 to 100");

		Product lamp = fixtures.product(store.id(), "Desk lamp", "30.00", List.of(), sku);
		Order order = fixtures.deliveredOrder(store.id(), null, null, new ReturnFixtures.Item(lamp, sku, 2));
		String line = order.lines().getFirst().id().toString();

		AdminSession.Page found = console.get("/admin/returns/new?order=" + order.number().substring(1));
		assertThat(found.status()).isEqualTo(200);
		assertThat(found.body()).contains("id=\"open-form\"").contains(sku);
		Map<String, String> tooMany = new HashMap<>(AdminSession.formFields(found.body(), "open-form"));
		tooMany.put("quantity." + line, "3");
		AdminSession.Page refused = console.post("/admin/returns/new", tooMany);
		assertThat(refused.status()).isEqualTo(200);
		assertThat(refused.body()).contains("3 asked, 2 delivered and not yet returned");

		Map<String, String> open = new HashMap<>(AdminSession.formFields(found.body(), "open-form"));
		open.put("quantity." + line, "2");
		open.put("reason." + line, "DEFECTIVE");
		AdminSession.Page opened = console.post("/admin/returns/new", open);
		assertThat(opened.status()).isEqualTo(302);
		AdminSession.Page detail = console.follow(opened);
		assertThat(detail.body()).contains("Return R1001 opened.").contains("Requested").contains("id=\"approve-form\"")
			.contains("Defective");
		String path = opened.header("Location").replaceFirst("^https?://[^/]+", "");

		assertThat(console.follow(console.post(path + "/approve", Map.of())).body())
			.contains("Return approved").contains("id=\"receive-form\"");
		AdminSession.Page received = console.follow(console.post(path + "/receive", Map.of()));
		assertThat(received.body()).contains("Parcel received.").contains("id=\"inspect-form\"");
		Map<String, String> inspection = new HashMap<>(AdminSession.formFields(received.body(), "inspect-form"));
		String restockField = inspection.keySet().stream().filter(k -> k.startsWith("restock.")).findFirst().orElseThrow();
		String itemId = restockField.substring("restock.".length());
		inspection.put(restockField, "1");
		inspection.put("damaged." + itemId, "1");
		int onHand = fixtures.onHand(store.id(), sku);
		AdminSession.Page inspected = console.follow(console.post(path + "/inspect", inspection));
		assertThat(inspected.body()).contains("Inspection recorded.").contains("1 restocked, 1 written off")
			.contains("id=\"resolve-form\"");
		assertThat(fixtures.onHand(store.id(), sku)).isEqualTo(onHand + 1);

		AdminSession.Page resolved = console.follow(console.post(path + "/resolve", Map.of("resolution", "REFUND")));
		// 60.00 returned, 10% kept
		assertThat(resolved.body()).contains("Return resolved.").contains("54.00 EUR");
		assertThat(fixtures.payment(store.id(), order).refunded()).isEqualTo(Money.of("54.00", "EUR"));
		AdminSession.Page twice = console.follow(console.post(path + "/resolve", Map.of("resolution", "REFUND")));
		assertThat(twice.body()).contains("cannot be resolved");

		AdminSession.Page list = console.get("/admin/returns");
		assertThat(list.status()).isEqualTo(200);
		assertThat(list.body()).contains("R1001").contains(order.number());
		assertThat(console.get("/admin/returns?status=REQUESTED").body()).doesNotContain(">R1001<");
		assertThat(console.get("/admin/returns?q=R1001").body()).contains(">R1001<");

		AdminSession.Page report = console.get("/admin/returns/report");
		assertThat(report.status()).isEqualTo(200);
		assertThat(report.body()).contains("id=\"return-report\"").contains(sku);
	}

	@Test
	void aRequestCanBeRejectedWithAReason() {
		String sku = "VASE-" + store.handle();
		Product vase = fixtures.product(store.id(), "Vase", "25.00", List.of(), sku);
		Order order = fixtures.deliveredOrder(store.id(), null, null, new ReturnFixtures.Item(vase, sku, 1));
		ApiClient api = ApiClient.at(port).loggedIn(ShopwrightTest.OWNER_EMAIL, ShopwrightTest.OWNER_PASSWORD)
			.store(store.handle());
		String id = api.post("/api/admin/v1/returns", Map.of("orderId", order.id().toString(), "items", List.of(Map.of(
				"orderLineId", order.lines().getFirst().id().toString(), "quantity", 1, "reason", "CHANGED_MIND"))))
			.json().get("id").asString();
		AdminSession.Page rejected = console.follow(console.post("/admin/returns/" + id + "/reject",
				Map.of("reason", "Used and washed")));
		assertThat(rejected.body()).contains("Return rejected.").contains("Used and washed").contains("Rejected");
		AdminSession.Page noReason = console.follow(console.post("/admin/returns/" + id + "/reject", Map.of("reason", " ")));
		assertThat(noReason.body()).contains("give a reason");
	}

	@Test
	void staffSeeTheReturnParcelFilterDeliveredParcelsAndVoidALabel() {
		AdminSession.Page saved = console.post("/admin/settings/returns", Map.of("windowDays", "30",
				"restockingFeePercent", "0", "returnShippingPaidBy", "CUSTOMER", "autoReceiveOnDelivery", "true"));
		assertThat(saved.status()).isEqualTo(302);
		assertThat(console.follow(saved).body()).contains("id=\"autoReceiveOnDelivery\"")
			.containsPattern("id=\"autoReceiveOnDelivery\"[^>]*checked");
		assertThat(returns.policy(store.id()).autoReceiveOnDelivery()).isTrue();
		console.post("/admin/settings/returns", Map.of("windowDays", "30", "restockingFeePercent", "0",
				"returnShippingPaidBy", "CUSTOMER"));
		assertThat(returns.policy(store.id()).autoReceiveOnDelivery()).as("an unticked box turns it off").isFalse();

		String sku = "BOWL-" + store.handle();
		Product bowl = fixtures.product(store.id(), "Bowl", "18.00", List.of(), sku);
		ReturnRequest delivered = approved(bowl, sku);
		// the sandbox carries the parcel to the store
		returns.followParcels(delivered.approvedAt().plus(java.time.Duration.ofDays(6)));
		ReturnRequest voidable = approved(bowl, sku);

		AdminSession.Page waiting = console.get("/admin/returns?parcelDelivered=true");
		assertThat(waiting.body()).contains(">" + delivered.number() + "<").doesNotContain(">" + voidable.number() + "<")
			.contains("Parcel delivered, awaiting receipt");
		AdminSession.Page detail = console.get("/admin/returns/" + delivered.id());
		assertThat(detail.body()).contains("id=\"return-parcel-timeline\"").contains("Label created")
			.contains("Delivered to the store").contains("Parcel delivered, awaiting receipt")
			.doesNotContain("id=\"void-label-form\"");

		AdminSession.Page before = console.get("/admin/returns/" + voidable.id());
		assertThat(before.body()).contains("id=\"void-label-form\"").contains("−" + voidable.returnShippingCharge());
		AdminSession.Page voided = console.follow(console.post("/admin/returns/" + voidable.id() + "/void-label", Map.of()));
		assertThat(voided.body()).contains("Return label voided").contains("Label voided: no charge")
			.doesNotContain("id=\"void-label-form\"");
		assertThat(returns.get(store.id(), voidable.id()).returnShippingCharge()).isEqualTo(Money.of("0.00", "EUR"));
	}

	private ReturnRequest approved(Product product, String sku) {
		Order order = fixtures.deliveredOrder(store.id(), null, null, new ReturnFixtures.Item(product, sku, 1));
		ReturnRequest opened = returns.request(store.id(), new RequestReturn(order.id(), List.of(
				new RequestReturn.Item(order.lines().getFirst().id(), 1, ReturnReason.OTHER, null)), null),
				ReturnManagement.STAFF);
		return returns.approve(store.id(), opened.id());
	}
}
