package dev.shopwright.payments;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.shopwright.testing.Browser;
import dev.shopwright.testing.ShopwrightTest;
import tools.jackson.databind.JsonNode;

/** A shopper in a real browser on the sandbox's 3-D Secure page: passes the challenge and lands on the return URL. */
@ShopwrightTest
class SandboxThreeDSecureBrowserTests {

	@LocalServerPort
	int port;

	@Test
	void theShopperPassesTheChallengeInABrowserAndReturnsToTheShop() throws Exception {
		PaymentTestSupport payments = new PaymentTestSupport(port);
		JsonNode payment = payments.pay("4000000000003220", "33.50", "/?checkout=returned").json();
		assertThat(payment.get("status").asString()).isEqualTo("REQUIRES_ACTION");
		String base = "http://localhost:" + port;
		try (Browser browser = Browser.start()) {
			browser.reset(base + "/");
			browser.driver().get(base + payment.get("nextActionUrl").asString());
			assertThat(browser.driver().findElement(By.tagName("h1")).getText()).contains("3-D Secure");
			assertThat(browser.driver().findElement(By.id("challenge-amount")).getText()).isEqualTo("33.50 EUR");
			browser.screenshot("payments-3ds-challenge.png");
			browser.driver().findElement(By.id("pass")).click();
			browser.waitFor().until(ExpectedConditions.urlContains("redirect_status=succeeded"));
			assertThat(browser.driver().getCurrentUrl()).startsWith(base + "/?checkout=returned");
			assertThat(browser.problems()).isEmpty();
		}
		JsonNode after = payments.get(payment.get("id").asString());
		assertThat(after.get("status").asString()).isEqualTo("CAPTURED");
		assertThat(after.get("captured").get("amount").asString()).isEqualTo("33.50");
	}
}
