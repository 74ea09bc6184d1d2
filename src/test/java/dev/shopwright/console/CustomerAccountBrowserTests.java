package dev.shopwright.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.shopwright.testing.ApiClient;
import dev.shopwright.testing.Browser;
import dev.shopwright.testing.ShopwrightTest;

/** A shopper in a real browser: creates an account, signs out, signs in again from the storefront header. */
@ShopwrightTest
class CustomerAccountBrowserTests {

	private static Browser browser;

	@LocalServerPort
	int port;

	@BeforeAll
	static void startBrowser() throws IOException {
		browser = Browser.start();
	}

	@AfterAll
	static void stopBrowser() throws IOException {
		browser.close();
	}

	@Test
	void aShopperRegistersAndSignsInFromTheStorefrontHeader() throws IOException {
		ChromeDriver driver = browser.driver();
		String base = "http://localhost:" + port;
		browser.reset(base + "/");
		driver.get(base + "/");
		driver.findElement(By.id("account-link")).click();
		browser.waitFor().until(ExpectedConditions.urlContains("/account/login"));
		driver.findElement(By.id("register-link")).click();

		String email = ApiClient.unique("browser-shopper") + "@test.local";
		driver.findElement(By.id("register-email")).sendKeys(email);
		driver.findElement(By.id("register-password")).sendKeys("browser-password-1");
		driver.findElement(By.id("register-first-name")).sendKeys("Katherine");
		driver.findElement(By.id("register-submit")).click();
		browser.waitFor().until(ExpectedConditions.presenceOfElementLocated(By.id("account-email")));
		assertThat(driver.findElement(By.id("account-email")).getText()).isEqualTo(email);
		assertThat(driver.findElement(By.id("account-link")).getText()).isEqualTo("Account");

		driver.findElement(By.id("sign-out-submit")).click();
		browser.waitFor().until(ExpectedConditions.presenceOfElementLocated(By.id("sign-in")));
		assertThat(driver.findElement(By.id("account-link")).getText()).isEqualTo("Sign in");
		driver.findElement(By.id("sign-in-email")).sendKeys(email);
		driver.findElement(By.id("sign-in-password")).sendKeys("browser-password-1");
		driver.findElement(By.id("sign-in-submit")).click();
		browser.waitFor().until(ExpectedConditions.presenceOfElementLocated(By.id("account-email")));
		assertThat(driver.findElement(By.id("profile-first-name")).getAttribute("value")).isEqualTo("Katherine");
		browser.screenshot("customer-account.png");
		assertThat(browser.problems()).as("no CSP violations or script errors").isEmpty();
	}
}
