package dev.shopwright.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.logging.Level;
import java.util.stream.Stream;

import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven through its chromedriver (never a downloaded browser), with a throwaway
 * profile, the browser log captured, and screenshots saved into the test artifacts directory.
 */
public final class Browser implements AutoCloseable {

	private static final Path ARTIFACTS = Path.of(System.getProperty("shopwright.test.artifacts", "target/test-artifacts"));

	private final Path profile;

	private final ChromeDriverService service;

	private final ChromeDriver driver;

	private Browser(Path profile, ChromeDriverService service, ChromeDriver driver) {
		this.profile = profile;
		this.service = service;
		this.driver = driver;
	}

	public static Browser start() throws IOException {
		Path profile = Files.createTempDirectory("shopwright-chromium-");
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
		ChromeDriverService service = new ChromeDriverService.Builder()
			.usingDriverExecutable(new File("/usr/bin/chromedriver")).usingAnyFreePort().build();
		ChromeDriver driver = new ChromeDriver(service, options);
		driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
		return new Browser(profile, service, driver);
	}

	public ChromeDriver driver() {
		return driver;
	}

	public WebDriverWait waitFor() {
		return new WebDriverWait(driver, Duration.ofSeconds(10));
	}

	/**
	 * Waits until {@code element}'s page is gone (a navigation or an htmx swap replaced it). Mid-navigation Chrome
	 * may answer for the old node with "does not belong to the document" instead of a stale-element error; both
	 * mean the same here.
	 */
	public void waitUntilGone(WebElement element) {
		waitFor().until(driver -> {
			try {
				element.isEnabled();
				return false;
			}
			catch (StaleElementReferenceException gone) {
				return true;
			}
			catch (WebDriverException inspectorError) {
				String message = String.valueOf(inspectorError.getMessage());
				if (message.contains("does not belong to the document")) {
					return true;
				}
				throw inspectorError;
			}
		});
	}

	/** Opens {@code url}, then forgets cookies and earlier log lines, so a test starts logged out and clean. */
	public void reset(String url) {
		driver.get(url);
		driver.manage().deleteAllCookies();
		driver.manage().logs().get(LogType.BROWSER);
	}

	/** Saves a PNG of the page into the artifacts directory and returns where. */
	public Path screenshot(String name) throws IOException {
		Files.createDirectories(ARTIFACTS);
		Path target = ARTIFACTS.resolve(name);
		File taken = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
		Files.copy(taken.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
		return target;
	}

	/**
	 * Errors and warnings the browser logged since the last call (CSP violations, script errors, assets that
	 * failed to load), apart from a missing favicon. A probe message first proves the log is really captured,
	 * so that an empty answer means something.
	 */
	public List<String> problems() {
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

	@Override
	public void close() throws IOException {
		try {
			driver.quit();
		}
		finally {
			service.stop();
			try (Stream<Path> files = Files.walk(profile)) {
				files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
			}
		}
	}
}
