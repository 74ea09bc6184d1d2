package dev.shopwright.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.shopwright.testing.ApiClient;
import dev.shopwright.testing.Browser;
import dev.shopwright.testing.ShopwrightTest;

/** The console in a real (headless) Chromium: login, the store switcher, the settings form, CSP in practice. */
@ShopwrightTest
class ConsoleBrowserTests {

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

	@BeforeEach
	void freshSession() {
		// every test starts logged out, with no log lines left over from the one before
		browser.reset(url("/admin/login"));
	}

	@Test
	void ownerLogsInSwitchesToTheOutletAndSeesItsSettings() throws IOException {
		logIn(ShopwrightTest.OWNER_EMAIL, ShopwrightTest.OWNER_PASSWORD);
		assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Welcome back");
		assertThat(driver.findElement(By.cssSelector("header .user")).getText()).contains(ShopwrightTest.OWNER_EMAIL);
		assertThat(switcher().getFirstSelectedOption().getText()).as("the default store comes first")
			.isEqualTo("Northwind Outfitters");
		assertThat(((JavascriptExecutor) driver).executeScript("return typeof window.htmx"))
			.as("htmx loads under the CSP").isEqualTo("object");

		switcher().selectByVisibleText("Northwind Outlet US");
		driver.findElement(By.id("switch-store")).click();
		WebElement notice = waitFor().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("main .notice")));
		assertThat(notice.getText()).isEqualTo("Now working in Northwind Outlet US.");
		assertThat(driver.getCurrentUrl()).isEqualTo(url("/admin"));
		assertThat(switcher().getFirstSelectedOption().getText()).isEqualTo("Northwind Outlet US");

		driver.findElement(By.cssSelector("nav.sidebar a[href='/admin/settings/store']")).click();
		waitFor().until(ExpectedConditions.urlToBe(url("/admin/settings/store")));
		WebElement form = driver.findElement(By.id("store-settings"));
		assertThat(form.findElement(By.id("handle")).getDomProperty("value")).isEqualTo("outlet");
		assertThat(form.findElement(By.id("name")).getDomProperty("value")).isEqualTo("Northwind Outlet US");
		assertThat(form.findElement(By.id("defaultCurrency")).getDomProperty("value")).isEqualTo("USD");
		assertThat(switcher().getFirstSelectedOption().getText()).as("the choice sticks across pages")
			.isEqualTo("Northwind Outlet US");

		Path screenshot = screenshot("console-store-switch.png");
		assertThat(screenshot).exists().isNotEmptyFile();
		assertThat(Files.readAllBytes(screenshot)).startsWith(0x89, 'P', 'N', 'G');

		assertThat(browserProblems()).as("no CSP violations or script errors").isEmpty();
	}

	@Test
	void storeSettingsFormShowsErrorsThenSaves() throws IOException {
		ApiClient ownerApi = ApiClient.at(port).loggedIn(ShopwrightTest.OWNER_EMAIL, ShopwrightTest.OWNER_PASSWORD);
		String name = ApiClient.unique("Browser Store");
		ApiClient.Response created = ownerApi.post("/api/admin/v1/stores", Map.of("name", name, "handle",
				ApiClient.unique("browser"), "defaultCurrency", "EUR", "pricesIncludeTax", true));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		String storeId = created.json().get("id").asString();

		logIn(ShopwrightTest.OWNER_EMAIL, ShopwrightTest.OWNER_PASSWORD);
		switcher().selectByVisibleText(name);
		driver.findElement(By.id("switch-store")).click();
		waitFor().until(ExpectedConditions.textToBe(By.cssSelector("main .notice"), "Now working in " + name + "."));
		driver.get(url("/admin/settings/store"));

		WebElement currency = driver.findElement(By.id("defaultCurrency"));
		currency.clear();
		currency.sendKeys("XXQ");
		driver.findElement(By.cssSelector("#store-settings button[type=submit]")).click();
		WebElement fieldError = waitFor()
			.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#store-settings .field-error")));
		assertThat(fieldError.getText()).isEqualTo("'XXQ' is not an ISO 4217 currency");
		assertThat(driver.findElement(By.cssSelector("#store-settings .alert")).getText())
			.startsWith("Some store settings are not valid");
		assertThat(driver.findElement(By.id("defaultCurrency")).getDomAttribute("aria-invalid")).isEqualTo("true");
		screenshot("console-settings-error.png");
		assertThat(ownerApi.get("/api/admin/v1/stores/" + storeId).json().get("defaultCurrency").asString())
			.isEqualTo("EUR");

		currency = driver.findElement(By.id("defaultCurrency"));
		currency.clear();
		currency.sendKeys("CHF");
		WebElement pricesIncludeTax = driver.findElement(By.id("pricesIncludeTax"));
		assertThat(pricesIncludeTax.isSelected()).isTrue();
		pricesIncludeTax.click();
		driver.findElement(By.cssSelector("#store-settings button[type=submit]")).click();
		waitFor().until(ExpectedConditions.textToBe(By.cssSelector("main .notice"), "Store settings saved."));
		assertThat(driver.findElements(By.cssSelector("#store-settings .field-error"))).isEmpty();
		assertThat(driver.findElement(By.id("defaultCurrency")).getDomProperty("value")).isEqualTo("CHF");
		assertThat(driver.findElement(By.id("pricesIncludeTax")).isSelected()).isFalse();

		var saved = ownerApi.get("/api/admin/v1/stores/" + storeId).json();
		assertThat(saved.get("defaultCurrency").asString()).isEqualTo("CHF");
		assertThat(saved.get("pricesIncludeTax").asBoolean()).isFalse();
		assertThat(browserProblems()).as("no CSP violations or script errors").isEmpty();
	}

	@Test
	void aWrongPasswordShowsTheErrorOnTheLoginPage() throws IOException {
		// a staff member of our own, so that failed attempts never count against the owner's account
		String email = ApiClient.unique("browser") + "@test.local";
		ApiClient.Response created = ApiClient.at(port).loggedIn(ShopwrightTest.OWNER_EMAIL, ShopwrightTest.OWNER_PASSWORD)
			.post("/api/admin/v1/staff", Map.of("email", email, "name", "Browser Test", "password",
					"the-right-password", "role", "SUPPORT"));
		assertThat(created.status()).as(created.body()).isEqualTo(201);

		driver.get(url("/admin"));
		waitFor().until(ExpectedConditions.urlToBe(url("/admin/login")));
		driver.findElement(By.id("email")).sendKeys(email);
		driver.findElement(By.id("password")).sendKeys("the-wrong-password");
		driver.findElement(By.id("login-submit")).click();

		waitFor().until(ExpectedConditions.urlToBe(url("/admin/login?error")));
		WebElement alert = driver.findElement(By.cssSelector(".login-card .alert"));
		assertThat(alert.isDisplayed()).isTrue();
		assertThat(alert.getText()).isEqualTo("The email or password is not correct.");
		assertThat(alert.getDomAttribute("role")).isEqualTo("alert");
		assertThat(driver.findElements(By.id("login-form"))).hasSize(1);
		assertThat(driver.findElement(By.id("password")).getDomProperty("value")).as("the password is not echoed")
			.isEmpty();
		screenshot("console-login-error.png");

		driver.get(url("/admin"));
		assertThat(driver.getCurrentUrl()).as("still logged out").isEqualTo(url("/admin/login"));

		// the right password still works afterwards
		logIn(email, "the-right-password");
		assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Welcome back");
		assertThat(browserProblems()).as("no CSP violations or script errors").isEmpty();
	}

	private void logIn(String email, String password) {
		driver.get(url("/admin/login"));
		driver.findElement(By.id("email")).sendKeys(email);
		driver.findElement(By.id("password")).sendKeys(password);
		driver.findElement(By.id("login-submit")).click();
		waitFor().until(ExpectedConditions.urlToBe(url("/admin")));
	}

	private Select switcher() {
		return new Select(driver.findElement(By.id("store-switcher")));
	}

	private WebDriverWait waitFor() {
		return browser.waitFor();
	}

	private Path screenshot(String name) throws IOException {
		return browser.screenshot(name);
	}

	private List<String> browserProblems() {
		return browser.problems();
	}

	private String url(String path) {
		return "http://localhost:" + port + path;
	}
}
