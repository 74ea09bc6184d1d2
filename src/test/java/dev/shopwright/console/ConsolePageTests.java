package dev.shopwright.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.shopwright.console.AdminSession.Page;
import dev.shopwright.testing.ApiClient;
import dev.shopwright.testing.ShopwrightTest;
import tools.jackson.databind.JsonNode;

/** The admin console over plain HTTP: login form, permissions per page, store scope, forms, tokens, headers. */
@ShopwrightTest
class ConsolePageTests {

	private static final String STAFF_PASSWORD = "a-long-staff-password";

	@LocalServerPort
	int port;

	ApiClient ownerApi;

	AdminSession owner;

	@BeforeEach
	void logIn() {
		ownerApi = ApiClient.at(port).loggedIn(ShopwrightTest.OWNER_EMAIL, ShopwrightTest.OWNER_PASSWORD);
		owner = AdminSession.at(port).logIn(ShopwrightTest.OWNER_EMAIL, ShopwrightTest.OWNER_PASSWORD);
	}

	@Test
	void ownerOpensEveryConsolePage() {
		Map<String, String> headings = Map.of("/admin", "<h1>Welcome back</h1>", "/admin/settings/store",
				"<h1>Store settings</h1>", "/admin/stores", "<h1>Stores</h1>", "/admin/staff", "<h1>Staff &amp; roles</h1>",
				"/admin/api-tokens", "<h1>API tokens</h1>", "/admin/audit", "<h1>Audit log</h1>");
		headings.forEach((path, heading) -> {
			Page page = owner.get(path);
			assertThat(page.status()).as(path).isEqualTo(200);
			assertThat(page.header("content-type")).as(path).startsWith("text/html");
			assertThat(page.body()).as(path).contains(heading).contains(ShopwrightTest.OWNER_EMAIL);
		});
		assertThat(owner.get("/admin/stores").body()).contains("id=\"stores-table\"").contains("<code>demo</code>")
			.contains("<code>outlet</code>").contains("id=\"create-store\"");
		assertThat(owner.get("/admin/staff").body()).contains("id=\"staff-table\"").contains("id=\"add-staff\"");
		assertThat(owner.get("/admin/audit").body()).contains("id=\"audit-table\"");
		assertThat(owner.get("/admin").body()).as("the owner's navigation offers every page")
			.contains("href=\"/admin/staff\"", "href=\"/admin/api-tokens\"", "href=\"/admin/audit\"",
					"href=\"/admin/stores\"", "href=\"/admin/settings/store\"");
	}

	@Test
	void catalogStaffSeeOnlyWhatTheirRoleAllows() {
		String email = newStaff(ownerApi, "CATALOG");
		AdminSession catalog = AdminSession.at(port).logIn(email, STAFF_PASSWORD);

		Page home = catalog.get("/admin");
		assertThat(home.status()).isEqualTo(200);
		assertThat(home.body()).contains("<h1>Welcome back</h1>").contains(email).contains("href=\"/admin\"")
			.doesNotContain("href=\"/admin/staff\"").doesNotContain("href=\"/admin/audit\"")
			.doesNotContain("href=\"/admin/api-tokens\"").doesNotContain("href=\"/admin/settings/store\"")
			.doesNotContain("href=\"/admin/stores\"");
		for (String path : List.of("/admin/staff", "/admin/settings/store", "/admin/audit", "/admin/api-tokens",
				"/admin/stores")) {
			Page refused = catalog.get(path);
			assertThat(refused.status()).as(path).isEqualTo(403);
			assertThat(refused.body()).as(path).contains("Not allowed").doesNotContain("id=\"staff-table\"");
		}
		// nor can they change anything through the forms behind those pages
		Page addStaff = catalog.post("/admin/staff", Map.of("email", ApiClient.unique("sneaky") + "@test.local", "name",
				"Sneaky", "password", STAFF_PASSWORD, "role", "ADMIN"));
		assertThat(addStaff.status()).isEqualTo(403);
	}

	@Test
	void staffOfOneStoreCannotSwitchToAnother() {
		String email = newStaff(ownerApi.store("outlet"), "ADMIN");
		String demoId = storeId("demo");
		AdminSession outletAdmin = AdminSession.at(port).logIn(email, STAFF_PASSWORD);

		Page settings = outletAdmin.get("/admin/settings/store");
		assertThat(settings.status()).isEqualTo(200);
		assertThat(AdminSession.inputValue(settings.body(), "handle")).as("lands in the only store they work in")
			.isEqualTo("outlet");
		assertThat(settings.body()).as("the switcher offers only their store").doesNotContain("value=\"" + demoId + "\"")
			.doesNotContain(">Northwind Outfitters<");

		Page refused = outletAdmin.post("/admin/stores/switch", Map.of("storeId", demoId));
		assertThat(refused.isRedirect()).as(refused.toString()).isTrue();
		assertThat(refused.location()).endsWith("/admin");
		Page landing = outletAdmin.follow(refused);
		assertThat(landing.body()).contains("class=\"alert\"").contains("You do not have access to that store.");

		assertThat(AdminSession.inputValue(outletAdmin.get("/admin/settings/store").body(), "handle")).isEqualTo("outlet");
	}

	@Test
	void ownerSwitchesStoresAndTheSettingsFollow() {
		String outletId = storeId("outlet");
		Page switched = owner.post("/admin/stores/switch", Map.of("storeId", outletId));
		assertThat(switched.isRedirect()).isTrue();
		Page landing = owner.follow(switched);
		assertThat(landing.body()).contains("Now working in Northwind Outlet US.")
			.containsPattern("<option value=\"" + outletId + "\" selected=\"selected\">Northwind Outlet US</option>");
		assertThat(AdminSession.inputValue(owner.get("/admin/settings/store").body(), "handle")).isEqualTo("outlet");
		assertThat(AdminSession.inputValue(owner.get("/admin/settings/store").body(), "defaultCurrency")).isEqualTo("USD");
	}

	@Test
	void validStoreSettingsAreSavedFromTheForm() {
		StoreUnderTest store = newStoreActedOnByOwner();
		Map<String, String> form = AdminSession.formFields(owner.get("/admin/settings/store").body(), "store-settings");
		assertThat(form).containsEntry("handle", store.handle()).containsEntry("defaultCurrency", "EUR")
			.containsEntry("pricesIncludeTax", "true");
		form.put("name", "Renamed & Co");
		form.put("currencies", "EUR, CHF");
		form.put("timezone", "Europe/Vienna");
		form.remove("pricesIncludeTax"); // unticking a checkbox: the browser sends nothing for it

		Page saved = owner.post("/admin/settings/store", form);
		assertThat(saved.isRedirect()).as(saved.toString()).isTrue();
		String page = owner.follow(saved).body();
		assertThat(page).contains("Store settings saved.").contains("value=\"Renamed &amp; Co\"");
		assertThat(AdminSession.formFields(page, "store-settings")).doesNotContainKey("pricesIncludeTax");

		JsonNode read = ownerApi.get("/api/admin/v1/stores/" + store.id()).json();
		assertThat(read.get("name").asString()).isEqualTo("Renamed & Co");
		assertThat(read.get("timezone").asString()).isEqualTo("Europe/Vienna");
		assertThat(read.get("currencies").toString()).isEqualTo("[\"EUR\",\"CHF\"]");
		assertThat(read.get("pricesIncludeTax").asBoolean()).isFalse();
		assertThat(read.get("handle").asString()).isEqualTo(store.handle());
	}

	@Test
	void ownerCreatesAStoreWithTheConsoleForm() {
		Map<String, String> form = AdminSession.formFields(owner.get("/admin/stores").body(), "create-store");
		assertThat(form).containsKeys("_csrf", "name", "handle", "defaultCurrency").doesNotContainKey("pricesIncludeTax");
		String handle = ApiClient.unique("made-in-console");
		form.put("name", "Made in the Console");
		form.put("handle", handle);
		form.put("defaultCurrency", "GBP");
		form.put("currencies", "GBP");
		form.put("timezone", "Europe/London");

		Page created = owner.post("/admin/stores", form);
		assertThat(created.isRedirect()).as(created.toString()).isTrue();
		String page = owner.follow(created).body();
		assertThat(page).contains("Store Made in the Console created.").contains("<code>" + handle + "</code>");

		JsonNode store = ownerApi.get("/api/admin/v1/stores/" + storeId(handle)).json();
		assertThat(store.get("defaultCurrency").asString()).isEqualTo("GBP");
		assertThat(store.get("timezone").asString()).isEqualTo("Europe/London");
		assertThat(store.get("pricesIncludeTax").asBoolean()).isFalse();
	}

	@Test
	void invalidStoreSettingsReRenderTheFormWithReadableErrorsAndChangeNothing() {
		StoreUnderTest store = newStoreActedOnByOwner();
		JsonNode before = ownerApi.get("/api/admin/v1/stores/" + store.id()).json();
		Map<String, String> form = AdminSession.formFields(owner.get("/admin/settings/store").body(), "store-settings");
		form.put("name", "Should not be saved");
		form.put("defaultCurrency", "XXQ");
		form.put("timezone", "Mars/Base");

		Page rejected = owner.post("/admin/settings/store", form);
		assertThat(rejected.status()).as("the form is shown again, not a redirect").isEqualTo(200);
		String body = rejected.body();
		assertThat(body).contains("<h1>Store settings</h1>").contains("id=\"store-settings\"")
			.contains("class=\"alert\"").contains("Some store settings are not valid");
		assertThat(AdminSession.unescape(body)).contains("'XXQ' is not an ISO 4217 currency")
			.contains("'Mars/Base' is not a time zone");
		assertThat(fieldErrorCount(body)).isGreaterThanOrEqualTo(2);
		assertThat(AdminSession.inputValue(body, "defaultCurrency")).as("keeps what the merchant typed").isEqualTo("XXQ");
		assertThat(AdminSession.inputValue(body, "name")).isEqualTo("Should not be saved");
		assertThat(body).containsPattern("id=\"defaultCurrency\"[^>]*aria-invalid=\"true\"");

		JsonNode after = ownerApi.get("/api/admin/v1/stores/" + store.id()).json();
		assertThat(after).isEqualTo(before);
		assertThat(after.get("name").asString()).isEqualTo("Console Test Store");
	}

	@Test
	void aNewApiTokenIsShownOnceWorksAndStopsWorkingWhenRevoked() {
		String name = ApiClient.unique("console-token");
		Page created = owner.post("/admin/api-tokens", Map.of("name", name, "role", "ADMIN", "expiresOn", ""));
		assertThat(created.isRedirect()).as(created.toString()).isTrue();
		Page shown = owner.follow(created);
		Matcher secretElement = Pattern.compile("<code id=\"created-secret\">([^<]+)</code>").matcher(shown.body());
		assertThat(secretElement.find()).as("secret shown after creating").isTrue();
		String secret = AdminSession.unescape(secretElement.group(1)).strip();
		assertThat(secret).startsWith("swt_").hasSizeGreaterThan(20);
		assertThat(shown.body()).contains("it will not be shown again");

		ApiClient tokenApi = ApiClient.at(port).bearer(secret);
		ApiClient.Response staff = tokenApi.get("/api/admin/v1/staff");
		assertThat(staff.status()).isEqualTo(200);
		assertThat(staff.json().get("items").findValuesAsString("email")).contains(ShopwrightTest.OWNER_EMAIL);

		Page reloaded = owner.get("/admin/api-tokens");
		assertThat(reloaded.body()).contains(name).doesNotContain(secret).doesNotContain("id=\"created-secret\"");

		String revokePath = revokeActionFor(reloaded.body(), name);
		Page revoked = owner.post(revokePath, Map.of());
		assertThat(revoked.isRedirect()).isTrue();
		assertThat(owner.follow(revoked).body()).contains("Token revoked; it no longer works.");

		ApiClient.Response refused = tokenApi.get("/api/admin/v1/staff");
		assertThat(refused.status()).isEqualTo(401);
		assertThat(refused.json().get("code").asString()).isEqualTo("INVALID_TOKEN");
		assertThat(owner.get("/admin/api-tokens").body()).as("the row says so and offers no second revoke")
			.contains("Revoked").doesNotContain(revokePath);
	}

	@Test
	void aConsoleFormPostedWithoutTheCsrfTokenIsRefused() {
		StoreUnderTest store = newStoreActedOnByOwner();
		Map<String, String> form = AdminSession.formFields(owner.get("/admin/settings/store").body(), "store-settings");
		assertThat(form).containsKey("_csrf");
		form.remove("_csrf");
		form.put("name", "Forged");

		Page forged = owner.postRaw("/admin/settings/store", form);
		assertThat(forged.status()).isEqualTo(403);
		assertThat(ownerApi.get("/api/admin/v1/stores/" + store.id()).json().get("name").asString())
			.isEqualTo("Console Test Store");

		form.put("_csrf", "not-the-token");
		assertThat(owner.postRaw("/admin/settings/store", form).status()).as("a wrong token neither").isEqualTo(403);

		Page forgedSwitch = owner.postRaw("/admin/stores/switch", Map.of("storeId", storeId("outlet")));
		assertThat(forgedSwitch.status()).isEqualTo(403);
		assertThat(AdminSession.inputValue(owner.get("/admin/settings/store").body(), "handle"))
			.as("still in the store chosen before").isEqualTo(store.handle());
	}

	@Test
	void anonymousVisitorsAreSentToTheLoginPage() {
		AdminSession anonymous = AdminSession.at(port);
		for (String path : List.of("/admin/staff", "/admin", "/admin/settings/store")) {
			Page page = anonymous.get(path);
			assertThat(page.status()).as(path).isEqualTo(302);
			assertThat(page.location()).as(path).endsWith("/admin/login");
		}
		Page login = anonymous.open("/admin/staff");
		assertThat(login.status()).isEqualTo(200);
		assertThat(login.body()).contains("id=\"login-form\"").contains("name=\"_csrf\"").doesNotContain("staff-table");
	}

	@Test
	void wrongPasswordInTheLoginFormRedirectsWithAnError() {
		String email = newStaff(ownerApi, "SUPPORT");
		AdminSession session = AdminSession.at(port);
		session.get("/admin/login");
		Page failed = session.post("/admin/login", Map.of("email", email, "password", "not-the-password"));
		assertThat(failed.location()).endsWith("/admin/login?error");
		assertThat(session.follow(failed).body()).contains("The email or password is not correct.");
		assertThat(session.get("/admin").status()).as("still not logged in").isEqualTo(302);
	}

	@Test
	void consolePagesSendSecurityHeaders() {
		for (Page page : List.of(AdminSession.at(port).get("/admin/login"), owner.get("/admin"),
				owner.get("/admin/settings/store"))) {
			assertThat(page.header("content-security-policy")).contains("frame-ancestors 'none'")
				.contains("script-src 'self'").doesNotContain("unsafe-inline");
			assertThat(page.header("x-frame-options")).isEqualTo("DENY");
			assertThat(page.header("x-content-type-options")).isEqualTo("nosniff");
		}
		assertThat(owner.get("/admin").body()).as("no inline script (CSP would block it)")
			.doesNotContainPattern("<script(?![^>]*\\ssrc=)[^>]*>");
	}

	record StoreUnderTest(String id, String handle) {
	}

	/** A fresh store of this test's own, which the owner's console session then acts on. */
	private StoreUnderTest newStoreActedOnByOwner() {
		String handle = ApiClient.unique("console");
		ApiClient.Response created = ownerApi.post("/api/admin/v1/stores", Map.of("name", "Console Test Store",
				"handle", handle, "defaultCurrency", "EUR", "timezone", "Europe/Berlin", "pricesIncludeTax", true));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		String id = created.json().get("id").asString();
		Page switched = owner.post("/admin/stores/switch", Map.of("storeId", id));
		assertThat(owner.follow(switched).body()).contains("Now working in Console Test Store.");
		return new StoreUnderTest(id, handle);
	}

	private String newStaff(ApiClient api, String role) {
		String email = ApiClient.unique("console") + "@test.local";
		ApiClient.Response created = api.post("/api/admin/v1/staff",
				Map.of("email", email, "name", "Console " + role, "password", STAFF_PASSWORD, "role", role));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return email;
	}

	private String storeId(String handle) {
		ApiClient.Response store = ApiClient.at(port).store(handle).get("/api/store/v1/store");
		if (store.status() != 200) {
			throw new AssertionError("no store " + handle);
		}
		return store.json().get("id").asString();
	}

	private static String revokeActionFor(String html, String tokenName) {
		for (String row : html.split("<tr")) {
			if (row.contains(">" + tokenName + "<")) {
				Matcher action = Pattern.compile("action=\"(/admin/api-tokens/[^\"]+/revoke)\"").matcher(row);
				assertThat(action.find()).as("revoke button for " + tokenName).isTrue();
				return action.group(1);
			}
		}
		throw new AssertionError("no row for token " + tokenName);
	}

	private static int fieldErrorCount(String html) {
		return (int) Pattern.compile("class=\"field-error\"").matcher(html).results().count();
	}
}
