package dev.shopwright.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.shopwright.testing.Browser;
import dev.shopwright.testing.ShopwrightTest;

/** The live previews of the checkout settings in a real (headless) Chromium, on the demo store's settings. */
@ShopwrightTest
class CheckoutSettingsBrowserTests {

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
	void theTaxCalculatorAndTheShippingQuoteUpdateInPlace() throws IOException {
		browser.reset(url("/admin/login"));
		driver.get(url("/admin/login"));
		driver.findElement(By.id("email")).sendKeys(ShopwrightTest.OWNER_EMAIL);
		driver.findElement(By.id("password")).sendKeys(ShopwrightTest.OWNER_PASSWORD);
		driver.findElement(By.id("login-submit")).click();
		browser.waitFor().until(ExpectedConditions.urlToBe(url("/admin")));

		driver.findElement(By.cssSelector("nav.sidebar a[href='/admin/settings/taxes']")).click();
		browser.waitFor().until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d)
			.executeScript("return document.readyState === 'complete' && !!window.htmx")));
		assertThat(driver.findElement(By.id("tax-zones")).getText()).contains("Germany").contains("VAT 19%");
		WebElement lines = driver.findElement(By.id("p-lines"));
		lines.clear();
		lines.sendKeys("A, 0.33, 3");
		WebElement total = browser.waitFor()
			.until(ExpectedConditions.visibilityOfElementLocated(By.id("breakdown-total")));
		browser.waitFor().until(ExpectedConditions.textToBe(By.id("breakdown-total"), "5.89 EUR"));
		assertThat(driver.getCurrentUrl()).as("updated in place, no navigation").isEqualTo(url("/admin/settings/taxes"));
		assertThat(total.isDisplayed()).isTrue();
		browser.screenshot("checkout-settings-taxes.png");

		driver.findElement(By.cssSelector("nav.sidebar a[href='/admin/settings/shipping']")).click();
		browser.waitFor().until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d)
			.executeScript("return document.readyState === 'complete' && !!window.htmx")));
		driver.findElement(By.cssSelector("#quote-preview button[type=submit]")).click();
		WebElement quotes = browser.waitFor().until(ExpectedConditions.visibilityOfElementLocated(By.id("quote-table")));
		assertThat(quotes.getText()).contains("DHL Paket").contains("4.90 EUR").contains("Pick up in Berlin");
		assertThat(driver.getCurrentUrl()).isEqualTo(url("/admin/settings/shipping"));
		browser.screenshot("checkout-settings-shipping.png");
		assertThat(browser.problems()).as("no CSP violations or script errors").isEmpty();
	}

	private String url(String path) {
		return "http://localhost:" + port + path;
	}
}
