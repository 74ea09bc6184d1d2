package dev.shopwright.inventory.purchasing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.shopwright.inventory.InventoryManagement;
import dev.shopwright.shared.StoreId;
import dev.shopwright.stores.StoreManagement;

import dev.shopwright.testing.ApiClient;
import dev.shopwright.testing.ShopwrightTest;
import tools.jackson.databind.JsonNode;

@ShopwrightTest
class PurchasingApiTests {

	private static final String API = "/api/admin/v1/inventory";

	@LocalServerPort
	int port;

	ApiClient owner;

	ApiClient storeA;

	ApiClient storeB;

	String handleA;

	String handleB;

	@BeforeEach
	void twoStores() {
		owner = ApiClient.at(port).loggedIn(ShopwrightTest.OWNER_EMAIL, ShopwrightTest.OWNER_PASSWORD);
		handleA = ApiClient.unique("buy-a");
		handleB = ApiClient.unique("buy-b");
		assertThat(owner.post("/api/admin/v1/stores", Map.of("name", "Buyer A", "handle", handleA, "defaultCurrency", "EUR"))
			.status()).isEqualTo(201);
		assertThat(owner.post("/api/admin/v1/stores", Map.of("name", "Buyer B", "handle", handleB, "defaultCurrency", "EUR"))
			.status()).isEqualTo(201);
		storeA = owner.store(handleA);
		storeB = owner.store(handleB);
	}

	@Test
	void aPurchaseOrderGoesFromDraftToReceivedThroughTheApi() {
		String sku = product(storeA, "API-" + ApiClient.unique("S").toUpperCase());
		JsonNode supplier = supplier(storeA, Map.of("name", "Acme Supplies", "email", "orders@acme.test", "phone",
				"+49 30 1234567", "currency", "EUR", "leadTimeDays", 12, "minimumOrderUnits", 10, "packSize", 5));
		assertThat(supplier.get("phone").asString()).isEqualTo("+49 30 1234567");
		String supplierId = supplier.get("id").asString();
		ApiClient.Response link = storeA.put(API + "/suppliers/" + supplierId + "/skus",
				Map.of("sku", sku, "supplierCode", "AC-77", "unitCost", "3.25", "packSize", 5, "primary", true));
		assertThat(link.status()).as(link.body()).isEqualTo(200);
		assertThat(link.json().get("unitCost").get("amount").asString()).isEqualTo("3.25");
		JsonNode sellers = storeA.get(API + "/supplier-skus?sku=" + sku).json().get("items");
		assertThat(sellers.findValuesAsString("supplierCode")).containsExactly("AC-77");
		assertThat(storeB.get(API + "/supplier-skus?sku=" + sku).json().get("items")).isEmpty();

		ApiClient.Response created = storeA.post(API + "/purchase-orders",
				Map.of("supplierId", supplierId, "lines", List.of(Map.of("sku", sku, "quantity", 10))));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		JsonNode order = created.json();
		assertThat(order.get("number").asString()).as("a new store's first number").isEqualTo("PO-1001");
		assertThat(order.get("total").get("amount").asString()).isEqualTo("32.50");
		String id = order.get("id").asString();

		assertThat(storeA.get(API + "/purchase-orders?status=DRAFT").json().get("items").findValuesAsString("id")).contains(id);
		assertThat(storeA.post(API + "/purchase-orders/" + id + "/send", Map.of()).json().get("status").asString())
			.isEqualTo("SENT");
		ApiClient.Response pdf = storeA.get(API + "/purchase-orders/" + id + "/pdf");
		assertThat(pdf.status()).isEqualTo(200);
		assertThat(pdf.contentType()).startsWith("application/pdf");
		assertThat(pdf.body()).startsWith("%PDF-");

		ApiClient.Response over = storeA.post(API + "/purchase-orders/" + id + "/receipts",
				Map.of("lines", List.of(Map.of("code", "AC-77", "quantity", 4), Map.of("code", sku, "quantity", 7))));
		assertThat(over.status()).isEqualTo(409);
		assertThat(over.contentType()).startsWith("application/problem+json");
		assertThat(over.json().get("code").asString()).isEqualTo("RECEIVED_MORE_THAN_ORDERED");
		assertThat(over.body()).contains("lines[1].quantity");
		assertThat(onHand(sku)).as("nothing of the refused receipt is kept").isZero();

		ApiClient.Response partly = storeA.post(API + "/purchase-orders/" + id + "/receipts",
				Map.of("lines", List.of(Map.of("code", "AC-77", "quantity", 4))));
		assertThat(partly.status()).as(partly.body()).isEqualTo(200);
		assertThat(partly.json().get("status").asString()).isEqualTo("PARTIALLY_RECEIVED");
		assertThat(onHand(sku)).isEqualTo(4);
		assertThat(storeA.post(API + "/purchase-orders/" + id + "/cancel", Map.of()).json().get("status").asString())
			.isEqualTo("CANCELLED");
	}

	@Test
	void badInputIsAProblemWithItsFieldsAndWritesNothing() {
		ApiClient.Response invalid = storeA.post(API + "/suppliers",
				Map.of("name", "", "currency", "EURO", "leadTimeDays", 400, "packSize", 0));
		assertThat(invalid.status()).isEqualTo(400);
		assertThat(invalid.contentType()).startsWith("application/problem+json");
		assertThat(invalid.body()).contains("\"name\"", "\"currency\"", "\"leadTimeDays\"", "\"packSize\"");
		ApiClient.Response phone = storeA.post(API + "/suppliers",
				Map.of("name", "Phoney", "currency", "EUR", "leadTimeDays", 5, "phone", "+1 555 12"));
		assertThat(phone.status()).isEqualTo(422);
		assertThat(phone.json().get("code").asString()).isEqualTo("INVALID_PHONE");
		ApiClient.Response currency = storeA.post(API + "/suppliers",
				Map.of("name", "Nowhere", "currency", "XYZ", "leadTimeDays", 5));
		assertThat(currency.json().get("code").asString()).isEqualTo("INVALID_CURRENCY");
		String supplierId = supplier(storeA, Map.of("name", "Real", "currency", "EUR", "leadTimeDays", 5)).get("id").asString();
		assertThat(storeA.post(API + "/suppliers", Map.of("name", "Real", "currency", "EUR", "leadTimeDays", 5)).json()
			.get("code").asString()).isEqualTo("SUPPLIER_NAME_TAKEN");
		ApiClient.Response negative = storeA.post(API + "/purchase-orders",
				Map.of("supplierId", supplierId, "lines", List.of(Map.of("sku", "X", "quantity", -5))));
		assertThat(negative.status()).isEqualTo(400);
		assertThat(negative.body()).contains("lines[0].quantity");
		ApiClient.Response unknown = storeA.post(API + "/purchase-orders",
				Map.of("supplierId", supplierId, "lines", List.of(Map.of("sku", "NOPE-404", "quantity", 5, "unitCost", "1"))));
		assertThat(unknown.status()).isEqualTo(422);
		assertThat(unknown.json().get("code").asString()).isEqualTo("UNKNOWN_SKU");
		assertThat(storeA.get(API + "/purchase-orders").json().get("items")).isEmpty();
		assertThat(storeA.get(API + "/purchase-orders?status=LOST").status()).isEqualTo(400);
		assertThat(storeA.get(API + "/suppliers?limit=0").status()).isEqualTo(400);
	}

	@Test
	void oneStoresPurchasingIsInvisibleAndUntouchableFromAnother() {
		String sku = product(storeA, "ISO-" + ApiClient.unique("S").toUpperCase());
		String supplierId = supplier(storeA, Map.of("name", "Only A", "currency", "EUR", "leadTimeDays", 5)).get("id")
			.asString();
		String id = storeA.post(API + "/purchase-orders", Map.of("supplierId", supplierId, "lines",
				List.of(Map.of("sku", sku, "quantity", 3, "unitCost", "2.00")))).json().get("id").asString();
		String staffEmail = ApiClient.unique("buyer") + "@test.local";
		assertThat(storeA.post("/api/admin/v1/staff", Map.of("email", staffEmail, "name", "Buyer", "password",
				"buyer-password-123", "role", "INVENTORY")).status()).isEqualTo(201);
		ApiClient staffOfA = ApiClient.at(port).loggedIn(staffEmail, "buyer-password-123");

		assertThat(storeB.get(API + "/purchase-orders/" + id).status()).isEqualTo(404);
		assertThat(storeB.get(API + "/purchase-orders/" + id + "/pdf").status()).isEqualTo(404);
		assertThat(storeB.get(API + "/suppliers/" + supplierId).status()).isEqualTo(404);
		assertThat(storeB.get(API + "/suppliers").json().get("items")).isEmpty();
		assertThat(storeB.get(API + "/purchase-orders").json().get("items")).isEmpty();
		assertThat(storeB.post(API + "/purchase-orders/" + id + "/send", Map.of()).status()).isEqualTo(404);
		assertThat(storeB.delete(API + "/suppliers/" + supplierId).status()).isEqualTo(404);
		assertThat(storeB.post(API + "/purchase-orders", Map.of("supplierId", supplierId, "lines", List.of())).json()
			.get("code").asString()).isEqualTo("UNKNOWN_SUPPLIER");
		assertThat(staffOfA.store(handleB).get(API + "/purchase-orders").status()).isEqualTo(403);
		assertThat(staffOfA.get(API + "/purchase-orders/" + id).status()).isEqualTo(200);

		assertThat(storeA.get(API + "/purchase-orders/" + id).json().get("status").asString()).isEqualTo("DRAFT");
		assertThat(storeA.get(API + "/suppliers/" + supplierId).status()).isEqualTo(200);
	}

	@Test
	void reorderSuggestionsBecomeDraftsWithOneCallAndListsArePaginated() {
		String sku = product(storeA, "RE-" + ApiClient.unique("S").toUpperCase());
		String supplierId = supplier(storeA, Map.of("name", "Sugg", "currency", "EUR", "leadTimeDays", 5, "packSize", 4))
			.get("id").asString();
		storeA.put(API + "/suppliers/" + supplierId + "/skus", Map.of("sku", sku, "unitCost", "1.50", "primary", true));
		supplier(storeA, Map.of("name", "Another", "currency", "EUR", "leadTimeDays", 5));
		setReorderPoint(sku, 3);

		JsonNode suggestions = storeA.get(API + "/reorder-suggestions").json().get("items");
		assertThat(suggestions).hasSize(1);
		assertThat(suggestions.get(0).get("supplierName").asString()).isEqualTo("Sugg");
		int quantity = suggestions.get(0).get("lines").get(0).get("quantity").asInt();
		assertThat(quantity % 4).as("whole packs").isZero();
		assertThat(storeA.get(API + "/low-stock").json().get("items").findValuesAsString("sku")).containsExactly(sku);

		ApiClient.Response drafts = storeA.post(API + "/reorder-suggestions", Map.of());
		assertThat(drafts.status()).as(drafts.body()).isEqualTo(201);
		assertThat(drafts.json().get("purchaseOrders")).hasSize(1);
		assertThat(drafts.json().get("purchaseOrders").get(0).get("lines").get(0).get("quantity").asInt()).isEqualTo(quantity);
		assertThat(storeA.get(API + "/reorder-suggestions").json().get("items")).isEmpty();

		JsonNode first = storeA.get(API + "/suppliers?limit=1").json();
		assertThat(first.get("items").get(0).get("name").asString()).isEqualTo("Another");
		JsonNode second = storeA.get(API + "/suppliers?limit=1&cursor=" + first.get("nextCursor").asString()).json();
		assertThat(second.get("items").get(0).get("name").asString()).isEqualTo("Sugg");
		assertThat(second.get("nextCursor").isNull()).isTrue();
	}

	@Test
	void theOpenApiDocumentDescribesEveryPurchasingOperation() {
		JsonNode paths = ApiClient.at(port).get("/api/openapi.json").json().get("paths");
		for (String path : List.of("/suppliers", "/suppliers/{id}", "/suppliers/{id}/skus", "/suppliers/{id}/skus/{sku}",
				"/purchase-orders", "/purchase-orders/{id}", "/purchase-orders/{id}/send", "/purchase-orders/{id}/receipts",
				"/purchase-orders/{id}/cancel", "/purchase-orders/{id}/pdf", "/reorder-suggestions", "/low-stock", "/supplier-skus")) {
			assertThat(paths.has(API + path)).as(path).isTrue();
		}
		JsonNode receipts = paths.get(API + "/purchase-orders/{id}/receipts").get("post");
		assertThat(receipts.get("responses").has("409")).isTrue();
		assertThat(paths.get(API + "/purchase-orders/{id}/pdf").get("get").get("responses").get("200").get("content")
			.has("application/pdf")).isTrue();
	}

	private void setReorderPoint(String sku, int reorderPoint) {
		inventory.setReorderPoint(storeId(handleA), sku, reorderPoint);
	}

	@Autowired
	InventoryManagement inventory;

	@Autowired
	StoreManagement stores;

	private StoreId storeId(String handle) {
		return stores.findByReference(handle).orElseThrow().id();
	}

	private JsonNode supplier(ApiClient store, Map<String, Object> body) {
		ApiClient.Response created = store.post(API + "/suppliers", body);
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return created.json();
	}

	private String product(ApiClient store, String sku) {
		ApiClient.Response created = store.post("/api/admin/v1/products", Map.of("title", "Bought " + sku, "variants",
				List.of(Map.of("sku", sku, "price", Map.of("amount", "10.00", "currency", "EUR")))));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return sku;
	}

	private int onHand(String sku) {
		return inventory.stock(storeId(handleA), sku).onHand();
	}
}
