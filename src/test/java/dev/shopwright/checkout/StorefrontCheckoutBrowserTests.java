package dev.shopwright.checkout;

import static dev.shopwright.checkout.CheckoutShop.eur;
import static dev.shopwright.checkout.CheckoutShop.ok;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.shopwright.testing.ApiClient;
import dev.shopwright.testing.Browser;
import dev.shopwright.testing.ShopwrightTest;
import tools.jackson.databind.JsonNode;

/**
 * A shopper in a real Chromium buys from the product page through every checkout step, once per sandbox card
 * outcome: paid, declined, insufficient funds, 3-D Secure passed and 3-D Secure failed. The store is reached by its
 * own host name ({@code <handle>.localhost}, which Chromium resolves to this machine), as a shopper would.
 */
@ShopwrightTest
class StorefrontCheckoutBrowserTests {

	@LocalServerPort
	int port;

	@Test
	void aShopperBuysWithEachSandboxCardOutcome() throws Exception {
		CheckoutShop shop = new CheckoutShop(port);
		ok(shop.admin.patch("/api/admin/v1/stores/" + shop.store, Map.of("domains", List.of(shop.handle + ".localhost"))));
		String base = "http://" + shop.handle + ".localhost:" + port;
		String sku = ApiClient.unique("BR").toUpperCase();
		JsonNode product = ok(shop.admin.post("/api/admin/v1/products", Map.of("title", "Kettle " + sku, "status",
				"ACTIVE", "published", true, "variants", List.of(new HashMap<>(Map.of("sku", sku, "price", eur("30.00"),
						"weightGrams", 900, "inventoryPolicy", "DENY"))))));
		ok(shop.admin.post("/api/admin/v1/inventory/adjustments", Map.of("sku", sku, "delta", 20)));
		String productPath = "/products/" + product.get("handle").asString();

		try (Browser browser = Browser.start()) {
			WebDriver driver = browser.driver();

			// the cart's quantity form, with htmx: the cart section is swapped in place, the page is not reloaded
			browser.reset(base + "/");
			driver.get(base + productPath);
			driver.findElement(By.id("add-to-cart")).click();
			browser.waitFor().until(ExpectedConditions.visibilityOfElementLocated(By.id("cart-lines")));
			assertThat(driver.findElement(By.id("cart-total")).getText()).isEqualTo("30.00 EUR");
			((JavascriptExecutor) driver).executeScript("window.stillTheSamePage = true");
			var quantity = driver.findElement(By.id("quantity-" + sku));
			quantity.clear();
			quantity.sendKeys("3", Keys.TAB);
			browser.waitFor().until(ExpectedConditions.textToBe(By.id("cart-total"), "90.00 EUR"));
			assertThat(((JavascriptExecutor) driver).executeScript("return window.stillTheSamePage")).isEqualTo(true);
			driver.findElement(By.id("remove-" + sku)).click();
			browser.waitFor().until(ExpectedConditions.visibilityOfElementLocated(By.id("cart-empty")));
			assertThat(((JavascriptExecutor) driver).executeScript("return window.stillTheSamePage")).isEqualTo(true);
			assertThat(browser.problems()).isEmpty();

			// 4242: paid, the confirmation shows the order number and links to the order's status page
			toPayment(browser, base, productPath);
			pay(browser, "4242 4242 4242 4242");
			browser.waitFor().until(ExpectedConditions.urlContains("/checkout/confirmation"));
			String number = driver.findElement(By.id("order-number")).getText();
			assertThat(number).matches("#\\d+");
			assertThat(driver.findElement(By.id("confirmation-total")).getText()).isEqualTo("34.90 EUR");
			assertThat(driver.findElement(By.id("order-status-link")).getAttribute("href"))
				.matches(java.util.regex.Pattern.quote(base) + "/orders/[0-9a-f-]{36}\\?token=osk_[0-9a-f]{64}");
			browser.screenshot("storefront-checkout-confirmation.png");
			assertThat(browser.problems()).isEmpty();
			// the cart became the order: the cart page is empty again
			driver.get(base + "/cart");
			assertThat(driver.findElement(By.id("cart-empty")).getText()).contains("empty");

			// 0002: declined, said on the payment step, the cart still there to pay otherwise
			toPayment(browser, base, productPath);
			pay(browser, "4000 0000 0000 0002");
			String declined = browser.waitFor()
				.until(ExpectedConditions.visibilityOfElementLocated(By.id("payment-error"))).getText();
			assertThat(declined).contains("Your card was declined").contains("Nothing was charged");
			assertThat(driver.getCurrentUrl()).endsWith("/checkout/payment");
			assertThat(driver.findElement(By.id("order-summary")).getText()).contains("Kettle " + sku);
			browser.screenshot("storefront-checkout-declined.png");

			// 9995: insufficient funds, then the same cart paid with a good card
			pay(browser, "4000 0000 0000 9995");
			browser.waitFor().until(ExpectedConditions.textToBePresentInElementLocated(By.id("payment-error"),
					"insufficient funds"));
			pay(browser, "4242424242424242");
			browser.waitFor().until(ExpectedConditions.urlContains("/checkout/confirmation"));
			assertThat(driver.findElement(By.id("order-number")).getText()).matches("#\\d+").isNotEqualTo(number);

			// 3220 passed: the bank's page, then back in the shop with the order placed
			toPayment(browser, base, productPath);
			pay(browser, "4000 0000 0000 3220");
			browser.waitFor().until(ExpectedConditions.urlContains("/payments/sandbox/3ds/"));
			assertThat(driver.findElement(By.id("challenge-amount")).getText()).isEqualTo("34.90 EUR");
			driver.findElement(By.id("pass")).click();
			browser.waitFor().until(ExpectedConditions.urlContains("/checkout/confirmation"));
			assertThat(driver.findElement(By.id("order-number")).getText()).matches("#\\d+");

			// 3220 failed: back on the payment step with the reason, nothing placed
			toPayment(browser, base, productPath);
			pay(browser, "4000 0000 0000 3220");
			browser.waitFor().until(ExpectedConditions.urlContains("/payments/sandbox/3ds/"));
			driver.findElement(By.id("fail")).click();
			String failed = browser.waitFor()
				.until(ExpectedConditions.visibilityOfElementLocated(By.id("payment-error"))).getText();
			assertThat(failed).contains("3-D Secure verification failed");
			assertThat(driver.findElement(By.id("order-summary")).getText()).contains("Kettle " + sku);
			assertThat(browser.problems()).isEmpty();
		}
	}

	/** From a fresh browser: product page → Add to cart → cart → contact → address → shipping → payment. */
	private static void toPayment(Browser browser, String base, String productPath) {
		WebDriver driver = browser.driver();
		browser.reset(base + "/");
		driver.get(base + productPath);
		driver.findElement(By.id("add-to-cart")).click();
		browser.waitFor().until(ExpectedConditions.visibilityOfElementLocated(By.id("cart-lines")));
		driver.findElement(By.id("checkout-button")).click();
		browser.waitFor().until(ExpectedConditions.visibilityOfElementLocated(By.id("contact-email")))
			.sendKeys("shopper@test.local");
		driver.findElement(By.id("contact-continue")).click();
		browser.waitFor().until(ExpectedConditions.visibilityOfElementLocated(By.id("address-line1")))
			.sendKeys("Unter den Linden 1");
		driver.findElement(By.id("address-first-name")).sendKeys("Ada");
		driver.findElement(By.id("address-last-name")).sendKeys("Lovelace");
		driver.findElement(By.id("address-postal-code")).sendKeys("10117");
		driver.findElement(By.id("address-city")).sendKeys("Berlin");
		driver.findElement(By.id("address-country")).sendKeys("DE");
		// "Billing address same as shipping" is on: the billing form shows only while it is unchecked (CSS, no script)
		var sameAsShipping = driver.findElement(By.id("same-as-shipping"));
		assertThat(sameAsShipping.isSelected()).isTrue();
		assertThat(driver.findElement(By.id("billing-fields")).isDisplayed()).isFalse();
		sameAsShipping.click();
		assertThat(driver.findElement(By.id("billing-line1")).isDisplayed()).isTrue();
		sameAsShipping.click();
		assertThat(driver.findElement(By.id("billing-fields")).isDisplayed()).isFalse();
		driver.findElement(By.id("address-continue")).click();
		browser.waitFor().until(ExpectedConditions.visibilityOfElementLocated(By.id("shipping-continue"))).click();
		browser.waitFor().until(ExpectedConditions.visibilityOfElementLocated(By.id("pay-button")));
	}

	/** Types the card on the payment step and presses Pay; waits until the browser has left that page. */
	private static void pay(Browser browser, String number) {
		WebDriver driver = browser.driver();
		browser.waitFor().until(ExpectedConditions.visibilityOfElementLocated(By.id("card-number")));
		driver.findElement(By.id("method-CARD")).click();
		driver.findElement(By.id("card-number")).clear();
		driver.findElement(By.id("card-number")).sendKeys(number);
		new Select(driver.findElement(By.id("card-exp-month"))).selectByValue("12");
		new Select(driver.findElement(By.id("card-exp-year"))).selectByValue(String.valueOf(YearMonth.now().getYear() + 2));
		driver.findElement(By.id("card-cvc")).clear();
		driver.findElement(By.id("card-cvc")).sendKeys("123");
		var button = driver.findElement(By.id("pay-button"));
		button.click();
		browser.waitUntilGone(button);
	}
}
