package dev.shopwright.fraud;

import static dev.shopwright.fraud.FraudTestSupport.address;
import static dev.shopwright.fraud.FraudTestSupport.newStore;
import static dev.shopwright.fraud.FraudTestSupport.quiet;
import static dev.shopwright.fraud.FraudTestSupport.withAddresses;
import static dev.shopwright.fraud.FraudTestSupport.withCard;
import static dev.shopwright.fraud.FraudTestSupport.withIp;
import static dev.shopwright.fraud.FraudTestSupport.withReference;
import static dev.shopwright.fraud.FraudTestSupport.withTotal;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.shopwright.fraud.domain.Assessments;
import dev.shopwright.fraud.events.RiskAssessed;
import dev.shopwright.shared.Money;
import dev.shopwright.shared.StoreId;
import dev.shopwright.stores.StoreManagement;
import dev.shopwright.testing.ApiClient;
import dev.shopwright.testing.ShopwrightTest;

/** Each rule fires when it should and only then, on the real database, with the store's own settings and blocklist. */
@ShopwrightTest
class RiskScreeningTests {

	@Autowired
	FraudManagement fraud;

	@Autowired
	StoreManagement stores;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	RecordedFraudEvents recorded;

	StoreId store;

	@BeforeEach
	void storeOfItsOwn() {
		store = newStore(stores, "EUR");
	}

	private static String email() {
		return ApiClient.unique("shopper") + "@example.com";
	}

	private static List<RiskRule> fired(RiskAssessment assessment) {
		return assessment.rules().stream().map(FiredRule::rule).toList();
	}

	@Test
	void aQuietOrderIsLowWithNoRuleFiredAndIsRecordedAndAnnounced() {
		RiskAssessment assessment = fraud.assess(store, quiet(email()));
		assertThat(assessment.score()).isZero();
		assertThat(assessment.level()).isEqualTo(RiskLevel.LOW);
		assertThat(assessment.rules()).isEmpty();
		assertThat(fraud.assessment(store, assessment.id())).isEqualTo(assessment);
		assertThat(recorded.all()).contains(new RiskAssessed(store, assessment.id(), assessment.reference(), 0, RiskLevel.LOW));
	}

	@Test
	void emailVelocityFiresFromTheFourthOrderWithinTheWindowAndIgnoresCaseAndRepeatsOfOneOrder() {
		String email = email();
		for (int i = 0; i < 3; i++) {
			RiskCheck check = quiet(i == 1 ? email.toUpperCase() : email);
			assertThat(fired(fraud.assess(store, check))).doesNotContain(RiskRule.EMAIL_VELOCITY);
			// checkout retrying the same order: counted once
			assertThat(fired(fraud.assess(store, check))).doesNotContain(RiskRule.EMAIL_VELOCITY);
		}
		assertThat(fired(fraud.assess(store, quiet(email())))).as("another email").isEmpty();
		RiskAssessment fourth = fraud.assess(store, quiet(email));
		assertThat(fourth.rules()).singleElement().satisfies(rule -> {
			assertThat(rule.rule()).isEqualTo(RiskRule.EMAIL_VELOCITY);
			assertThat(rule.points()).isEqualTo(25);
			assertThat(rule.reason()).isEqualTo("4 orders from this email in 60 minutes (more than 3)");
		});
		assertThat(fourth.score()).isEqualTo(25);
		assertThat(fourth.level()).isEqualTo(RiskLevel.LOW);

		// the earlier orders fall out of the window: the next one is the second within it
		jdbc.sql("update fraud.assessment set assessed_at = assessed_at - interval '61 minutes' where store_id = :store"
				+ " and id <> :id").param("store", store.value()).param("id", fourth.id().value()).update();
		assertThat(fired(fraud.assess(store, quiet(email)))).doesNotContain(RiskRule.EMAIL_VELOCITY);
	}

	@Test
	void ipVelocityCountsOrdersFromOneAddressWhateverTheEmail() {
		for (int i = 0; i < 5; i++) {
			assertThat(fired(fraud.assess(store, withIp(quiet(email()), "203.0.113.9")))).isEmpty();
		}
		assertThat(fired(fraud.assess(store, withIp(quiet(email()), "203.0.113.10")))).as("another IP").isEmpty();
		RiskAssessment sixth = fraud.assess(store, withIp(quiet(email()), "203.0.113.9"));
		assertThat(fired(sixth)).containsExactly(RiskRule.IP_VELOCITY);
		assertThat(sixth.score()).isEqualTo(20);
		assertThat(sixth.rules().get(0).reason()).contains("6 orders from IP address 203.0.113.9");
	}

	@Test
	void aBusyAddressIsCountedFromItsNewestAssessmentsAndSaysSo() {
		String busy = "203.0.113.77";
		for (int i = 0; i < Assessments.RECENT_ROWS + 20; i++) {
			fraud.assess(store, withIp(quiet(email()), busy));
		}
		RiskAssessment next = fraud.assess(store, withIp(quiet(email()), busy));
		assertThat(fired(next)).containsExactly(RiskRule.IP_VELOCITY);
		assertThat(next.rules().get(0).reason()).as("counted among the newest %d only", Assessments.RECENT_ROWS)
			.isEqualTo("At least %d orders from IP address %s in 60 minutes (more than 5)", Assessments.RECENT_ROWS + 1, busy);
	}

	@Test
	void oneOrderRetriedPastTheNewestRowsDoesNotHideTheOrdersBeforeIt() {
		String ip = "203.0.113.78";
		for (int i = 0; i < 5; i++) {
			fraud.assess(store, withIp(quiet(email()), ip));
		}
		RiskCheck retried = withIp(quiet(email()), ip);
		for (int i = 0; i < Assessments.RECENT_ROWS; i++) {
			fraud.assess(store, retried);
		}
		// the newest rows are all one order: too few to decide, so the whole window is counted
		RiskAssessment next = fraud.assess(store, withIp(quiet(email()), ip));
		assertThat(fired(next)).containsExactly(RiskRule.IP_VELOCITY);
		assertThat(next.rules().get(0).reason()).isEqualTo("7 orders from IP address %s in 60 minutes (more than 5)", ip);
	}

	@Test
	void cardVelocityCountsOrdersWithOneCardWhateverTheEmail() {
		String card = fraud.cardFingerprint("4242 4242 4242 4242");
		String other = fraud.cardFingerprint("4000 0000 0000 0002");
		for (int i = 0; i < 3; i++) {
			assertThat(fired(fraud.assess(store, withCard(quiet(email()), card)))).isEmpty();
		}
		assertThat(fired(fraud.assess(store, withCard(quiet(email()), other)))).isEmpty();
		RiskAssessment fourth = fraud.assess(store, withCard(quiet(email()), card));
		assertThat(fired(fourth)).containsExactly(RiskRule.CARD_VELOCITY);
		assertThat(fourth.score()).isEqualTo(30);
	}

	@Test
	void concurrentAssessmentsOfOneEmailEachCountTheOthers() throws Exception {
		String email = email();
		int shoppers = 8;
		ExecutorService pool = Executors.newFixedThreadPool(shoppers);
		CountDownLatch start = new CountDownLatch(1);
		List<Future<RiskAssessment>> results = new ArrayList<>();
		for (int i = 0; i < shoppers; i++) {
			results.add(pool.submit(() -> {
				start.await();
				return fraud.assess(store, quiet(email));
			}));
		}
		start.countDown();
		List<String> reasons = new ArrayList<>();
		for (Future<RiskAssessment> result : results) {
			result.get().rules().forEach(rule -> reasons.add(rule.reason()));
		}
		pool.shutdown();
		// every order saw all those committed before it: counts 1..8, so exactly the 4th to the 8th fire
		assertThat(reasons).containsExactlyInAnyOrder(
				"4 orders from this email in 60 minutes (more than 3)", "5 orders from this email in 60 minutes (more than 3)",
				"6 orders from this email in 60 minutes (more than 3)", "7 orders from this email in 60 minutes (more than 3)",
				"8 orders from this email in 60 minutes (more than 3)");
	}

	@Test
	void differentBillingAndShippingCountriesOrPostcodesAddTheirPoints() {
		RiskAssessment countries = fraud.assess(store, withAddresses(quiet(email()), address("DE", "10115"), address("NG", "100001")));
		assertThat(fired(countries)).containsExactly(RiskRule.COUNTRY_MISMATCH);
		assertThat(countries.score()).isEqualTo(20);
		assertThat(countries.rules().get(0).reason()).isEqualTo("Billing country DE differs from shipping country NG");

		RiskAssessment postcodes = fraud.assess(store, withAddresses(quiet(email()), address("GB", "SW1A 1AA"), address("GB", "M1 1AE")));
		assertThat(fired(postcodes)).containsExactly(RiskRule.POSTCODE_MISMATCH);
		assertThat(postcodes.score()).isEqualTo(10);

		assertThat(fired(fraud.assess(store, withAddresses(quiet(email()), address("GB", "sw1a1aa"), address("GB", "SW1A 1AA")))))
			.as("one postcode written two ways").isEmpty();
		assertThat(fired(fraud.assess(store, withAddresses(quiet(email()), address("DE", "10115"), null))))
			.as("no shipping address, nothing to compare").isEmpty();
	}

	@Test
	void aHighValueOrderOfANewCustomerAddsPointsFromTheThresholdOn() {
		RiskAssessment atThreshold = fraud.assess(store, withTotal(quiet(email()), Money.of("500.00", "EUR"), true));
		assertThat(fired(atThreshold)).containsExactly(RiskRule.HIGH_VALUE_NEW_CUSTOMER);
		assertThat(atThreshold.score()).isEqualTo(30);
		assertThat(atThreshold.rules().get(0).reason()).isEqualTo("A new customer's order of 500.00 EUR (threshold 500.00 EUR)");
		assertThat(fired(fraud.assess(store, withTotal(quiet(email()), Money.of("499.99", "EUR"), true)))).isEmpty();
		assertThat(fired(fraud.assess(store, withTotal(quiet(email()), Money.of("5000.00", "EUR"), false))))
			.as("a returning customer").isEmpty();
		// another currency is compared as given, not converted
		assertThat(fired(fraud.assess(store, withTotal(quiet(email()), Money.of("600.00", "USD"), true))))
			.containsExactly(RiskRule.HIGH_VALUE_NEW_CUSTOMER);
	}

	@Test
	void rulesAddUpAndTheStoresThresholdsAndWeightsDecideTheLevel() {
		RiskCheck risky = withTotal(withAddresses(quiet(email()), address("DE", "10115"), address("FR", "75001")),
				Money.of("900.00", "EUR"), true);
		RiskAssessment defaults = fraud.assess(store, risky);
		assertThat(defaults.score()).isEqualTo(50);
		assertThat(defaults.level()).isEqualTo(RiskLevel.MEDIUM);

		FraudSettings tuned = new FraudSettings(60, 3, 25, 5, 20, 3, 30, 35, 10, Money.of("1000.00", "EUR"), 45, 30, 40);
		fraud.updateSettings(store, tuned);
		assertThat(fraud.settings(store)).isEqualTo(tuned);
		RiskAssessment belowNewThreshold = fraud.assess(store, withReference(risky, ApiClient.unique("order")));
		assertThat(fired(belowNewThreshold)).containsExactly(RiskRule.COUNTRY_MISMATCH);
		assertThat(belowNewThreshold.score()).isEqualTo(35);
		assertThat(belowNewThreshold.level()).isEqualTo(RiskLevel.MEDIUM);
		RiskAssessment both = fraud.assess(store, withTotal(withReference(risky, ApiClient.unique("order")),
				Money.of("1000.00", "EUR"), true));
		assertThat(both.score()).as("35 + 45, capped").isEqualTo(80);
		assertThat(both.level()).isEqualTo(RiskLevel.HIGH);

		// a rule weighed at 0 is off
		fraud.updateSettings(store, new FraudSettings(60, 3, 25, 5, 20, 3, 30, 0, 10, Money.of("1000.00", "EUR"), 45, 30, 40));
		RiskCheck sameAgain = withTotal(withAddresses(quiet(email()), address("DE", "10115"), address("FR", "75001")),
				Money.of("900.00", "EUR"), true);
		assertThat(fraud.assess(store, sameAgain).rules()).isEmpty();
	}

	@Test
	void aBlockedEmailMatchesWhateverItsCaseAndMakesTheOrderHigh() {
		String email = email();
		fraud.block(store, BlockType.EMAIL, email.toUpperCase(), "chargeback");
		RiskAssessment blocked = fraud.assess(store, quiet(email));
		assertThat(blocked.score()).isEqualTo(100);
		assertThat(blocked.level()).isEqualTo(RiskLevel.HIGH);
		assertThat(fired(blocked)).containsExactly(RiskRule.BLOCKED_EMAIL);
		assertThat(fraud.assess(store, quiet(email.replace("@", "x@"))).level()).isEqualTo(RiskLevel.LOW);
	}

	@Test
	void aBlockedDomainMatchesItselfAndItsSubdomainsOnly() {
		String domain = ApiClient.unique("evil") + ".test";
		fraud.block(store, BlockType.EMAIL_DOMAIN, "@" + domain.toUpperCase(), null);
		assertThat(fired(fraud.assess(store, quiet("someone@" + domain)))).containsExactly(RiskRule.BLOCKED_EMAIL_DOMAIN);
		assertThat(fired(fraud.assess(store, quiet("Someone@Mail." + domain)))).containsExactly(RiskRule.BLOCKED_EMAIL_DOMAIN);
		assertThat(fired(fraud.assess(store, quiet("someone@not" + domain)))).isEmpty();
		assertThat(fired(fraud.assess(store, quiet("someone@" + domain + ".example")))).isEmpty();
	}

	@Test
	void blockedIpsRangesCardsAndShippingCountriesMakeTheOrderHigh() {
		fraud.block(store, BlockType.IP, "198.51.100.7", null);
		fraud.block(store, BlockType.IP, "192.0.2.0/24", null);
		fraud.block(store, BlockType.IP, "2001:db8::/32", null);
		assertThat(fired(fraud.assess(store, withIp(quiet(email()), "198.51.100.7")))).containsExactly(RiskRule.BLOCKED_IP);
		assertThat(fired(fraud.assess(store, withIp(quiet(email()), "198.51.100.8")))).isEmpty();
		assertThat(fired(fraud.assess(store, withIp(quiet(email()), "192.0.2.200")))).containsExactly(RiskRule.BLOCKED_IP);
		assertThat(fired(fraud.assess(store, withIp(quiet(email()), "2001:db8:0:1::5")))).containsExactly(RiskRule.BLOCKED_IP);
		assertThat(fired(fraud.assess(store, withIp(quiet(email()), "not-an-ip")))).as("unparseable IP").isEmpty();

		fraud.block(store, BlockType.CARD_FINGERPRINT, "4000-0000-0000-9995", null); // a number is fingerprinted
		assertThat(fired(fraud.assess(store, withCard(quiet(email()), fraud.cardFingerprint("4000000000009995")))))
			.containsExactly(RiskRule.BLOCKED_CARD);
		assertThat(fired(fraud.assess(store, withCard(quiet(email()), fraud.cardFingerprint("4242424242424242"))))).isEmpty();

		fraud.block(store, BlockType.SHIPPING_COUNTRY, "kp", null);
		RiskAssessment country = fraud.assess(store, withAddresses(quiet(email()), address("KP", null), address("KP", null)));
		assertThat(fired(country)).containsExactly(RiskRule.BLOCKED_SHIPPING_COUNTRY);
		assertThat(country.level()).isEqualTo(RiskLevel.HIGH);
	}

	@Test
	void oneStoresBlocklistAndHistoryNeverAffectAnother() {
		StoreId other = newStore(stores, "USD");
		String email = email();
		fraud.block(store, BlockType.EMAIL, email, null);
		fraud.block(store, BlockType.SHIPPING_COUNTRY, "DE", null);
		for (int i = 0; i < 5; i++) {
			assertThat(fraud.assess(store, quiet(email)).level()).isEqualTo(RiskLevel.HIGH);
		}
		RiskAssessment elsewhere = fraud.assess(other, quiet(email));
		assertThat(elsewhere.rules()).as("neither the blocklist nor the velocity of the first store").isEmpty();
		assertThat(fraud.assessments(other, AssessmentListing.all(), null, 50).items()).containsExactly(elsewhere);
		assertThat(fraud.blocklist(other, null, null, 50).items()).isEmpty();
		assertThat(fraud.settings(other).highValueThreshold()).isEqualTo(Money.of("500.00", "USD"));
	}
}
