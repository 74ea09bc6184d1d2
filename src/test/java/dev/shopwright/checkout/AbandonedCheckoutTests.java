package dev.shopwright.checkout;

import static dev.shopwright.checkout.CheckoutShop.ok;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

import dev.shopwright.testing.ApiClient;
import dev.shopwright.testing.ShopwrightTest;
import dev.shopwright.testing.TestMail;

/**
 * Carts left with an email and lines become abandoned checkouts; staff list them and send the recovery mail (real
 * SMTP), whose signed link reopens the cart in a fresh browser; an order placed from it counts as recovered.
 */
@ShopwrightTest
class AbandonedCheckoutTests {

	private static final Pattern LINK = Pattern.compile("https://[^/\\s]+(/cart/recover/([0-9a-f-]{36})\\?expires=(\\d+)&signature=([A-Za-z0-9_-]+))");

	@LocalServerPort
	int port;

	@Autowired
	AbandonedCheckouts job;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	dev.shopwright.inventory.InventoryManagement inventory;

	@Test
	void stockAFailedAttemptLeftReservedIsReleasedWhenTheCartIsAbandoned() {
		CheckoutShop shop = new CheckoutShop(port);
		String sku = shop.product("15.00", 5);
		CheckoutShop.Guest left = shop.readyCart(sku, 2);
		// as a completion attempt can leave it: an order id chosen, its units still held when the shopper walked away
		UUID orderId = UUID.randomUUID();
		jdbc.sql("update checkout.cart set order_id = ?, attempt = 1 where id = ?")
			.params(orderId, UUID.fromString(left.id())).update();
		inventory.reserve(shop.store, dev.shopwright.inventory.ReserveStock.of(orderId.toString(), Duration.ofHours(1),
				new dev.shopwright.inventory.ReserveStock.Line(sku, 2)));
		assertThat(inventory.availableOnline(shop.store, sku)).isEqualTo(3);
		untouchedFor(left, Duration.ofHours(2));

		job.abandon(Duration.ofHours(1));
		assertThat(ok(left.api().get(left.path(""))).get("status").asString()).isEqualTo("ABANDONED");
		assertThat(inventory.availableOnline(shop.store, sku)).isEqualTo(5);
		assertThat(inventory.reservations(shop.store, dev.shopwright.inventory.Reservation.Status.ACTIVE,
				orderId.toString(), null, 10).items()).isEmpty();
	}

	@Test
	void anUntouchedCartIsAbandonedRecoveredByTheMailsLinkAndCountedWhenItBecomesAnOrder() throws Exception {
		CheckoutShop shop = new CheckoutShop(port);
		ok(shop.admin.patch("/api/admin/v1/stores/" + shop.store, Map.of("domains", List.of(shop.handle + ".localhost"))));
		String sku = shop.product("30.00", 5);
		CheckoutShop.Guest left = shop.readyCart(sku, 2);
		String email = ok(left.api().get(left.path(""))).get("email").asString();
		CheckoutShop.Guest anonymous = shop.guest();
		ok(anonymous.api().post(anonymous.path("/lines"), Map.of("sku", sku, "quantity", 1)));
		CheckoutShop.Guest recent = shop.readyCart(sku, 1);
		untouchedFor(left, Duration.ofHours(2));
		untouchedFor(anonymous, Duration.ofHours(2));

		assertThat(job.abandon(Duration.ofHours(1))).isGreaterThanOrEqualTo(1);
		assertThat(ok(left.api().get(left.path(""))).get("status").asString()).isEqualTo("ABANDONED");
		assertThat(ok(anonymous.api().get(anonymous.path(""))).get("status").asString()).as("no email").isEqualTo("ACTIVE");
		assertThat(ok(recent.api().get(recent.path(""))).get("status").asString()).isEqualTo("ACTIVE");

		JsonNode listed = ok(shop.admin.get("/api/admin/v1/checkouts?status=abandoned")).get("items");
		assertThat(listed).hasSize(1);
		assertThat(listed.get(0).get("id").asString()).isEqualTo(left.id());
		assertThat(listed.get(0).get("email").asString()).isEqualTo(email);
		assertThat(listed.get(0).get("value").get("amount").asString()).isEqualTo("64.90");
		assertThat(listed.get(0).get("units").asInt()).isEqualTo(2);
		assertThat(listed.get(0).get("recoverySends").asInt()).isZero();
		assertThat(shop.admin.get("/api/admin/v1/checkouts?status=lost").status()).isEqualTo(422);

		String send = "/api/admin/v1/checkouts/" + left.id() + "/recovery-email";
		assertThat(ok(shop.admin.post(send, Map.of())).get("recoverySends").asInt()).isEqualTo(1);
		MimeMessage mail = TestMail.await(email, 1).getFirst();
		assertThat(mail.getSubject()).contains("Your cart is waiting");
		ApiClient.Response twice = shop.admin.post(send, Map.of());
		assertThat(twice.status()).isEqualTo(409);
		assertThat(twice.json().get("code").asString()).isEqualTo("RECOVERY_ALREADY_SENT");
		assertThat(ok(shop.admin.post(send, Map.of("again", true))).get("recoverySends").asInt()).isEqualTo(2);
		TestMail.await(email, 2);

		// another store's staff neither see nor mail it
		CheckoutShop other = new CheckoutShop(port);
		assertThat(other.admin.get("/api/admin/v1/checkouts/" + left.id()).status()).isEqualTo(404);
		assertThat(other.admin.post(send, Map.of("again", true)).status()).isEqualTo(404);
		assertThat(ok(other.admin.get("/api/admin/v1/checkouts?status=all")).get("items")).isEmpty();

		Matcher link = LINK.matcher((String) mail.getContent());
		assertThat(link.find()).as((String) mail.getContent()).isTrue();
		assertThat(link.group(2)).isEqualTo(left.id());
		StorefrontVisitor stranger = new StorefrontVisitor(port, shop.handle);
		String tampered = "/cart/recover/" + left.id() + "?expires=" + (Long.parseLong(link.group(3)) + 1) + "&signature="
				+ link.group(4);
		assertThat(stranger.get(tampered).status()).isEqualTo(404);
		assertThat(stranger.get("/cart/recover/" + left.id() + "?expires=" + link.group(3) + "&signature=AAAA").status())
			.isEqualTo(404);
		assertThat(ok(left.api().get(left.path(""))).get("status").asString()).isEqualTo("ABANDONED");

		StorefrontVisitor shopper = new StorefrontVisitor(port, shop.handle);
		assertThat(shopper.get(link.group(1)).location()).isEqualTo("/cart");
		StorefrontVisitor.Page cart = shopper.get("/cart");
		assertThat(cart.text("cart-notice")).contains("Welcome back");
		assertThat(cart.text("line-" + sku)).contains("60.00 EUR");
		// the old token no longer opens it: the link's browser holds the cart now
		assertThat(left.api().get(left.path("")).status()).isEqualTo(404);

		StorefrontVisitor.Page paid = shopper.post("/checkout/payment",
				StorefrontCheckoutPageTests.card("4242424242424242"));
		assertThat(paid.location()).as(paid.toString()).isEqualTo("/checkout/confirmation");
		JsonNode recovered = ok(shop.admin.get("/api/admin/v1/checkouts?status=recovered")).get("items");
		assertThat(recovered).hasSize(1);
		assertThat(recovered.get(0).get("recovered").asBoolean()).isTrue();
		assertThat(recovered.get(0).get("orderId").asString()).isNotBlank();
		assertThat(ok(shop.admin.get("/api/admin/v1/checkouts?status=abandoned")).get("items")).isEmpty();
		// an order can't be reopened: the link now says so
		assertThat(shopper.follow(shopper.get(link.group(1))).text("cart-error")).contains("already been checked out");
	}

	@Test
	void theRecoveryMailGoesOutByItselfOnlyWhereTheStoreAskedForIt() {
		CheckoutShop automatic = new CheckoutShop(port);
		CheckoutShop manual = new CheckoutShop(port);
		assertThat(ok(automatic.admin.get("/api/admin/v1/checkouts/recovery-settings")).get("autoSendAfterHours").isNull())
			.isTrue();
		assertThat(automatic.admin.put("/api/admin/v1/checkouts/recovery-settings", Map.of("autoSendAfterHours", 0))
			.status()).isEqualTo(422);
		assertThat(ok(automatic.admin.put("/api/admin/v1/checkouts/recovery-settings", Map.of("autoSendAfterHours", 3)))
			.get("autoSendAfterHours").asInt()).isEqualTo(3);
		CheckoutShop.Guest due = automatic.readyCart(automatic.product("10.00", 5), 1);
		CheckoutShop.Guest notYet = automatic.readyCart(automatic.product("10.00", 5), 1);
		CheckoutShop.Guest byHandOnly = manual.readyCart(manual.product("10.00", 5), 1);
		for (CheckoutShop.Guest guest : List.of(due, notYet, byHandOnly)) {
			untouchedFor(guest, Duration.ofHours(5));
		}
		job.abandon(Duration.ofHours(1));
		abandonedFor(due, Duration.ofHours(4));
		abandonedFor(notYet, Duration.ofHours(1));
		abandonedFor(byHandOnly, Duration.ofHours(4));

		job.sendDueRecoveryMails();
		job.sendDueRecoveryMails(); // a second round (or another node) sends nothing more
		TestMail.await(email(due), 1);
		assertThat(TestMail.to(email(due))).hasSize(1);
		assertThat(TestMail.to(email(notYet))).isEmpty();
		assertThat(TestMail.to(email(byHandOnly))).isEmpty();
		assertThat(ok(automatic.admin.get("/api/admin/v1/checkouts/" + due.id())).get("recoverySends").asInt()).isEqualTo(1);
	}

	@Test
	void aShopperWhoComesBackByThemselvesFindsTheCartOpenAgain() {
		CheckoutShop shop = new CheckoutShop(port);
		String sku = shop.product("12.00", 5);
		CheckoutShop.Guest api = shop.readyCart(sku, 1);
		untouchedFor(api, Duration.ofHours(2));
		StorefrontVisitor browser = new StorefrontVisitor(port, shop.handle);
		String productId = ok(shop.admin.get("/api/admin/v1/products?limit=1")).get("items").get(0).get("id").asString();
		browser.addToCart(productId, 2);
		browser.post("/checkout/contact", Map.of("email", "back@test.local"));
		jdbc.sql("update checkout.cart set updated_at = now() - interval '2 hours' where email = 'back@test.local' "
				+ "and store_id = ?").param(UUID.fromString(shop.store.toString())).update();
		job.abandon(Duration.ofHours(1));
		assertThat(ok(shop.admin.get("/api/admin/v1/checkouts?status=abandoned")).get("items")).hasSize(2);

		// through the API: a change reopens it
		JsonNode changed = ok(api.api().post(api.path("/lines"), Map.of("sku", sku, "quantity", 1)));
		assertThat(changed.get("status").asString()).isEqualTo("ACTIVE");
		assertThat(changed.get("lines").get(0).get("quantity").asInt()).isEqualTo(2);
		// in the same browser: the cart page shows it, open again
		assertThat(browser.get("/cart").text("line-" + sku)).contains("24.00 EUR");
		assertThat(ok(shop.admin.get("/api/admin/v1/checkouts?status=abandoned")).get("items")).isEmpty();
		assertThat(ok(shop.admin.get("/api/admin/v1/checkouts?status=all")).get("items")).hasSize(2)
			.allSatisfy(c -> assertThat(c.get("recovered").asBoolean()).isFalse());
	}

	private String email(CheckoutShop.Guest guest) {
		return jdbc.sql("select email from checkout.cart where id = ?").param(UUID.fromString(guest.id()))
			.query(String.class).single();
	}

	private void untouchedFor(CheckoutShop.Guest guest, Duration age) {
		jdbc.sql("update checkout.cart set updated_at = now() - ?::interval where id = ?")
			.params(age.toMinutes() + " minutes", UUID.fromString(guest.id())).update();
	}

	private void abandonedFor(CheckoutShop.Guest guest, Duration age) {
		jdbc.sql("update checkout.cart set abandoned_at = now() - ?::interval where id = ?")
			.params(age.toMinutes() + " minutes", UUID.fromString(guest.id())).update();
	}
}
