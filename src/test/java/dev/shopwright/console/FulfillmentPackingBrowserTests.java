package dev.shopwright.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.PlatformTransactionManager;

import dev.shopwright.catalog.CatalogManagement;
import dev.shopwright.fulfillment.FulfillmentFixtures;
import dev.shopwright.fulfillment.FulfillmentFixtures.Line;
import dev.shopwright.fulfillment.FulfillmentManagement;
import dev.shopwright.fulfillment.Shipment;
import dev.shopwright.inventory.InventoryManagement;
import dev.shopwright.inventory.Location;
import dev.shopwright.shared.StoreId;
import dev.shopwright.stores.StoreManagement;
import dev.shopwright.testing.Browser;
import dev.shopwright.testing.ShopwrightTest;

/** The packing station in a real (headless) Chromium, fed as a barcode scanner feeds it: code, Enter, next code. */
@ShopwrightTest
class FulfillmentPackingBrowserTests {

	private static Browser browser;

	private static ChromeDriver driver;

	@LocalServerPort
	int port;

	@Autowired
	FulfillmentManagement fulfillment;

	@Autowired
	InventoryManagement inventory;

	@Autowired
	CatalogManagement catalog;

	@Autowired
	StoreManagement stores;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	PlatformTransactionManager transactionManager;

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
	void scanningChecksEachItemWarnsOnWrongAndSurplusItemsAndShipsWhenComplete() throws IOException {
		FulfillmentFixtures fixtures = new FulfillmentFixtures(catalog, stores, inventory, fulfillment, events, transactionManager);
		StoreId store = fixtures.demo();
		String shirt = fixtures.newSku(store);
		String socks = fixtures.newSku(store, "4006381333917");
		String stranger = fixtures.newSku(store);
		Location main = fixtures.newLocation(store, 20, "DE", null);
		fixtures.stock(store, main, shirt, 5, null);
		fixtures.stock(store, main, socks, 5, null);
		FulfillmentFixtures.Placed placed = fixtures.place(store, "DE", null, new Line(shirt, 2), new Line(socks, 1));
		UUID foId = placed.only().id();

		browser.reset(url("/admin/login"));
		driver.get(url("/admin/login"));
		driver.findElement(By.id("email")).sendKeys(ShopwrightTest.OWNER_EMAIL);
		driver.findElement(By.id("password")).sendKeys(ShopwrightTest.OWNER_PASSWORD);
		driver.findElement(By.id("login-submit")).click();
		browser.waitFor().until(ExpectedConditions.urlToBe(url("/admin")));
		driver.get(url("/admin/fulfillment/packing/" + foId));
		browser.waitFor().until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d)
			.executeScript("return document.readyState === 'complete' && !!window.htmx")));

		scan(stranger);
		WebElement wrong = browser.waitFor().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#scan-result.alert")));
		assertThat(wrong.getText()).contains("Wrong item");
		assertThat(wrong.getAttribute("data-outcome")).isEqualTo("WRONG_ITEM");

		scan(shirt);
		browser.waitFor().until(ExpectedConditions.textToBe(By.cssSelector("#pack-" + shirt + " .packed"), "1"));
		scan(shirt.toLowerCase());
		browser.waitFor().until(ExpectedConditions.textToBe(By.cssSelector("#pack-" + shirt + " .packed"), "2"));
		scan(shirt);
		WebElement surplus = browser.waitFor().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#scan-result.alert")));
		assertThat(surplus.getText()).contains("Too many");
		assertThat(driver.findElement(By.id("packing-state")).getText()).contains("Still missing").contains("1 × " + socks);

		scan("4006381333917");
		browser.waitFor().until(ExpectedConditions.textToBe(By.id("packing-state"), "Everything is packed."));
		assertThat(driver.getCurrentUrl()).as("htmx swapped the fragment; the page never reloaded")
			.isEqualTo(url("/admin/fulfillment/packing/" + foId));
		browser.screenshot("fulfillment-packing.png");

		driver.findElement(By.id("weightGrams")).sendKeys("1200");
		driver.findElement(By.id("lengthCm")).sendKeys("35");
		driver.findElement(By.id("widthCm")).sendKeys("25");
		driver.findElement(By.id("heightCm")).sendKeys("12");
		new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("carrierService"))).selectByValue("sandbox:express");
		driver.findElement(By.cssSelector("#ship-form button[type=submit]")).click();
		WebElement status = browser.waitFor().until(ExpectedConditions.visibilityOfElementLocated(By.id("shipment-status")));
		assertThat(status.getText()).isEqualTo("Label created");
		Shipment shipment = fulfillment.shipmentsOfOrder(store, placed.orderId()).get(0);
		assertThat(shipment.serviceName()).isEqualTo("Sandbox Express");
		assertThat(shipment.parcel().weightGrams()).isEqualTo(1200);
		assertThat(shipment.lines()).extracting(Shipment.Line::quantity).containsExactlyInAnyOrder(2, 1);
		assertThat(driver.findElement(By.tagName("main")).getText()).contains(shipment.trackingNumber());
		assertThat(browser.problems()).as("no CSP violations or script errors").isEmpty();
	}

	/** What a keyboard-wedge scanner does: types the code into the focused field and presses Enter. */
	private void scan(String code) {
		WebElement input = browser.waitFor().until(ExpectedConditions.elementToBeClickable(By.id("code")));
		input.clear();
		input.sendKeys(code + Keys.ENTER);
		browser.waitUntilGone(input);
	}

	private String url(String path) {
		return "http://localhost:" + port + path;
	}
}
