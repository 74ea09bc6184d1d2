package dev.shopwright.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.shopwright.catalog.Product;
import dev.shopwright.orders.Order;
import dev.shopwright.orders.OrderManagement;
import dev.shopwright.orders.ShopperTokens;
import dev.shopwright.returns.ReturnFixtures;
import dev.shopwright.returns.ReturnListing;
import dev.shopwright.returns.ReturnManagement;
import dev.shopwright.returns.ReturnPolicy;
import dev.shopwright.returns.ReturnRequest;
import dev.shopwright.returns.ReturnStatus;
import dev.shopwright.shared.Money;
import dev.shopwright.shared.StoreId;
import dev.shopwright.stores.StoreManagement;
import dev.shopwright.testing.Browser;
import dev.shopwright.testing.ShopwrightTest;

/**
 * The returns screens in a real (headless) Chromium: the shopper asks for a return from the storefront order page,
 * staff approve, receive, inspect (one unit restocked, one written off) and refund in the console, the shopper's
 * return page shows the outcome with the return shipping line, and the return-rate report counts it.
 */
@ShopwrightTest
class ReturnsBrowserTests {

	private static Browser browser;

	private static ChromeDriver driver;

	@LocalServerPort
	int port;

	@Autowired
	ReturnFixtures fixtures;

	@Autowired
	StoreManagement stores;

	@Autowired
	OrderManagement orders;

	@Autowired
	ReturnManagement returns;

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
	void aShopperReturnsFromTheOrderPageAndStaffTakeItToARefund() throws IOException {
		// the storefront at localhost is the demo store; its policy as shipped: the shopper pays return shipping
		StoreId demo = stores.findByReference("demo").orElseThrow().id();
		returns.updatePolicy(demo, ReturnPolicy.DEFAULT);
		String sku = "RBT-" + java.util.UUID.randomUUID().toString().substring(0, 8);
		Product plate = fixtures.product(demo, "Stoneware plate", "24.00", List.of(), sku);
		String token = "browser-return-" + sku;
		Order order = fixtures.deliveredOrder(demo, null, ShopperTokens.hash(token),
				new ReturnFixtures.Item(plate, sku, 2));
		int onHand = fixtures.onHand(demo, sku);

		// the shopper: order page → return items → two plates, one too large, both with reason and comment
		browser.reset(url("/"));
		driver.get(url("/orders/" + order.id() + "?token=" + token));
		driver.findElement(By.id("return-items")).click();
		browser.waitFor().until(ExpectedConditions.urlContains("/orders/" + order.id() + "/return"));
		String line = order.lines().getFirst().id().toString();
		WebElement units = driver.findElement(By.name("quantity." + line));
		units.clear();
		units.sendKeys("2");
		new Select(driver.findElement(By.name("reason." + line))).selectByValue("DEFECTIVE");
		driver.findElement(By.name("comment." + line)).sendKeys("One arrived chipped");
		driver.findElement(By.id("return-submit")).click();
		WebElement requested = browser.waitFor()
			.until(ExpectedConditions.visibilityOfElementLocated(By.id("return-requested")));
		ReturnRequest opened = returns.list(demo, new ReturnListing(null, order.id(), null, null), null, 5).items()
			.getFirst();
		assertThat(requested.getText()).contains(opened.number());
		assertThat(opened.status()).isEqualTo(ReturnStatus.REQUESTED);
		assertThat(opened.items()).singleElement().satisfies(item -> {
			assertThat(item.quantity()).isEqualTo(2);
			assertThat(item.comment()).isEqualTo("One arrived chipped");
		});

		// staff: approve, receive, inspect (restock one, write one off), refund
		driver.get(url("/admin/login"));
		driver.findElement(By.id("email")).sendKeys(ShopwrightTest.OWNER_EMAIL);
		driver.findElement(By.id("password")).sendKeys(ShopwrightTest.OWNER_PASSWORD);
		driver.findElement(By.id("login-submit")).click();
		browser.waitFor().until(ExpectedConditions.urlToBe(url("/admin")));
		driver.get(url("/admin/returns?q=" + opened.number()));
		driver.findElement(By.linkText(opened.number())).click();
		browser.waitFor().until(ExpectedConditions.urlToBe(url("/admin/returns/" + opened.id())));
		assertThat(driver.findElement(By.id("return-items")).getText()).contains(sku).contains("One arrived chipped");

		driver.findElement(By.cssSelector("#approve-form button")).click();
		assertThat(notice("Return approved; the shopper was emailed.")).isEqualTo("Return approved; the shopper was emailed.");
		ReturnRequest approved = returns.get(demo, opened.id());
		Money charge = approved.returnShippingCharge();
		assertThat(charge).isNotNull();
		assertThat(charge.isZero()).isFalse();
		assertThat(driver.findElement(By.id("return-shipping-charge")).getText()).isEqualTo("−" + charge);
		assertThat(driver.findElement(By.id("return-parcel-status")).getText()).contains(approved.labelTrackingNumber())
			.contains("Label created");
		assertThat(driver.findElement(By.id("return-parcel-timeline")).getText()).contains("Label created");

		driver.findElement(By.cssSelector("#receive-form button")).click();
		assertThat(notice("Parcel received.")).isEqualTo("Parcel received.");
		String item = approved.items().getFirst().id().toString();
		WebElement restock = driver.findElement(By.name("restock." + item));
		restock.clear();
		restock.sendKeys("1");
		WebElement damaged = driver.findElement(By.name("damaged." + item));
		damaged.clear();
		damaged.sendKeys("1");
		driver.findElement(By.cssSelector("#inspect-form button[type=submit]")).click();
		assertThat(notice("Inspection recorded.")).isEqualTo("Inspection recorded.");
		assertThat(driver.findElement(By.id("return-status")).getText()).isEqualTo("Inspected");
		assertThat(driver.findElement(By.id("return-items")).getText()).contains("1 restocked, 1 written off");

		new Select(driver.findElement(By.cssSelector("#resolve-form select[name=resolution]"))).selectByValue("REFUND");
		driver.findElement(By.cssSelector("#resolve-form button[type=submit]")).click();
		assertThat(notice("Return resolved.")).isEqualTo("Return resolved.");
		Money refunded = Money.of("48.00", "EUR").minus(charge);
		assertThat(driver.findElement(By.id("return-refunded")).getText()).isEqualTo(refunded.toString());
		assertThat(driver.findElement(By.id("return-shipping-charged")).getText()).startsWith("−" + charge);
		assertThat(fixtures.onHand(demo, sku)).isEqualTo(onHand + 1);
		assertThat(fixtures.payment(demo, order).refunded()).isEqualTo(refunded);
		assertThat(browser.screenshot("returns-console-detail.png")).exists().isNotEmptyFile();

		// the shopper's return page shows the outcome and the return shipping line
		driver.get(url("/orders/" + order.id() + "/return?token=" + token));
		WebElement earlier = driver.findElement(By.id("return-" + opened.number()));
		assertThat(earlier.findElement(By.className("return-state")).getText())
			.isEqualTo(opened.number() + ": Resolved");
		assertThat(earlier.findElement(By.className("return-shipping")).getText()).isEqualTo("−" + charge);
		assertThat(earlier.findElement(By.className("return-refunded")).getText()).isEqualTo(refunded.toString());
		assertThat(browser.screenshot("returns-shopper-page.png")).exists().isNotEmptyFile();

		// the return-rate report counts both plates sold and both returned, for a defect
		driver.get(url("/admin/returns/report"));
		WebElement row = browser.waitFor().withTimeout(Duration.ofSeconds(20)).until(d -> {
			d.navigate().refresh();
			return d.findElements(By.cssSelector("#return-report tr.report-row")).stream()
				.filter(r -> r.findElement(By.tagName("code")).getText().equals(sku))
				.findFirst()
				.orElse(null);
		});
		List<WebElement> cells = row.findElements(By.tagName("td"));
		assertThat(cells.get(1).getText()).isEqualTo("Stoneware plate");
		assertThat(cells.get(2).getText()).isEqualTo("2");
		assertThat(cells.get(3).getText()).isEqualTo("2");
		assertThat(cells.get(4).findElement(By.className("rate")).getText()).isEqualTo("100.0%");
		assertThat(cells.get(5).getText()).contains("2");
		assertThat(browser.problems()).as("no CSP violations or script errors").isEmpty();
	}

	/** The page's notice once the form's answer has arrived (the previous page's notice stays until then). */
	private String notice(String expected) {
		try {
			browser.waitFor().until(ExpectedConditions.textToBe(By.cssSelector("main .notice"), expected));
		}
		catch (org.openqa.selenium.TimeoutException ex) {
			// fall through: the assertion names what the page said instead
		}
		return browser.waitFor().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("main .notice")))
			.getText();
	}
}
