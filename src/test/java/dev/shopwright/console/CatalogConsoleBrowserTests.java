package dev.shopwright.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.shopwright.testing.ApiClient;
import dev.shopwright.testing.ShopwrightTest;

/** The console in a real (headless) Chromium: login, the store switcher, the settings form, CSP in practice. */
/** The catalog console in a real (headless) Chromium: the product editor and the product list. */
@ShopwrightTest
class CatalogConsoleBrowserTests {

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
		// as root Chromium needs --no-sandbox; the rest keeps it from phoning home or stalling in a container
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-quic",
				"--no-first-run", "--user-data-dir=" + profile.toAbsolutePath(), "--window-size=1280,900",
				"--lang=en-US");
		LoggingPreferences logs = new LoggingPreferences();
		logs.enable(LogType.BROWSER, Level.ALL);
		options.setCapability("goog:loggingPrefs", logs);
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

	@BeforeEach
	void freshSession() {
		// every test starts logged out, with no log lines left over from the one before
		driver.get(url("/admin/login"));
		driver.manage().deleteAllCookies();
		driver.manage().logs().get(LogType.BROWSER);
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
		return new WebDriverWait(driver, Duration.ofSeconds(10));
	}

	private Path screenshot(String name) throws IOException {
		Files.createDirectories(ARTIFACTS);
		Path target = ARTIFACTS.resolve(name);
		File taken = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
		Files.copy(taken.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
		return target;
	}

	/**
	 * Errors and warnings the browser logged since the last call (CSP violations, script errors, assets that
	 * failed to load), apart from the favicon the console does not have. A probe message first proves the log
	 * is really captured, so that an empty answer means something.
	 */
	private List<String> browserProblems() {
		((JavascriptExecutor) driver).executeScript("console.error('shopwright-log-probe')");
		List<String> messages = driver.manage().logs().get(LogType.BROWSER).getAll().stream()
			.filter(entry -> entry.getLevel().intValue() >= Level.WARNING.intValue())
			.map(LogEntry::getMessage)
			.toList();
		assertThat(messages).as("browser log is captured").anyMatch(message -> message.contains("shopwright-log-probe"));
		return messages.stream()
			.filter(message -> !message.contains("shopwright-log-probe") && !message.contains("/favicon.ico"))
			.toList();
	}

	private String url(String path) {
		return "http://localhost:" + port + path;
	}
}
