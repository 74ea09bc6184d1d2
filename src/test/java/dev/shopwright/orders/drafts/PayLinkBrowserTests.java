package dev.shopwright.orders.drafts;

import static dev.shopwright.orders.drafts.DraftShop.details;
import static dev.shopwright.orders.drafts.DraftShop.line;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.shopwright.catalog.CatalogManagement;
import dev.shopwright.inventory.InventoryManagement;
import dev.shopwright.orders.Order;
import dev.shopwright.orders.OrderId;
import dev.shopwright.orders.OrderManagement;
import dev.shopwright.orders.PaymentState;
import dev.shopwright.orders.PlaceOrder;
import dev.shopwright.payments.PaymentManagement;
import dev.shopwright.shared.StoreId;
import dev.shopwright.stores.StoreManagement;
import dev.shopwright.testing.Browser;
import dev.shopwright.testing.ShopwrightTest;

/**
 * The shopper's side of a draft in a real browser: the invoice email's link opens the pay page, a 3-D Secure card
 * goes through the issuer's page and back, and the draft is an order. The page is plain HTML forms, no script.
 */
@ShopwrightTest
class PayLinkBrowserTests {

	static Browser browser;

	@LocalServerPort
	int port;

	@Autowired
	DraftOrders drafts;

	@Autowired
	OrderManagement orders;

	@Autowired
	PaymentManagement payments;

	@Autowired
	StoreManagement stores;

	@Autowired
	CatalogManagement catalog;

	@Autowired
	InventoryManagement inventory;

	@BeforeAll
	static void startBrowser() throws Exception {
		browser = Browser.start();
	}

	@AfterAll
	static void stopBrowser() throws Exception {
		browser.close();
	}

	@Test
	void theShopperPaysTheInvoiceWithAThreeDSecureCardAndTheDraftBecomesAnOrder() throws Exception {
		DraftShop shop = new DraftShop(stores, catalog, inventory);
		StoreId store = shop.newStore("EUR");
		String mug = shop.product(store, "12.50", 5);
		String email = DraftShop.email();
		DraftOrder draft = drafts.create(store, details(email, List.of(line(mug, 2)), "4.90"));
		drafts.sendInvoice(store, draft.id(), "http://localhost:" + port);
		DraftShop.MailedLink link = DraftShop.mailedLink(email, 0);

		WebDriver driver = browser.driver();
		browser.reset("http://localhost:" + port + "/");
		driver.get(link.url());
		assertThat(driver.findElement(By.tagName("h1")).getText()).contains("D1001");
		assertThat(driver.findElement(By.id("pay-amount")).getText()).isEqualTo("29.90 EUR");
		assertThat(driver.getPageSource()).doesNotContain("<script");

		// a declined card first: the page says so and the shopper can try again
		pay(driver, DraftShop.DECLINED_CARD);
		browser.waitFor().until(ExpectedConditions.presenceOfElementLocated(By.id("pay-error")));
		assertThat(driver.findElement(By.id("pay-error")).getText()).contains("declined");

		pay(driver, DraftShop.THREE_D_SECURE_CARD);
		browser.waitFor().until(ExpectedConditions.presenceOfElementLocated(By.id("pass")));
		assertThat(driver.getCurrentUrl()).contains("/payments/sandbox/3ds/");
		browser.screenshot("draft-pay-3ds.png");
		driver.findElement(By.id("pass")).click();

		browser.waitFor().until(ExpectedConditions.presenceOfElementLocated(By.id("paid-order")));
		assertThat(driver.findElement(By.id("paid-order")).getText()).contains("#1001").contains("29.90 EUR");
		browser.screenshot("draft-paid.png");
		assertThat(browser.problems()).isEmpty();

		Order order = orders.get(store, new OrderId(draft.id()));
		assertThat(order.channel()).isEqualTo(PlaceOrder.DRAFT);
		assertThat(order.paymentState()).isIn(PaymentState.PAID, PaymentState.AUTHORIZED);
		assertThat(drafts.get(store, draft.id()).status()).isEqualTo(DraftOrderStatus.COMPLETED);
		// sold units are committed to the order: still on hand (5) until shipped, no longer available
		assertThat(inventory.stock(store, mug).onHand()).isEqualTo(5);
		assertThat(inventory.stock(store, mug).committed()).isEqualTo(2);
		assertThat(inventory.availableOnline(store, mug)).isEqualTo(3);

		// opening the link again shows the paid order; a wrong token shows nothing
		driver.get(link.url());
		assertThat(driver.findElement(By.id("paid-order")).getText()).contains("#1001");
		driver.get("http://localhost:" + port + "/pay/" + draft.id() + "?token=wrong");
		assertThat(driver.findElements(By.id("pay-form"))).isEmpty();
		assertThat(dev.shopwright.testing.ApiClient.at(port).get("/pay/" + draft.id() + "?token=wrong").status()).isEqualTo(404);
		assertThat(driver.getPageSource()).doesNotContain("29.90");
	}

	private static void pay(WebDriver driver, String card) {
		driver.findElement(By.id("card-number")).sendKeys(card);
		driver.findElement(By.id("card-exp-month")).sendKeys("12");
		driver.findElement(By.id("card-exp-year")).sendKeys(String.valueOf(YearMonth.now().getYear() + 2));
		driver.findElement(By.id("card-cvc")).sendKeys("123");
		driver.findElement(By.id("pay-submit")).click();
	}
}
