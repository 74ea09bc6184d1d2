package dev.shopwright.storefront;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.shopwright.testing.ApiClient;
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

		// only what can be bought now: the availability facet's count is what the filter gives, and no card is sold out
		WebElement inStock = driver.findElement(By.cssSelector("[data-facet=inStock] a"));
		String inStockCount = inStock.findElement(By.cssSelector(".n")).getText();
		inStock.click();
		wait.until(ExpectedConditions.urlContains("inStock=true"));
		assertThat(driver.findElement(By.id("result-count")).getText()).isEqualTo(inStockCount + " products");
		assertThat(driver.findElements(By.cssSelector("#results .product-card")))
			.hasSize(Integer.parseInt(inStockCount))
			.noneMatch(card -> card.getText().contains("Sold out"));
		assertThat(driver.findElement(By.cssSelector("[data-facet=inStock] a.selected"))).isNotNull();

		assertThat(browser.screenshot("storefront-search-facet.png")).isNotEmptyFile();
	}

	/** Letters only, so the word is one search term. */
	private static String word() {
		StringBuilder word = new StringBuilder("Zy");
		java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
		for (int i = 0; i < 8; i++) {
			word.append((char) ('a' + random.nextInt(26)));
		}
		return word.toString();
	}

	@Test
	void soldOutProductsAreMarkedFilteredAndTheirVariantsCannotBePicked() throws Exception {
		ApiClient owner = ApiClient.at(port).loggedIn(ShopwrightTest.OWNER_EMAIL, ShopwrightTest.OWNER_PASSWORD).store("demo");
		String name = word();
		String small = ApiClient.unique("BS").toUpperCase(), medium = ApiClient.unique("BM").toUpperCase(),
				gone = ApiClient.unique("BG").toUpperCase();
		var parka = owner.post("/api/admin/v1/products", Map.of("title", name + " Parka", "status", "ACTIVE", "published",
				true, "options", List.of(Map.of("name", "Size", "values", List.of("S", "M"))), "variants",
				List.of(Map.of("sku", small, "options", List.of("S"), "price", Map.of("amount", "80.00", "currency", "EUR")),
						Map.of("sku", medium, "options", List.of("M"), "price",
								Map.of("amount", "80.00", "currency", "EUR")))));
		assertThat(parka.status()).as(parka.body()).isEqualTo(201);
		var sold = owner.post("/api/admin/v1/products", Map.of("title", name + " Vest", "status", "ACTIVE", "published",
				true, "variants", List.of(Map.of("sku", gone, "price", Map.of("amount", "40.00", "currency", "EUR")))));
		assertThat(sold.status()).as(sold.body()).isEqualTo(201);
		assertThat(owner.post("/api/admin/v1/inventory/adjustments", Map.of("sku", small, "delta", 3)).status()).isIn(200, 201);
		ApiClient shopper = ApiClient.at(port);
		long deadline = System.nanoTime() + java.time.Duration.ofSeconds(15).toNanos();
		while (System.nanoTime() < deadline && shopper.get("/api/store/v1/products?inStock=true&q=" + name).json()
			.get("total").asLong() != 1) {
			Thread.sleep(100);
		}

		driver.get("http://localhost:" + port + "/search?q=" + name);
		WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(10));
		assertThat(driver.findElement(By.id("result-count")).getText()).isEqualTo("2 products");
		WebElement vestCard = driver.findElements(By.cssSelector("#results .product-card")).stream()
			.filter(card -> card.getText().contains("Vest")).findFirst().orElseThrow();
		assertThat(vestCard.findElement(By.className("sold-out-badge")).getText()).isEqualTo("Sold out");
		driver.findElement(By.cssSelector("[data-facet=inStock] a")).click();
		wait.until(ExpectedConditions.urlContains("inStock=true"));
		assertThat(driver.findElements(By.cssSelector("#results .product-card"))).singleElement()
			.satisfies(card -> assertThat(card.getText()).contains(name + " Parka").doesNotContain("Sold out"));

		// the picker: M has no stock, so it cannot be chosen; S can be bought
		driver.findElement(By.linkText(name + " Parka")).click();
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("variant-picker")));
		WebElement size = driver.findElement(By.cssSelector("#variant-picker select"));
		wait.until(d -> !size.findElement(By.cssSelector("option[value=M]")).isEnabled());
		assertThat(size.findElement(By.cssSelector("option[value=S]")).isEnabled()).isTrue();
		assertThat(size.getAttribute("value")).isEqualTo("S");
		assertThat(driver.findElement(By.id("add-to-cart")).isEnabled()).isTrue();
		assertThat(driver.findElement(By.id("availability")).getText()).isEqualTo("In stock");

		// as-you-type: the product is suggested under the search box
		WebElement box = driver.findElement(By.id("search-box"));
		box.sendKeys(name.substring(0, 6));
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("search-suggestions")));
		assertThat(driver.findElements(By.cssSelector("#search-suggestions .suggestion-product a")))
			.anyMatch(a -> a.getText().equals(name + " Parka"));
		assertThat(browser.screenshot("storefront-sold-out-picker.png")).isNotEmptyFile();
	}
}
