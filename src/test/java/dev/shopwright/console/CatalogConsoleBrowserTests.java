package dev.shopwright.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

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
/** The catalog console in a real (headless) Chromium: the product editor and the product list. */
@ShopwrightTest
class CatalogConsoleBrowserTests {

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
	void ownerCreatesAProductWithTwoVariantsInTheEditorAndFindsItInTheList() throws IOException {
		String title = ApiClient.unique("Browser Tee");
		String sku = ApiClient.unique("BT");
		logIn(ShopwrightTest.OWNER_EMAIL, ShopwrightTest.OWNER_PASSWORD);
		driver.findElement(By.cssSelector("nav.sidebar a[href='/admin/products']")).click();
		waitFor().until(ExpectedConditions.urlToBe(url("/admin/products")));
		driver.findElement(By.id("new-product")).click();
		waitFor().until(ExpectedConditions.urlToBe(url("/admin/products/new")));
		// the URL changes before the page has loaded htmx; typing earlier would go unnoticed by the preview
		waitFor().until(d -> Boolean.TRUE.equals(((org.openqa.selenium.JavascriptExecutor) d)
			.executeScript("return document.readyState === 'complete' && !!window.htmx")));

		driver.findElement(By.id("title")).sendKeys(title);
		driver.findElement(By.id("seoDescription")).sendKeys("A tee made in the browser test");
		driver.findElement(By.id("vendor")).click(); // leaves the description: htmx refreshes the SEO preview
		waitFor().until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#seo-preview .seo-description"),
				"A tee made in the browser test"));
		assertThat(driver.findElement(By.cssSelector("#seo-preview .seo-title")).getText()).isEqualTo(title);

		driver.findElement(By.id("options-0-name")).sendKeys("Size");
		driver.findElement(By.id("options-0-values")).sendKeys("S, M");
		driver.findElement(By.id("v0-price")).sendKeys("25.00");
		driver.findElement(By.id("generate-variants")).click();
		waitFor().until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#variants-table tr.variant-row"), 2));
		assertThat(driver.findElement(By.id("v1-option0")).getDomProperty("value")).isEqualTo("M");
		assertThat(driver.findElement(By.id("title")).getDomProperty("value")).as("the rest of the form is kept")
			.isEqualTo(title);
		driver.findElement(By.id("v0-sku")).sendKeys(sku + "-S");
		driver.findElement(By.id("v1-sku")).sendKeys(sku + "-M");
		WebElement price = driver.findElement(By.id("v1-price"));
		price.clear();
		price.sendKeys("27.50");
		new Select(driver.findElement(By.id("status"))).selectByVisibleText("ACTIVE");
		driver.findElement(By.id("save-product")).click();

		WebElement notice = waitFor().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("main .notice")));
		assertThat(notice.getText()).isEqualTo("Product " + title + " created.");
		assertThat(driver.findElements(By.cssSelector("#variants-table tr.variant-row"))).hasSize(2);
		screenshot("catalog-product-editor.png");
		assertThat(((JavascriptExecutor) driver).executeScript(
				"return document.documentElement.scrollWidth <= document.documentElement.clientWidth"))
			.as("the wide variants grid scrolls inside its own box, not the page").isEqualTo(true);

		driver.findElement(By.cssSelector("nav.sidebar a[href='/admin/products']")).click();
		waitFor().until(ExpectedConditions.urlToBe(url("/admin/products")));
		WebElement search = driver.findElement(By.name("q"));
		search.sendKeys(sku + "-M");
		search.submit();
		waitFor().until(ExpectedConditions.urlContains("q="));
		List<WebElement> rows = driver.findElements(By.cssSelector("#products-table tr.product-row"));
		assertThat(rows).hasSize(1);
		assertThat(rows.get(0).getText()).contains(title).contains("ACTIVE").contains("25.00 – 27.50 EUR");

		Path screenshot = screenshot("catalog-product-list.png");
		assertThat(screenshot).exists().isNotEmptyFile();
		assertThat(Files.readAllBytes(screenshot)).startsWith(0x89, 'P', 'N', 'G');
		assertThat(browserProblems()).as("no CSP violations or script errors").isEmpty();
	}

	private void logIn(String email, String password) {
		driver.get(url("/admin/login"));
		driver.findElement(By.id("email")).sendKeys(email);
		driver.findElement(By.id("password")).sendKeys(password);
		driver.findElement(By.id("login-submit")).click();
		waitFor().until(ExpectedConditions.urlToBe(url("/admin")));
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
