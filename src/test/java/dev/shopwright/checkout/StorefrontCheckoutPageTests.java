package dev.shopwright.checkout;

import static dev.shopwright.checkout.CheckoutShop.eur;
import static dev.shopwright.checkout.CheckoutShop.ok;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.HttpCookie;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.shopwright.testing.ApiClient;
import dev.shopwright.testing.ShopwrightTest;
import tools.jackson.databind.JsonNode;

/**
 * The storefront cart and checkout pages over HTTP, as a browser without JavaScript uses them: plain forms with
 * CSRF tokens, redirects between steps, messages beside the fields, the signed cart cookie.
 */
@ShopwrightTest
class StorefrontCheckoutPageTests {

	@LocalServerPort
	int port;

	CheckoutShop shop;

	StorefrontVisitor shopper;

	@BeforeEach
	void aShop() {
		shop = new CheckoutShop(port);
		shopper = new StorefrontVisitor(port, shop.handle);
	}

	/** A product for sale with {@code stock} units: its id, SKU and handle. */
	record Listed(String id, String sku, String handle, String title) {
	}

	Listed listed(String price, int stock) {
		String sku = ApiClient.unique("PG").toUpperCase();
		Map<String, Object> variant = new HashMap<>(Map.of("sku", sku, "price", eur(price), "weightGrams", 400,
				"inventoryPolicy", "DENY"));
		JsonNode product = ok(shop.admin.post("/api/admin/v1/products", Map.of("title", "Teapot " + sku, "status",
				"ACTIVE", "published", true, "variants", List.of(variant))));
		ok(shop.admin.post("/api/admin/v1/inventory/adjustments", Map.of("sku", sku, "delta", stock)));
		return new Listed(product.get("id").asString(), sku, product.get("handle").asString(),
				product.get("title").asString());
	}

	@Test
	void theProductPageAddsToTheCartAndTheCartChangesQuantitiesAndRemovesLines() {
		Listed teapot = listed("20.00", 10);
		Listed cup = listed("5.50", 10);
		StorefrontVisitor.Page productPage = shopper.get("/products/" + teapot.handle());
		assertThat(productPage.status()).isEqualTo(200);
		assertThat(productPage.body()).contains("id=\"add-to-cart\"").contains("formaction=\"/cart/add\"")
			.doesNotContain("_csrf").doesNotContain("disabled title");

		StorefrontVisitor.Page added = shopper.addToCart(teapot.id(), 2);
		assertThat(added.status()).as(added.toString()).isEqualTo(302);
		assertThat(added.location()).isEqualTo("/cart");
		HttpCookie cookie = shopper.cookie("sw_cart");
		assertThat(cookie).isNotNull();
		assertThat(cookie.isHttpOnly()).isTrue();
		assertThat(added.header("set-cookie")).contains("SameSite=Lax").contains("HttpOnly");
		StorefrontVisitor.Page cart = shopper.follow(added);
		assertThat(cart.status()).isEqualTo(200);
		assertThat(cart.text("cart-notice")).isEqualTo(teapot.title() + " is in your cart.");
		cart = shopper.follow(shopper.addToCart(cup.id(), 1));
		assertThat(cart.text("line-" + teapot.sku())).contains(teapot.title()).contains("20.00 EUR").contains("40.00 EUR");
		assertThat(cart.text("line-" + cup.sku())).contains("5.50 EUR");
		assertThat(cart.text("cart-total")).isEqualTo("45.50 EUR");
		assertThat(cart.body()).contains("href=\"/checkout\"");

		String teapotLine = lineId(cart, teapot.sku());
		StorefrontVisitor.Page changed = shopper.post("/cart/lines/" + teapotLine, Map.of("quantity", "3"));
		assertThat(changed.location()).isEqualTo("/cart");
		cart = shopper.follow(changed);
		assertThat(cart.text("cart-total")).isEqualTo("65.50 EUR");

		// more than the stock: a readable message, the line as it was
		cart = shopper.follow(shopper.post("/cart/lines/" + teapotLine, Map.of("quantity", "11")));
		assertThat(cart.text("cart-error")).contains("not that much left");
		assertThat(cart.text("cart-total")).isEqualTo("65.50 EUR");
		cart = shopper.follow(shopper.post("/cart/lines/" + teapotLine, Map.of("quantity", "lots")));
		assertThat(cart.text("cart-error")).contains("1 to 99");

		cart = shopper.follow(shopper.post("/cart/lines/" + lineId(cart, cup.sku()) + "/remove", Map.of()));
		assertThat(cart.body()).doesNotContain("line-" + cup.sku());
		assertThat(cart.text("cart-total")).isEqualTo("60.00 EUR");
		cart = shopper.follow(shopper.post("/cart/lines/" + teapotLine, Map.of("quantity", "0")));
		assertThat(cart.text("cart-empty")).contains("Your cart is empty");
	}

	@Test
	void formsWithoutTheSessionsTokenAndAddsFromAnotherSiteAreRefused() {
		Listed teapot = listed("20.00", 10);
		StorefrontVisitor.Page crossSite = shopper.postRaw("/cart/add", Map.of("product", teapot.id()),
				Map.of("Sec-Fetch-Site", "cross-site", "Origin", "https://evil.example"));
		assertThat(crossSite.status()).isEqualTo(403);
		StorefrontVisitor.Page otherOrigin = shopper.postRaw("/cart/add", Map.of("product", teapot.id()),
				Map.of("Origin", "https://evil.example"));
		assertThat(otherOrigin.status()).isEqualTo(403);
		assertThat(shopper.cookie("sw_cart")).isNull();

		shopper.addToCart(teapot.id(), 1);
		String line = lineId(shopper.get("/cart"), teapot.sku());
		assertThat(shopper.postRaw("/cart/lines/" + line, Map.of("quantity", "5"), Map.of()).status()).isEqualTo(403);
		assertThat(shopper.postRaw("/checkout/contact", Map.of("email", "x@test.local"), Map.of()).status())
			.isEqualTo(403);
		assertThat(shopper.get("/cart").text("line-" + teapot.sku())).contains("20.00 EUR");
	}

	@Test
	void aChangedCartCookieOrOneOfAnotherStoreOpensNoCart() {
		Listed teapot = listed("20.00", 10);
		shopper.addToCart(teapot.id(), 1);
		String value = shopper.cookie("sw_cart").getValue();
		assertThat(shopper.get("/cart").body()).contains("line-" + teapot.sku());

		// the signature no longer matches the payload
		String payload = value.substring(0, value.indexOf('.'));
		String signature = value.substring(value.indexOf('.') + 1);
		String flipped = (signature.charAt(0) == 'A' ? "B" : "A") + signature.substring(1);
		shopper.setCookie("sw_cart", payload + "." + flipped);
		StorefrontVisitor.Page tampered = shopper.get("/cart");
		assertThat(tampered.status()).isEqualTo(200);
		assertThat(tampered.text("cart-empty")).contains("Your cart is empty");

		// the genuine cookie at another store: that store has no such cart for it
		CheckoutShop other = new CheckoutShop(port);
		StorefrontVisitor elsewhere = new StorefrontVisitor(port, other.handle);
		elsewhere.setCookie("sw_cart", value);
		assertThat(elsewhere.get("/cart").text("cart-empty")).contains("Your cart is empty");
		shopper.setCookie("sw_cart", value);
		assertThat(shopper.get("/cart").body()).contains("line-" + teapot.sku());
	}

	@Test
	void theStepsValidateNextToTheFieldsAndLeadFromContactToAddressToShipping() {
		Listed teapot = listed("20.00", 10);
		assertThat(shopper.get("/checkout").location()).isEqualTo("/cart");
		shopper.addToCart(teapot.id(), 1);
		assertThat(shopper.get("/checkout").location()).isEqualTo("/checkout/contact");
		assertThat(shopper.get("/checkout/shipping").location()).isEqualTo("/checkout/contact");
		assertThat(shopper.get("/checkout/address").location()).isEqualTo("/checkout/contact");

		StorefrontVisitor.Page contact = shopper.get("/checkout/contact");
		assertThat(contact.status()).isEqualTo(200);
		assertThat(contact.text("order-summary")).contains(teapot.title()).contains("20.00 EUR");
		StorefrontVisitor.Page invalid = shopper.post("/checkout/contact", Map.of("email", "not-an-address"));
		assertThat(invalid.status()).isEqualTo(200);
		assertThat(invalid.text("contact-email-error")).contains("name@example.com");
		assertThat(invalid.body()).contains("value=\"not-an-address\"");
		StorefrontVisitor.Page saved = shopper.post("/checkout/contact", Map.of("email", "ada@test.local"));
		assertThat(saved.location()).isEqualTo("/checkout/address");

		StorefrontVisitor.Page incomplete = shopper.post("/checkout/address",
				Map.of("firstName", "Ada", "line1", "", "city", "", "country", "XX"));
		assertThat(incomplete.status()).isEqualTo(200);
		assertThat(incomplete.text("address-error")).contains("complete the address");
		assertThat(incomplete.body()).contains("value=\"Ada\"");
		assertThat(fieldErrorAfter(incomplete, "address-line1")).isEqualTo("is required");
		assertThat(fieldErrorAfter(incomplete, "address-city")).isEqualTo("is required");
		assertThat(fieldErrorAfter(incomplete, "address-country")).contains("ISO 3166-1");
		StorefrontVisitor.Page addressed = shopper.post("/checkout/address", Map.of("firstName", "Ada", "lastName",
				"Lovelace", "line1", "Unter den Linden 1", "city", "Berlin", "postalCode", "10117", "country", "de"));
		assertThat(addressed.location()).as(addressed.toString()).isEqualTo("/checkout/shipping");

		StorefrontVisitor.Page shipping = shopper.get("/checkout/shipping");
		assertThat(shipping.text("ship-to")).contains("Unter den Linden 1, Berlin, DE");
		assertThat(shipping.text("shipping-form")).contains("Standard").contains("4.90 EUR").contains("Express")
			.contains("12.00 EUR").contains("Arrives");
		assertThat(shopper.post("/checkout/shipping", Map.of()).text("shipping-error")).contains("Choose a shipping");
		assertThat(shopper.post("/checkout/shipping", Map.of("option", java.util.UUID.randomUUID().toString()))
			.text("shipping-error")).isNotBlank();
		StorefrontVisitor.Page chosen = shopper.post("/checkout/shipping", Map.of("option", shop.standardShippingId));
		assertThat(chosen.location()).isEqualTo("/checkout/payment");
		StorefrontVisitor.Page back = shopper.get("/checkout/contact");
		assertThat(back.text("summary-shipping")).isEqualTo("4.90 EUR");
		assertThat(back.text("summary-total")).isEqualTo("24.90 EUR");
		assertThat(shopper.get("/checkout").location()).isEqualTo("/checkout/payment");

		// an address the store does not ship to: said so, no method to choose
		shopper.post("/checkout/address", Map.of("line1", "1 Main St", "city", "Springfield", "country", "US"));
		assertThat(shopper.get("/checkout/shipping").text("shipping-none")).contains("do not ship to US");
	}

	@Test
	void theCurrencySwitcherPricesTheCartInAnotherOfTheStoresCurrencies() {
		Listed teapot = listed("20.00", 10);
		shopper.addToCart(teapot.id(), 1);
		StorefrontVisitor.Page cart = shopper.get("/cart");
		assertThat(cart.text("currency-switcher")).contains("EUR").contains("USD");
		StorefrontVisitor.Page switched = shopper.post("/cart/currency", Map.of("currency", "USD", "back", "/cart"));
		assertThat(switched.location()).isEqualTo("/cart");
		assertThat(shopper.get("/cart").text("cart-total")).isEqualTo("22.00 USD");
		assertThat(shopper.follow(shopper.post("/cart/currency", Map.of("currency", "GBP", "back", "/cart")))
			.text("cart-error")).contains("does not sell in that currency");
		assertThat(shopper.post("/cart/currency", Map.of("currency", "EUR", "back", "https://evil.example/"))
			.location()).isEqualTo("/cart");
		assertThat(shopper.get("/cart").text("cart-total")).isEqualTo("20.00 EUR");
	}

	/** The cart holds {@code quantity} of the product, and contact, address and shipping are done. */
	void throughShipping(Listed listed, int quantity) {
		assertThat(shopper.addToCart(listed.id(), quantity).location()).isEqualTo("/cart");
		assertThat(shopper.post("/checkout/contact", Map.of("email", "grace@test.local")).location())
			.isEqualTo("/checkout/address");
		assertThat(shopper.post("/checkout/address", Map.of("firstName", "Grace", "line1", "Unter den Linden 1", "city",
				"Berlin", "postalCode", "10117", "country", "DE")).location()).isEqualTo("/checkout/shipping");
		assertThat(shopper.post("/checkout/shipping", Map.of("option", shop.standardShippingId)).location())
			.isEqualTo("/checkout/payment");
	}

	static Map<String, String> card(String number) {
		return Map.of("method", "CARD", "cardNumber", number, "expMonth", "12", "expYear",
				String.valueOf(java.time.Year.now().getValue() + 2), "cvc", "123");
	}

	@Test
	void thePaymentStepChecksTheCardShowsDeclinesWithTheCartIntactAndPlacesTheOrderOnce() {
		Listed teapot = listed("20.00", 10);
		throughShipping(teapot, 1);
		StorefrontVisitor.Page payment = shopper.get("/checkout/payment");
		assertThat(payment.status()).isEqualTo(200);
		assertThat(payment.text("pay-button")).isEqualTo("Pay 24.90 EUR");
		assertThat(payment.text("payment-review")).contains("grace@test.local").contains("Berlin").contains("Standard");
		assertThat(payment.body()).contains("id=\"method-CARD\"").doesNotContain("id=\"method-BANK_TRANSFER\"");

		StorefrontVisitor.Page mistyped = shopper.post("/checkout/payment", Map.of("method", "CARD", "cardNumber",
				"4242 4242 4242 4241", "expMonth", "1", "expYear", "2020", "cvc", "12"));
		assertThat(mistyped.status()).isEqualTo(200);
		assertThat(mistyped.text("card-number-error")).contains("not a valid card number");
		assertThat(mistyped.text("card-expiry-error")).contains("expired");
		assertThat(mistyped.text("card-cvc-error")).contains("3 or 4 digits");
		assertThat(mistyped.body()).doesNotContain("4242 4242 4242 4241");
		assertThat(shopper.post("/checkout/payment", Map.of("method", "GOLD")).text("method-error"))
			.contains("Choose one of the payment methods");

		StorefrontVisitor.Page declined = shopper.post("/checkout/payment", card("4000 0000 0000 0002"));
		assertThat(declined.status()).isEqualTo(200);
		assertThat(declined.text("payment-error")).contains("Your card was declined").contains("Nothing was charged");
		assertThat(declined.body()).containsPattern("<input id=\"card-number\" name=\"cardNumber\"(?![^>]*value=)[^>]*>");
		StorefrontVisitor.Page poor = shopper.post("/checkout/payment", card("4000000000009995"));
		assertThat(poor.text("payment-error")).contains("insufficient funds");
		assertThat(shopper.get("/cart").text("line-" + teapot.sku())).contains("20.00 EUR");

		StorefrontVisitor.Page paid = shopper.post("/checkout/payment", card("4242424242424242"));
		assertThat(paid.location()).as(paid.toString()).isEqualTo("/checkout/confirmation");
		StorefrontVisitor.Page confirmation = shopper.get("/checkout/confirmation");
		assertThat(confirmation.status()).isEqualTo(200);
		String number = confirmation.text("order-number");
		assertThat(number).matches("#\\d+");
		assertThat(confirmation.text("confirmation-total")).isEqualTo("24.90 EUR");
		assertThat(confirmation.text("confirmation-email")).contains("grace@test.local");
		assertThat(confirmation.text("confirmation-payment")).isEqualTo("Paid");
		assertThat(confirmation.body()).containsPattern("id=\"order-status-link\" href=\"/orders/[0-9a-f-]{36}\\?token=osk_[0-9a-f]{64}\"");

		// a second click on Pay (the first already placed the order) lands on the same order
		StorefrontVisitor.Page again = shopper.post("/checkout/payment", card("4242424242424242"));
		assertThat(again.location()).isEqualTo("/checkout/confirmation");
		assertThat(shopper.get("/checkout/confirmation").text("order-number")).isEqualTo(number);
		assertThat(shopper.get("/cart").text("cart-empty")).contains("Your cart is empty");
		assertThat(shopper.get("/checkout").location()).isEqualTo("/cart");
	}

	@Autowired
	dev.shopwright.orders.OrderManagement orders;

	@Autowired
	dev.shopwright.fraud.FraudManagement fraud;

	@Test
	void aBillingAddressOtherThanShippingIsCheckedKeptOnTheOrderAndScreenedForTheCountryMismatch() {
		Listed teapot = listed("20.00", 10);
		shopper.addToCart(teapot.id(), 1);
		shopper.post("/checkout/contact", Map.of("email", "billing@test.local"));
		StorefrontVisitor.Page form = shopper.get("/checkout/address");
		assertThat(form.body()).containsPattern("<input type=\"checkbox\" id=\"same-as-shipping\"[^>]*checked");
		assertThat(form.body()).contains("id=\"billing-fields\"");

		Map<String, String> shipping = Map.of("firstName", "Grace", "line1", "Unter den Linden 1", "city", "Berlin",
				"postalCode", "10117", "country", "DE", "billingChoice", "1");
		Map<String, String> incomplete = new HashMap<>(shipping);
		incomplete.putAll(Map.of("billingFirstName", "Grace", "billingLine1", "1 Rue de Rivoli", "billingCountry", "FR"));
		StorefrontVisitor.Page refused = shopper.post("/checkout/address", incomplete);
		assertThat(refused.status()).isEqualTo(200);
		assertThat(fieldErrorAfter(refused, "billing-city")).isEqualTo("is required");
		assertThat(refused.body()).containsPattern("<input type=\"checkbox\" id=\"same-as-shipping\"(?![^>]*checked)[^>]*>");
		assertThat(refused.body()).contains("value=\"1 Rue de Rivoli\"");

		Map<String, String> different = new HashMap<>(incomplete);
		different.putAll(Map.of("billingCity", "Paris", "billingPostalCode", "75001"));
		assertThat(shopper.post("/checkout/address", different).location()).isEqualTo("/checkout/shipping");
		assertThat(shopper.get("/checkout/address").body())
			.containsPattern("<input type=\"checkbox\" id=\"same-as-shipping\"(?![^>]*checked)[^>]*>")
			.contains("value=\"Paris\"");
		shopper.post("/checkout/shipping", Map.of("option", shop.standardShippingId));
		assertThat(shopper.get("/checkout/payment").text("review-billing")).contains("1 Rue de Rivoli, Paris, FR");

		StorefrontVisitor.Page paid = shopper.post("/checkout/payment", card("4242424242424242"));
		assertThat(paid.location()).as(paid.toString()).isEqualTo("/checkout/confirmation");
		java.util.regex.Matcher id = java.util.regex.Pattern.compile("/orders/([0-9a-f-]{36})")
			.matcher(shopper.get("/checkout/confirmation").body());
		assertThat(id.find()).isTrue();
		dev.shopwright.orders.Order order = orders.get(shop.store, dev.shopwright.orders.OrderId.of(id.group(1)));
		assertThat(order.billingAddress().address().country()).isEqualTo("FR");
		assertThat(order.billingAddress().address().city()).isEqualTo("Paris");
		assertThat(order.shippingAddress().address().country()).isEqualTo("DE");
		assertThat(fraud.assessments(shop.store, new dev.shopwright.fraud.AssessmentListing(null, false,
				order.id().toString()), null, 5).items()).singleElement()
			.satisfies(a -> assertThat(a.rules()).anySatisfy(rule -> assertThat(rule.rule())
				.isEqualTo(dev.shopwright.fraud.RiskRule.COUNTRY_MISMATCH)));
	}

	@Test
	void checkingSameAsShippingAgainBillsToTheShippingAddress() {
		Listed teapot = listed("20.00", 10);
		shopper.addToCart(teapot.id(), 1);
		shopper.post("/checkout/contact", Map.of("email", "same@test.local"));
		Map<String, String> different = new HashMap<>(Map.of("line1", "Unter den Linden 1", "city", "Berlin",
				"country", "DE", "billingChoice", "1", "billingLine1", "1 Rue de Rivoli", "billingCity", "Paris",
				"billingCountry", "FR"));
		shopper.post("/checkout/address", different);
		different.put("sameAsShipping", "true");
		assertThat(shopper.post("/checkout/address", different).location()).isEqualTo("/checkout/shipping");
		shopper.post("/checkout/shipping", Map.of("option", shop.standardShippingId));
		assertThat(shopper.get("/checkout/payment").text("review-billing")).contains("Same as shipping")
			.doesNotContain("Paris");
	}

	@Test
	void stockThatRanOutBeforePayingIsNamedAndTheCartStays() {
		Listed teapot = listed("20.00", 2);
		throughShipping(teapot, 2);
		ok(shop.admin.post("/api/admin/v1/inventory/adjustments", Map.of("sku", teapot.sku(), "delta", -1)));
		StorefrontVisitor.Page refused = shopper.post("/checkout/payment", card("4242424242424242"));
		assertThat(refused.status()).as(refused.toString()).isEqualTo(200);
		assertThat(refused.text("payment-error")).contains("not enough left in stock of: " + teapot.title());
		assertThat(shopper.get("/cart").text("line-" + teapot.sku())).contains("40.00 EUR");
	}

	@Test
	void aStoreOfferingBankTransferTakesOrdersPaidByIt() {
		ok(shop.admin.put("/api/admin/v1/payment-settings", Map.of("cardEnabled", true, "bankTransferEnabled", true,
				"cashOnDeliveryEnabled", false, "captureMode", "IMMEDIATE")));
		Listed teapot = listed("20.00", 5);
		throughShipping(teapot, 1);
		assertThat(shopper.get("/checkout/payment").body()).contains("id=\"method-BANK_TRANSFER\"")
			.doesNotContain("id=\"method-CASH_ON_DELIVERY\"");
		assertThat(shopper.post("/checkout/payment", Map.of("method", "CASH_ON_DELIVERY")).text("method-error"))
			.isNotBlank();
		StorefrontVisitor.Page placed = shopper.post("/checkout/payment", Map.of("method", "BANK_TRANSFER"));
		assertThat(placed.location()).as(placed.toString()).isEqualTo("/checkout/confirmation");
		StorefrontVisitor.Page confirmation = shopper.get("/checkout/confirmation");
		assertThat(confirmation.text("order-number")).matches("#\\d+");
		assertThat(confirmation.text("confirmation-payment")).isEqualTo("Awaiting payment");
	}

	@Test
	void aCardAskingFor3dSecureGoesToTheChallengeAndWaitsForIt() {
		Listed teapot = listed("20.00", 5);
		throughShipping(teapot, 1);
		StorefrontVisitor.Page challenge = shopper.post("/checkout/payment", card("4000000000003220"));
		assertThat(challenge.location()).as(challenge.toString()).startsWith("/payments/sandbox/3ds/");
		// back without passing it: still waiting, with the way back to the challenge
		StorefrontVisitor.Page waiting = shopper.get("/checkout/payment/return?redirect_status=succeeded");
		assertThat(waiting.status()).isEqualTo(200);
		assertThat(waiting.text("payment-error")).contains("Your bank asks you to confirm");
		assertThat(waiting.body()).contains("href=\"" + challenge.location() + "\"");
		assertThat(shopper.get("/checkout/payment").text("payment-error")).contains("Your bank asks you to confirm");
		assertThat(shopper.get("/cart").text("cart-completing")).contains("waiting to be finished");
	}

	@Test
	void aSignedInShoppersNewCartIsTiedToTheirAccountAndTheirEmailOffered() {
		String email = ApiClient.unique("buyer") + "@test.local";
		ok(shop.shopper.post("/api/store/v1/customers", Map.of("email", email, "password", "shopper-password-1")));
		assertThat(shopper.get("/account/login").status()).isEqualTo(200);
		StorefrontVisitor.Page signedIn = shopper.post("/account/login",
				Map.of("email", email, "password", "shopper-password-1"));
		assertThat(signedIn.location()).as(signedIn.toString()).isEqualTo("/account");
		Listed teapot = listed("20.00", 5);
		shopper.addToCart(teapot.id(), 1);
		assertThat(shopper.get("/checkout/contact").body()).contains("value=\"" + email + "\"");

		String value = shopper.cookie("sw_cart").getValue();
		String[] held = new String(java.util.Base64.getUrlDecoder().decode(value.substring(0, value.indexOf('.'))),
				java.nio.charset.StandardCharsets.UTF_8).split("\\|");
		assertThat(held[0]).isEqualTo(shop.store.toString());
		String customerToken = ok(shop.shopper.post("/api/store/v1/customers/login",
				Map.of("email", email, "password", "shopper-password-1"))).get("token").asString();
		// the account reaches the cart without the cart's token: it is theirs
		ApiClient.Response mine = shop.shopper.bearer(customerToken).get("/api/store/v1/carts/" + held[1]);
		assertThat(mine.status()).as(mine.body()).isEqualTo(200);
		assertThat(mine.json().get("lines").get(0).get("sku").asString()).isEqualTo(teapot.sku());
		assertThat(shop.shopper.get("/api/store/v1/carts/" + held[1]).status()).isEqualTo(404);
	}

	static String lineId(StorefrontVisitor.Page cart, String sku) {
		java.util.regex.Matcher row = java.util.regex.Pattern
			.compile("id=\"line-" + sku + "\".*?action=\"/cart/lines/([0-9a-f-]{36})\"", java.util.regex.Pattern.DOTALL)
			.matcher(cart.body());
		assertThat(row.find()).as(cart.toString()).isTrue();
		return row.group(1);
	}

	/** The validation message rendered right after the input with this id. */
	static String fieldErrorAfter(StorefrontVisitor.Page page, String inputId) {
		java.util.regex.Matcher error = java.util.regex.Pattern
			.compile("id=\"" + inputId + "\"[^>]*>\\s*<small class=\"field-error\">([^<]*)</small>")
			.matcher(page.body());
		assertThat(error.find()).as("an error beside #" + inputId + " in " + page).isTrue();
		return StorefrontVisitor.unescape(error.group(1)).strip();
	}
}
