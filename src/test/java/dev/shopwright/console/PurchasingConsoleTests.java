package dev.shopwright.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.shopwright.testing.ApiClient;
import dev.shopwright.testing.ShopwrightTest;

/** The purchasing screens as staff use them: suppliers, a purchase order from draft to received, bad input. */
@ShopwrightTest
class PurchasingConsoleTests {

	private static final Pattern ORDER_LINK = Pattern.compile("/admin/purchasing/orders/([0-9a-f-]{36})");

	@LocalServerPort
	int port;

	AdminSession owner;

	ApiClient storeApi;

	@BeforeEach
	void freshStore() {
		ApiClient ownerApi = ApiClient.at(port).loggedIn(ShopwrightTest.OWNER_EMAIL, ShopwrightTest.OWNER_PASSWORD);
		owner = AdminSession.at(port).logIn(ShopwrightTest.OWNER_EMAIL, ShopwrightTest.OWNER_PASSWORD);
		String handle = ApiClient.unique("purchasing-console");
		ApiClient.Response created = ownerApi.post("/api/admin/v1/stores",
				Map.of("name", "Purchasing Console Store", "handle", handle, "defaultCurrency", "EUR"));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		owner.follow(owner.post("/admin/stores/switch", Map.of("storeId", created.json().get("id").asString())));
		storeApi = ownerApi.store(handle);
	}

	@Test
	void staffCreateASupplierLinkASkuAndTakeAnOrderFromDraftToReceived() {
		String sku = product("PC-" + ApiClient.unique("S").toUpperCase(), "4006381333931");
		AdminSession.Page created = owner.post("/admin/purchasing/suppliers", Map.of("name", "Console Supplier", "email",
				"buy@console.test", "currency", "EUR", "leadTimeDays", "6", "packSize", "1"));
		assertThat(created.isRedirect()).as(created.toString()).isTrue();
		String supplierPath = created.location().replaceFirst("^https?://[^/]+", "");
		assertThat(owner.follow(created).body()).contains("Supplier Console Supplier created.");
		assertThat(owner.follow(owner.post(supplierPath + "/skus", Map.of("sku", sku, "supplierCode", "CS-1", "unitCost",
				"2.40", "packSize", "1", "primary", "true"))).body()).contains("CS-1", "2.40 EUR");
		assertThat(owner.get("/admin/purchasing/suppliers").body()).contains("Console Supplier", "buy@console.test");

		String supplierId = supplierPath.substring(supplierPath.lastIndexOf('/') + 1);
		AdminSession.Page draft = owner.post("/admin/purchasing/orders", Map.of("supplierId", supplierId));
		Matcher link = ORDER_LINK.matcher(draft.location());
		assertThat(link.find()).isTrue();
		String orderPath = "/admin/purchasing/orders/" + link.group(1);
		assertThat(owner.follow(draft).body()).contains("PO-1001", "created as a draft");

		AdminSession.Page badLine = owner.post(orderPath + "/lines", Map.of("sku", sku, "quantity", "lots", "unitCost", ""));
		assertThat(badLine.status()).isEqualTo(200);
		assertThat(AdminSession.unescape(badLine.body())).contains("must be a whole number");
		AdminSession.Page unknown = owner.post(orderPath + "/lines", Map.of("sku", "NOPE-1", "quantity", "3", "unitCost", "1"));
		assertThat(AdminSession.unescape(unknown.body())).contains("No variant with SKU 'NOPE-1'");
		assertThat(owner.follow(owner.post(orderPath + "/lines", Map.of("sku", sku, "quantity", "5", "unitCost", ""))).body())
			.contains("12.00 EUR");

		assertThat(owner.follow(owner.post(orderPath + "/send", Map.of())).body()).contains("Purchase order sent");
		AdminSession.Page pdf = owner.get(orderPath + "/pdf");
		assertThat(pdf.status()).isEqualTo(200);
		assertThat(pdf.body()).startsWith("%PDF-");

		AdminSession.Page tooMany = owner.getHtmx(orderPath + "/receive");
		assertThat(tooMany.body()).contains("scan-form");
		AdminSession.Page over = owner.post(orderPath + "/scan", Map.of("code", sku, "quantity", "6", "binCode", ""));
		assertThat(AdminSession.unescape(owner.follow(over).body())).contains("6 more of " + sku + " would exceed the order");
		AdminSession.Page scanned = owner.post(orderPath + "/scan", Map.of("code", "4006381333931", "quantity", "5", "binCode", ""));
		String receivedPage = AdminSession.unescape(owner.follow(scanned).body());
		assertThat(receivedPage).contains("Received 5 × 4006381333931", "This order is not open for receiving.");
		assertThat(owner.get(orderPath).body()).contains("status-RECEIVED");
		assertThat(owner.get("/admin/purchasing/orders?status=RECEIVED").body()).contains("PO-1001", "5 / 5");
		assertThat(owner.get("/admin/purchasing/orders?status=DRAFT").body()).doesNotContain("PO-1001");
		assertThat(owner.get(supplierPath).body()).contains("supplier-orders");
		assertThat(owner.get("/admin/purchasing/orders?supplierId=" + supplierId).body()).contains("PO-1001");
		assertThat(owner.get("/admin/purchasing/orders?supplierId=" + java.util.UUID.randomUUID()).body())
			.doesNotContain("PO-1001");
	}

	@Test
	void supplierFormErrorsAreShownOnTheFormAndNothingIsSaved() {
		AdminSession.Page invalid = owner.post("/admin/purchasing/suppliers", Map.of("name", "", "currency", "EUR",
				"leadTimeDays", "soon", "packSize", "1"));
		assertThat(invalid.status()).isEqualTo(200);
		assertThat(AdminSession.unescape(invalid.body())).contains("Please correct the marked fields.", "must be a whole number");
		AdminSession.Page phone = owner.post("/admin/purchasing/suppliers", Map.of("name", "Bad Phone", "currency", "EUR",
				"leadTimeDays", "3", "phone", "+1 555 12"));
		assertThat(AdminSession.unescape(phone.body())).contains("is not a phone number");
		assertThat(storeApi.get("/api/admin/v1/inventory/suppliers").json().get("items")).isEmpty();
	}

	@Test
	void lowStockAndSuggestionsPagesListTheSkuAndOneClickMakesTheDraft() {
		String sku = product("LS-" + ApiClient.unique("S").toUpperCase(), null);
		String supplierId = storeApi.post("/api/admin/v1/inventory/suppliers", Map.of("name", "Low Supplier", "currency", "EUR",
				"leadTimeDays", 4, "packSize", 10)).json().get("id").asString();
		owner.follow(owner.post("/admin/purchasing/suppliers/" + supplierId + "/skus",
				Map.of("sku", sku, "unitCost", "1.00", "packSize", "1", "primary", "true")));
		setReorderPoint(sku);

		assertThat(owner.get("/admin/purchasing/low-stock").body()).contains(sku, "Low Supplier");
		String suggestions = owner.get("/admin/purchasing/suggestions").body();
		assertThat(suggestions).contains(sku, "Low Supplier", "create-drafts");
		AdminSession.Page clicked = owner.post("/admin/purchasing/suggestions", Map.of());
		assertThat(owner.follow(clicked).body()).contains("Created 1 draft purchase order: PO-1001");
		assertThat(owner.get("/admin/purchasing/suggestions").body()).contains("no-suggestions");
		assertThat(storeApi.get("/api/admin/v1/inventory/purchase-orders?status=DRAFT").json().get("items").get(0)
			.get("lines").get(0).get("quantity").asInt()).isEqualTo(10);
	}

	@Test
	void readOnlyStaffSeeThePagesButCannotChangeAnything() {
		String email = ApiClient.unique("analyst") + "@test.local";
		assertThat(storeApi.post("/api/admin/v1/staff", Map.of("email", email, "name", "Ann", "password",
				"analyst-password-1", "role", "ANALYST")).status()).isEqualTo(201);
		AdminSession analyst = AdminSession.at(port).logIn(email, "analyst-password-1");
		AdminSession.Page suppliers = analyst.get("/admin/purchasing/suppliers");
		assertThat(suppliers.status()).isEqualTo(200);
		assertThat(suppliers.body()).doesNotContain("create-supplier");
		assertThat(analyst.post("/admin/purchasing/suppliers", Map.of("name", "Sneaky", "currency", "EUR", "leadTimeDays", "1"))
			.status()).isEqualTo(403);
		assertThat(analyst.post("/admin/purchasing/suggestions", Map.of()).status()).isEqualTo(403);
	}

	private void setReorderPoint(String sku) {
		// 0 in stock, reorder point 4: needs 8 (twice the reorder point), in the supplier's packs of 10 → 10
		assertThat(storeApi.get("/api/admin/v1/inventory/low-stock").status()).isEqualTo(200);
		org.springframework.jdbc.core.simple.JdbcClient jdbc = context.getBean(org.springframework.jdbc.core.simple.JdbcClient.class);
		jdbc.sql("update inventory.item set reorder_point = 4 where sku = ?").param(sku).update();
	}

	@org.springframework.beans.factory.annotation.Autowired
	org.springframework.context.ApplicationContext context;

	private String product(String sku, String barcode) {
		Map<String, Object> variant = new java.util.HashMap<>(Map.of("sku", sku, "price", Map.of("amount", "10.00", "currency", "EUR")));
		if (barcode != null) {
			variant.put("barcode", barcode);
		}
		ApiClient.Response created = storeApi.post("/api/admin/v1/products", Map.of("title", "Console " + sku, "variants",
				List.of(variant)));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return sku;
	}
}
