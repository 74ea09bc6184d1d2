package dev.shopwright.storefront;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.shopwright.testing.Browser;
import dev.shopwright.testing.ShopwrightTest;

/** A shopper in a real (headless) Chromium searches the demo catalog and narrows it with a facet. */
@ShopwrightTest
class SearchBrowserTests {

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
	void aShopperSearchesAndNarrowsTheResultsWithAFacet() throws IOException {
		driver.get("http://localhost:" + port + "/");
		WebElement box = driver.findElement(By.id("search-box"));
		box.sendKeys("jacket");
		driver.findElement(By.id("search-submit")).click();
		WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(10));
		wait.until(ExpectedConditions.urlContains("/search?q=jacket"));
		String before = driver.findElement(By.id("result-count")).getText();
		assertThat(before).endsWith(" products").isNotEqualTo("0 products");
		assertThat(driver.findElements(By.cssSelector("#results .product-card"))).isNotEmpty()
			.allMatch(card -> card.getText().contains("Jacket"));

		WebElement vendor = driver.findElement(By.cssSelector("[data-facet=vendor] a"));
		String vendorName = vendor.findElement(By.tagName("span")).getText();
		String count = vendor.findElement(By.cssSelector(".n")).getText();
		vendor.click();
		wait.until(ExpectedConditions.urlContains("vendor="));
		assertThat(driver.findElement(By.id("result-count")).getText()).isEqualTo(count + " products");
		assertThat(driver.findElement(By.cssSelector("[data-facet=vendor] a.selected")).getText()).contains(vendorName);
		assertThat(driver.findElements(By.cssSelector("#results .product-card")))
			.hasSize(Integer.parseInt(count))
			.allMatch(card -> card.getText().contains(vendorName));

		assertThat(browser.screenshot("storefront-search-facet.png")).isNotEmptyFile();
	}
}
