package dev.shopwright.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.shopwright.fraud.AssessmentListing;
import dev.shopwright.fraud.BlockType;
import dev.shopwright.fraud.FraudManagement;
import dev.shopwright.fraud.ReviewDecision;
import dev.shopwright.fraud.RiskAssessment;
import dev.shopwright.fraud.RiskCheck;
import dev.shopwright.fraud.RiskLevel;
import dev.shopwright.shared.Address;
import dev.shopwright.shared.Money;
import dev.shopwright.shared.StoreId;
import dev.shopwright.testing.ApiClient;
import dev.shopwright.testing.ShopwrightTest;

/** The fraud screens: the review queue with its chips and actions, the blocklist, and the screening settings. */
@ShopwrightTest
class FraudConsoleTests {

	@LocalServerPort
	int port;

	@Autowired
	FraudManagement fraud;

	AdminSession console;

	StoreId store;

	@BeforeEach
	void storeOfItsOwn() {
		ApiClient owner = ApiClient.at(port).loggedIn(ShopwrightTest.OWNER_EMAIL, ShopwrightTest.OWNER_PASSWORD);
		String handle = ApiClient.unique("fraudcon");
		store = StoreId.of(owner.post("/api/admin/v1/stores", Map.of("name", "Console " + handle, "handle", handle,
				"defaultCurrency", "EUR")).json().get("id").asString());
		console = AdminSession.at(port).logIn(ShopwrightTest.OWNER_EMAIL, ShopwrightTest.OWNER_PASSWORD);
		assertThat(console.post("/admin/stores/switch", Map.of("storeId", store.toString())).status()).isEqualTo(302);
	}

	private RiskAssessment assess(String email, String billingCountry, String shippingCountry, String total) {
		return fraud.assess(store, new RiskCheck(ApiClient.unique("order"), email, "198.51.100.23",
				fraud.cardFingerprint("4000000000009995"), new Address(null, null, null, null, "1", billingCountry),
				new Address(null, null, null, null, "1", shippingCountry), Money.of(total, "EUR"), null, true, 2));
	}

	@Test
	void theQueueShowsHighFirstWithReasonChipsAndAReviewCanBlockTheSignals() {
		RiskAssessment low = assess(ApiClient.unique("calm") + "@example.com", "DE", "DE", "20.00");
		RiskAssessment high = assess(ApiClient.unique("risky") + "@example.com", "DE", "BR", "2000.00");
		assertThat(high.level()).isEqualTo(RiskLevel.MEDIUM); // 20 + 30
		fraud.block(store, BlockType.SHIPPING_COUNTRY, "BR", null);
		RiskAssessment blocked = assess(ApiClient.unique("blocked") + "@example.com", "DE", "BR", "30.00");

		AdminSession.Page queue = console.get("/admin/fraud");
		assertThat(queue.status()).isEqualTo(200);
		assertThat(queue.body()).contains("Risk review").contains("Country mismatch +20")
			.contains("High value, new customer +30").contains("Blocked country +100")
			.contains("title=\"Billing country DE differs from shipping country BR\"");
		String body = queue.body();
		assertThat(body.indexOf(blocked.reference())).as("HIGH first").isLessThan(body.indexOf(high.reference()));
		assertThat(body.indexOf(high.reference())).isLessThan(body.indexOf(low.reference()));
		assertThat(console.get("/admin/fraud?level=HIGH").body()).contains(blocked.reference()).doesNotContain(high.reference());

		AdminSession.Page detail = console.get("/admin/fraud/assessments/" + blocked.id());
		assertThat(detail.body()).contains("id=\"fraudulent-form\"").contains("id=\"approve-form\"")
			.contains("Shipping to BR is blocked").contains("198.51.100.23");
		Map<String, String> fraudulent = AdminSession.formFields(detail.body(), "fraudulent-form");
		assertThat(fraudulent).containsEntry("blockSignals", "true");
		fraudulent.put("note", "confirmed with the bank");
		AdminSession.Page reviewed = console.follow(console.post("/admin/fraud/assessments/" + blocked.id() + "/review", fraudulent));
		assertThat(reviewed.body()).contains("Marked as fraudulent; its email, IP and card are blocked.")
			.contains("id=\"review-outcome\"").contains("confirmed with the bank").doesNotContain("id=\"approve-form\"");
		assertThat(fraud.assessment(store, blocked.id()).review().decision()).isEqualTo(ReviewDecision.FRAUDULENT);
		assertThat(fraud.blocklist(store, BlockType.IP, null, 10).items()).extracting(b -> b.value()).containsExactly("198.51.100.23");

		AdminSession.Page twice = console.follow(console.post("/admin/fraud/assessments/" + blocked.id() + "/review",
				Map.of("decision", "APPROVED")));
		assertThat(twice.body()).contains("was already reviewed");
		assertThat(console.get("/admin/fraud").body()).as("awaiting review only").doesNotContain(blocked.reference());
		assertThat(console.get("/admin/fraud?show=all").body()).contains(blocked.reference());
		assertThat(fraud.assessments(store, new AssessmentListing(null, true, null), null, 10).items()).hasSize(2);
	}

	@Test
	void staffAddFilterAndRemoveBlocklistEntriesAndSeeWhatIsWrongWithAValue() {
		AdminSession.Page empty = console.get("/admin/fraud/blocklist");
		assertThat(empty.status()).isEqualTo(200);
		assertThat(empty.body()).contains("Nothing is blocked.").contains("id=\"block-form\"");

		assertThat(console.follow(console.post("/admin/fraud/blocklist", Map.of("type", "EMAIL", "value", "Bad@Example.com",
				"note", "chargebacks"))).body()).contains("Blocked.").contains("bad@example.com").contains("chargebacks");
		assertThat(console.post("/admin/fraud/blocklist", Map.of("type", "EMAIL_DOMAIN", "value", "spam.test")).status())
			.isEqualTo(302);
		AdminSession.Page invalid = console.post("/admin/fraud/blocklist", Map.of("type", "IP", "value", "somewhere"));
		assertThat(invalid.status()).isEqualTo(200);
		assertThat(invalid.body()).contains("enter an IP address such as 203.0.113.7").contains("value=\"somewhere\"");
		AdminSession.Page duplicate = console.post("/admin/fraud/blocklist", Map.of("type", "EMAIL", "value", "bad@example.com"));
		assertThat(duplicate.body()).contains("This email is already blocked");
		AdminSession.Page missing = console.post("/admin/fraud/blocklist", Map.of("type", "EMAIL", "value", ""));
		assertThat(missing.body()).contains("enter the value to block");

		AdminSession.Page domains = console.get("/admin/fraud/blocklist?type=EMAIL_DOMAIN");
		assertThat(domains.body()).contains("spam.test").doesNotContain("bad@example.com");
		UUID id = fraud.blocklist(store, BlockType.EMAIL, null, 10).items().get(0).id();
		assertThat(console.follow(console.post("/admin/fraud/blocklist/" + id + "/remove", Map.of())).body())
			.contains("Removed from the blocklist.").doesNotContain("bad@example.com");
		assertThat(fraud.blocklist(store, null, null, 10).items()).hasSize(1);
	}

	@Test
	void theSettingsScreenSavesWeightsAndThresholdsAndExplainsWhatIsWrong() {
		AdminSession.Page page = console.get("/admin/settings/fraud");
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("Fraud screening").contains("Threshold (EUR)");
		Map<String, String> form = AdminSession.formFields(page.body(), "fraud-settings");
		assertThat(form).containsEntry("windowMinutes", "60").containsEntry("highThreshold", "75")
			.containsEntry("highValueAmount", "500.00");

		form.put("windowMinutes", "15");
		form.put("countryMismatchPoints", "50");
		form.put("highValueAmount", "250");
		assertThat(console.follow(console.post("/admin/settings/fraud", form)).body()).contains("Fraud settings saved.");
		assertThat(fraud.settings(store).windowMinutes()).isEqualTo(15);
		assertThat(fraud.settings(store).highValueThreshold()).isEqualTo(Money.of("250.00", "EUR"));
		assertThat(assess(ApiClient.unique("s") + "@example.com", "DE", "AT", "10.00").level()).isEqualTo(RiskLevel.MEDIUM);

		form.put("mediumThreshold", "80");
		form.put("highThreshold", "70");
		AdminSession.Page inverted = console.post("/admin/settings/fraud", form);
		assertThat(inverted.status()).isEqualTo(200);
		assertThat(inverted.body()).contains("must be above the MEDIUM threshold (80)").contains("value=\"80\"");
		form.put("highThreshold", "ninety");
		assertThat(console.post("/admin/settings/fraud", form).body()).contains("enter a whole number");
		form.put("highThreshold", "90");
		form.put("windowMinutes", "0");
		assertThat(console.post("/admin/settings/fraud", form).body()).contains("Please correct the marked fields.")
			.contains("must be greater than or equal to 1");
		assertThat(fraud.settings(store).mediumThreshold()).as("nothing saved").isEqualTo(40);
	}

	@Test
	void theNavigationOffersTheFraudScreens() {
		assertThat(console.get("/admin").body()).contains("href=\"/admin/fraud\"").contains("href=\"/admin/fraud/blocklist\"")
			.contains("href=\"/admin/settings/fraud\"");
	}
}
