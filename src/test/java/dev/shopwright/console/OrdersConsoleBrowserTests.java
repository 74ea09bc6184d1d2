package dev.shopwright.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.shopwright.orders.Order;
import dev.shopwright.orders.OrderFixtures;
import dev.shopwright.orders.OrderId;
import dev.shopwright.orders.OrderManagement;
import dev.shopwright.orders.OrderStatus;
import dev.shopwright.orders.PlaceOrder;
import dev.shopwright.orders.RiskLevel;
import dev.shopwright.payments.PaymentManagement;
import dev.shopwright.shared.StoreId;
import dev.shopwright.stores.StoreManagement;
import dev.shopwright.testing.Browser;
import dev.shopwright.testing.ShopwrightTest;

/** Staff run an order from its detail page in a real (headless) Chromium: find it, release, note, cancel. */
@ShopwrightTest
class OrdersConsoleBrowserTests {

	private static Browser browser;

	private static ChromeDriver driver;

	@LocalServerPort
	int port;

	@Autowired
	OrderManagement orders;

	@Autowired
	PaymentManagement payments;

	@Autowired
	StoreManagement stores;

	@BeforeAll
	static void startBrowser() throws IOException {
		browser = Browser.start();
		driver = browser.driver();
	}

	@AfterAll
	static void stopBrowser() throws IOException {
		if (browser != null) {
			browser.close();
		}
	}

	private String url(String path) {
		return "http://localhost:" + port + path;
	}

	@Test
	void staffReleaseAHeldOrderNoteItAndCancelItFromTheDetailPage() throws IOException {
		StoreId demo = stores.findByReference("demo").orElseThrow().id();
		Order order = orders.place(demo, new OrderFixtures(stores, payments).order(OrderId.random(), "EUR",
				List.of(new OrderFixtures.Item("BROWSER-1", 1, "42.00")),
				new PlaceOrder.Risk(91, RiskLevel.HIGH, List.of("card used from five countries today")), null, null, null,
				null));
		browser.reset(url("/admin/login"));
		driver.get(url("/admin/login"));
		driver.findElement(By.id("email")).sendKeys(ShopwrightTest.OWNER_EMAIL);
		driver.findElement(By.id("password")).sendKeys(ShopwrightTest.OWNER_PASSWORD);
		driver.findElement(By.id("login-submit")).click();
		browser.waitFor().until(ExpectedConditions.urlToBe(url("/admin")));

		driver.findElement(By.cssSelector("nav.sidebar a[href='/admin/orders']")).click();
		browser.waitFor().until(ExpectedConditions.urlToBe(url("/admin/orders")));
		driver.findElement(By.id("filter-q")).sendKeys(order.email());
		driver.findElement(By.id("filter-submit")).click();
		browser.waitFor().until(ExpectedConditions.urlContains("q="));
		driver.findElement(By.cssSelector("#order-" + order.id() + " a.order-link")).click();
		browser.waitFor().until(ExpectedConditions.urlToBe(url("/admin/orders/" + order.id())));
		assertThat(driver.findElement(By.id("order-status")).getText()).isEqualTo("ON_HOLD");
		assertThat(driver.findElement(By.id("risk-reasons")).getText()).contains("card used from five countries today");

		driver.findElement(By.id("release-submit")).click();
		assertThat(notice("Order released.")).isEqualTo("Order released.");
		assertThat(driver.findElement(By.id("order-status")).getText()).isEqualTo("OPEN");

		driver.findElement(By.id("note-input")).sendKeys("Phoned the shopper, all fine");
		driver.findElement(By.id("note-submit")).click();
		assertThat(notice("Note added.")).isEqualTo("Note added.");
		assertThat(driver.findElement(By.id("order-timeline")).getText()).contains("Phoned the shopper, all fine")
			.contains("Released from hold");

		driver.findElement(By.id("cancel-reason-input")).sendKeys("Shopper cancelled by phone");
		driver.findElement(By.id("cancel-submit")).click();
		assertThat(notice("Order cancelled.")).isEqualTo("Order cancelled.");
		assertThat(driver.findElement(By.id("order-status")).getText()).isEqualTo("CANCELLED");
		assertThat(driver.findElement(By.id("cancel-reason")).getText()).contains("Shopper cancelled by phone");
		assertThat(driver.findElements(By.id("cancel-form"))).isEmpty();
		assertThat(orders.get(demo, order.id()).status()).isEqualTo(OrderStatus.CANCELLED);

		assertThat(browser.screenshot("orders-console-detail.png")).exists().isNotEmptyFile();
		assertThat(browser.problems()).as("no CSP violations or script errors").isEmpty();
	}

	/**
	 * The page's notice once the form's answer has arrived: the previous page's notice stays visible until then, so
	 * wait for the expected words (and give back what is there if they never come, for the assertion to show).
	 */
	private String notice(String expected) {
		try {
			browser.waitFor().until(ExpectedConditions.textToBe(By.cssSelector("main .notice"), expected));
		}
		catch (org.openqa.selenium.TimeoutException ex) {
			// fall through: the assertion names what the page said instead
		}
		WebElement notice = browser.waitFor()
			.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("main .notice")));
		return notice.getText();
	}
}
