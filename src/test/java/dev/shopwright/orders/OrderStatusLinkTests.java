package dev.shopwright.orders;

import static dev.shopwright.checkout.CheckoutShop.card;
import static dev.shopwright.checkout.CheckoutShop.ok;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.shopwright.checkout.CheckoutShop;
import dev.shopwright.testing.ApiClient;
import dev.shopwright.testing.Browser;
import dev.shopwright.testing.ShopwrightTest;
import dev.shopwright.testing.TestMail;

/**
 * The confirmation mail carries the order's status link: it opens the order in a browser that never saw the checkout
 * (no cart cookie, nobody signed in); a changed key, or the key on another order, is a 404.
 */
@ShopwrightTest
class OrderStatusLinkTests {

	private static final Pattern LINK = Pattern.compile("https://([^/\\s]+)(/orders/([0-9a-f-]{36})\\?token=(osk_[0-9a-f]{64}))");

	@LocalServerPort
	int port;

	@Autowired
	OrderManagement orders;

	@Test
	void theLinkInTheMailOpensTheOrderInAFreshBrowserAndATamperedOneIsNotFound() throws Exception {
		CheckoutShop shop = new CheckoutShop(port);
		ok(shop.admin.patch("/api/admin/v1/stores/" + shop.store, Map.of("domains", List.of(shop.handle + ".localhost"))));
		String sku = shop.product("30.00", 5);
		CheckoutShop.Guest guest = shop.readyCart(sku, 1);
		String email = ok(guest.api().get(guest.path(""))).get("email").asString();
		ApiClient.Response placed = guest.api().post(guest.path("/complete"), card("4242424242424242"));
		assertThat(placed.status()).as(placed.body()).isEqualTo(201);
		String orderId = placed.json().get("orderId").asString();
		Order order = orders.get(shop.store, OrderId.of(orderId));

		String text = OrderConfirmationMailTests.textOf(TestMail.await(email, 1).getFirst());
		Matcher link = LINK.matcher(text);
		assertThat(link.find()).as(text).isTrue();
		assertThat(link.group(1)).isEqualTo(shop.handle + ".localhost");
		assertThat(link.group(3)).isEqualTo(orderId);
		String key = link.group(4);
		String base = "http://" + shop.handle + ".localhost:" + port;

		try (Browser browser = Browser.start()) {
			browser.driver().get(base + link.group(2));
			assertThat(browser.driver().findElement(By.id("order-title")).getText()).contains(order.number());
			assertThat(browser.problems()).isEmpty();
		}

		ApiClient visitor = ApiClient.at(port).store(shop.handle);
		assertThat(visitor.get(link.group(2)).status()).isEqualTo(200);
		String tampered = key.substring(0, key.length() - 1) + (key.endsWith("0") ? "1" : "0");
		assertThat(visitor.get("/orders/" + orderId + "?token=" + tampered).status()).isEqualTo(404);
		assertThat(visitor.get("/orders/" + orderId).status()).isEqualTo(404);
		// a key opens its own order only
		CheckoutShop.Guest second = shop.readyCart(sku, 1);
		ApiClient.Response secondPlaced = second.api().post(second.path("/complete"), card("4242424242424242"));
		assertThat(secondPlaced.status()).as(secondPlaced.body()).isEqualTo(201);
		String secondPath = orders.statusPath(shop.store, OrderId.of(secondPlaced.json().get("orderId").asString()));
		String secondKey = secondPath.substring(secondPath.indexOf("token=") + 6);
		assertThat(secondKey).isNotEqualTo(key);
		assertThat(visitor.get("/orders/" + orderId + "?token=" + secondKey).status()).isEqualTo(404);
		assertThat(visitor.get(secondPath).status()).isEqualTo(200);
	}
}
