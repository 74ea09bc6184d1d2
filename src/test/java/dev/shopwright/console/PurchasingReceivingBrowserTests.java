package dev.shopwright.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.shopwright.testing.ApiClient;
import dev.shopwright.testing.Browser;
import dev.shopwright.testing.ShopwrightTest;

/** The receiving screen in a real (headless) Chromium, fed as a barcode scanner feeds it: code, Enter, next code. */
@ShopwrightTest
class PurchasingReceivingBrowserTests {

	private static Browser browser;

	private static ChromeDriver driver;

	@LocalServerPort
	int port;

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
	void scanningBarcodesReceivesUnitAfterUnitAndRefusesOneTooMany() throws IOException {
		ApiClient owner = ApiClient.at(port).loggedIn(ShopwrightTest.OWNER_EMAIL, ShopwrightTest.OWNER_PASSWORD);
		String handle = ApiClient.unique("scan");
		String storeId = owner.post("/api/admin/v1/stores", Map.of("name", "Scanner Store", "handle", handle,
				"defaultCurrency", "EUR")).json().get("id").asString();
		ApiClient store = owner.store(handle);
		String boots = ApiClient.unique("BOOT").toUpperCase();
		String socks = ApiClient.unique("SOCK").toUpperCase();
		product(store, boots, "5901234123457");
		product(store, socks, "4006381333931");
		String supplierId = store.post("/api/admin/v1/inventory/suppliers", Map.of("name", "Scan Supplier", "currency", "EUR",
				"leadTimeDays", 3)).json().get("id").asString();
		String orderId = store.post("/api/admin/v1/inventory/purchase-orders", Map.of("supplierId", supplierId, "lines",
				List.of(Map.of("sku", boots, "quantity", 2, "unitCost", "30.00"),
						Map.of("sku", socks, "quantity", 1, "unitCost", "2.00")))).json().get("id").asString();
		assertThat(store.post("/api/admin/v1/inventory/purchase-orders/" + orderId + "/send", Map.of()).status()).isEqualTo(200);

		browser.reset(url("/admin/login"));
		driver.get(url("/admin/login"));
		driver.findElement(By.id("email")).sendKeys(ShopwrightTest.OWNER_EMAIL);
		driver.findElement(By.id("password")).sendKeys(ShopwrightTest.OWNER_PASSWORD);
		driver.findElement(By.id("login-submit")).click();
		browser.waitFor().until(ExpectedConditions.urlToBe(url("/admin")));
		new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("store-switcher"))).selectByValue(storeId);
		driver.findElement(By.id("switch-store")).click();
		browser.waitFor().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("main .notice")));

		driver.get(url("/admin/purchasing/orders/" + orderId + "/receive"));
		browser.waitFor().until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d)
			.executeScript("return document.readyState === 'complete' && !!window.htmx")));

		scan("5901234123457");
		browser.waitFor().until(ExpectedConditions.textToBe(By.cssSelector("#line-" + boots + " .received"), "1"));
		scan("5901234123457");
		browser.waitFor().until(ExpectedConditions.textToBe(By.cssSelector("#line-" + boots + " .received"), "2"));
		assertThat(driver.findElement(By.id("receive-status")).getText()).isEqualTo("Partially received");

		scan("5901234123457");
		WebElement refused = browser.waitFor()
			.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#scan-result.alert")));
		assertThat(refused.getText()).contains("would exceed the order");
		assertThat(driver.findElement(By.cssSelector("#line-" + boots + " .received")).getText()).isEqualTo("2");

		scan(socks.toLowerCase());
		browser.waitFor().until(ExpectedConditions.textToBe(By.id("receive-status"), "Received"));
		assertThat(driver.findElements(By.id("scan-form"))).as("a received order takes no more scans").isEmpty();
		browser.screenshot("purchasing-receiving.png");
		assertThat(driver.getCurrentUrl()).as("htmx swapped the fragment; the page never reloaded")
			.isEqualTo(url("/admin/purchasing/orders/" + orderId + "/receive"));
		assertThat(store.get("/api/admin/v1/inventory/purchase-orders/" + orderId).json().get("status").asString())
			.isEqualTo("RECEIVED");
		assertThat(browser.problems()).as("no CSP violations or script errors").isEmpty();
	}

	/** What a keyboard-wedge scanner does: types the code into the focused field and presses Enter. */
	private void scan(String code) {
		WebElement input = browser.waitFor().until(ExpectedConditions.elementToBeClickable(By.id("code")));
		input.clear();
		input.sendKeys(code + Keys.ENTER);
		browser.waitUntilGone(input);
	}

	private static void product(ApiClient store, String sku, String barcode) {
		assertThat(store.post("/api/admin/v1/products", Map.of("title", "Scanned " + sku, "variants", List.of(Map.of("sku", sku,
				"barcode", barcode, "price", Map.of("amount", "10.00", "currency", "EUR"))))).status()).isEqualTo(201);
	}

	private String url(String path) {
		return "http://localhost:" + port + path;
	}
}
