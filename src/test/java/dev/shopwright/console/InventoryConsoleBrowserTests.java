package dev.shopwright.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;

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

import dev.shopwright.catalog.CatalogManagement;
import dev.shopwright.catalog.ProductDraft;
import dev.shopwright.inventory.InventoryManagement;
import dev.shopwright.inventory.StockReceipt;
import dev.shopwright.shared.Money;
import dev.shopwright.shared.StoreId;
import dev.shopwright.stores.StoreManagement;
import dev.shopwright.testing.ApiClient;
import dev.shopwright.testing.Browser;
import dev.shopwright.testing.ShopwrightTest;

/** The inventory console in a real (headless) Chromium: find a SKU, adjust its stock, count it blind. */
@ShopwrightTest
class InventoryConsoleBrowserTests {

	private static Browser browser;

	private static ChromeDriver driver;

	@LocalServerPort
	int port;

	@Autowired
	InventoryManagement inventory;

	@Autowired
	CatalogManagement catalog;

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

	@Test
	void ownerFindsASkuAdjustsItsStockAndCountsItBlind() throws IOException {
		browser.reset(url("/admin/login"));
		StoreId store = stores.findByReference("demo").orElseThrow().id();
		String sku = ApiClient.unique("INVB");
		catalog.create(store, ProductDraft.of("Browser stock " + sku, ProductDraft.VariantDraft.priced(sku, Money.of("8.00", "EUR"))));
		inventory.receive(store, StockReceipt.of(sku, 4, null));

		driver.get(url("/admin/login"));
		driver.findElement(By.id("email")).sendKeys(ShopwrightTest.OWNER_EMAIL);
		driver.findElement(By.id("password")).sendKeys(ShopwrightTest.OWNER_PASSWORD);
		driver.findElement(By.id("login-submit")).click();
		browser.waitFor().until(ExpectedConditions.urlToBe(url("/admin")));

		driver.findElement(By.cssSelector("nav.sidebar a[href='/admin/inventory']")).click();
		browser.waitFor().until(ExpectedConditions.urlToBe(url("/admin/inventory")));
		WebElement search = driver.findElement(By.name("q"));
		search.sendKeys(sku);
		search.submit();
		browser.waitFor().until(ExpectedConditions.urlContains("q="));
		driver.findElement(By.linkText(sku)).click();
		browser.waitFor().until(ExpectedConditions.visibilityOfElementLocated(By.id("adjust-form")));
		assertThat(driver.findElement(By.id("total-on-hand")).getText()).isEqualTo("4");

		new Select(driver.findElement(By.id("adjust-reason"))).selectByVisibleText("Damaged");
		driver.findElement(By.id("adjust-quantity")).sendKeys("-9");
		driver.findElement(By.id("adjust-submit")).click();
		WebElement refusal = browser.waitFor()
			.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#adjust-form .alert")));
		assertThat(refusal.getText()).contains("would leave less than nothing");
		WebElement quantity = driver.findElement(By.id("adjust-quantity"));
		quantity.clear();
		quantity.sendKeys("-1");
		driver.findElement(By.id("adjust-submit")).click();
		WebElement notice = browser.waitFor().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("main .notice")));
		assertThat(notice.getText()).isEqualTo("Stock of " + sku + " adjusted.");
		assertThat(driver.findElement(By.id("total-on-hand")).getText()).isEqualTo("3");
		assertThat(driver.findElement(By.cssSelector("#ledger-rows tr.movement")).getText()).contains("Damaged").contains("-1");
		browser.screenshot("inventory-sku.png");

		driver.findElement(By.cssSelector("a[href='/admin/inventory/counts']")).click();
		browser.waitFor().until(ExpectedConditions.urlToBe(url("/admin/inventory/counts")));
		new Select(driver.findElement(By.id("count-location"))).selectByVisibleText("Main warehouse");
		driver.findElement(By.id("count-skus")).sendKeys(sku);
		driver.findElement(By.id("create-count-submit")).click();
		WebElement input = browser.waitFor().until(ExpectedConditions.visibilityOfElementLocated(By.id("counted-" + sku)));
		assertThat(driver.findElements(By.cssSelector("#count-lines th")).stream().map(WebElement::getText))
			.as("blind: no expected figure").containsExactly("SKU", "Title", "Counted");
		input.sendKeys("2");
		driver.findElement(By.id("save-counts")).click();
		browser.waitFor().until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("main .notice"), "Counts saved."));
		driver.findElement(By.id("review-link")).click();
		browser.waitFor().until(ExpectedConditions.visibilityOfElementLocated(By.id("variance-table")));
		assertThat(driver.findElement(By.cssSelector("#variance-table td.variance")).getText()).isEqualTo("-1");
		driver.findElement(By.id("approve-count")).click();
		browser.waitFor().until(ExpectedConditions.textToBePresentInElementLocated(By.id("review-status"), "Approved"));
		browser.screenshot("inventory-count-review.png");

		assertThat(inventory.stock(store, sku).onHand()).isEqualTo(2);
		assertThat(browser.problems()).as("no CSP violations or script errors").isEmpty();
	}

	private String url(String path) {
		return "http://localhost:" + port + path;
	}
}
