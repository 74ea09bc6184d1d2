package dev.shopwright.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.shopwright.testing.ApiClient;
import dev.shopwright.testing.ShopwrightTest;
import dev.shopwright.testing.TestMail;

/** The storefront account pages over HTTP, as a browser without JavaScript uses them (forms, CSRF, redirects). */
@ShopwrightTest
class CustomerAccountPagesTests {

	static final String PASSWORD = "storefront-password-1";

	/** The path of the reset link in the email. */
	static final Pattern RESET_PATH = Pattern.compile("http://[^/\\s]+(/account/reset/[A-Za-z0-9_-]+)");

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	static String uniqueEmail() {
		return ApiClient.unique("shopper") + "@test.local";
	}

	/** Registers through the storefront form; the session is signed in afterwards. */
	static AdminSession.Page register(AdminSession session, String email) {
		assertThat(session.get("/account/register").status()).isEqualTo(200);
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("email", email);
		fields.put("password", PASSWORD);
		fields.put("firstName", "Grace");
		fields.put("lastName", "Hopper");
		fields.put("acceptsMarketing", "on");
		return session.post("/account/register", fields);
	}

	@Test
	void aShopperRegistersSignsOutAndSignsInAgainOnTheStorefront() {
		AdminSession shopper = AdminSession.at(port);
		assertThat(shopper.get("/").body()).contains("id=\"account-link\"").contains(">Sign in<");
		String email = uniqueEmail();
		AdminSession.Page registered = register(shopper, email);
		assertThat(registered.location()).endsWith("/account");
		AdminSession.Page account = shopper.get("/account");
		assertThat(account.status()).isEqualTo(200);
		assertThat(account.body()).contains(email).contains("Grace");
		assertThat(shopper.get("/").body()).as("the header offers the account").contains(">Account<");

		assertThat(shopper.postRaw("/account/logout", Map.of()).status()).as("no CSRF token, no sign-out").isEqualTo(403);
		AdminSession.Page signedOut = shopper.post("/account/logout", Map.of());
		assertThat(signedOut.location()).contains("/account/login");
		assertThat(shopper.get("/account").location()).endsWith("/account/login");
		assertThat(shopper.get("/").body()).contains(">Sign in<");

		shopper.get("/account/login");
		AdminSession.Page wrong = shopper.post("/account/login", Map.of("email", email, "password", "not-the-password"));
		assertThat(wrong.status()).isEqualTo(401);
		assertThat(wrong.body()).contains("The email or password is not correct.");
		AdminSession.Page signedIn = shopper.post("/account/login", Map.of("email", email.toUpperCase(), "password", PASSWORD));
		assertThat(signedIn.location()).endsWith("/account");
		assertThat(shopper.get("/account").body()).contains(email);

		AdminSession duplicate = AdminSession.at(port);
		AdminSession.Page refused = register(duplicate, email);
		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.body()).contains("already exists");
	}

	@Test
	void addressesAreAddedEditedMadeDefaultAndDeletedOnTheAccountPage() {
		AdminSession shopper = AdminSession.at(port);
		register(shopper, uniqueEmail());
		shopper.get("/account");
		Map<String, String> address = new LinkedHashMap<>();
		address.put("firstName", "Grace");
		address.put("lastName", "Hopper");
		address.put("line1", "1 Navy Yard");
		address.put("city", "Arlington");
		address.put("region", "VA");
		address.put("postalCode", "22202");
		address.put("country", "us");
		assertThat(shopper.post("/account/addresses", address).location()).endsWith("/account");
		address.put("line1", "2 Harbor Road");
		shopper.post("/account/addresses", address);
		String page = shopper.get("/account").body();
		assertThat(page).contains("1 Navy Yard").contains("2 Harbor Road");
		Matcher ids = Pattern.compile("id=\"address-([0-9a-f-]{36})\"").matcher(page);
		assertThat(ids.find()).isTrue();
		String first = ids.group(1);
		assertThat(ids.find()).isTrue();
		String second = ids.group(1);
		assertThat(section(page, first)).contains("Default shipping address").contains("Default billing address");
		assertThat(section(page, second)).doesNotContain("Default shipping address");

		shopper.post("/account/addresses/" + second + "/default", Map.of("kind", "shipping"));
		page = shopper.get("/account").body();
		assertThat(section(page, second)).contains("Default shipping address").doesNotContain("Default billing address");
		assertThat(section(page, first)).doesNotContain("Default shipping address").contains("Default billing address");

		AdminSession.Page edit = shopper.get("/account/addresses/" + first);
		assertThat(AdminSession.inputValue(edit.body(), "address-line1")).isEqualTo("1 Navy Yard");
		Map<String, String> edited = AdminSession.formFields(edit.body(), "edit-address");
		edited.put("line1", "3 Pier Street");
		assertThat(shopper.post("/account/addresses/" + first, edited).location()).endsWith("/account");
		edited.put("city", "");
		AdminSession.Page incomplete = shopper.post("/account/addresses/" + first, edited);
		assertThat(incomplete.status()).isEqualTo(200);
		assertThat(incomplete.body()).contains("An address needs a first line, a city and a country.");

		shopper.post("/account/addresses/" + second + "/delete", Map.of());
		page = shopper.get("/account").body();
		assertThat(page).contains("3 Pier Street").doesNotContain("2 Harbor Road").doesNotContain("1 Navy Yard");
	}

	@Test
	void aForgottenPasswordIsResetThroughTheEmailedLinkOnce() throws Exception {
		AdminSession shopper = AdminSession.at(port);
		String email = uniqueEmail();
		register(shopper, email);
		shopper.post("/account/logout", Map.of());

		AdminSession stranger = AdminSession.at(port);
		stranger.get("/account/reset");
		AdminSession.Page sent = stranger.post("/account/reset", Map.of("email", email));
		assertThat(sent.body()).contains("If an account exists for this email");
		AdminSession.Page unknown = stranger.post("/account/reset", Map.of("email", uniqueEmail()));
		assertThat(unknown.body()).as("the same page for an unknown email").contains("If an account exists for this email");

		Matcher link = RESET_PATH
			.matcher(TestMail.body(TestMail.await(email, 1).getFirst()));
		assertThat(link.find()).isTrue();
		String path = link.group(1);
		// the mail is sent just before the transaction storing the link's hash commits (a failed send rolls it back)
		AdminSession.Page form = stranger.get(path);
		for (int attempt = 0; attempt < 50 && !form.body().contains("id=\"reset\""); attempt++) {
			Thread.sleep(100);
			form = stranger.get(path);
		}
		assertThat(form.status()).isEqualTo(200);
		assertThat(form.body()).contains("id=\"reset\"");
		AdminSession.Page tooShort = stranger.post(path, Map.of("password", "short"));
		assertThat(tooShort.status()).isEqualTo(422);
		AdminSession.Page done = stranger.post(path, Map.of("password", "the-new-storefront-password"));
		assertThat(done.location()).contains("/account/login?reset");

		assertThat(stranger.get(path).body()).as("single use").contains("id=\"reset-invalid\"").doesNotContain("id=\"reset\"");
		assertThat(stranger.post(path, Map.of("password", "a-third-password-123")).status()).isEqualTo(422);

		shopper.get("/account/login");
		assertThat(shopper.post("/account/login", Map.of("email", email, "password", PASSWORD)).status()).isEqualTo(401);
		assertThat(shopper.post("/account/login", Map.of("email", email, "password", "the-new-storefront-password"))
			.location()).endsWith("/account");
	}

	@Test
	void aStaffSessionAndAShopperSessionInOneBrowserStayTwoIdentities() {
		AdminSession browser = AdminSession.at(port).logIn(ShopwrightTest.OWNER_EMAIL, ShopwrightTest.OWNER_PASSWORD);
		assertThat(browser.get("/account").location()).as("a staff login is no shopper login").endsWith("/account/login");
		assertThat(browser.get("/").body()).contains(">Sign in<");

		String email = uniqueEmail();
		register(browser, email);
		assertThat(browser.get("/account").body()).contains(email);
		assertThat(browser.get("/admin").status()).as("the console session is still there").isEqualTo(200);
		assertThat(browser.get("/admin").body()).contains(ShopwrightTest.OWNER_EMAIL);

		browser.post("/account/logout", Map.of());
		assertThat(browser.get("/account").location()).endsWith("/account/login");
		assertThat(browser.get("/admin").status()).as("signing the shopper out leaves staff signed in").isEqualTo(200);

		AdminSession shopperOnly = AdminSession.at(port);
		register(shopperOnly, uniqueEmail());
		AdminSession.Page console = shopperOnly.get("/admin");
		assertThat(console.isRedirect()).isTrue();
		assertThat(console.location()).as("a shopper login is no staff login").endsWith("/admin/login");
		assertThat(shopperOnly.get("/api/admin/v1/customers").status()).isEqualTo(401);
	}

	@Test
	void aDisabledShopperIsSignedOutAndAnExpiredLinkOffersANewOne() throws Exception {
		AdminSession shopper = AdminSession.at(port);
		String email = uniqueEmail();
		register(shopper, email);
		assertThat(shopper.get("/account").status()).isEqualTo(200);
		String id = jdbc.sql("select id::text from customers.customer where email = ?::citext").param(email)
			.query(String.class).single();
		ApiClient.at(port).loggedIn(ShopwrightTest.OWNER_EMAIL, ShopwrightTest.OWNER_PASSWORD).store("demo")
			.patch("/api/admin/v1/customers/" + id, Map.of("state", "DISABLED"));
		assertThat(shopper.get("/account").location()).as("disabled: signed out").endsWith("/account/login");
		assertThat(shopper.get("/").body()).contains(">Sign in<");

		ApiClient.at(port).loggedIn(ShopwrightTest.OWNER_EMAIL, ShopwrightTest.OWNER_PASSWORD).store("demo")
			.patch("/api/admin/v1/customers/" + id, Map.of("state", "ENABLED"));
		shopper.get("/account/reset");
		shopper.post("/account/reset", Map.of("email", email));
		Matcher link = RESET_PATH
			.matcher(TestMail.body(TestMail.await(email, 1).getFirst()));
		assertThat(link.find()).isTrue();
		jdbc.sql("update customers.password_reset set expires_at = now() - interval '1 second' where customer_id = ?::uuid")
			.param(id).update();
		AdminSession.Page expired = shopper.get(link.group(1));
		assertThat(expired.body()).contains("id=\"reset-invalid\"").contains("Request a new link");
		assertThat(shopper.post(link.group(1), Map.of("password", "too-late-password-1")).status()).isEqualTo(422);
	}

	/** The part of the account page that shows one address. */
	static String section(String page, String addressId) {
		int start = page.indexOf("id=\"address-" + addressId + "\"");
		int end = page.indexOf("</li>", start);
		return page.substring(start, end);
	}
}
