package dev.shopwright.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.shopwright.checkout.CheckoutShop;
import dev.shopwright.testing.ApiClient;
import dev.shopwright.testing.ShopwrightTest;

/** The checkouts screen: carts with their checkout stage, and resolving a stalled checkout by hand. */
@ShopwrightTest
class CheckoutConsoleTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void staffSeeCartsAndResolveACheckoutThatStalled() {
		CheckoutShop shop = new CheckoutShop(port);
		String sku = shop.product("20.00", 5);
		CheckoutShop.Guest stalled = shop.readyCart(sku, 2);
		CheckoutShop.Guest browsing = shop.guest();
		// as a crash leaves it: claimed for an order, the stage standing still for an hour, nothing reserved or paid
		jdbc.sql("""
				update checkout.cart set status = 'COMPLETING', stage = 'RESERVING', stage_at = now() - interval '1 hour',
				    order_id = gen_random_uuid(), attempt = 1 where id = ?""")
			.param(UUID.fromString(stalled.id())).update();

		AdminSession admin = AdminSession.at(port).logIn(ShopwrightTest.OWNER_EMAIL, ShopwrightTest.OWNER_PASSWORD);
		assertThat(admin.post("/admin/stores/switch", Map.of("storeId", shop.store.toString())).status()).isEqualTo(302);
		AdminSession.Page list = admin.get("/admin/checkouts");
		assertThat(list.status()).isEqualTo(200);
		assertThat(list.body()).contains("cart-" + stalled.id()).contains("cart-" + browsing.id()).contains("RESERVING")
			.contains("Resolve now");
		AdminSession.Page completing = admin.get("/admin/checkouts?status=COMPLETING");
		assertThat(completing.body()).contains("cart-" + stalled.id()).doesNotContain("cart-" + browsing.id());

		AdminSession.Page resolved = admin.post("/admin/checkouts/" + stalled.id() + "/resolve", Map.of());
		assertThat(resolved.isRedirect()).as(resolved.toString()).isTrue();
		assertThat(admin.get(resolved.location()).body()).contains("Checkout resolved.");
		assertThat(CheckoutShop.ok(stalled.api().get(stalled.path(""))).get("status").asString()).isEqualTo("ACTIVE");
		// nothing left to resolve: refused with the rule's message, nothing changed
		AdminSession.Page again = admin.post("/admin/checkouts/" + stalled.id() + "/resolve", Map.of());
		assertThat(admin.get(again.location()).body()).contains("not in a checkout");

		// another store's staff-facing list never shows this store's carts
		CheckoutShop other = new CheckoutShop(port);
		assertThat(admin.post("/admin/stores/switch", Map.of("storeId", other.store.toString())).status()).isEqualTo(302);
		assertThat(admin.get("/admin/checkouts").body()).doesNotContain("cart-" + stalled.id());
		assertThat(ApiClient.at(port).get("/admin/checkouts").status()).isIn(302, 401);
	}

	@Test
	void staffListAbandonedCheckoutsSendTheRecoveryMailOnceAndTurnOnTheAutomaticOne() {
		CheckoutShop shop = new CheckoutShop(port);
		String sku = shop.product("25.00", 5);
		CheckoutShop.Guest left = shop.readyCart(sku, 1);
		CheckoutShop.Guest browsing = shop.readyCart(sku, 1);
		String email = CheckoutShop.ok(left.api().get(left.path(""))).get("email").asString();
		jdbc.sql("""
				update checkout.cart set status = 'ABANDONED', abandoned_at = now(), updated_at = now() - interval '3 hours'
				where id = ?""").param(UUID.fromString(left.id())).update();

		AdminSession admin = AdminSession.at(port).logIn(ShopwrightTest.OWNER_EMAIL, ShopwrightTest.OWNER_PASSWORD);
		assertThat(admin.post("/admin/stores/switch", Map.of("storeId", shop.store.toString())).status()).isEqualTo(302);
		assertThat(admin.get("/admin/checkouts").body()).contains("href=\"/admin/checkouts/abandoned\"");
		AdminSession.Page list = admin.get("/admin/checkouts/abandoned");
		assertThat(list.status()).isEqualTo(200);
		assertThat(list.body()).contains("abandoned-" + left.id()).doesNotContain("abandoned-" + browsing.id())
			.contains(email).contains("29.90 EUR").contains("3 h").contains("not sent").contains("Send recovery email");

		AdminSession.Page sent = admin.post("/admin/checkouts/" + left.id() + "/recovery-email", Map.of("again", "false"));
		assertThat(admin.get(sent.location()).body()).contains("Recovery email sent.").contains("1 sent, last")
			.contains("Send again");
		dev.shopwright.testing.TestMail.await(email, 1);
		AdminSession.Page twice = admin.post("/admin/checkouts/" + left.id() + "/recovery-email", Map.of("again", "false"));
		assertThat(admin.get(twice.location()).body()).contains("send it again deliberately");
		assertThat(dev.shopwright.testing.TestMail.to(email)).hasSize(1);

		AdminSession.Page wrong = admin.post("/admin/checkouts/recovery-settings", Map.of("autoSendHours", "soon"));
		assertThat(admin.get(wrong.location()).body()).contains("Enter a number of hours");
		AdminSession.Page saved = admin.post("/admin/checkouts/recovery-settings", Map.of("autoSendHours", "24"));
		assertThat(admin.get(saved.location()).body()).contains("Recovery email settings saved.").contains("value=\"24\"");

		CheckoutShop other = new CheckoutShop(port);
		assertThat(admin.post("/admin/stores/switch", Map.of("storeId", other.store.toString())).status()).isEqualTo(302);
		assertThat(admin.get("/admin/checkouts/abandoned").body()).doesNotContain("abandoned-" + left.id());
		AdminSession.Page foreign = admin.post("/admin/checkouts/" + left.id() + "/recovery-email", Map.of("again", "true"));
		assertThat(admin.get(foreign.location()).body()).doesNotContain("Recovery email sent.");
		assertThat(dev.shopwright.testing.TestMail.to(email)).hasSize(1);
	}
}
