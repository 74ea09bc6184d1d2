package dev.shopwright.orders.drafts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.shopwright.catalog.CatalogManagement;
import dev.shopwright.inventory.InventoryManagement;
import dev.shopwright.payments.CaptureMode;
import dev.shopwright.payments.PaymentManagement;
import dev.shopwright.payments.PaymentSettings;
import dev.shopwright.shared.StoreId;
import dev.shopwright.stores.StoreManagement;
import dev.shopwright.testing.ApiClient;
import dev.shopwright.testing.ApiClient.Response;
import dev.shopwright.testing.ShopwrightTest;
import dev.shopwright.testing.TestMail;
import tools.jackson.databind.JsonNode;

/** The draft order and order edit endpoints of the Admin API: contract, problems, permissions, store isolation. */
@ShopwrightTest
class DraftOrdersApiTests {

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

	DraftShop shop;

	StoreId store;

	String handle;

	ApiClient owner;

	@BeforeEach
	void shop() {
		shop = new DraftShop(stores, catalog, inventory);
		store = shop.newStore("EUR");
		handle = stores.get(store).handle();
		owner = ApiClient.at(port).loggedIn(ShopwrightTest.OWNER_EMAIL, ShopwrightTest.OWNER_PASSWORD).store(handle);
	}

	private static Map<String, Object> draft(String email, String sku, int quantity) {
		return Map.of("email", email, "lines", List.of(Map.of("sku", sku, "quantity", quantity)),
				"shipping", Map.of("name", "Courier", "price", "4.90"),
				"shippingAddress", Map.of("firstName", "Ada", "address", Map.of("line1", "Hauptstraße 1", "city", "Berlin",
						"postalCode", "10115", "country", "DE")));
	}

	@Test
	void draftOrdersCanBeCreatedChangedInvoicedAndCompleted() {
		String mug = shop.product(store, "12.50", 5);
		String email = DraftShop.email();

		Response created = owner.post("/api/admin/v1/draft-orders", draft(email, mug, 2));
		assertThat(created.status()).isEqualTo(201);
		JsonNode body = created.json();
		String id = body.get("id").asString();
		assertThat(created.header("Location")).isEqualTo("/api/admin/v1/draft-orders/" + id);
		assertThat(body.get("number").asString()).isEqualTo("D1001");
		assertThat(body.get("totals").get("total").get("amount").asString()).isEqualTo("29.90");
		assertThat(body.get("totals").get("total").get("currency").asString()).isEqualTo("EUR");
		int version = body.get("version").asInt();

		assertThat(owner.get("/api/admin/v1/draft-orders?limit=10").json().get("items")).hasSize(1);
		Response changed = owner.put("/api/admin/v1/draft-orders/" + id + "?expectedVersion=" + version,
				draft(email, mug, 3));
		assertThat(changed.status()).isEqualTo(200);
		assertThat(changed.json().get("totals").get("total").get("amount").asString()).isEqualTo("42.40");
		Response stale = owner.put("/api/admin/v1/draft-orders/" + id + "?expectedVersion=" + version,
				draft(email, mug, 1));
		assertThat(stale.status()).isEqualTo(409);
		assertThat(stale.json().get("code").asString()).isEqualTo("DRAFT_ORDER_CONFLICT");

		Response sent = owner.post("/api/admin/v1/draft-orders/" + id + "/send-invoice", Map.of());
		assertThat(sent.status()).isEqualTo(200);
		assertThat(sent.json().get("status").asString()).isEqualTo("INVOICE_SENT");
		assertThat(TestMail.body(TestMail.await(email, 1).getFirst())).contains("/pay/" + id + "?token=");

		Response noManual = owner.post("/api/admin/v1/draft-orders/" + id + "/complete", Map.of());
		assertThat(noManual.status()).isEqualTo(409);
		assertThat(noManual.json().get("code").asString()).isEqualTo("MANUAL_PAYMENT_NOT_OFFERED");
		payments.updateSettings(store, new PaymentSettings(true, true, false, CaptureMode.IMMEDIATE));
		Response completed = owner.with("Idempotency-Key", "complete-" + id)
			.post("/api/admin/v1/draft-orders/" + id + "/complete", Map.of());
		assertThat(completed.status()).isEqualTo(200);
		assertThat(completed.json().get("orderId").asString()).isEqualTo(id);
		assertThat(completed.json().get("orderNumber").asString()).isEqualTo("#1001");
		assertThat(completed.json().get("paymentState").asString()).isEqualTo("PAID");
		// sold units are committed to the order: still on hand (5) until shipped, no longer available
		assertThat(inventory.stock(store, mug).onHand()).isEqualTo(5);
		assertThat(inventory.stock(store, mug).committed()).isEqualTo(3);
		assertThat(inventory.availableOnline(store, mug)).isEqualTo(2);

		Response delete = owner.delete("/api/admin/v1/draft-orders/" + id);
		assertThat(delete.status()).isEqualTo(409);
		assertThat(delete.json().get("code").asString()).isEqualTo("DRAFT_ORDER_COMPLETED");

		// the order it became can be edited through the API
		Response preview = owner.post("/api/admin/v1/orders/" + id + "/edits/preview", Map.of("expectedVersion", 0,
				"changes", List.of(Map.of("kind", "ADD", "sku", mug, "quantity", 1))));
		assertThat(preview.status()).isEqualTo(200);
		assertThat(preview.json().get("totals").get("total").get("amount").asString()).isEqualTo("54.90");
		assertThat(preview.json().get("toCollect").get("amount").asString()).isEqualTo("12.50");
		int orderVersion = preview.json().get("version").asInt();
		Response edited = owner.post("/api/admin/v1/orders/" + id + "/edits", Map.of("expectedVersion", orderVersion,
				"changes", List.of(Map.of("kind", "ADD", "sku", mug, "quantity", 1)), "reason", "one more"));
		assertThat(edited.status()).isEqualTo(201);
		assertThat(edited.json().get("total").get("amount").asString()).isEqualTo("54.90");
		assertThat(edited.json().get("paymentState").asString()).isEqualTo("PARTIALLY_PAID");
		assertThat(edited.json().get("payLinkSentTo").asString()).isEqualTo(email);
		Response again = owner.post("/api/admin/v1/orders/" + id + "/edits", Map.of("expectedVersion", orderVersion,
				"changes", List.of(Map.of("kind", "ADD", "sku", mug, "quantity", 1))));
		assertThat(again.status()).isEqualTo(409);
		assertThat(again.json().get("code").asString()).isEqualTo("ORDER_VERSION_CONFLICT");
		assertThat(owner.get("/api/admin/v1/orders/" + id + "/edits").json()).hasSize(1);
	}

	@Test
	void badInputIsAProblemWithFieldErrors() {
		String mug = shop.product(store, "12.50", 5);
		Response bad = owner.post("/api/admin/v1/draft-orders", Map.of("email", "shopper@example.com",
				"lines", List.of(Map.of("sku", "NOPE", "quantity", 1), Map.of("sku", mug, "quantity", 1,
						"customPrice", "3.00"))));
		assertThat(bad.status()).isEqualTo(422);
		assertThat(bad.contentType()).startsWith("application/problem+json");
		assertThat(bad.json().get("code").asString()).isEqualTo("INVALID_DRAFT_ORDER");
		assertThat(bad.json().get("errors").toString()).contains("lines[0].sku").contains("lines[1].priceReason");

		Response invalid = owner.post("/api/admin/v1/draft-orders", Map.of("email", "x@example.com",
				"lines", List.of(Map.of("sku", mug, "quantity", 0))));
		assertThat(invalid.status()).isIn(400, 422);
		assertThat(invalid.contentType()).startsWith("application/problem+json");

		Response missing = owner.get("/api/admin/v1/draft-orders/" + java.util.UUID.randomUUID());
		assertThat(missing.status()).isEqualTo(404);
		assertThat(missing.contentType()).startsWith("application/problem+json");
		Response badEdit = owner.post("/api/admin/v1/orders/" + java.util.UUID.randomUUID() + "/edits/preview",
				Map.of("expectedVersion", 0, "changes", List.of(Map.of("kind", "ADD", "sku", mug, "quantity", 1))));
		assertThat(badEdit.status()).isEqualTo(404);
	}

	@Test
	void readOnlyStaffCannotWriteAndOtherStoresCannotSeeTheDrafts() {
		String mug = shop.product(store, "12.50", 5);
		String id = owner.post("/api/admin/v1/draft-orders", draft(DraftShop.email(), mug, 1)).json().get("id").asString();

		Response analystToken = owner.post("/api/admin/v1/api-tokens", Map.of("name", "Analyst " + id, "role", "ANALYST"));
		assertThat(analystToken.status()).isEqualTo(201);
		ApiClient analyst = ApiClient.at(port).bearer(analystToken.json().get("secret").asString());
		assertThat(analyst.get("/api/admin/v1/draft-orders/" + id).status()).isEqualTo(200);
		Response forbidden = analyst.post("/api/admin/v1/draft-orders", draft(DraftShop.email(), mug, 1));
		assertThat(forbidden.status()).isEqualTo(403);
		assertThat(forbidden.contentType()).startsWith("application/problem+json");
		assertThat(analyst.delete("/api/admin/v1/draft-orders/" + id).status()).isEqualTo(403);

		StoreId other = shop.newStore("EUR");
		Response supportToken = ApiClient.at(port).loggedIn(ShopwrightTest.OWNER_EMAIL, ShopwrightTest.OWNER_PASSWORD)
			.store(stores.get(other).handle())
			.post("/api/admin/v1/api-tokens", Map.of("name", "Support " + id, "role", "SUPPORT"));
		ApiClient otherStaff = ApiClient.at(port).bearer(supportToken.json().get("secret").asString());
		assertThat(otherStaff.get("/api/admin/v1/draft-orders/" + id).status()).isEqualTo(404);
		assertThat(otherStaff.get("/api/admin/v1/draft-orders").json().get("items")).isEmpty();
		assertThat(otherStaff.put("/api/admin/v1/draft-orders/" + id, draft(DraftShop.email(), mug, 9)).status())
			.isIn(404, 422);
		assertThat(otherStaff.post("/api/admin/v1/draft-orders/" + id + "/send-invoice", Map.of()).status())
			.isEqualTo(404);
		assertThat(otherStaff.delete("/api/admin/v1/draft-orders/" + id).status()).isEqualTo(404);
		assertThat(owner.get("/api/admin/v1/draft-orders/" + id).json().get("lines").get(0).get("quantity").asInt())
			.isEqualTo(1);
	}

	@Test
	void theOpenApiDocumentDescribesTheDraftAndEditOperations() {
		JsonNode doc = ApiClient.at(port).get("/api/openapi.json").json();
		JsonNode paths = doc.get("paths");
		assertThat(paths.has("/api/admin/v1/draft-orders")).isTrue();
		assertThat(paths.get("/api/admin/v1/draft-orders/{id}").has("put")).isTrue();
		assertThat(paths.get("/api/admin/v1/draft-orders/{id}").has("delete")).isTrue();
		assertThat(paths.has("/api/admin/v1/draft-orders/{id}/send-invoice")).isTrue();
		assertThat(paths.has("/api/admin/v1/draft-orders/{id}/complete")).isTrue();
		assertThat(paths.has("/api/admin/v1/orders/{id}/edits/preview")).isTrue();
		assertThat(paths.get("/api/admin/v1/orders/{id}/edits").get("post").get("responses").has("409")).isTrue();
		assertThat(doc.get("components").get("schemas").has("DraftOrderDetails")).isTrue();
		assertThat(doc.get("components").get("schemas").has("EditOrder")).isTrue();
	}
}
