package dev.shopwright.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.shopwright.console.AdminSession.Page;
import dev.shopwright.testing.ApiClient;
import dev.shopwright.testing.Browser;
import dev.shopwright.testing.ShopwrightTest;
import tools.jackson.databind.JsonNode;

/** The Forecasts screens: overview, a SKU's forecast with its chart, the settings form and the recompute job. */
@ShopwrightTest
class ForecastsConsoleTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aSkuPageShowsTheModelItsAccuracyAndTheReorderMath() {
		AdminSession owner = owner();
		String sku = demoBestSeller();
		Page page = owner.get("/admin/inventory/forecasts?sku=" + sku);
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("Forecast of " + sku).contains("id=\"forecast-chart\"").contains("data-chart=\"{")
			.containsPattern("/webjars/chart.js/[0-9.]+/dist/chart.umd.min.js").containsPattern("Holt-Winters \\(weekly( \\+ yearly)?\\)")
			.containsPattern("Reorder point \\d+ = [\\d.]+ units forecast over the 14-day lead time \\+ safety stock [\\d.]+ "
					+ "\\(z 1\\.645 for a 95\\.0% service level")
			.contains("id=\"recompute-sku\"").doesNotContainPattern("<script(?![^>]*\\bsrc=)");
		JsonNode api = ApiClient.at(port).loggedIn(ShopwrightTest.OWNER_EMAIL, ShopwrightTest.OWNER_PASSWORD)
			.get("/api/admin/v1/inventory/forecasts?sku=" + sku).json();
		assertThat(page.body()).contains("<dd id=\"reorder-point\">" + api.get("reorder").get("reorderPoint").asInt() + "</dd>");

		Page unknown = owner.get("/admin/inventory/forecasts?sku=NO-SUCH-SKU");
		assertThat(unknown.status()).isEqualTo(200);
		assertThat(unknown.body()).contains("No variant with SKU &#39;NO-SUCH-SKU&#39;").contains("<h1>Forecasts</h1>");
	}

	@Test
	void theSettingsFormRefusesNonsenseAndTheRecomputeButtonRunsAJobWhoseProgressIsPolled() throws Exception {
		ApiClient api = ApiClient.at(port).loggedIn(ShopwrightTest.OWNER_EMAIL, ShopwrightTest.OWNER_PASSWORD);
		String handle = ApiClient.unique("fcc");
		String storeId = api.post("/api/admin/v1/stores", Map.of("name", "Console " + handle, "handle", handle,
				"defaultCurrency", "EUR")).json().get("id").asString();
		api.store(handle).post("/api/admin/v1/products", Map.of("title", "Console forecast", "variants",
				java.util.List.of(Map.of("sku", handle.toUpperCase() + "-1", "price", Map.of("amount", "5.00", "currency", "EUR")))));
		AdminSession owner = owner();
		assertThat(owner.post("/admin/stores/switch", Map.of("storeId", storeId)).isRedirect()).isTrue();

		Page overview = owner.get("/admin/inventory/forecasts");
		assertThat(overview.body()).contains("<h1>Forecasts</h1>").contains("href=\"/admin/inventory/forecasts\"")
			.contains("id=\"recompute-all\"").contains("Forecasts have not been recomputed");
		assertThat(AdminSession.inputValue(overview.body(), "serviceLevelPercent")).isEqualTo("95.0");

		Page refused = owner.post("/admin/inventory/forecasts/settings", Map.of("serviceLevelPercent", "120", "reviewDays", "0"));
		assertThat(refused.status()).isEqualTo(200);
		assertThat(refused.body()).contains("Please correct the marked fields").contains("between 50 and 99.9")
			.contains("between 1 and 180");
		assertThat(api.store(handle).get("/api/admin/v1/inventory/forecast-settings").json().get("serviceLevel").asDouble())
			.isEqualTo(0.95);
		Page saved = owner.post("/admin/inventory/forecasts/settings", Map.of("serviceLevelPercent", "97.5", "reviewDays", "21"));
		assertThat(saved.isRedirect()).as(saved.toString()).isTrue();
		JsonNode settings = api.store(handle).get("/api/admin/v1/inventory/forecast-settings").json();
		assertThat(settings.get("serviceLevel").asDouble()).isEqualTo(0.975);
		assertThat(settings.get("reviewDays").asInt()).isEqualTo(21);

		Page started = owner.post("/admin/inventory/forecasts/recompute", Map.of());
		assertThat(started.isRedirect()).isTrue();
		Page running = owner.get("/admin/inventory/forecasts");
		assertThat(running.body()).contains("id=\"run-bar\"");
		long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
		Page progress = owner.getHtmx("/admin/inventory/forecasts/progress");
		while (!progress.body().contains("Recomputed") && System.nanoTime() < deadline) {
			assertThat(progress.body()).as("polls while the job runs").contains("hx-trigger=\"every 1s\"");
			Thread.sleep(300);
			progress = owner.getHtmx("/admin/inventory/forecasts/progress");
		}
		assertThat(progress.body()).contains("Recomputed").contains("1 of 1 SKUs (0 failed)").doesNotContain("hx-trigger");
	}

	@Test
	void staffWhoMayOnlyReadSeeForecastsButCannotRecompute() {
		ApiClient api = ApiClient.at(port).loggedIn(ShopwrightTest.OWNER_EMAIL, ShopwrightTest.OWNER_PASSWORD);
		String email = ApiClient.unique("analyst") + "@test.local";
		assertThat(api.store("demo").post("/api/admin/v1/staff", Map.of("email", email, "name", "Analyst", "password",
				"analyst-password-1", "role", "ANALYST")).status()).isEqualTo(201);
		AdminSession analyst = AdminSession.at(port).logIn(email, "analyst-password-1");
		Page overview = analyst.get("/admin/inventory/forecasts");
		assertThat(overview.status()).isEqualTo(200);
		assertThat(overview.body()).doesNotContain("id=\"recompute-all\"");
		assertThat(analyst.post("/admin/inventory/forecasts/recompute", Map.of()).status()).isEqualTo(403);
		assertThat(analyst.post("/admin/inventory/forecasts/settings", Map.of("serviceLevelPercent", "99", "reviewDays", "7"))
			.status()).isEqualTo(403);
	}

	@Test
	void theForecastChartRendersInARealBrowser() throws IOException {
		String sku = demoBestSeller();
		try (Browser browser = Browser.start()) {
			ChromeDriver driver = browser.driver();
			browser.reset(url("/admin/login"));
			driver.get(url("/admin/login"));
			driver.findElement(By.id("email")).sendKeys(ShopwrightTest.OWNER_EMAIL);
			driver.findElement(By.id("password")).sendKeys(ShopwrightTest.OWNER_PASSWORD);
			driver.findElement(By.id("login-submit")).click();
			browser.waitFor().until(ExpectedConditions.urlToBe(url("/admin")));
			driver.get(url("/admin/inventory/forecasts?sku=" + sku));
			new WebDriverWait(driver, Duration.ofSeconds(15))
				.until(ExpectedConditions.attributeToBe(By.id("forecast-chart"), "data-rendered", "true"));
			JavascriptExecutor js = driver;
			Object datasets = js.executeScript("return Chart.getChart('forecast-chart').data.datasets.map(d => d.data.length)");
			assertThat(datasets.toString()).matches("\\[(\\d+, ){3}\\d+\\]");
			Number painted = (Number) js.executeScript("""
					const c = document.getElementById('forecast-chart');
					const pixels = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
					let n = 0;
					for (let i = 3; i < pixels.length; i += 4) { if (pixels[i] > 0) n++; }
					return n;""");
			assertThat(painted.intValue()).as("the canvas has a chart drawn on it").isGreaterThan(5_000);
			browser.screenshot("forecast-chart.png");
			assertThat(browser.problems()).isEmpty();

			// the SKU's stock page brings the same chart in with htmx
			driver.get(url("/admin/inventory/sku?sku=" + sku));
			new WebDriverWait(driver, Duration.ofSeconds(15))
				.until(ExpectedConditions.attributeToBe(By.cssSelector("#sku-forecast canvas.forecast-chart"), "data-rendered", "true"));
			assertThat(driver.findElement(By.cssSelector("#sku-forecast canvas")).getSize().getHeight())
				.as("the chart keeps its height instead of covering the forms below it").isLessThanOrEqualTo(400);
			assertThat(browser.problems()).isEmpty();
		}
	}

	private AdminSession owner() {
		return AdminSession.at(port).logIn(ShopwrightTest.OWNER_EMAIL, ShopwrightTest.OWNER_PASSWORD);
	}

	private String demoBestSeller() {
		return jdbc.sql("""
				select h.sku from inventory.demand_history h
				where h.store_id = (select store_id from inventory.location where code = 'berlin-shop' limit 1)
				group by h.sku order by sum(h.units) desc, h.sku limit 1""")
			.query(String.class).single();
	}

	private String url(String path) {
		return "http://localhost:" + port + path;
	}
}
