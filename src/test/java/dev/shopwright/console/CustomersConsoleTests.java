package dev.shopwright.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.shopwright.testing.ApiClient;
import dev.shopwright.testing.ShopwrightTest;
import tools.jackson.databind.JsonNode;

/** The console's customer screens and the Admin API for customers, store by store. */
@ShopwrightTest
class CustomersConsoleTests {

	@LocalServerPort
	int port;

	String register(String store, String email, String lastName) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("email", email);
		body.put("password", "console-shopper-1");
		body.put("firstName", "Dorothy");
		body.put("lastName", lastName);
		ApiClient.Response created = ApiClient.at(port).store(store).post("/api/store/v1/customers", body);
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return created.json().get("id").asString();
	}

	@Test
	void staffFindACustomerAndChangeTaxExemptionStateAndNotesInTheConsole() {
		String lastName = ApiClient.unique("Vaughan");
		String email = ApiClient.unique("console-shopper") + "@test.local";
		String id = register("demo", email, lastName);
		AdminSession console = AdminSession.at(port).logIn(ShopwrightTest.OWNER_EMAIL, ShopwrightTest.OWNER_PASSWORD);

		assertThat(console.get("/admin").body()).contains("href=\"/admin/customers\"");
		AdminSession.Page list = console.get("/admin/customers?q=" + lastName.toUpperCase());
		assertThat(list.status()).isEqualTo(200);
		assertThat(list.body()).contains(email);
		assertThat(console.get("/admin/customers?q=no-such-customer-anywhere").body()).doesNotContain(email)
			.contains("No customers match.");

		AdminSession.Page detail = console.get("/admin/customers/" + id);
		assertThat(detail.body()).contains(email);
		Map<String, String> form = AdminSession.formFields(detail.body(), "customer-form");
		form.put("taxExempt", "on");
		form.put("state", "DISABLED");
		form.put("notes", "Reseller with a VAT certificate");
		form.put("tags", "wholesale, vip");
		AdminSession.Page saved = console.post("/admin/customers/" + id, form);
		assertThat(saved.location()).endsWith("/admin/customers/" + id);
		String after = console.get("/admin/customers/" + id).body();
		assertThat(after).contains("Reseller with a VAT certificate").contains("wholesale, vip");

		JsonNode viaApi = ApiClient.at(port).loggedIn(ShopwrightTest.OWNER_EMAIL, ShopwrightTest.OWNER_PASSWORD)
			.store("demo").get("/api/admin/v1/customers/" + id).json();
		assertThat(viaApi.get("taxExempt").asBoolean()).isTrue();
		assertThat(viaApi.get("state").asString()).isEqualTo("DISABLED");
		ApiClient.Response login = ApiClient.at(port).store("demo").post("/api/store/v1/customers/login",
				Map.of("email", email, "password", "console-shopper-1"));
		assertThat(login.status()).as("a disabled account cannot log in").isEqualTo(401);
	}

	@Test
	void theAdminApiListsSearchesPagesAndChangesCustomersOfTheCurrentStoreOnly() {
		ApiClient owner = ApiClient.at(port).loggedIn(ShopwrightTest.OWNER_EMAIL, ShopwrightTest.OWNER_PASSWORD);
		String lastName = ApiClient.unique("Johnson");
		String first = register("demo", ApiClient.unique("a") + "@test.local", lastName);
		String second = register("demo", ApiClient.unique("b") + "@test.local", lastName);
		String outlet = register("outlet", ApiClient.unique("c") + "@test.local", lastName);

		JsonNode page = owner.store("demo").get("/api/admin/v1/customers?limit=1&q=" + lastName).json();
		assertThat(page.get("items")).hasSize(1);
		assertThat(page.get("items").get(0).get("id").asString()).as("newest first").isEqualTo(second);
		JsonNode next = owner.store("demo").get("/api/admin/v1/customers?limit=1&q=" + lastName + "&cursor="
				+ page.get("nextCursor").asString()).json();
		assertThat(next.get("items").get(0).get("id").asString()).isEqualTo(first);
		assertThat(next.get("nextCursor").isNull()).as("the outlet customer is not listed in demo").isTrue();

		assertThat(owner.store("demo").get("/api/admin/v1/customers/" + outlet).status()).isEqualTo(404);
		assertThat(owner.store("demo").patch("/api/admin/v1/customers/" + outlet, Map.of("taxExempt", true)).status())
			.isEqualTo(404);
		assertThat(owner.store("outlet").get("/api/admin/v1/customers/" + outlet).json().get("taxExempt").asBoolean())
			.as("unchanged").isFalse();

		ApiClient.Response patched = owner.store("demo").patch("/api/admin/v1/customers/" + first,
				Map.of("taxExempt", true, "tags", java.util.List.of("b2b")));
		assertThat(patched.status()).as(patched.body()).isEqualTo(200);
		assertThat(patched.json().get("taxExempt").asBoolean()).isTrue();
		assertThat(patched.json().get("tags").get(0).asString()).isEqualTo("b2b");
		assertThat(owner.store("demo").patch("/api/admin/v1/customers/" + first, Map.of("state", "GONE")).status())
			.isEqualTo(400);

		// a catalog manager may not read customers; a support agent of demo only may not reach the outlet's
		String catalogEmail = ApiClient.unique("catalog") + "@test.local";
		owner.store("demo").post("/api/admin/v1/staff", Map.of("email", catalogEmail, "name", "Cat",
				"password", "catalog-password-1", "role", "CATALOG"));
		ApiClient catalog = ApiClient.at(port).loggedIn(catalogEmail, "catalog-password-1").store("demo");
		assertThat(catalog.get("/api/admin/v1/customers").status()).isEqualTo(403);
		String supportEmail = ApiClient.unique("support") + "@test.local";
		owner.store("demo").post("/api/admin/v1/staff", Map.of("email", supportEmail, "name", "Sup",
				"password", "support-password-1", "role", "SUPPORT"));
		ApiClient support = ApiClient.at(port).loggedIn(supportEmail, "support-password-1");
		assertThat(support.store("demo").get("/api/admin/v1/customers/" + first).status()).isEqualTo(200);
		assertThat(support.store("outlet").get("/api/admin/v1/customers/" + outlet).status()).isEqualTo(403);
	}
}
