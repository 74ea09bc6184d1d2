package dev.shopwright.returns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.shopwright.catalog.Product;
import dev.shopwright.customers.CustomerId;
import dev.shopwright.orders.Order;
import dev.shopwright.orders.OrderManagement;
import dev.shopwright.orders.PaymentState;
import dev.shopwright.platform.BusinessRuleViolation;
import dev.shopwright.shared.Money;
import dev.shopwright.stores.Store;
import dev.shopwright.testing.ApiClient;
import dev.shopwright.testing.ShopwrightTest;
import dev.shopwright.testing.TestMail;

/** Settling returns by exchange and store credit, the emails, the report, and one store's returns kept from another. */
@ShopwrightTest
class ReturnSettlementTests {

	@LocalServerPort
	int port;

	@Autowired
	ReturnManagement returns;

	@Autowired
	OrderManagement orders;

	@Autowired
	ReturnFixtures fixtures;

	Store store;

	@BeforeEach
	void storeOfItsOwn() {
		store = fixtures.newStore("EUR");
	}

	private String sku(String prefix) {
		return prefix + "-" + store.handle();
	}

	/** Opens, approves, receives and inspects (everything restocked) a return of {@code quantity} of the first line. */
	private ReturnRequest inspected(Order order, int quantity, ReturnReason reason) {
		ReturnRequest opened = returns.request(store.id(), new RequestReturn(order.id(),
				List.of(new RequestReturn.Item(order.lines().getFirst().id(), quantity, reason, "comment")), null),
				ReturnManagement.STAFF);
		returns.approve(store.id(), opened.id());
		returns.receive(store.id(), opened.id());
		return returns.inspect(store.id(), opened.id(), opened.items()
			.stream()
			.map(item -> new Inspection(item.id(), item.quantity(), 0, null))
			.toList());
	}

	@Test
	void aCheaperExchangeIsPlacedFreeAndTheDifferenceRefunded() {
		Product jacket = fixtures.product(store.id(), "Jacket", "60.00", List.of(), sku("JKT-M"), sku("JKT-L"));
		Product vest = fixtures.product(store.id(), "Vest", "45.00", List.of(), sku("VEST"));
		Order order = fixtures.deliveredOrder(store.id(), null, null, new ReturnFixtures.Item(jacket, sku("JKT-M"), 1));
		ReturnRequest inspected = inspected(order, 1, ReturnReason.TOO_SMALL);

		ReturnRequest done = returns.resolve(store.id(), inspected.id(), new Settlement(Resolution.EXCHANGE,
				List.of(new Settlement.ExchangeLine(sku("VEST"), 1)), null));

		assertThat(done.status()).isEqualTo(ReturnStatus.RESOLVED);
		assertThat(done.exchangeOrderId()).isNotNull();
		Order exchange = orders.get(store.id(), done.exchangeOrderId());
		assertThat(exchange.channel()).isEqualTo(ReturnManagement.EXCHANGE_CHANNEL);
		assertThat(exchange.lines()).singleElement().satisfies(line -> {
			assertThat(line.sku()).isEqualTo(sku("VEST"));
			assertThat(line.quantity()).isEqualTo(1);
		});
		assertThat(exchange.totals().total()).isEqualTo(Money.of("0.00", "EUR"));
		assertThat(exchange.paymentState()).isEqualTo(PaymentState.PAID);
		assertThat(exchange.email()).isEqualTo(order.email());
		// no restocking fee on exchanges: 60.00 returned less the 5.70 return label the shopper pays, 45.00 taken,
		// 9.30 back to the card
		assertThat(done.returnShippingCharge()).isEqualTo(Money.of("5.70", "EUR"));
		assertThat(done.refunded()).isEqualTo(Money.of("9.30", "EUR"));
		assertThat(fixtures.payment(store.id(), order).refunded()).isEqualTo(Money.of("9.30", "EUR"));
	}

	@Test
	void aDearerExchangeLeavesTheDifferenceToPayOnTheNewOrder() {
		Product shoes = fixtures.product(store.id(), "Shoes", "50.00", List.of(), sku("SHOE-40"));
		Product boots = fixtures.product(store.id(), "Boots", "80.00", List.of(), sku("BOOT-40"));
		Order order = fixtures.deliveredOrder(store.id(), null, null, new ReturnFixtures.Item(shoes, sku("SHOE-40"), 1));
		ReturnRequest inspected = inspected(order, 1, ReturnReason.NOT_AS_DESCRIBED);

		ReturnRequest done = returns.resolve(store.id(), inspected.id(), new Settlement(Resolution.EXCHANGE,
				List.of(new Settlement.ExchangeLine(sku("BOOT-40"), 1)), null));

		Order exchange = orders.get(store.id(), done.exchangeOrderId());
		// 50.00 returned less the 5.70 return label is the credit; the shopper settles 80.00 - 44.30
		assertThat(exchange.totals().discountTotal()).isEqualTo(Money.of("44.30", "EUR"));
		assertThat(exchange.totals().total()).isEqualTo(Money.of("35.70", "EUR"));
		assertThat(exchange.paymentState()).isEqualTo(PaymentState.PENDING);
		assertThat(done.refunded()).isEqualTo(Money.of("0.00", "EUR"));
		assertThat(fixtures.payment(store.id(), order).refunded().isZero()).isTrue();

		// an unknown SKU is refused before anything happens
		Order other = fixtures.deliveredOrder(store.id(), null, null, new ReturnFixtures.Item(shoes, sku("SHOE-40"), 1));
		ReturnRequest second = inspected(other, 1, ReturnReason.TOO_LARGE);
		assertThatThrownBy(() -> returns.resolve(store.id(), second.id(), new Settlement(Resolution.EXCHANGE,
				List.of(new Settlement.ExchangeLine("NO-SUCH-SKU", 1)), null)))
			.isInstanceOf(BusinessRuleViolation.class).hasFieldOrPropertyWithValue("code", "INVALID_EXCHANGE");
		assertThat(returns.get(store.id(), second.id()).status()).isEqualTo(ReturnStatus.INSPECTED);
	}

	@Test
	void storeCreditGoesOntoTheCustomersBalanceOnceAndNeverBelowZero() {
		returns.updatePolicy(store.id(), new ReturnPolicy(30, List.of(), List.of(), new java.math.BigDecimal("5"),
				ReturnPolicy.ShippingPaidBy.CUSTOMER));
		Product lamp = fixtures.product(store.id(), "Lamp", "40.00", List.of(), sku("LAMP"));
		CustomerId customer = new CustomerId(UUID.randomUUID());
		Order order = fixtures.deliveredOrder(store.id(), customer, null, new ReturnFixtures.Item(lamp, sku("LAMP"), 2));
		ReturnRequest inspected = inspected(order, 2, ReturnReason.CHANGED_MIND);

		ReturnRequest done = returns.resolve(store.id(), inspected.id(), Settlement.of(Resolution.STORE_CREDIT));

		// 80.00 less the 5% fee and the 5.70 return label
		assertThat(done.storeCredit()).isEqualTo(Money.of("70.30", "EUR"));
		assertThat(done.fee()).isEqualTo(Money.of("4.00", "EUR"));
		StoreCredit credit = returns.storeCredit(store.id(), customer, java.util.Currency.getInstance("EUR"));
		assertThat(credit.balance()).isEqualTo(Money.of("70.30", "EUR"));
		assertThat(credit.entries()).singleElement().satisfies(entry -> {
			assertThat(entry.returnId()).isEqualTo(done.id());
			assertThat(entry.balanceAfter()).isEqualTo(Money.of("70.30", "EUR"));
		});
		assertThat(fixtures.payment(store.id(), order).refunded().isZero()).isTrue();

		assertThatThrownBy(() -> returns.adjustStoreCredit(store.id(), customer, Money.of("-70.31", "EUR"), "spent"))
			.isInstanceOf(BusinessRuleViolation.class).hasFieldOrPropertyWithValue("code", "STORE_CREDIT_INSUFFICIENT");
		assertThat(returns.adjustStoreCredit(store.id(), customer, Money.of("-20.30", "EUR"), "Used on order #1009")
			.balance()).isEqualTo(Money.of("50.00", "EUR"));

		Order guest = fixtures.deliveredOrder(store.id(), null, null, new ReturnFixtures.Item(lamp, sku("LAMP"), 1));
		ReturnRequest guestReturn = inspected(guest, 1, ReturnReason.OTHER);
		assertThatThrownBy(() -> returns.resolve(store.id(), guestReturn.id(), Settlement.of(Resolution.STORE_CREDIT)))
			.isInstanceOf(BusinessRuleViolation.class).hasFieldOrPropertyWithValue("code", "STORE_CREDIT_NEEDS_CUSTOMER");
		assertThat(returns.get(store.id(), guestReturn.id()).status()).isEqualTo(ReturnStatus.INSPECTED);
	}

	@Test
	void theShopperIsEmailedWhenTheReturnIsApprovedAndWhenTheRefundIsMade() throws Exception {
		Product cap = fixtures.product(store.id(), "Cap", "12.00", List.of(), sku("CAP"));
		Order order = fixtures.deliveredOrder(store.id(), null, null, new ReturnFixtures.Item(cap, sku("CAP"), 1));
		ReturnRequest inspected = inspected(order, 1, ReturnReason.DEFECTIVE);
		MimeMessage approved = mailTo(order.email(), "Your return R1001 is approved");
		assertThat(approved.getContent().toString()).contains("R1001");

		returns.resolve(store.id(), inspected.id(), Settlement.of(Resolution.REFUND));
		MimeMessage refunded = mailTo(order.email(), "Your refund for return R1001");
		// 12.00 less the 5.70 return label the shopper pays, shown as its own line
		assertThat(refunded.getContent().toString()).contains("We refunded 6.30 EUR").contains("Return shipping −5.70 EUR");
	}

	@Test
	void theReportShowsReturnRateAndReasonsPerSku() {
		Product mug = fixtures.product(store.id(), "Mug", "9.00", List.of(), sku("MUG"));
		Product bowl = fixtures.product(store.id(), "Bowl", "7.00", List.of(), sku("BOWL"));
		Order first = fixtures.deliveredOrder(store.id(), null, null, new ReturnFixtures.Item(mug, sku("MUG"), 3),
				new ReturnFixtures.Item(bowl, sku("BOWL"), 2));
		fixtures.deliveredOrder(store.id(), null, null, new ReturnFixtures.Item(mug, sku("MUG"), 1));
		returns.request(store.id(), new RequestReturn(first.id(), List.of(
				new RequestReturn.Item(first.lines().get(0).id(), 2, ReturnReason.DEFECTIVE, null)), null),
				ReturnManagement.SHOPPER);
		ReturnRequest rejected = returns.request(store.id(), new RequestReturn(first.id(), List.of(
				new RequestReturn.Item(first.lines().get(1).id(), 1, ReturnReason.CHANGED_MIND, null)), null),
				ReturnManagement.SHOPPER);
		returns.reject(store.id(), rejected.id(), "Outside the rules");

		// units sold come from OrderPlaced, after commit
		eventually(() -> {
			List<ReturnRateRow> report = returns.report(store.id());
			assertThat(report).extracting(ReturnRateRow::sku).containsExactly(sku("MUG"), sku("BOWL"));
			assertThat(report.getFirst().sold()).isEqualTo(4);
			assertThat(report.getFirst().returned()).isEqualTo(2);
			assertThat(report.getFirst().rate()).isEqualByComparingTo("0.5");
			assertThat(report.getFirst().reasons()).isEqualTo(Map.of(ReturnReason.DEFECTIVE, 2L));
			assertThat(report.get(1).returned()).isZero();
		});
	}

	/** The first message to {@code address} with {@code subject}, waiting up to 20 s for it. */
	static MimeMessage mailTo(String address, String subject) {
		MimeMessage[] found = new MimeMessage[1];
		eventually(() -> {
			found[0] = TestMail.to(address).stream().filter(m -> {
				try {
					return subject.equals(m.getSubject());
				}
				catch (jakarta.mail.MessagingException ex) {
					return false;
				}
			}).findFirst().orElse(null);
			assertThat(found[0]).as("a message \"" + subject + "\" to " + address).isNotNull();
		});
		return found[0];
	}

	/** Retries {@code check} for up to 20 s: for what follows events after commit. */
	static void eventually(Runnable check) {
		java.time.Instant deadline = java.time.Instant.now().plusSeconds(20);
		while (true) {
			try {
				check.run();
				return;
			}
			catch (AssertionError ex) {
				if (java.time.Instant.now().isAfter(deadline)) {
					throw ex;
				}
				try {
					Thread.sleep(100);
				}
				catch (InterruptedException interrupted) {
					Thread.currentThread().interrupt();
					throw ex;
				}
			}
		}
	}

	@Test
	void staffOfOneStoreCannotReadOrChangeAnothersReturns() {
		Product tee = fixtures.product(store.id(), "Tee", "10.00", List.of(), sku("TEE"));
		Order order = fixtures.deliveredOrder(store.id(), null, null, new ReturnFixtures.Item(tee, sku("TEE"), 1));
		ReturnRequest opened = returns.request(store.id(), new RequestReturn(order.id(), List.of(
				new RequestReturn.Item(order.lines().getFirst().id(), 1, ReturnReason.OTHER, null)), null),
				ReturnManagement.STAFF);
		Store other = fixtures.newStore("EUR");
		ApiClient owner = ApiClient.at(port).loggedIn(ShopwrightTest.OWNER_EMAIL, ShopwrightTest.OWNER_PASSWORD);
		ApiClient asOther = owner.store(other.handle());

		assertThat(asOther.get("/api/admin/v1/returns/" + opened.id()).status()).isEqualTo(404);
		assertThat(asOther.post("/api/admin/v1/returns/" + opened.id() + "/approve", Map.of()).status()).isEqualTo(404);
		assertThat(asOther.get("/api/admin/v1/returns").json().get("items")).isEmpty();
		ApiClient.Response foreignOrder = asOther.post("/api/admin/v1/returns", Map.of("orderId", order.id().toString(),
				"items", List.of(Map.of("orderLineId", order.lines().getFirst().id().toString(), "quantity", 1,
						"reason", "OTHER"))));
		assertThat(foreignOrder.status()).isEqualTo(404);
		assertThat(returns.get(store.id(), opened.id()).status()).isEqualTo(ReturnStatus.REQUESTED);
		assertThat(owner.store(store.handle()).get("/api/admin/v1/returns/" + opened.id()).status()).isEqualTo(200);
	}
}
