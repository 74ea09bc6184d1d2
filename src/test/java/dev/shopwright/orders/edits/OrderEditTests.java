package dev.shopwright.orders.edits;

import static dev.shopwright.orders.drafts.DraftShop.card;
import static dev.shopwright.orders.drafts.DraftShop.details;
import static dev.shopwright.orders.drafts.DraftShop.line;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.function.Predicate;
import java.util.function.Supplier;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.shopwright.catalog.CatalogManagement;
import dev.shopwright.inventory.InventoryManagement;
import dev.shopwright.inventory.MovementReason;
import dev.shopwright.inventory.StockMovement;
import dev.shopwright.orders.Order;
import dev.shopwright.orders.OrderId;
import dev.shopwright.orders.OrderManagement;
import dev.shopwright.orders.PaymentState;
import dev.shopwright.orders.TimelineEntry;
import dev.shopwright.orders.drafts.DraftOrder;
import dev.shopwright.orders.drafts.DraftOrderDetails;
import dev.shopwright.orders.drafts.DraftOrders;
import dev.shopwright.orders.drafts.DraftShop;
import dev.shopwright.orders.drafts.PayLinks;
import dev.shopwright.payments.PaymentIntent;
import dev.shopwright.payments.PaymentManagement;
import dev.shopwright.platform.BusinessRuleViolation;
import dev.shopwright.platform.ResourceNotFound;
import dev.shopwright.shared.Money;
import dev.shopwright.shared.StoreId;
import dev.shopwright.stores.StoreManagement;
import dev.shopwright.testing.ShopwrightTest;

/** Order edits on the real database, inventory ledger, sandbox gateway and SMTP server. */
@ShopwrightTest
class OrderEditTests {

	@Autowired
	OrderEdits edits;

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
	JdbcClient jdbc;

	DraftShop shop;

	StoreId store;

	String mug;

	String tee;

	@BeforeEach
	void shop() {
		shop = new DraftShop(stores, catalog, inventory);
		store = shop.newStore("EUR");
		mug = shop.product(store, "10.00", 10);
		tee = shop.product(store, "5.00", 10);
	}

	/** An order paid in full by card (captured at once): placed the way staff do, through a draft. */
	private Order paidOrder(String email, DraftOrderDetails.Line... lines) {
		DraftOrder draft = drafts.create(store, details(email, List.of(lines), "4.90"));
		DraftOrders.PayResult paid = drafts.payByCard(store, draft.id(), card(DraftShop.GOOD_CARD), "setup", "/r");
		assertThat(paid.outcome()).isEqualTo(DraftOrders.PayResult.Outcome.PAID);
		// the payment events may still be moving the order from AUTHORIZED to PAID (a new version)
		await(() -> orders.get(store, paid.orderId()).paymentState(), PaymentState.PAID::equals);
		return orders.get(store, paid.orderId());
	}

	private static Order.Line lineOf(Order order, String sku) {
		return order.lines().stream().filter(l -> l.sku().equals(sku)).findFirst().orElseThrow();
	}

	@Test
	void addingAndRaisingCollectsTheDifferenceThroughAnEmailedPayLink() {
		String email = DraftShop.email();
		Order order = paidOrder(email, line(mug, 1));
		assertThat(order.totals().total()).isEqualTo(Money.of("14.90", "EUR"));
		EditOrder edit = new EditOrder(order.version(), List.of(EditOrder.Change.add(tee, 2),
				EditOrder.Change.setQuantity(lineOf(order, mug).id(), 2)), "customer called");

		EditPreview preview = edits.preview(store, order.id(), edit);
		assertThat(preview.totals().total()).isEqualTo(Money.of("34.90", "EUR"));
		assertThat(preview.difference()).isEqualTo(Money.of("20.00", "EUR"));
		assertThat(preview.toCollect()).isEqualTo(Money.of("20.00", "EUR"));
		assertThat(preview.toRefund()).isEqualTo(Money.zero(preview.toRefund().currency()));
		assertThat(orders.get(store, order.id()).version()).as("a preview changes nothing").isEqualTo(order.version());

		OrderEdits.Committed done = edits.commit(store, order.id(), edit, "http://shop.test");

		Order edited = done.order();
		assertThat(done.editNumber()).isEqualTo(1);
		assertThat(edited.totals().total()).isEqualTo(Money.of("34.90", "EUR"));
		assertThat(edited.totals().subtotal()).isEqualTo(Money.of("30.00", "EUR"));
		assertThat(lineOf(edited, mug).quantity()).isEqualTo(2);
		assertThat(lineOf(edited, tee).quantity()).isEqualTo(2);
		assertThat(lineOf(edited, tee).total()).isEqualTo(Money.of("10.00", "EUR"));
		assertThat(edited.paymentState()).isEqualTo(PaymentState.PARTIALLY_PAID);
		assertThat(edited.version()).isGreaterThan(order.version());
		// the stock ledger: 1 mug committed at placing, 1 more and 2 tees committed by the edit (on hand until shipped)
		assertThat(inventory.stock(store, mug).onHand()).isEqualTo(10);
		assertThat(inventory.stock(store, mug).committed()).isEqualTo(2);
		assertThat(inventory.stock(store, tee).onHand()).isEqualTo(10);
		assertThat(inventory.stock(store, tee).committed()).isEqualTo(2);
		assertThat(inventory.availableOnline(store, tee)).isEqualTo(8);
		assertThat(inventory.stock(store, tee).reserved()).isZero();
		assertThat(movements(tee)).anySatisfy(m -> {
			assertThat(m.reason()).isEqualTo(MovementReason.COMMITTED);
			assertThat(m.committedDelta()).isEqualTo(2);
			assertThat(m.onHandDelta()).isZero();
		});
		assertThat(orders.stockReferences(store, order.id())).hasSize(2);
		TimelineEntry entry = orders.timeline(store, order.id()).stream().filter(e -> e.kind().equals("edited"))
			.findFirst().orElseThrow();
		assertThat(entry.data()).containsEntry("totalBefore", "14.90 EUR").containsEntry("totalAfter", "34.90 EUR")
			.containsEntry("reason", "customer called");
		assertThat(entry.message()).contains("added 2 × " + tee).contains(mug + " quantity 1 → 2");
		assertThat(edits.history(store, order.id())).singleElement()
			.satisfies(e -> assertThat(e.totalAfter()).isEqualTo(Money.of("34.90", "EUR")));

		// the shopper pays the balance through the link in the email
		assertThat(done.payLinkSentTo()).isEqualTo(email);
		DraftShop.MailedLink link = DraftShop.mailedLink(email, 0);
		assertThat(link.url()).startsWith("http://shop.test/pay/");
		PayLinks.Link opened = links.open(link.id(), link.token()).orElseThrow();
		assertThat(opened.orderId()).isEqualTo(order.id().value());
		assertThat(edits.balanceDue(store, order.id())).isEqualTo(Money.of("20.00", "EUR"));
		DraftOrders.PayResult paid = edits.payBalance(store, order.id(), card(DraftShop.GOOD_CARD), "k", "/r");
		assertThat(paid.outcome()).isEqualTo(DraftOrders.PayResult.Outcome.PAID);
		await(() -> orders.get(store, order.id()).paymentState(), PaymentState.PAID::equals);
		assertThat(payments.forOrder(store, order.id().toString())).extracting(PaymentIntent::captured)
			.containsExactly(Money.of("14.90", "EUR"), Money.of("20.00", "EUR"));
		assertThatThrownBy(() -> edits.payBalance(store, order.id(), card(DraftShop.GOOD_CARD), "k2", "/r"))
			.isInstanceOfSatisfying(BusinessRuleViolation.class, ex -> assertThat(ex.code()).isEqualTo("NOTHING_TO_PAY"));
	}

	@Test
	void removingAndLoweringRefundsTheDifferenceAndRestocks() {
		Order order = paidOrder(DraftShop.email(), line(mug, 3), line(tee, 1));
		assertThat(order.totals().total()).isEqualTo(Money.of("39.90", "EUR"));
		assertThat(inventory.stock(store, mug).committed()).isEqualTo(3);
		assertThat(inventory.availableOnline(store, mug)).isEqualTo(7);

		OrderEdits.Committed done = edits.commit(store, order.id(), new EditOrder(order.version(), List.of(
				EditOrder.Change.remove(lineOf(order, tee).id()), EditOrder.Change.setQuantity(lineOf(order, mug).id(), 1)),
				null), "http://shop.test");

		assertThat(done.order().totals().total()).isEqualTo(Money.of("14.90", "EUR"));
		assertThat(done.refunded()).isEqualTo(Money.of("25.00", "EUR"));
		assertThat(done.payLinkSentTo()).isNull();
		assertThat(lineOf(done.order(), tee).cancelledQuantity()).isEqualTo(1);
		assertThat(lineOf(done.order(), tee).total()).isEqualTo(Money.of("0.00", "EUR"));
		PaymentIntent payment = payments.forOrder(store, order.id().toString()).getFirst();
		assertThat(payment.refunded()).isEqualTo(Money.of("25.00", "EUR"));
		await(() -> orders.get(store, order.id()).paymentState(), PaymentState.PARTIALLY_REFUNDED::equals);
		// removed units were never shipped: released from the commitment, on hand unchanged
		assertThat(inventory.stock(store, mug).onHand()).isEqualTo(10);
		assertThat(inventory.stock(store, mug).committed()).isEqualTo(1);
		assertThat(inventory.availableOnline(store, mug)).isEqualTo(9);
		assertThat(inventory.stock(store, tee).committed()).isZero();
		assertThat(inventory.availableOnline(store, tee)).isEqualTo(10);
		assertThat(movements(mug)).noneMatch(m -> m.reason() == MovementReason.RETURNED).anySatisfy(m -> {
			assertThat(m.reason()).isEqualTo(MovementReason.UNCOMMITTED);
			assertThat(m.committedDelta()).isEqualTo(-2);
			assertThat(m.onHandDelta()).isZero();
		});
		assertThat(inventory.ledgerDiscrepancies(store)).isEmpty();

		// a removed line cannot be changed again; the edit never refunds more than was captured
		int version = orders.get(store, order.id()).version(); // the refund's payment event moved it on
		assertThatThrownBy(() -> edits.commit(store, order.id(), new EditOrder(version,
				List.of(EditOrder.Change.setQuantity(lineOf(order, tee).id(), 2)), null), "http://shop.test"))
			.isInstanceOfSatisfying(BusinessRuleViolation.class, ex -> assertThat(ex.code()).isEqualTo("LINE_REMOVED"));
		EditPreview lower = edits.preview(store, order.id(), new EditOrder(done.order().version(),
				List.of(EditOrder.Change.add(tee, 1)), null));
		assertThat(lower.refundable()).isEqualTo(Money.of("14.90", "EUR"));
	}

	@Test
	void cancellingAnEditedOrderRestocksWhatItHoldsNowNotWhatItFirstReserved() {
		Order order = paidOrder(DraftShop.email(), line(mug, 3), line(tee, 1));
		edits.commit(store, order.id(), new EditOrder(order.version(), List.of(
				EditOrder.Change.setQuantity(lineOf(order, mug).id(), 1), EditOrder.Change.remove(lineOf(order, tee).id())),
				null), "http://shop.test");
		// the refund's payment event moves the order on to a new version
		await(() -> orders.get(store, order.id()).paymentState(), PaymentState.PARTIALLY_REFUNDED::equals);
		Order edited = orders.get(store, order.id());
		edits.commit(store, order.id(), new EditOrder(edited.version(), List.of(EditOrder.Change.add(tee, 2)), null),
				"http://shop.test");
		assertThat(inventory.availableOnline(store, mug)).isEqualTo(9);
		assertThat(inventory.availableOnline(store, tee)).isEqualTo(8);

		orders.cancel(store, order.id(), "customer changed their mind", true);

		assertThat(inventory.availableOnline(store, mug)).as("one mug was still held, two came back with the edit")
			.isEqualTo(10);
		assertThat(inventory.availableOnline(store, tee)).as("the edit's two tees come back, the removed one not twice")
			.isEqualTo(10);
		assertThat(inventory.stock(store, mug).committed()).isZero();
		assertThat(inventory.stock(store, tee).committed()).isZero();
		assertThat(inventory.stock(store, mug).onHand()).as("nothing ever left the shelf").isEqualTo(10);
		assertThat(inventory.stock(store, tee).onHand()).isEqualTo(10);
		assertThat(inventory.ledgerDiscrepancies(store)).isEmpty();
	}

	@Test
	void aStoreThatCapturesOnFulfilmentCapturesTheEditedTotalNotTheFirstAuthorisation() {
		payments.updateSettings(store, new dev.shopwright.payments.PaymentSettings(true, false, false,
				dev.shopwright.payments.CaptureMode.ON_FULFILMENT));
		DraftOrder draft = drafts.create(store, details(DraftShop.email(), List.of(line(mug, 3)), "4.90"));
		DraftOrders.PayResult paid = drafts.payByCard(store, draft.id(), card(DraftShop.GOOD_CARD), "setup", "/r");
		await(() -> orders.get(store, paid.orderId()).paymentState(), PaymentState.AUTHORIZED::equals);
		Order order = orders.get(store, paid.orderId());
		assertThat(order.totals().total()).isEqualTo(Money.of("34.90", "EUR"));

		Order lowered = edits.commit(store, order.id(), new EditOrder(order.version(),
				List.of(EditOrder.Change.setQuantity(lineOf(order, mug).id(), 1)), null), "http://shop.test").order();
		assertThat(lowered.totals().total()).isEqualTo(Money.of("14.90", "EUR"));
		orders.recordFulfillment(store, order.id(), java.util.Map.of(lineOf(lowered, mug).id(), 1), "parcel-1");

		PaymentIntent payment = payments.forOrder(store, order.id().toString()).getFirst();
		assertThat(payment.captured()).isEqualTo(Money.of("14.90", "EUR"));
		await(() -> orders.get(store, order.id()).paymentState(), PaymentState.PAID::equals);
	}

	@Test
	void twoConcurrentEditsOfOneVersionCommitOnceAndTheOtherIsAConflict() throws Exception {
		Order order = paidOrder(DraftShop.email(), line(mug, 1));
		List<Callable<Object>> commits = new ArrayList<>();
		for (int i = 0; i < 2; i++) {
			commits.add(() -> edits.commit(store, order.id(), new EditOrder(order.version(),
					List.of(EditOrder.Change.add(tee, 1)), null), "http://shop.test"));
		}
		List<Object> results = DraftShop.runAtOnce(commits);

		assertThat(results).filteredOn(OrderEdits.Committed.class::isInstance).hasSize(1);
		assertThat(results).filteredOn(BusinessRuleViolation.class::isInstance).singleElement()
			.satisfies(r -> {
				BusinessRuleViolation conflict = (BusinessRuleViolation) r;
				assertThat(conflict.code()).isEqualTo("ORDER_VERSION_CONFLICT");
				assertThat(conflict.status()).isEqualTo(409);
			});
		Order now = orders.get(store, order.id());
		assertThat(now.lines()).filteredOn(l -> l.sku().equals(tee)).hasSize(1);
		assertThat(inventory.stock(store, tee).committed()).as("the tee was sold once").isEqualTo(1);
		assertThat(inventory.availableOnline(store, tee)).isEqualTo(9);
		assertThat(edits.history(store, order.id())).hasSize(1);
	}

	@Test
	void addedUnitsThatAreNotInStockAreA409AndNothingChanges() {
		Order order = paidOrder(DraftShop.email(), line(mug, 1));
		assertThatThrownBy(() -> edits.commit(store, order.id(), new EditOrder(order.version(), List.of(
				EditOrder.Change.setQuantity(lineOf(order, mug).id(), 2), EditOrder.Change.add(tee, 50)), null),
				"http://shop.test"))
			.isInstanceOfSatisfying(BusinessRuleViolation.class, ex -> {
				assertThat(ex.code()).isEqualTo("INSUFFICIENT_STOCK");
				assertThat(ex.status()).isEqualTo(409);
			});
		Order after = orders.get(store, order.id());
		assertThat(after.version()).isEqualTo(order.version());
		assertThat(after.lines()).isEqualTo(order.lines());
		assertThat(after.totals()).isEqualTo(order.totals());
		assertThat(inventory.stock(store, mug).committed()).isEqualTo(1);
		assertThat(inventory.availableOnline(store, mug)).isEqualTo(9);
		assertThat(inventory.stock(store, tee).committed()).isZero();
		assertThat(inventory.availableOnline(store, tee)).isEqualTo(10);
		assertThat(edits.history(store, order.id())).isEmpty();
		assertThat(orders.timeline(store, order.id())).noneMatch(e -> e.kind().equals("edited"));
	}

	@Test
	void fulfilledLinesCancelledOrdersAndStaleVersionsAreRefused() {
		Order order = paidOrder(DraftShop.email(), line(mug, 2), line(tee, 1));
		// fulfilment recorded one mug (as OrderManagement.recordFulfillment does on the orders branch)
		jdbc.sql("update orders.order_line set fulfilled_quantity = 1 where store_id = :s and order_id = :o and sku = :sku")
			.param("s", store.value()).param("o", order.id().value()).param("sku", mug).update();

		assertThatThrownBy(() -> edits.preview(store, order.id(), new EditOrder(order.version(),
				List.of(EditOrder.Change.remove(lineOf(order, mug).id())), null)))
			.isInstanceOfSatisfying(BusinessRuleViolation.class,
					ex -> assertThat(ex.code()).isEqualTo("LINE_ALREADY_FULFILLED"));
		// the unfulfilled line of the same order may still change
		assertThat(edits.commit(store, order.id(), new EditOrder(order.version(),
				List.of(EditOrder.Change.setQuantity(lineOf(order, tee).id(), 2)), null), "http://shop.test").order()
			.totals().total()).isEqualTo(Money.of("34.90", "EUR"));
		assertThatThrownBy(() -> edits.commit(store, order.id(), new EditOrder(order.version(),
				List.of(EditOrder.Change.add(tee, 1)), null), "http://shop.test"))
			.isInstanceOfSatisfying(BusinessRuleViolation.class,
					ex -> assertThat(ex.code()).isEqualTo("ORDER_VERSION_CONFLICT"));

		jdbc.sql("update orders.customer_order set status = 'CANCELLED', cancelled_at = now() where store_id = :s and id = :o")
			.param("s", store.value()).param("o", order.id().value()).update();
		int version = orders.get(store, order.id()).version();
		assertThatThrownBy(() -> edits.commit(store, order.id(), new EditOrder(version,
				List.of(EditOrder.Change.add(tee, 1)), null), "http://shop.test"))
			.isInstanceOfSatisfying(BusinessRuleViolation.class, ex -> {
				assertThat(ex.code()).isEqualTo("ORDER_NOT_EDITABLE");
				assertThat(ex.status()).isEqualTo(409);
			});
	}

	@Test
	void badEditsAreRefusedWithTheFieldsToFix() {
		Order order = paidOrder(DraftShop.email(), line(mug, 1));
		assertThatThrownBy(() -> edits.preview(store, order.id(), new EditOrder(order.version(), List.of(
				EditOrder.Change.add("NO-SUCH-SKU", 1), EditOrder.Change.setQuantity(UUID.randomUUID(), 1)), null)))
			.isInstanceOfSatisfying(BusinessRuleViolation.class, ex -> {
				assertThat(ex.code()).isEqualTo("INVALID_ORDER_EDIT");
				assertThat(ex.fieldErrors()).containsKeys("changes[0].sku", "changes[1].lineId");
			});
		assertThatThrownBy(() -> edits.preview(store, order.id(), new EditOrder(order.version(),
				List.of(EditOrder.Change.remove(lineOf(order, mug).id())), null)))
			.isInstanceOfSatisfying(BusinessRuleViolation.class,
					ex -> assertThat(ex.getMessage()).contains("cancel the order instead"));
	}

	@Test
	void oneStoreCannotEditAnothersOrders() {
		Order order = paidOrder(DraftShop.email(), line(mug, 1));
		StoreId theirs = shop.newStore("EUR");
		assertThatThrownBy(() -> edits.preview(theirs, order.id(), new EditOrder(order.version(),
				List.of(EditOrder.Change.add(tee, 1)), null))).isInstanceOf(ResourceNotFound.class);
		assertThatThrownBy(() -> edits.commit(theirs, order.id(), new EditOrder(order.version(),
				List.of(EditOrder.Change.add(tee, 1)), null), "http://x")).isInstanceOf(ResourceNotFound.class);
		assertThatThrownBy(() -> edits.history(theirs, order.id())).isInstanceOf(ResourceNotFound.class);
		assertThat(orders.get(store, order.id()).version()).isEqualTo(order.version());
	}

	private List<StockMovement> movements(String sku) {
		return inventory.movements(store, sku, null, 50).items();
	}

	static <T> void await(Supplier<T> value, Predicate<T> done) {
		Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
		T last = value.get();
		while (!done.test(last)) {
			if (Instant.now().isAfter(deadline)) {
				throw new AssertionError("still " + last);
			}
			try {
				Thread.sleep(100);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new AssertionError(ex);
			}
			last = value.get();
		}
	}
}
