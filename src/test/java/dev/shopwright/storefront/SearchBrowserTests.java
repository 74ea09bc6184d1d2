package dev.shopwright.storefront;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.shopwright.testing.ShopwrightTest;

/** A shopper in a real (headless) Chromium searches the demo catalog and narrows it with a facet. */
@ShopwrightTest
class SearchBrowserTests {

	private static final Path ARTIFACTS = Path.of(System.getProperty("shopwright.test.artifacts", "target/test-artifacts"));

	private static Path profile;

	private static ChromeDriverService service;

	private static ChromeDriver driver;

	@LocalServerPort
	int port;

	@BeforeAll
	static void startBrowser() throws IOException {
		profile = Files.createTempDirectory("shopwright-chromium-");
		ChromeOptions options = new ChromeOptions();
		options.setBinary("/usr/bin/chromium");
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-quic",
				"--no-first-run", "--user-data-dir=" + profile.toAbsolutePath(), "--window-size=1280,900", "--lang=en-US");
		service = new ChromeDriverService.Builder().usingDriverExecutable(new File("/usr/bin/chromedriver"))
			.usingAnyFreePort().build();
		driver = new ChromeDriver(service, options);
		driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
	}

	@AfterAll
	static void stopBrowser() throws IOException {
		try {
			if (driver != null) {
				driver.quit();
			}
		}
		finally {
			if (service != null) {
				service.stop();
			}
			if (profile != null) {
				try (Stream<Path> files = Files.walk(profile)) {
					files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
				}
			}
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

		Files.createDirectories(ARTIFACTS);
		File taken = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
		Path target = ARTIFACTS.resolve("storefront-search-facet.png");
		Files.copy(taken.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
		assertThat(target).isNotEmptyFile();
	}
}
