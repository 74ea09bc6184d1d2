package dev.shopwright.orders.drafts;

import static dev.shopwright.orders.drafts.DraftShop.card;
import static dev.shopwright.orders.drafts.DraftShop.details;
import static dev.shopwright.orders.drafts.DraftShop.line;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.shopwright.catalog.CatalogManagement;
import dev.shopwright.inventory.InventoryManagement;
import dev.shopwright.inventory.Reservation;
import dev.shopwright.orders.Order;
import dev.shopwright.orders.OrderId;
import dev.shopwright.orders.OrderListing;
import dev.shopwright.orders.OrderManagement;
import dev.shopwright.orders.PaymentState;
import dev.shopwright.orders.PlaceOrder;
import dev.shopwright.payments.CaptureMode;
import dev.shopwright.payments.PaymentIntent;
import dev.shopwright.payments.PaymentManagement;
import dev.shopwright.payments.PaymentSettings;
import dev.shopwright.payments.PaymentStatus;
import dev.shopwright.platform.BusinessRuleViolation;
import dev.shopwright.platform.ResourceNotFound;
import dev.shopwright.shared.Money;
import dev.shopwright.shared.StoreId;
import dev.shopwright.stores.StoreManagement;
import dev.shopwright.testing.ShopwrightTest;

/** Draft orders on the real database, sandbox gateway and SMTP server: pricing, invoices, paying, converting. */
@ShopwrightTest
class DraftOrderTests {

	@Autowired
	DraftOrders drafts;

	@Autowired
	PayLinks links;

	@Autowired
	OrderManagement orders;

	@Autowired
	PaymentManagement payments;

	@Autowired
	InventoryManagement inventory;

	@Autowired
	CatalogManagement catalog;

	@Autowired
	StoreManagement stores;

	@Autowired
	dev.shopwright.payments.sandbox.SandboxGateway sandbox;

	DraftShop shop;

	@BeforeEach
	void shop() {
		shop = new DraftShop(stores, catalog, inventory);
	}

	@Test
	void aDraftIsPricedFromTheCatalogWithCustomPricesAndATypedShippingLine() {
		StoreId store = shop.newStore("EUR");
		String mug = shop.product(store, "12.50", 5);
		String tee = shop.product(store, "20.00", 5);
		DraftOrder first = drafts.create(store, details(DraftShop.email(), List.of(line(mug, 2),
				new DraftOrderDetails.Line(tee, 1, new BigDecimal("15.00"), "loyal customer")), "4.90"));

		assertThat(first.number()).isEqualTo("D1001");
		assertThat(first.status()).isEqualTo(DraftOrderStatus.OPEN);
		assertThat(first.lines()).extracting(DraftOrder.Line::sku, l -> l.unitPrice().toString(),
				l -> l.total().toString(), DraftOrder.Line::customPrice)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(mug, "12.50 EUR", "25.00 EUR", false),
					org.assertj.core.groups.Tuple.tuple(tee, "15.00 EUR", "15.00 EUR", true));
		assertThat(first.lines().get(1).catalogPrice()).isEqualTo(Money.of("20.00", "EUR"));
		assertThat(first.totals().subtotal()).isEqualTo(Money.of("40.00", "EUR"));
		assertThat(first.totals().shipping()).isEqualTo(Money.of("4.90", "EUR"));
		assertThat(first.totals().total()).isEqualTo(Money.of("44.90", "EUR"));
		assertThat(drafts.create(store, details(DraftShop.email(), List.of(line(mug, 1)), null)).number())
			.isEqualTo("D1002");

		// a catalog price change reaches an open draft; the custom price stays
		DraftOrder again = drafts.get(store, first.id());
		assertThat(again.totals().total()).isEqualTo(first.totals().total());
		assertThat(drafts.list(store, null, "D1001", null, 10).items()).extracting(DraftOrder::id)
			.containsExactly(first.id());
	}

	@Test
	void badDraftsAreRefusedWithTheFieldsToFix() {
		StoreId store = shop.newStore("EUR");
		String mug = shop.product(store, "12.50", 5);
		assertThatThrownBy(() -> drafts.create(store, details("not-an-email", List.of(line("NO-SUCH-SKU", 1),
				new DraftOrderDetails.Line(mug, 1, new BigDecimal("1.00"), null)), "4.90")))
			.isInstanceOfSatisfying(BusinessRuleViolation.class, ex -> {
				assertThat(ex.code()).isEqualTo("INVALID_DRAFT_ORDER");
				assertThat(ex.status()).isEqualTo(422);
				assertThat(ex.fieldErrors()).containsKeys("email", "lines[0].sku", "lines[1].priceReason");
			});
		assertThat(drafts.list(store, null, null, null, 10).items()).isEmpty();
	}

	@Test
	void theInvoiceEmailCarriesAPayLinkAndSendingAgainReplacesIt() {
		StoreId store = shop.newStore("EUR");
		String mug = shop.product(store, "12.50", 5);
		String email = DraftShop.email();
		DraftOrder draft = drafts.create(store, details(email, List.of(line(mug, 2)), "4.90"));

		DraftOrder sent = drafts.sendInvoice(store, draft.id(), "http://shop.test");
		assertThat(sent.status()).isEqualTo(DraftOrderStatus.INVOICE_SENT);
		DraftShop.MailedLink link = DraftShop.mailedLink(email, 0);
		assertThat(link.url()).startsWith("http://shop.test/pay/" + draft.id() + "?token=");
		assertThat(dev.shopwright.testing.TestMail.body(dev.shopwright.testing.TestMail.to(email).getFirst()))
			.contains("D1001").contains("29.90 EUR");
		assertThat(links.open(draft.id(), link.token())).hasValueSatisfying(l -> {
			assertThat(l.store()).isEqualTo(store);
			assertThat(l.draftId()).isEqualTo(draft.id());
		});
		assertThat(links.open(draft.id(), link.token() + "x")).isEmpty();

		drafts.sendInvoice(store, draft.id(), "http://shop.test");
		DraftShop.MailedLink second = DraftShop.mailedLink(email, 1);
		assertThat(links.open(draft.id(), link.token())).as("the first link is dead").isEmpty();
		assertThat(links.open(draft.id(), second.token())).isPresent();
	}

	@Test
	void payingByCardConvertsTheDraftIntoOneOrderWithItsStockSold() throws Exception {
		StoreId store = shop.newStore("EUR");
		String mug = shop.product(store, "12.50", 5);
		DraftOrder draft = drafts.create(store, details(DraftShop.email(), List.of(line(mug, 2)), "4.90"));

		// a double submit: the same form (attempt key) twice at once
		String attempt = UUID.randomUUID().toString();
		List<Callable<DraftOrders.PayResult>> submits = new ArrayList<>();
		for (int i = 0; i < 2; i++) {
			submits.add(() -> drafts.payByCard(store, draft.id(), card(DraftShop.GOOD_CARD), attempt, "/pay/x/return"));
		}
		List<Object> results = DraftShop.runAtOnce(submits);

		assertThat(results).allSatisfy(r -> assertThat(r).isInstanceOfAny(DraftOrders.PayResult.class,
				BusinessRuleViolation.class));
		assertThat(results).filteredOn(DraftOrders.PayResult.class::isInstance)
			.allSatisfy(r -> assertThat(((DraftOrders.PayResult) r).outcome()).isEqualTo(DraftOrders.PayResult.Outcome.PAID));
		Order order = orders.get(store, new OrderId(draft.id()));
		assertThat(order.channel()).isEqualTo(PlaceOrder.DRAFT);
		java.time.Instant paidBy = java.time.Instant.now().plusSeconds(30);
		while (order.paymentState() != PaymentState.PAID && java.time.Instant.now().isBefore(paidBy)) {
			Thread.sleep(100);
			order = orders.get(store, new OrderId(draft.id()));
		}
		assertThat(order.number()).isEqualTo("#1001");
		assertThat(order.totals().total()).isEqualTo(Money.of("29.90", "EUR"));
		assertThat(order.paymentState()).isEqualTo(PaymentState.PAID);
		assertThat(orders.list(store, OrderListing.ALL, null, 10).items()).hasSize(1);
		List<PaymentIntent> paid = payments.forOrder(store, draft.id().toString());
		assertThat(paid).singleElement().satisfies(p -> assertThat(p.captured()).isEqualTo(Money.of("29.90", "EUR")));
		// sold units are committed to the order: still on hand (5) until shipped, no longer available
		assertThat(inventory.stock(store, mug).onHand()).isEqualTo(5);
		assertThat(inventory.stock(store, mug).committed()).isEqualTo(2);
		assertThat(inventory.availableOnline(store, mug)).isEqualTo(3);
		assertThat(inventory.stock(store, mug).reserved()).isZero();
		assertThat(drafts.get(store, draft.id()).status()).isEqualTo(DraftOrderStatus.COMPLETED);

		// paying the completed draft again changes nothing
		assertThat(drafts.payByCard(store, draft.id(), card(DraftShop.GOOD_CARD), "another", "/r").orderId())
			.isEqualTo(order.id());
		assertThat(payments.forOrder(store, draft.id().toString())).hasSize(1);
		assertThatThrownBy(() -> drafts.update(store, draft.id(), details(DraftShop.email(), List.of(line(mug, 1)), null),
				null)).isInstanceOfSatisfying(BusinessRuleViolation.class,
						ex -> assertThat(ex.code()).isEqualTo("DRAFT_ORDER_COMPLETED"));
	}

	@Test
	void aDeclinedCardLeavesTheDraftOpenAndTheStockFree() {
		StoreId store = shop.newStore("EUR");
		String mug = shop.product(store, "12.50", 5);
		DraftOrder draft = drafts.create(store, details(DraftShop.email(), List.of(line(mug, 2)), null));

		DraftOrders.PayResult declined = drafts.payByCard(store, draft.id(), card(DraftShop.DECLINED_CARD), "a1", "/r");

		assertThat(declined.outcome()).isEqualTo(DraftOrders.PayResult.Outcome.DECLINED);
		assertThat(declined.message()).startsWith("The card was declined");
		assertThat(orders.find(store, new OrderId(draft.id()))).isEmpty();
		assertThat(inventory.stock(store, mug).reserved()).isZero();
		assertThat(inventory.reservations(store, Reservation.Status.RELEASED, "draft:" + draft.id() + ":a1", null, 5)
			.items()).hasSize(1);
		// the shopper tries another card at once
		assertThat(drafts.payByCard(store, draft.id(), card(DraftShop.GOOD_CARD), "a2", "/r").outcome())
			.isEqualTo(DraftOrders.PayResult.Outcome.PAID);
		// sold units are committed to the order: still on hand (5) until shipped, no longer available
		assertThat(inventory.stock(store, mug).onHand()).isEqualTo(5);
		assertThat(inventory.stock(store, mug).committed()).isEqualTo(2);
		assertThat(inventory.availableOnline(store, mug)).isEqualTo(3);
	}

	@Test
	void stockGoneBeforePayingIsA409AndNoMoneyIsTaken() {
		StoreId store = shop.newStore("EUR");
		String mug = shop.product(store, "12.50", 1);
		DraftOrder draft = drafts.create(store, details(DraftShop.email(), List.of(line(mug, 2)), null));

		assertThatThrownBy(() -> drafts.payByCard(store, draft.id(), card(DraftShop.GOOD_CARD), "k", "/r"))
			.isInstanceOfSatisfying(BusinessRuleViolation.class, ex -> {
				assertThat(ex.code()).isEqualTo("INSUFFICIENT_STOCK");
				assertThat(ex.status()).isEqualTo(409);
				assertThat(ex.getMessage()).contains(mug);
			});
		assertThat(payments.forOrder(store, draft.id().toString())).isEmpty();
		assertThat(drafts.get(store, draft.id()).status()).isEqualTo(DraftOrderStatus.OPEN);
		assertThat(inventory.stock(store, mug).onHand()).isEqualTo(1);
	}

	@Test
	void aThreeDSecureCardWaitsForTheChallengeThenConvertsEvenIfTheShopperNeverComesBack() throws Exception {
		StoreId store = shop.newStore("EUR");
		String mug = shop.product(store, "12.50", 5);
		DraftOrder draft = drafts.create(store, details(DraftShop.email(), List.of(line(mug, 1)), null));

		DraftOrders.PayResult challenge = drafts.payByCard(store, draft.id(), card(DraftShop.THREE_D_SECURE_CARD), "k",
				"/pay/" + draft.id() + "/return");
		assertThat(challenge.outcome()).isEqualTo(DraftOrders.PayResult.Outcome.CHALLENGE);
		assertThat(challenge.redirectUrl()).contains("/payments/sandbox/3ds/");
		assertThat(inventory.stock(store, mug).reserved()).as("held while the shopper authenticates").isEqualTo(1);
		assertThat(drafts.resume(store, draft.id()).outcome()).as("not passed yet")
			.isEqualTo(DraftOrders.PayResult.Outcome.CHALLENGE);
		assertThat(orders.find(store, new OrderId(draft.id()))).isEmpty();

		// the shopper passes the challenge and closes the window: the payment event still makes the order
		String url = challenge.redirectUrl();
		sandbox.completeChallenge(UUID.fromString(url.substring(url.lastIndexOf('/') + 1)), true);
		java.time.Instant deadline = java.time.Instant.now().plusSeconds(30);
		while (orders.find(store, new OrderId(draft.id())).isEmpty() && java.time.Instant.now().isBefore(deadline)) {
			Thread.sleep(100);
		}
		Order order = orders.get(store, new OrderId(draft.id()));
		while (order.paymentState() != PaymentState.PAID && java.time.Instant.now().isBefore(deadline)) {
			Thread.sleep(100); // the capture's payment event moves the order from AUTHORIZED to PAID
			order = orders.get(store, new OrderId(draft.id()));
		}
		assertThat(order.paymentState()).isEqualTo(PaymentState.PAID);
		assertThat(drafts.get(store, draft.id()).status()).isEqualTo(DraftOrderStatus.COMPLETED);
		// sold units are committed to the order: still on hand (5) until shipped, no longer available
		assertThat(inventory.stock(store, mug).onHand()).isEqualTo(5);
		assertThat(inventory.stock(store, mug).committed()).isEqualTo(1);
		assertThat(inventory.availableOnline(store, mug)).isEqualTo(4);
		assertThat(inventory.stock(store, mug).reserved()).isZero();
	}

	@Test
	void markingAsPaidRecordsAManualPaymentAndConverts() {
		StoreId store = shop.newStore("EUR");
		String mug = shop.product(store, "12.50", 5);
		DraftOrder draft = drafts.create(store, details(DraftShop.email(), List.of(line(mug, 1)), "5.00"));
		assertThatThrownBy(() -> drafts.markPaid(store, draft.id(), "k1"))
			.isInstanceOfSatisfying(BusinessRuleViolation.class,
					ex -> assertThat(ex.code()).isEqualTo("MANUAL_PAYMENT_NOT_OFFERED"));

		payments.updateSettings(store, new PaymentSettings(true, true, false, CaptureMode.IMMEDIATE));
		Order order = drafts.markPaid(store, draft.id(), "k2");
		Order again = drafts.markPaid(store, draft.id(), "k2");

		assertThat(again.id()).isEqualTo(order.id());
		assertThat(order.paymentState()).isEqualTo(PaymentState.PAID);
		assertThat(order.totals().total()).isEqualTo(Money.of("17.50", "EUR"));
		assertThat(payments.forOrder(store, order.id().toString())).singleElement()
			.satisfies(p -> assertThat(p.status()).isEqualTo(PaymentStatus.CAPTURED));
		// sold units are committed to the order: still on hand (5) until shipped, no longer available
		assertThat(inventory.stock(store, mug).onHand()).isEqualTo(5);
		assertThat(inventory.stock(store, mug).committed()).isEqualTo(1);
		assertThat(inventory.availableOnline(store, mug)).isEqualTo(4);
	}

	@Test
	void oneStoreCannotSeeOrChangeAnothersDrafts() {
		StoreId mine = shop.newStore("EUR");
		StoreId theirs = shop.newStore("EUR");
		String mug = shop.product(mine, "12.50", 5);
		DraftOrder draft = drafts.create(mine, details(DraftShop.email(), List.of(line(mug, 1)), null));

		assertThat(drafts.find(theirs, draft.id())).isEmpty();
		assertThat(drafts.list(theirs, null, null, null, 10).items()).isEmpty();
		assertThatThrownBy(() -> drafts.delete(theirs, draft.id())).isInstanceOf(ResourceNotFound.class);
		assertThatThrownBy(() -> drafts.markPaid(theirs, draft.id(), "k")).isInstanceOf(ResourceNotFound.class);
		assertThat(drafts.find(mine, draft.id())).isPresent();
		drafts.delete(mine, draft.id());
		assertThat(drafts.find(mine, draft.id())).isEmpty();
	}
}
