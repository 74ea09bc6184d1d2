package dev.shopwright.fraud;

import static dev.shopwright.fraud.FraudTestSupport.address;
import static dev.shopwright.fraud.FraudTestSupport.quiet;
import static dev.shopwright.fraud.FraudTestSupport.withAddresses;
import static dev.shopwright.fraud.FraudTestSupport.withCard;
import static dev.shopwright.fraud.FraudTestSupport.withIp;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.shopwright.fraud.events.RiskReviewed;
import dev.shopwright.shared.StoreId;
import dev.shopwright.testing.ApiClient;
import dev.shopwright.testing.ShopwrightTest;
import tools.jackson.databind.JsonNode;

/** The Admin API of fraud screening: settings, blocklist, assessments and review, validation, permissions, stores. */
@ShopwrightTest
class FraudApiTests {

	@LocalServerPort
	int port;

	@Autowired
	FraudManagement fraud;

	@Autowired
	RecordedFraudEvents recorded;

	ApiClient owner;

	ApiClient api;

	StoreId store;

	String handle;

	@BeforeEach
	void storeOfItsOwn() {
		owner = ApiClient.at(port).loggedIn(ShopwrightTest.OWNER_EMAIL, ShopwrightTest.OWNER_PASSWORD);
		handle = ApiClient.unique("fraudapi");
		store = StoreId.of(owner.post("/api/admin/v1/stores", Map.of("name", "Fraud " + handle, "handle", handle,
				"defaultCurrency", "EUR")).json().get("id").asString());
		api = owner.store(handle);
	}

	private static Map<String, Object> settingsBody(int medium, int high, String amount, String currency) {
		Map<String, Object> body = new HashMap<>();
		body.put("windowMinutes", 30);
		body.put("emailVelocityLimit", 2);
		body.put("emailVelocityPoints", 40);
		body.put("ipVelocityLimit", 4);
		body.put("ipVelocityPoints", 15);
		body.put("cardVelocityLimit", 2);
		body.put("cardVelocityPoints", 35);
		body.put("countryMismatchPoints", 25);
		body.put("postcodeMismatchPoints", 5);
		body.put("highValueThreshold", Map.of("amount", amount, "currency", currency));
		body.put("highValuePoints", 30);
		body.put("mediumThreshold", medium);
		body.put("highThreshold", high);
		return body;
	}

	@Test
	void settingsStartAtTheDefaultsAndAreReplacedOnlyWhenConsistent() {
		JsonNode defaults = api.get("/api/admin/v1/fraud/settings").json();
		assertThat(defaults.get("windowMinutes").asInt()).isEqualTo(60);
		assertThat(defaults.get("mediumThreshold").asInt()).isEqualTo(40);
		assertThat(defaults.get("highThreshold").asInt()).isEqualTo(75);
		assertThat(defaults.get("highValueThreshold").get("amount").asString()).isEqualTo("500.00");
		assertThat(defaults.get("highValueThreshold").get("currency").asString()).isEqualTo("EUR");

		ApiClient.Response saved = api.put("/api/admin/v1/fraud/settings", settingsBody(30, 60, "250.00", "EUR"));
		assertThat(saved.status()).as(saved.body()).isEqualTo(200);
		assertThat(api.get("/api/admin/v1/fraud/settings").json().get("emailVelocityLimit").asInt()).isEqualTo(2);
		assertThat(fraud.settings(store).highThreshold()).isEqualTo(60);

		ApiClient.Response inverted = api.put("/api/admin/v1/fraud/settings", settingsBody(60, 60, "250.00", "USD"));
		assertThat(inverted.status()).isEqualTo(422);
		assertThat(inverted.contentType()).startsWith("application/problem+json");
		assertThat(inverted.json().get("code").asString()).isEqualTo("INVALID_FRAUD_SETTINGS");
		assertThat(inverted.json().get("errors").findValuesAsString("field")).contains("highThreshold", "highValueThreshold");

		Map<String, Object> outOfRange = settingsBody(30, 60, "250.00", "EUR");
		outOfRange.put("windowMinutes", 0);
		outOfRange.put("emailVelocityPoints", 101);
		ApiClient.Response invalid = api.put("/api/admin/v1/fraud/settings", outOfRange);
		assertThat(invalid.status()).isEqualTo(400);
		assertThat(invalid.json().get("errors").findValuesAsString("field")).contains("windowMinutes", "emailVelocityPoints");
		assertThat(api.sendRaw("PUT", "/api/admin/v1/fraud/settings", "application/json", "{\"windowMinutes\": \"lots\"}")
			.status()).isEqualTo(400);
		assertThat(fraud.settings(store).highThreshold()).as("nothing half-written").isEqualTo(60);
	}

	@Test
	void theBlocklistIsCreatedListedPagedFilteredAndDeleted() {
		List<String> ids = new ArrayList<>();
		for (String email : List.of("a@x.test", "b@x.test", "c@x.test")) {
			ApiClient.Response created = api.post("/api/admin/v1/fraud/blocklist", Map.of("type", "EMAIL", "value", email));
			assertThat(created.status()).as(created.body()).isEqualTo(201);
			assertThat(created.header("location")).endsWith(created.json().get("id").asString());
			ids.add(created.json().get("id").asString());
		}
		ApiClient.Response range = api.post("/api/admin/v1/fraud/blocklist", Map.of("type", "IP", "value", "192.0.2.77/24",
				"note", "bot network"));
		assertThat(range.json().get("value").asString()).as("kept as its network").isEqualTo("192.0.2.0/24");
		assertThat(range.json().get("note").asString()).isEqualTo("bot network");
		ApiClient.Response card = api.post("/api/admin/v1/fraud/blocklist", Map.of("type", "CARD_FINGERPRINT",
				"value", "4242 4242 4242 4242"));
		assertThat(card.status()).isEqualTo(201);
		assertThat(card.body()).doesNotContain("4242424242424242").doesNotContain("4242 4242");
		assertThat(card.json().get("value").asString()).isEqualTo(fraud.cardFingerprint("4242424242424242"));

		List<String> seen = new ArrayList<>();
		String cursor = null;
		do {
			JsonNode page = api.get("/api/admin/v1/fraud/blocklist?limit=2" + (cursor == null ? "" : "&cursor=" + cursor)).json();
			assertThat(page.get("items").size()).isLessThanOrEqualTo(2);
			page.get("items").forEach(item -> seen.add(item.get("value").asString()));
			cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asString();
		}
		while (cursor != null);
		assertThat(seen).hasSize(5).doesNotHaveDuplicates().contains("a@x.test", "192.0.2.0/24");
		JsonNode emails = api.get("/api/admin/v1/fraud/blocklist?type=EMAIL").json().get("items");
		assertThat(emails.findValuesAsString("value")).containsExactlyInAnyOrder("a@x.test", "b@x.test", "c@x.test");

		ApiClient.Response duplicate = api.post("/api/admin/v1/fraud/blocklist", Map.of("type", "EMAIL", "value", "A@X.test"));
		assertThat(duplicate.status()).isEqualTo(409);
		assertThat(duplicate.json().get("code").asString()).isEqualTo("ALREADY_BLOCKED");
		ApiClient.Response badIp = api.post("/api/admin/v1/fraud/blocklist", Map.of("type", "IP", "value", "example.com"));
		assertThat(badIp.status()).isEqualTo(422);
		assertThat(badIp.json().get("code").asString()).isEqualTo("INVALID_BLOCKED_VALUE");
		assertThat(badIp.json().get("errors").findValuesAsString("field")).containsExactly("value");
		ApiClient.Response noType = api.post("/api/admin/v1/fraud/blocklist", Map.of("value", "x@y.test"));
		assertThat(noType.status()).isEqualTo(400);
		assertThat(noType.json().get("errors").findValuesAsString("field")).contains("type");
		assertThat(api.post("/api/admin/v1/fraud/blocklist", Map.of("type", "SHIPPING_COUNTRY", "value", "Germany")).status())
			.isEqualTo(422);
		assertThat(api.get("/api/admin/v1/fraud/blocklist?cursor=garbage").status()).isEqualTo(400);

		assertThat(api.get("/api/admin/v1/fraud/blocklist/" + ids.get(0)).json().get("value").asString()).isEqualTo("a@x.test");
		assertThat(api.delete("/api/admin/v1/fraud/blocklist/" + ids.get(0)).status()).isEqualTo(204);
		assertThat(api.get("/api/admin/v1/fraud/blocklist/" + ids.get(0)).status()).isEqualTo(404);
		assertThat(api.delete("/api/admin/v1/fraud/blocklist/" + ids.get(0)).status()).isEqualTo(404);
	}

	@Test
	void assessmentsAreListedHighFirstAndAFraudulentReviewBlocksTheirSignalsOnce() {
		String card = fraud.cardFingerprint("4000000000000002");
		RiskAssessment low = fraud.assess(store, quiet(ApiClient.unique("low") + "@example.com"));
		RiskAssessment medium = fraud.assess(store, withAddresses(quiet(ApiClient.unique("mid") + "@example.com"),
				address("DE", "1"), address("US", "2")));
		fraud.block(store, BlockType.SHIPPING_COUNTRY, "KP", null);
		RiskAssessment high = fraud.assess(store, withCard(withIp(withAddresses(quiet("Fraudster@Example.com"),
				address("KP", null), address("KP", null)), "203.0.113.66"), card));
		assertThat(medium.level()).isEqualTo(RiskLevel.LOW); // 20 points: under MEDIUM by default

		JsonNode list = api.get("/api/admin/v1/fraud/assessments").json().get("items");
		assertThat(list.findValuesAsString("reference")).containsExactly(high.reference(), medium.reference(), low.reference());
		assertThat(list.get(0).get("level").asString()).isEqualTo("HIGH");
		assertThat(list.get(0).get("rules").get(0).get("rule").asString()).isEqualTo("BLOCKED_SHIPPING_COUNTRY");
		assertThat(list.get(0).get("rules").get(0).get("reason").asString()).isEqualTo("Shipping to KP is blocked");
		assertThat(list.get(0).get("rules").get(0).get("points").asInt()).isEqualTo(100);
		assertThat(api.get("/api/admin/v1/fraud/assessments?level=HIGH").json().get("items").findValuesAsString("reference"))
			.containsExactly(high.reference());
		assertThat(api.get("/api/admin/v1/fraud/assessments?reference=" + low.reference()).json().get("items").size()).isEqualTo(1);
		JsonNode firstPage = api.get("/api/admin/v1/fraud/assessments?limit=2").json();
		JsonNode secondPage = api.get("/api/admin/v1/fraud/assessments?limit=2&cursor=" + firstPage.get("nextCursor").asString()).json();
		assertThat(secondPage.get("items").findValuesAsString("reference")).containsExactly(low.reference());
		assertThat(secondPage.get("nextCursor").isNull()).isTrue();

		JsonNode one = api.get("/api/admin/v1/fraud/assessments/" + high.id()).json();
		assertThat(one.get("email").asString()).isEqualTo("fraudster@example.com");
		assertThat(one.get("score").asInt()).isEqualTo(100);
		assertThat(one.get("review").isNull()).isTrue();

		ApiClient.Response approveAndBlock = api.post("/api/admin/v1/fraud/assessments/" + high.id() + "/review",
				Map.of("decision", "APPROVED", "blockSignals", true));
		assertThat(approveAndBlock.status()).isEqualTo(422);
		assertThat(approveAndBlock.json().get("code").asString()).isEqualTo("BLOCK_REQUIRES_FRAUDULENT");
		assertThat(api.post("/api/admin/v1/fraud/assessments/" + high.id() + "/review", Map.of("decision", "MAYBE")).status())
			.isEqualTo(400);

		ApiClient.Response reviewed = api.post("/api/admin/v1/fraud/assessments/" + high.id() + "/review",
				Map.of("decision", "FRAUDULENT", "blockSignals", true, "note", "stolen card"));
		assertThat(reviewed.status()).as(reviewed.body()).isEqualTo(200);
		assertThat(reviewed.json().get("review").get("decision").asString()).isEqualTo("FRAUDULENT");
		assertThat(reviewed.json().get("review").get("reviewedBy").asString()).isEqualTo(ShopwrightTest.OWNER_EMAIL);
		assertThat(reviewed.json().get("review").get("note").asString()).isEqualTo("stolen card");
		JsonNode blocked = api.get("/api/admin/v1/fraud/blocklist").json().get("items");
		assertThat(blocked.findValuesAsString("value")).contains("fraudster@example.com", "203.0.113.66", card, "KP");
		assertThat(recorded.all()).contains(new RiskReviewed(store, high.id(), high.reference(), ReviewDecision.FRAUDULENT));

		ApiClient.Response again = api.post("/api/admin/v1/fraud/assessments/" + high.id() + "/review",
				Map.of("decision", "APPROVED"));
		assertThat(again.status()).isEqualTo(409);
		assertThat(again.json().get("code").asString()).isEqualTo("ALREADY_REVIEWED");
		assertThat(api.get("/api/admin/v1/fraud/assessments?unreviewed=true").json().get("items").findValuesAsString("reference"))
			.containsExactly(medium.reference(), low.reference());

		// the blocked signals now catch the next order with that card, even from another email and address
		RiskAssessment next = fraud.assess(store, withCard(quiet(ApiClient.unique("new") + "@example.com"), card));
		assertThat(next.level()).isEqualTo(RiskLevel.HIGH);
		assertThat(next.rules()).extracting(FiredRule::rule).contains(RiskRule.BLOCKED_CARD);
	}

	@Test
	void anotherStoresStaffCannotReadOrChangeThisStoresScreening() {
		RiskAssessment assessment = fraud.assess(store, quiet(ApiClient.unique("iso") + "@example.com"));
		String entry = api.post("/api/admin/v1/fraud/blocklist", Map.of("type", "EMAIL", "value", "iso@x.test"))
			.json().get("id").asString();
		String otherHandle = ApiClient.unique("fraudother");
		owner.post("/api/admin/v1/stores", Map.of("name", "Other " + otherHandle, "handle", otherHandle, "defaultCurrency", "EUR"));
		ApiClient other = owner.store(otherHandle);
		// a token of the other store (its own staff) reaches only that store
		String secret = other.post("/api/admin/v1/api-tokens", Map.of("name", "other admin", "role", "ADMIN"))
			.json().get("secret").asString();
		ApiClient otherStaff = ApiClient.at(port).bearer(secret);

		assertThat(otherStaff.get("/api/admin/v1/fraud/assessments/" + assessment.id()).status()).isEqualTo(404);
		assertThat(otherStaff.get("/api/admin/v1/fraud/assessments").json().get("items").size()).isZero();
		assertThat(otherStaff.post("/api/admin/v1/fraud/assessments/" + assessment.id() + "/review",
				Map.of("decision", "FRAUDULENT")).status()).isEqualTo(404);
		assertThat(otherStaff.get("/api/admin/v1/fraud/blocklist/" + entry).status()).isEqualTo(404);
		assertThat(otherStaff.delete("/api/admin/v1/fraud/blocklist/" + entry).status()).isEqualTo(404);
		assertThat(otherStaff.get("/api/admin/v1/fraud/blocklist").json().get("items").size()).isZero();
		assertThat(otherStaff.get("/api/admin/v1/fraud/assessments").status()).isEqualTo(200);
		assertThat(otherStaff.with("X-Store", handle).get("/api/admin/v1/fraud/assessments").status()).isEqualTo(403);
		assertThat(api.get("/api/admin/v1/fraud/blocklist/" + entry).status()).isEqualTo(200);
		assertThat(fraud.assessment(store, assessment.id()).review()).isNull();
	}

	@Test
	void readingNeedsOrdersReadReviewingOrdersWriteAndSettingsSettingsManage() {
		RiskAssessment assessment = fraud.assess(store, quiet(ApiClient.unique("perm") + "@example.com"));
		ApiClient analyst = ApiClient.at(port).bearer(api.post("/api/admin/v1/api-tokens",
				Map.of("name", "analyst", "role", "ANALYST")).json().get("secret").asString());
		ApiClient support = ApiClient.at(port).bearer(api.post("/api/admin/v1/api-tokens",
				Map.of("name", "support", "role", "SUPPORT")).json().get("secret").asString());
		ApiClient catalog = ApiClient.at(port).bearer(api.post("/api/admin/v1/api-tokens",
				Map.of("name", "catalog", "role", "CATALOG")).json().get("secret").asString());

		assertThat(catalog.get("/api/admin/v1/fraud/assessments").status()).isEqualTo(403);
		assertThat(analyst.get("/api/admin/v1/fraud/assessments").status()).isEqualTo(200);
		assertThat(analyst.get("/api/admin/v1/fraud/blocklist").status()).isEqualTo(200);
		ApiClient.Response refused = analyst.post("/api/admin/v1/fraud/assessments/" + assessment.id() + "/review",
				Map.of("decision", "APPROVED"));
		assertThat(refused.status()).isEqualTo(403);
		assertThat(refused.contentType()).startsWith("application/problem+json");
		assertThat(analyst.post("/api/admin/v1/fraud/blocklist", Map.of("type", "EMAIL", "value", "p@x.test")).status())
			.isEqualTo(403);
		assertThat(support.get("/api/admin/v1/fraud/settings").status()).isEqualTo(403);
		assertThat(support.post("/api/admin/v1/fraud/assessments/" + assessment.id() + "/review",
				Map.of("decision", "APPROVED")).status()).isEqualTo(200);
		assertThat(fraud.assessment(store, assessment.id()).review().reviewedBy()).isEqualTo("API token support");
	}
}
