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
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.shopwright.fraud.BlockType;
import dev.shopwright.fraud.FraudManagement;
import dev.shopwright.fraud.ReviewDecision;
import dev.shopwright.fraud.RiskAssessment;
import dev.shopwright.fraud.RiskCheck;
import dev.shopwright.shared.Address;
import dev.shopwright.shared.Money;
import dev.shopwright.shared.StoreId;
import dev.shopwright.stores.StoreManagement;
import dev.shopwright.stores.StoreSettings;
import dev.shopwright.testing.ApiClient;
import dev.shopwright.testing.Browser;
import dev.shopwright.testing.ShopwrightTest;

/** The risk review queue in a real (headless) Chromium: chips with their reasons, and a review from the page. */
@ShopwrightTest
class FraudReviewBrowserTests {

	private static Browser browser;

	private static ChromeDriver driver;

	@LocalServerPort
	int port;

	@Autowired
	FraudManagement fraud;

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
	void staffSeeWhyAnOrderIsHighAndMarkItFraudulentBlockingItsSignals() throws IOException {
		String handle = ApiClient.unique("fraudui");
		StoreId store = stores.create(StoreSettings.named("Fraud UI " + handle, handle, "EUR")).id();
		fraud.block(store, BlockType.EMAIL_DOMAIN, "throwaway.test", null);
		String email = "buyer@throwaway.test";
		RiskAssessment high = fraud.assess(store, new RiskCheck(ApiClient.unique("order"), email, "198.51.100.99",
				null, new Address(null, null, null, null, "10115", "DE"), new Address(null, null, null, null, "1000", "BE"),
				Money.of("80.00", "EUR"), null, true, 3));

		browser.reset(url("/admin/login"));
		driver.get(url("/admin/login"));
		driver.findElement(By.id("email")).sendKeys(ShopwrightTest.OWNER_EMAIL);
		driver.findElement(By.id("password")).sendKeys(ShopwrightTest.OWNER_PASSWORD);
		driver.findElement(By.id("login-submit")).click();
		browser.waitFor().until(ExpectedConditions.urlToBe(url("/admin")));
		new Select(driver.findElement(By.id("store-switcher"))).selectByValue(store.toString());
		driver.findElement(By.id("switch-store")).click();
		// the URL is /admin before and after the switch: wait for the new page's notice instead
		browser.waitFor().until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("main .notice"), "Now working in"));

		driver.findElement(By.cssSelector("nav.sidebar a[href='/admin/fraud']")).click();
		WebElement row = browser.waitFor().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".assessment-row")));
		assertThat(row.getAttribute("data-level")).isEqualTo("HIGH");
		List<WebElement> chips = row.findElements(By.cssSelector(".chip"));
		assertThat(chips).extracting(WebElement::getText).containsExactly("Blocked domain +100", "Country mismatch +20");
		assertThat(chips.get(0).getAttribute("title")).isEqualTo("The email domain throwaway.test is blocked");
		browser.screenshot("fraud-review-queue.png");

		row.findElement(By.linkText(high.reference())).click();
		browser.waitFor().until(ExpectedConditions.visibilityOfElementLocated(By.id("fraudulent-form")));
		assertThat(driver.findElement(By.id("fired-rules")).getText()).contains("Billing country DE differs from shipping country BE");
		assertThat(driver.findElement(By.id("blockSignals")).isSelected()).isTrue();
		driver.findElement(By.id("fraud-note")).sendKeys("same device as last week's chargeback");
		driver.findElement(By.cssSelector("#fraudulent-form button[type=submit]")).click();
		WebElement outcome = browser.waitFor().until(ExpectedConditions.visibilityOfElementLocated(By.id("review-outcome")));
		assertThat(outcome.getText()).contains("Fraudulent").contains(ShopwrightTest.OWNER_EMAIL)
			.contains("same device as last week's chargeback");
		assertThat(driver.findElements(By.id("fraudulent-form"))).isEmpty();
		browser.screenshot("fraud-review-done.png");

		assertThat(fraud.assessment(store, high.id()).review().decision()).isEqualTo(ReviewDecision.FRAUDULENT);
		assertThat(fraud.blocklist(store, null, null, 10).items()).extracting(b -> b.value())
			.contains(email, "198.51.100.99");
		assertThat(browser.problems()).as("no CSP violations or script errors").isEmpty();
	}

	private String url(String path) {
		return "http://localhost:" + port + path;
	}
}
