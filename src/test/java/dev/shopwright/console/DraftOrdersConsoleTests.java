package dev.shopwright.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.shopwright.catalog.CatalogManagement;
import dev.shopwright.inventory.InventoryManagement;
import dev.shopwright.orders.Order;
import dev.shopwright.orders.OrderId;
import dev.shopwright.orders.OrderManagement;
import dev.shopwright.orders.drafts.DraftOrder;
import dev.shopwright.orders.drafts.DraftOrders;
import dev.shopwright.orders.drafts.DraftShop;
import dev.shopwright.payments.CaptureMode;
import dev.shopwright.payments.PaymentManagement;
import dev.shopwright.payments.PaymentSettings;
import dev.shopwright.shared.Money;
import dev.shopwright.shared.StoreId;
import dev.shopwright.stores.StoreManagement;
import dev.shopwright.testing.ShopwrightTest;
import dev.shopwright.testing.TestMail;

/** The draft order screens and the order edit screen, as staff use them through the console's forms. */
@ShopwrightTest
class DraftOrdersConsoleTests {

	@LocalServerPort
	int port;

	@Autowired
	StoreManagement stores;

	@Autowired
	CatalogManagement catalog;

	@Autowired
	InventoryManagement inventory;

	@Autowired
	PaymentManagement payments;

	@Autowired
	DraftOrders drafts;

	@Autowired
	OrderManagement orders;

	AdminSession console;

	StoreId store;

	DraftShop shop;

	@BeforeEach
	void storeOfItsOwn() {
		shop = new DraftShop(stores, catalog, inventory);
		store = shop.newStore("EUR");
		console = AdminSession.at(port).logIn(ShopwrightTest.OWNER_EMAIL, ShopwrightTest.OWNER_PASSWORD);
		assertThat(console.post("/admin/stores/switch", Map.of("storeId", store.toString())).status()).isEqualTo(302);
	}

	@Test
	void staffCreateAChangeSendAndMarkADraftPaidFromTheConsole() {
		String mug = shop.product(store, "12.50", 5);
		String email = DraftShop.email();
		AdminSession.Page empty = console.get("/admin/draft-orders");
		assertThat(empty.status()).isEqualTo(200);
		assertThat(empty.body()).contains("No draft orders match.");
		assertThat(console.get("/admin/draft-orders/new").body()).contains("id=\"draft-form\"");

		Map<String, String> form = new LinkedHashMap<>(Map.of("email", email, "currency", "EUR",
				"lines[0].sku", "NO-SUCH", "lines[0].quantity", "1", "shippingName", "Courier", "shippingPrice", "4.90",
				"line1", "Hauptstraße 1", "city", "Berlin", "country", "de"));
		AdminSession.Page refused = console.post("/admin/draft-orders", form);
		assertThat(refused.status()).isEqualTo(200);
		assertThat(AdminSession.unescape(refused.body())).contains("no variant with SKU NO-SUCH");
		assertThat(drafts.list(store, null, null, null, 10).items()).isEmpty();

		form.put("lines[0].sku", mug);
		form.put("lines[0].quantity", "2");
		form.put("lines[1].sku", "");
		AdminSession.Page created = console.post("/admin/draft-orders", form);
		assertThat(created.status()).isEqualTo(302);
		DraftOrder draft = drafts.list(store, null, null, null, 10).items().getFirst();
		assertThat(created.location()).endsWith("/admin/draft-orders/" + draft.id());
		assertThat(draft.totals().total()).isEqualTo(Money.of("29.90", "EUR"));
		assertThat(draft.shippingAddress().address().country()).isEqualTo("DE");

		AdminSession.Page detail = console.get("/admin/draft-orders/" + draft.id());
		assertThat(detail.body()).contains("D1001").contains("29.90 EUR").contains("id=\"send-invoice-form\"");
		Map<String, String> change = AdminSession.formFields(detail.body(), "draft-form");
		change.put("lines[0].quantity", "3");
		change.put("lines[0].customPrice", "10.00");
		change.put("lines[0].priceReason", "bulk");
		AdminSession.Page changed = console.post("/admin/draft-orders/" + draft.id(), change);
		assertThat(changed.status()).isEqualTo(302);
		assertThat(console.follow(changed).body()).contains("Draft saved.").contains("34.90 EUR");
		assertThat(drafts.get(store, draft.id()).totals().total()).isEqualTo(Money.of("34.90", "EUR"));
		assertThat(console.get("/admin/draft-orders?query=D1001").body()).contains("34.90 EUR");

		AdminSession.Page sent = console.post("/admin/draft-orders/" + draft.id() + "/send-invoice", Map.of());
		assertThat(sent.status()).isEqualTo(302);
		assertThat(console.follow(sent).body()).contains("Invoice sent.");
		assertThat(TestMail.body(TestMail.await(email, 1).getFirst())).contains("/pay/" + draft.id());

		payments.updateSettings(store, new PaymentSettings(true, true, false, CaptureMode.IMMEDIATE));
		AdminSession.Page paid = console.post("/admin/draft-orders/" + draft.id() + "/mark-paid",
				Map.of("idempotencyKey", "console-test"));
		assertThat(paid.status()).isEqualTo(302);
		AdminSession.Page completed = console.follow(paid);
		assertThat(completed.body()).contains("Marked as paid").contains("id=\"draft-order\"");
		Order order = orders.get(store, new OrderId(draft.id()));
		assertThat(order.totals().total()).isEqualTo(Money.of("34.90", "EUR"));

		// the order it became is edited from its edit screen: preview, then save
		String mugLine = order.lines().getFirst().id().toString();
		AdminSession.Page editPage = console.get("/admin/orders/" + order.id() + "/edit");
		assertThat(editPage.status()).isEqualTo(200);
		Map<String, String> edit = AdminSession.formFields(editPage.body(), "edit-form");
		edit.put("qty." + mugLine, "1");
		edit.put("action", "preview");
		AdminSession.Page preview = console.post("/admin/orders/" + order.id() + "/edit", edit);
		assertThat(preview.status()).isEqualTo(200);
		assertThat(preview.body()).contains("id=\"preview-total\"").contains("14.90 EUR").contains("20.00 EUR");
		assertThat(orders.get(store, order.id()).version()).isEqualTo(order.version());
		edit.put("action", "commit");
		AdminSession.Page saved = console.post("/admin/orders/" + order.id() + "/edit", edit);
		assertThat(saved.status()).isEqualTo(302);
		assertThat(console.follow(saved).body()).contains("Edit 1 saved").contains("Refunded 20.00 EUR");
		assertThat(orders.get(store, order.id()).totals().total()).isEqualTo(Money.of("14.90", "EUR"));
		// the form of the old version is stale
		edit.put("qty." + mugLine, "2");
		AdminSession.Page stale = console.post("/admin/orders/" + order.id() + "/edit", edit);
		assertThat(stale.status()).isEqualTo(200);
		assertThat(stale.body()).contains("changed since you loaded it");
	}

	@Test
	void aDraftCanBeDeletedFromItsPage() {
		String mug = shop.product(store, "12.50", 5);
		DraftOrder draft = drafts.create(store, DraftShop.details(DraftShop.email(), List.of(DraftShop.line(mug, 1)), null));
		AdminSession.Page deleted = console.post("/admin/draft-orders/" + draft.id() + "/delete", Map.of());
		assertThat(deleted.status()).isEqualTo(302);
		assertThat(deleted.location()).endsWith("/admin/draft-orders");
		assertThat(drafts.find(store, draft.id())).isEmpty();
		assertThat(console.follow(deleted).body()).contains("Draft deleted.");
		assertThat(console.get("/admin/draft-orders/" + draft.id()).status()).isEqualTo(404);
		assertThat(console.get("/admin/orders/" + draft.id() + "/edit").status()).isEqualTo(404);
	}
}
