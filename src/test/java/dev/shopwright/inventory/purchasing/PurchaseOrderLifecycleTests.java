package dev.shopwright.inventory.purchasing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.mail.BodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.junit.jupiter.api.Test;
import org.openpdf.text.pdf.PdfReader;
import org.openpdf.text.pdf.parser.PdfTextExtractor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.shopwright.inventory.InventoryManagement;
import dev.shopwright.inventory.SkuStock;
import dev.shopwright.inventory.StockLevel;
import dev.shopwright.platform.BusinessRuleViolation;
import dev.shopwright.shared.Money;
import dev.shopwright.shared.StoreId;
import dev.shopwright.testing.ShopwrightTest;

@ShopwrightTest
class PurchaseOrderLifecycleTests {

	@Autowired
	Purchasing purchasing;

	@Autowired
	InventoryManagement inventory;

	@Autowired
	org.springframework.context.ApplicationContext context;

	PurchasingFixtures fixtures;

	@org.junit.jupiter.api.BeforeEach
	void fixtures() {
		fixtures = new PurchasingFixtures(context);
	}

	@Autowired
	JdbcClient jdbc;

	@Test
	void aPurchaseOrderIsSentAsPdfByEmailReceivedInPartsAtItsCostAndClosed() throws Exception {
		StoreId store = fixtures.demoStore();
		String sku = fixtures.newSku(store, "EUR");
		inventory.receive(store, dev.shopwright.inventory.StockReceipt.of(sku, 10, Money.of("4.00", "EUR")));
		Supplier supplier = fixtures.supplier(store, "EUR", 9, null, null, 1);
		String code = "A-" + sku.substring(sku.length() - 4);
		purchasing.saveSupplierSku(store, supplier.id(), new SupplierSkuDraft(sku, code, new BigDecimal("6.00"), 1, true));
		assertThat(jdbc.sql("select lead_time_days from inventory.item where store_id = ? and sku = ?")
			.params(store.value(), sku).query(Integer.class).single()).isEqualTo(9);

		PurchaseOrder draft = purchasing.createPurchaseOrder(store, new PurchaseOrderDraft(supplier.id(), null, "Rush please",
				null, List.of(new PurchaseOrderDraft.Line(sku, 30, null))));
		assertThat(draft.status()).isEqualTo(PurchaseOrderStatus.DRAFT);
		assertThat(draft.number()).matches("PO-\\d{4,}");
		assertThat(draft.total()).isEqualTo(Money.of("180.00", "EUR"));
		assertThat(inventory.stock(store, sku).incoming()).isZero();

		PurchaseOrder sent = purchasing.send(store, draft.id());
		assertThat(sent.status()).isEqualTo(PurchaseOrderStatus.SENT);
		assertThat(inventory.stock(store, sku).incoming()).isEqualTo(30);

		MimeMessage mail = fixtures.awaitMail(supplier.email());
		assertThat(mail.getSubject()).contains(draft.number());
		byte[] pdf = attachment(mail, draft.number() + ".pdf");
		String text = new PdfTextExtractor(new PdfReader(pdf)).getTextFromPage(1);
		assertThat(text).contains("Purchase order " + draft.number(), sku, code, "180.00 EUR", supplier.name(), "Hamburg",
				"Rush please");
		assertThat(new PdfTextExtractor(new PdfReader(purchasing.pdf(store, draft.id()))).getTextFromPage(1)).contains(sku,
				"180.00 EUR");
		fixtures.await(() -> purchasing.purchaseOrder(store, draft.id()).emailedAt() != null);
		assertThat(purchasing.purchaseOrder(store, draft.id()).emailedTo()).isEqualTo(supplier.email());

		PurchaseOrder partly = purchasing.receive(store, draft.id(), Receipt.of(code, 10, null));
		assertThat(partly.status()).isEqualTo(PurchaseOrderStatus.PARTIALLY_RECEIVED);
		SkuStock afterFirst = inventory.stock(store, sku);
		assertThat(afterFirst.onHand()).isEqualTo(20);
		assertThat(afterFirst.incoming()).isEqualTo(20);
		assertThat(level(afterFirst).averageCost()).isEqualTo(Money.of("5.00", "EUR"));

		assertThatThrownBy(() -> purchasing.receive(store, draft.id(), Receipt.of(sku, 21, null)))
			.isInstanceOfSatisfying(BusinessRuleViolation.class, ex -> {
				assertThat(ex.code()).isEqualTo("RECEIVED_MORE_THAN_ORDERED");
				assertThat(ex.getMessage()).contains("20 still outstanding");
			});
		assertThatThrownBy(() -> purchasing.receive(store, draft.id(), Receipt.of("NOT-ON-IT", 1, null)))
			.hasFieldOrPropertyWithValue("code", "NOT_ON_PURCHASE_ORDER");
		assertThat(inventory.stock(store, sku).onHand()).isEqualTo(20);

		PurchaseOrder received = purchasing.receive(store, draft.id(), Receipt.of(sku.toLowerCase(), 20, null));
		assertThat(received.status()).isEqualTo(PurchaseOrderStatus.RECEIVED);
		assertThat(received.closedAt()).isNotNull();
		SkuStock end = inventory.stock(store, sku);
		assertThat(end.onHand()).isEqualTo(40);
		assertThat(end.incoming()).isZero();
		assertThat(level(end).averageCost()).isEqualTo(Money.of("5.50", "EUR"));
		assertThatThrownBy(() -> purchasing.cancel(store, draft.id())).hasFieldOrPropertyWithValue("code",
				"PURCHASE_ORDER_WRONG_STATUS");
		assertThatThrownBy(() -> purchasing.receive(store, draft.id(), Receipt.of(sku, 1, null)))
			.hasFieldOrPropertyWithValue("code", "PURCHASE_ORDER_WRONG_STATUS");
		assertThat(inventory.movements(store, sku, null, 10).items()).filteredOn(m -> draft.id().toString().equals(m.sourceId()))
			.hasSize(3);
		assertThat(inventory.ledgerDiscrepancies(store)).isEmpty();
	}

	@Test
	void cancellingReleasesWhatHasNotArrivedAndADraftCannotBeReceived() {
		StoreId store = fixtures.demoStore();
		String sku = fixtures.newSku(store, "EUR");
		Supplier supplier = fixtures.supplier(store, "EUR", 5, null, null, 1);
		PurchaseOrder draft = purchasing.createPurchaseOrder(store, new PurchaseOrderDraft(supplier.id(), null, null, null,
				List.of(new PurchaseOrderDraft.Line(sku, 10, new BigDecimal("2.50")))));
		assertThatThrownBy(() -> purchasing.receive(store, draft.id(), Receipt.of(sku, 1, null)))
			.hasFieldOrPropertyWithValue("code", "PURCHASE_ORDER_WRONG_STATUS");
		purchasing.send(store, draft.id());
		assertThatThrownBy(() -> purchasing.send(store, draft.id())).hasFieldOrPropertyWithValue("code",
				"PURCHASE_ORDER_WRONG_STATUS");
		assertThatThrownBy(() -> purchasing.updatePurchaseOrder(store, draft.id(), new PurchaseOrderDraft(supplier.id(), null,
				null, null, List.of(new PurchaseOrderDraft.Line(sku, 99, null))))).hasFieldOrPropertyWithValue("code",
						"PURCHASE_ORDER_WRONG_STATUS");
		purchasing.receive(store, draft.id(), Receipt.of(sku, 4, null));

		PurchaseOrder cancelled = purchasing.cancel(store, draft.id());

		assertThat(cancelled.status()).isEqualTo(PurchaseOrderStatus.CANCELLED);
		SkuStock stock = inventory.stock(store, sku);
		assertThat(stock.onHand()).isEqualTo(4);
		assertThat(stock.incoming()).isZero();
		assertThat(inventory.ledgerDiscrepancies(store)).isEmpty();
	}

	@Test
	void concurrentReceiptsOfOneLineNeverExceedTheQuantityOrdered() throws Exception {
		StoreId store = fixtures.demoStore();
		String sku = fixtures.newSku(store, "EUR");
		Supplier supplier = fixtures.supplier(store, "EUR", 5, null, null, 1);
		PurchaseOrder order = purchasing.createPurchaseOrder(store, new PurchaseOrderDraft(supplier.id(), null, null, null,
				List.of(new PurchaseOrderDraft.Line(sku, 10, new BigDecimal("1.00")))));
		purchasing.send(store, order.id());
		CountDownLatch start = new CountDownLatch(1);
		List<Callable<Boolean>> receipts = new ArrayList<>();
		for (int i = 0; i < 8; i++) {
			receipts.add(() -> {
				start.await();
				try {
					purchasing.receive(store, order.id(), Receipt.of(sku, 3, null));
					return true;
				}
				catch (BusinessRuleViolation ex) {
					assertThat(ex.code()).isIn("RECEIVED_MORE_THAN_ORDERED", "PURCHASE_ORDER_WRONG_STATUS");
					return false;
				}
			});
		}
		int succeeded = 0;
		try (var pool = Executors.newFixedThreadPool(8)) {
			List<Future<Boolean>> results = new ArrayList<>();
			for (Callable<Boolean> receipt : receipts) {
				results.add(pool.submit(receipt));
			}
			start.countDown();
			for (Future<Boolean> result : results) {
				succeeded += result.get() ? 1 : 0;
			}
		}
		assertThat(succeeded).isEqualTo(3);
		PurchaseOrder after = purchasing.purchaseOrder(store, order.id());
		assertThat(after.lines().get(0).received()).isEqualTo(9);
		assertThat(after.status()).isEqualTo(PurchaseOrderStatus.PARTIALLY_RECEIVED);
		assertThat(inventory.stock(store, sku).onHand()).isEqualTo(9);
		assertThat(inventory.stock(store, sku).incoming()).isEqualTo(1);
		assertThat(inventory.ledgerDiscrepancies(store)).isEmpty();
	}

	@Test
	void badOrdersAreRefusedWithTheirRuleAndWriteNothing() {
		StoreId store = fixtures.demoStore();
		String sku = fixtures.newSku(store, "EUR");
		Supplier supplier = fixtures.supplier(store, "EUR", 5, null, null, 1);
		long before = jdbc.sql("select count(*) from inventory.purchase_order where store_id = ?").param(store.value())
			.query(Long.class).single();
		assertThatThrownBy(() -> purchasing.createPurchaseOrder(store, new PurchaseOrderDraft(supplier.id(), null, null, null,
				List.of(new PurchaseOrderDraft.Line(sku, 1, new BigDecimal("1.00")),
						new PurchaseOrderDraft.Line("NO-SUCH-" + sku, 1, new BigDecimal("1.00"))))))
			.isInstanceOfSatisfying(BusinessRuleViolation.class, ex -> {
				assertThat(ex.code()).isEqualTo("UNKNOWN_SKU");
				assertThat(ex.fieldErrors()).containsKey("lines[1].sku");
			});
		assertThatThrownBy(() -> purchasing.createPurchaseOrder(store, new PurchaseOrderDraft(supplier.id(), null, null, null,
				List.of(new PurchaseOrderDraft.Line(sku, 1, null))))).hasFieldOrPropertyWithValue("code", "UNIT_COST_REQUIRED");
		assertThatThrownBy(() -> purchasing.createPurchaseOrder(store, new PurchaseOrderDraft(supplier.id(), null, null, null,
				List.of(new PurchaseOrderDraft.Line(sku, 1, new BigDecimal("1.001")))))).hasFieldOrPropertyWithValue("code",
						"INVALID_AMOUNT");
		assertThatThrownBy(() -> purchasing.createPurchaseOrder(store, new PurchaseOrderDraft(supplier.id(), null, null, null,
				List.of(new PurchaseOrderDraft.Line(sku, 1, BigDecimal.ONE), new PurchaseOrderDraft.Line(sku, 2, BigDecimal.ONE)))))
			.hasFieldOrPropertyWithValue("code", "DUPLICATE_LINE");
		assertThatThrownBy(() -> purchasing.createPurchaseOrder(store, new PurchaseOrderDraft(UUID.randomUUID(), null, null,
				null, List.of()))).hasFieldOrPropertyWithValue("code", "UNKNOWN_SUPPLIER");
		assertThatThrownBy(() -> purchasing.createPurchaseOrder(store, new PurchaseOrderDraft(supplier.id(), UUID.randomUUID(),
				null, null, List.of()))).hasFieldOrPropertyWithValue("code", "UNKNOWN_LOCATION");
		PurchaseOrder empty = purchasing.createPurchaseOrder(store, new PurchaseOrderDraft(supplier.id(), null, null, null, List.of()));
		assertThatThrownBy(() -> purchasing.send(store, empty.id())).hasFieldOrPropertyWithValue("code", "PURCHASE_ORDER_EMPTY");
		assertThat(jdbc.sql("select count(*) from inventory.purchase_order where store_id = ?").param(store.value())
			.query(Long.class).single()).isEqualTo(before + 1);
		assertThatThrownBy(() -> fixtures.supplier(store, "EUR", 5, null, null, 1, "+1 555 12"))
			.hasFieldOrPropertyWithValue("code", "INVALID_PHONE");
		assertThat(fixtures.supplier(store, "EUR", 5, null, null, 1, "030 1234567").phone()).isEqualTo("+49 30 1234567");
	}

	@Test
	void purchaseOrderNumbersAreGapFreeAndUniqueUnderConcurrentCreation() throws Exception {
		StoreId store = fixtures.demoStore();
		String sku = fixtures.newSku(store, "EUR");
		Supplier supplier = fixtures.supplier(store, "EUR", 5, null, null, 1);
		List<Callable<String>> creations = new ArrayList<>();
		for (int i = 0; i < 12; i++) {
			creations.add(() -> purchasing.createPurchaseOrder(store, new PurchaseOrderDraft(supplier.id(), null, null, null,
					List.of(new PurchaseOrderDraft.Line(sku, 1, BigDecimal.ONE)))).number());
		}
		List<Integer> numbers = new ArrayList<>();
		try (var pool = Executors.newFixedThreadPool(6)) {
			for (Future<String> number : pool.invokeAll(creations)) {
				numbers.add(Integer.parseInt(number.get().substring(3)));
			}
		}
		numbers.sort(Integer::compare);
		assertThat(numbers).doesNotHaveDuplicates();
		assertThat(numbers.get(numbers.size() - 1) - numbers.get(0)).isEqualTo(11);
	}

	private static StockLevel level(SkuStock stock) {
		return stock.levels().stream().filter(l -> l.locationName().equals("Main warehouse")).findFirst().orElseThrow();
	}

	private static byte[] attachment(MimeMessage mail, String filename) throws Exception {
		MimeMultipart parts = (MimeMultipart) mail.getContent();
		for (int i = 0; i < parts.getCount(); i++) {
			BodyPart part = parts.getBodyPart(i);
			if (filename.equals(part.getFileName())) {
				assertThat(part.getContentType()).startsWith("application/pdf");
				return part.getInputStream().readAllBytes();
			}
		}
		throw new AssertionError("no attachment " + filename);
	}
}
