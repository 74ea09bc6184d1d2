package dev.shopwright.payments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.shopwright.payments.PaymentTransaction.Kind;
import dev.shopwright.payments.PaymentTransaction.Status;
import dev.shopwright.payments.domain.PaymentIntents;
import dev.shopwright.payments.events.DisputeOpened;
import dev.shopwright.payments.events.PaymentAuthorized;
import dev.shopwright.payments.events.PaymentCaptured;
import dev.shopwright.payments.events.PaymentFailed;
import dev.shopwright.payments.gateway.GatewayAuthorization;
import dev.shopwright.payments.sandbox.SandboxGateway;
import dev.shopwright.payments.sandbox.SandboxWebhooks;
import dev.shopwright.shared.Money;
import dev.shopwright.testing.ApiClient;
import dev.shopwright.testing.ShopwrightTest;
import tools.jackson.databind.JsonNode;

/** 3-D Secure through the real page, idempotent retries, webhooks, disputes and the reconciler, on the real database. */
@ShopwrightTest
class PaymentStepsTests {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

	@LocalServerPort
	int port;

	@Autowired
	PaymentManagement facade;

	@Autowired
	SandboxGateway sandbox;

	@Autowired
	PaymentIntents intents;

	@Autowired
	PendingPaymentReconciler reconciler;

	@Autowired
	RecordedPaymentEvents events;

	PaymentTestSupport payments;

	@BeforeEach
	void freshStore() {
		payments = new PaymentTestSupport(port);
	}

	private static CardInput card(String number) {
		return new CardInput(number, 12, YearMonth.now().getYear() + 2, "123");
	}

	private StartPayment command(String number, String amount, String key) {
		return new StartPayment("order-" + key, Money.of(amount, "EUR"), PaymentMethod.CARD, card(number), null,
				"/checkout/return?cart=c1", key);
	}

	// 3-D Secure

	@Test
	void aThreeDSecureCardWaitsForTheShopperWhoPassesOnTheRealPage() throws Exception {
		ApiClient.Response started = payments.pay("4000000000003220", "60.00", "/checkout/return?cart=c1");
		JsonNode payment = started.json();
		assertThat(payment.get("status").asString()).isEqualTo("REQUIRES_ACTION");
		String challenge = payment.get("nextActionUrl").asString();
		assertThat(challenge).startsWith("/payments/sandbox/3ds/");
		assertThat(payment.get("transactions").get(0).get("status").asString()).isEqualTo("REQUIRES_ACTION");

		HttpResponse<String> answered = answerChallenge(challenge, "pass");
		assertThat(answered.statusCode()).isEqualTo(302);
		assertThat(answered.headers().firstValue("location").orElseThrow())
			.endsWith("/checkout/return?cart=c1&redirect_status=succeeded");

		JsonNode after = payments.get(payment.get("id").asString());
		assertThat(after.get("status").asString()).isEqualTo("CAPTURED");
		assertThat(after.get("nextActionUrl").isNull()).isTrue();
		assertThat(PaymentTestSupport.kinds(after)).containsExactly("AUTHORIZE", "CAPTURE");

		// the challenge is over: the page shows the result and offers no form to answer again
		HttpResponse<String> over = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
				URI.create("http://localhost:" + port + challenge)).build(), HttpResponse.BodyHandlers.ofString());
		assertThat(over.body()).contains("challenge-result").doesNotContain("challenge-form");
		assertThat(payments.get(payment.get("id").asString()).get("status").asString()).isEqualTo("CAPTURED");
	}

	@Test
	void aFailedThreeDSecureChallengeFailsThePayment() throws Exception {
		JsonNode payment = payments.pay("4000 0000 0000 3220", "15.00", "/checkout/return").json();
		HttpResponse<String> answered = answerChallenge(payment.get("nextActionUrl").asString(), "fail");
		assertThat(answered.headers().firstValue("location").orElseThrow()).endsWith("/checkout/return?redirect_status=failed");
		JsonNode after = payments.get(payment.get("id").asString());
		assertThat(after.get("status").asString()).isEqualTo("FAILED");
		assertThat(after.get("failureCode").asString()).isEqualTo("authentication_failed");
		assertThat(payments.act(after.get("id").asString(), "capture", null).status()).isEqualTo(409);
	}

	private HttpResponse<String> answerChallenge(String path, String result) throws IOException, InterruptedException {
		HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
			.followRedirects(HttpClient.Redirect.NEVER).build();
		URI page = URI.create("http://localhost:" + port + path);
		HttpResponse<String> form = browser.send(HttpRequest.newBuilder(page).header("X-Store", payments.handle).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(form.statusCode()).isEqualTo(200);
		assertThat(form.body()).contains("3-D Secure");
		Matcher csrf = CSRF.matcher(form.body());
		assertThat(csrf.find()).as(form.body()).isTrue();
		String body = "result=" + result + "&_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
		HttpResponse<String> answer = browser.send(HttpRequest.newBuilder(page)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
		assertThat(answer.statusCode()).as("%s\n%s\n%s", form.headers().map(), form.body(), answer.body()).isEqualTo(302);
		return answer;
	}

	// idempotency

	@Test
	void retryingEachStepWithTheSameKeyMovesMoneyOnce() {
		payments.settings(true, false, false, "ON_FULFILMENT");
		String key = UUID.randomUUID().toString();
		PaymentIntent first = facade.start(payments.store, command("4242424242424242", "80.00", key));
		PaymentIntent again = facade.start(payments.store, command("4242424242424242", "80.00", key));
		assertThat(again.id()).isEqualTo(first.id());
		assertThat(again.transactions()).hasSize(1);
		assertThat(sandbox.succeededOperations(payments.store, first.gatewayReference(), "AUTHORIZE")).isEqualTo(1);
		assertThatThrownBy(() -> facade.start(payments.store, command("4242424242424242", "81.00", key)))
			.isInstanceOf(PaymentRefused.class).hasFieldOrPropertyWithValue("code", "IDEMPOTENCY_KEY_REUSED");

		facade.capture(payments.store, first.id(), Money.of("50.00", "EUR"), "cap-1");
		PaymentIntent captured = facade.capture(payments.store, first.id(), Money.of("50.00", "EUR"), "cap-1");
		assertThat(captured.captured()).isEqualTo(Money.of("50.00", "EUR"));
		assertThat(sandbox.succeededOperations(payments.store, first.gatewayReference(), "CAPTURE")).isEqualTo(1);

		facade.refund(payments.store, first.id(), Money.of("20.00", "EUR"), "ref-1");
		PaymentIntent refunded = facade.refund(payments.store, first.id(), Money.of("20.00", "EUR"), "ref-1");
		assertThat(refunded.refunded()).isEqualTo(Money.of("20.00", "EUR"));
		assertThat(sandbox.succeededOperations(payments.store, first.gatewayReference(), "REFUND")).isEqualTo(1);
		assertThat(refunded.transactions()).extracting(PaymentTransaction::kind)
			.containsExactly(Kind.AUTHORIZE, Kind.CAPTURE, Kind.REFUND);

		// through the API: the same Idempotency-Key replays the first answer
		String id = first.id().toString();
		ApiClient keyed = payments.api.with("Idempotency-Key", "api-refund-1");
		ApiClient.Response one = keyed.post("/api/admin/v1/payments/" + id + "/refund", Map.of("amount", PaymentTestSupport.money("5.00")));
		ApiClient.Response two = keyed.post("/api/admin/v1/payments/" + id + "/refund", Map.of("amount", PaymentTestSupport.money("5.00")));
		assertThat(one.status()).isEqualTo(200);
		assertThat(two.status()).isEqualTo(200);
		assertThat(sandbox.succeededOperations(payments.store, first.gatewayReference(), "REFUND")).isEqualTo(2);
		assertThat(payments.get(id).get("refunded").get("amount").asString()).isEqualTo("25.00");
	}

	@Test
	void aTransientGatewayFailureIsRetriedWithTheSameKeyAndChargesOnce() {
		PaymentIntent paid = facade.start(payments.store, command("4000000000000119", "12.00", UUID.randomUUID().toString()));
		assertThat(paid.status()).isEqualTo(PaymentStatus.CAPTURED);
		assertThat(sandbox.succeededOperations(payments.store, paid.gatewayReference(), "AUTHORIZE")).isEqualTo(1);
		assertThat(sandbox.succeededOperations(payments.store, paid.gatewayReference(), "CAPTURE")).isEqualTo(1);
	}

	@Test
	void aPendingStepSentAgainIsFinishedNotRepeated() {
		payments.settings(true, false, false, "ON_FULFILMENT");
		PaymentIntent authorized = facade.start(payments.store, command("4242424242424242", "30.00", UUID.randomUUID().toString()));
		// the state a crash leaves right after the capture was recorded and before the gateway answered
		Money amount = Money.of("30.00", "EUR");
		assertThat(intents.reserveCapture(payments.store, authorized.id(), amount)).isTrue();
		intents.insertTransaction(payments.store, UUID.randomUUID(), authorized.id(), Kind.CAPTURE, Status.PENDING, amount,
				"capture:crashed-1");
		assertThat(facade.get(payments.store, authorized.id()).status()).isEqualTo(PaymentStatus.AUTHORIZED);
		assertThatThrownBy(() -> facade.voidPayment(payments.store, authorized.id(), "void-while-capturing"))
			.hasFieldOrPropertyWithValue("code", "PAYMENT_ALREADY_CAPTURED");

		PaymentIntent finished = facade.capture(payments.store, authorized.id(), amount, "crashed-1");
		assertThat(finished.status()).isEqualTo(PaymentStatus.CAPTURED);
		assertThat(finished.transactions()).filteredOn(t -> t.kind() == Kind.CAPTURE).singleElement()
			.extracting(PaymentTransaction::status).isEqualTo(Status.SUCCEEDED);
		assertThat(sandbox.succeededOperations(payments.store, authorized.gatewayReference(), "CAPTURE")).isEqualTo(1);
	}

	// webhooks and disputes

	@Test
	void webhooksAreAppliedOnlyWithAGoodSignatureAndOnlyOnce() {
		PaymentIntent paid = facade.start(payments.store, command("4242424242424242", "70.00", UUID.randomUUID().toString()));
		SandboxWebhooks.Delivery dispute = sandbox.signedEvent(payments.store, "dispute.created", Map.of("payment",
				paid.gatewayReference(), "dispute", "dp_test_" + UUID.randomUUID(), "amount",
				Map.of("amount", "70.00", "currency", "EUR"), "reason", "product_not_received"));
		ApiClient webhook = ApiClient.at(port).store(payments.handle);

		ApiClient.Response tampered = webhook.with("Shopwright-Signature", dispute.headers().get("Shopwright-Signature"))
			.sendRaw("POST", "/api/payments/v1/webhooks/sandbox", "application/json",
					dispute.payload().replace("70.00", "7000.00"));
		assertThat(tampered.status()).isEqualTo(400);
		assertThat(tampered.json().get("code").asString()).isEqualTo("WEBHOOK_SIGNATURE_INVALID");
		ApiClient.Response unsigned = webhook.sendRaw("POST", "/api/payments/v1/webhooks/sandbox", "application/json",
				dispute.payload());
		assertThat(unsigned.status()).isEqualTo(400);
		ApiClient.Response forged = webhook.with("Shopwright-Signature", "t=" + Instant.now().getEpochSecond() + ",v1=00ff")
			.sendRaw("POST", "/api/payments/v1/webhooks/sandbox", "application/json", dispute.payload());
		assertThat(forged.status()).isEqualTo(400);
		assertThat(facade.get(payments.store, paid.id()).disputes()).isEmpty();

		ApiClient signed = webhook.with("Shopwright-Signature", dispute.headers().get("Shopwright-Signature"));
		assertThat(signed.sendRaw("POST", "/api/payments/v1/webhooks/sandbox", "application/json", dispute.payload())
			.status()).isEqualTo(204);
		assertThat(signed.sendRaw("POST", "/api/payments/v1/webhooks/sandbox", "application/json", dispute.payload())
			.status()).isEqualTo(204);
		PaymentIntent disputed = facade.get(payments.store, paid.id());
		assertThat(disputed.disputes()).singleElement().satisfies(d -> {
			assertThat(d.reason()).isEqualTo("product_not_received");
			assertThat(d.amount()).isEqualTo(Money.of("70.00", "EUR"));
		});
		assertThat(publishedEvents(DisputeOpened.class, paid.id())).isEqualTo(1);
		assertThat(ApiClient.at(port).store(payments.handle).sendRaw("POST", "/api/payments/v1/webhooks/nosuchgateway",
				"application/json", "{}").status()).isEqualTo(404);
	}

	@Test
	void theDisputedLaterCardSucceedsThenTheIssuerOpensADispute() throws InterruptedException {
		PaymentIntent paid = facade.start(payments.store, command("4000000000000259", "45.00", UUID.randomUUID().toString()));
		assertThat(paid.status()).isEqualTo(PaymentStatus.CAPTURED);
		PaymentIntent later = paid;
		for (int i = 0; i < 100 && later.disputes().isEmpty(); i++) {
			Thread.sleep(100);
			later = facade.get(payments.store, paid.id());
		}
		assertThat(later.disputes()).singleElement().satisfies(d -> {
			assertThat(d.reason()).isEqualTo("fraudulent");
			assertThat(d.amount()).isEqualTo(Money.of("45.00", "EUR"));
		});
		assertThat(publishedEvents(DisputeOpened.class, paid.id())).isEqualTo(1);
		assertThat(publishedEvents(PaymentCaptured.class, paid.id())).isEqualTo(1);
		assertThat(publishedEvents(PaymentAuthorized.class, paid.id())).isEqualTo(1);
	}

	private long publishedEvents(Class<?> type, PaymentIntentId payment) {
		return events.count(type, payment);
	}

	// the reconciler

	@Test
	void theReconcilerCompletesAStepTheGatewayDidAndFailsOneItNeverReceived() {
		Money amount = Money.of("50.00", "EUR");
		// crashed after the gateway charged: the gateway has the key
		PaymentIntentId charged = pendingAuthorization("charged", amount);
		sandbox.authorize(new GatewayAuthorization(payments.store, "authorize:charged-" + charged, amount,
				card("4242424242424242"), null, null, "order-charged"));
		// crashed before the gateway was reached: it never heard of the key
		PaymentIntentId lost = pendingAuthorization("lost", amount);

		assertThat(reconciler.runOnce(Duration.ofMinutes(10))).as("too young to reconcile").isZero();
		assertThat(facade.get(payments.store, charged).status()).isEqualTo(PaymentStatus.PENDING);

		assertThat(reconciler.runOnce(Duration.ZERO)).isGreaterThanOrEqualTo(2);
		PaymentIntent completed = facade.get(payments.store, charged);
		assertThat(completed.status()).isEqualTo(PaymentStatus.CAPTURED); // the store captures immediately
		assertThat(completed.transactions()).extracting(PaymentTransaction::status)
			.containsExactly(Status.SUCCEEDED, Status.SUCCEEDED);
		assertThat(sandbox.succeededOperations(payments.store, completed.gatewayReference(), "AUTHORIZE")).isEqualTo(1);

		PaymentIntent failed = facade.get(payments.store, lost);
		assertThat(failed.status()).isEqualTo(PaymentStatus.FAILED);
		assertThat(failed.failureCode()).isEqualTo("not_at_gateway");
		assertThat(failed.transactions()).singleElement().extracting(PaymentTransaction::status).isEqualTo(Status.FAILED);
		assertThat(publishedEvents(PaymentFailed.class, lost)).isEqualTo(1);
	}

	@Test
	void theReconcilerReleasesACaptureTheGatewayNeverReceived() {
		payments.settings(true, false, false, "ON_FULFILMENT");
		PaymentIntent authorized = facade.start(payments.store, command("4242424242424242", "20.00", UUID.randomUUID().toString()));
		Money amount = Money.of("20.00", "EUR");
		assertThat(intents.reserveCapture(payments.store, authorized.id(), amount)).isTrue();
		intents.insertTransaction(payments.store, UUID.randomUUID(), authorized.id(), Kind.CAPTURE, Status.PENDING, amount,
				"capture:never-sent-" + authorized.id());
		reconciler.runOnce(Duration.ZERO);
		PaymentIntent after = facade.get(payments.store, authorized.id());
		assertThat(after.status()).isEqualTo(PaymentStatus.AUTHORIZED);
		assertThat(after.captured().isZero()).isTrue();
		assertThat(facade.capture(payments.store, authorized.id(), null, "after-reconcile").status())
			.isEqualTo(PaymentStatus.CAPTURED);
	}

	@Test
	void reconcilersOnSeveralNodesShareTheWorkAndResolveEachStepOnce() throws Exception {
		Money amount = Money.of("5.00", "EUR");
		List<PaymentIntentId> pending = new ArrayList<>();
		for (int i = 0; i < 30; i++) {
			PaymentIntentId id = pendingAuthorization("node" + i, amount);
			if (i % 2 == 0) {
				sandbox.authorize(new GatewayAuthorization(payments.store, "authorize:node" + i + "-" + id, amount,
						card("4242424242424242"), null, null, "order-node" + i));
			}
			pending.add(id);
		}
		List<Callable<Integer>> nodes = List.of(() -> reconciler.runOnce(Duration.ZERO),
				() -> reconciler.runOnce(Duration.ZERO), () -> reconciler.runOnce(Duration.ZERO));
		int resolved = 0;
		try (ExecutorService pool = Executors.newFixedThreadPool(3)) {
			for (Future<Integer> node : pool.invokeAll(nodes)) {
				resolved += node.get();
			}
		}
		assertThat(resolved).isGreaterThanOrEqualTo(30);
		for (int i = 0; i < pending.size(); i++) {
			PaymentIntent intent = facade.get(payments.store, pending.get(i));
			assertThat(intent.status()).isEqualTo(i % 2 == 0 ? PaymentStatus.CAPTURED : PaymentStatus.FAILED);
			assertThat(intent.transactions()).noneMatch(t -> t.status() == Status.PENDING);
		}
		assertThat(pending).filteredOn(id -> events.count(PaymentAuthorized.class, id) == 1).hasSize(15);
		assertThat(pending).filteredOn(id -> events.count(PaymentFailed.class, id) == 1).hasSize(15);
	}

	private PaymentIntentId pendingAuthorization(String name, Money amount) {
		PaymentIntentId id = PaymentIntentId.random();
		String creation = name + "-" + id;
		intents.insert(payments.store, id, "order-" + name, creation, PaymentMethod.CARD, PaymentStatus.PENDING, amount,
				SandboxGateway.NAME, null);
		intents.insertTransaction(payments.store, UUID.randomUUID(), id, Kind.AUTHORIZE, Status.PENDING, amount,
				"authorize:" + creation);
		return id;
	}
}
