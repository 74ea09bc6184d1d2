package dev.shopwright.orders;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.UUID;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

import dev.shopwright.customers.AddressDetails;
import dev.shopwright.customers.CustomerId;
import dev.shopwright.payments.CardInput;
import dev.shopwright.payments.PaymentIntent;
import dev.shopwright.payments.PaymentManagement;
import dev.shopwright.payments.PaymentMethod;
import dev.shopwright.payments.StartPayment;
import dev.shopwright.pricing.PriceBreakdown;
import dev.shopwright.pricing.TaxRounding;
import dev.shopwright.shared.Address;
import dev.shopwright.shared.Money;
import dev.shopwright.shared.StoreId;
import dev.shopwright.stores.StoreManagement;
import dev.shopwright.stores.StoreSettings;

/**
 * Test data for orders: fresh stores, and orders as checkout would place them — lines at 19% VAT added on top
 * (prices without tax), 4.90 shipping, totals that add up exactly.
 */
public record OrderFixtures(StoreManagement stores, PaymentManagement payments) {

	static final BigDecimal VAT = new BigDecimal("0.19");

	public StoreId newStore(String currency) {
		String handle = "ord-" + UUID.randomUUID().toString().substring(0, 8);
		return stores.create(StoreSettings.named("Orders " + handle, handle, currency)).id();
	}

	public static AddressDetails address(String name) {
		return new AddressDetails(name, "Shopper", null, null,
				new Address("Hauptstraße 1", null, "Berlin", null, "10115", "DE"));
	}

	/** A line to buy: sku, quantity, unit price (net). */
	public record Item(String sku, int quantity, String unitPrice) {
	}

	public PlaceOrder order(OrderId id, String currencyCode, List<Item> items, PlaceOrder.Risk risk,
			@Nullable String reservationReference, @Nullable PaymentIntentIdHolder payment, @Nullable CustomerId customer,
			@Nullable String shopperTokenHash) {
		Currency currency = Currency.getInstance(currencyCode);
		Money zero = Money.zero(currency);
		List<PlaceOrder.Line> lines = new ArrayList<>();
		List<PriceBreakdown.LineTotal> lineTotals = new ArrayList<>();
		Money subtotal = zero;
		Money tax = zero;
		for (int i = 0; i < items.size(); i++) {
			Item item = items.get(i);
			Money unit = Money.of(item.unitPrice(), currencyCode);
			Money amount = unit.times(item.quantity());
			Money lineTax = amount.multiply(VAT, java.math.RoundingMode.HALF_UP);
			String reference = "line-" + i;
			lines.add(new PlaceOrder.Line(reference, item.sku(), null, null, "Product " + item.sku(), null,
					item.quantity(), unit, "standard", 250, true));
			lineTotals.add(new PriceBreakdown.LineTotal(reference, item.quantity(), unit, amount, zero, amount, lineTax,
					amount.plus(lineTax)));
			subtotal = subtotal.plus(amount);
			tax = tax.plus(lineTax);
		}
		Money shipping = Money.of("4.90", currencyCode);
		Money shippingTax = shipping.multiply(VAT, java.math.RoundingMode.HALF_UP);
		Money taxTotal = tax.plus(shippingTax);
		Money total = subtotal.plus(shipping).plus(taxTotal);
		PriceBreakdown totals = new PriceBreakdown(currency, false, TaxRounding.PER_LINE, "DE", false, lineTotals,
				subtotal, zero, shipping, shippingTax, shipping.plus(shippingTax),
				List.of(new PriceBreakdown.TaxLine("DE", "standard", "VAT 19%", new BigDecimal("19"), false,
						subtotal.plus(shipping), taxTotal)),
				taxTotal, total, new PriceBreakdown.StoreCurrencyTotals(currency, null, null, subtotal, zero, shipping,
						taxTotal, total));
		return new PlaceOrder(id, PlaceOrder.ONLINE_STORE, customer, "shopper-" + id.value().toString().substring(0, 8)
				+ "@example.com", lines, address("Ada"), address("Ada"),
				new PlaceOrder.Shipping("standard", "Standard", LocalDate.now().plusDays(3)), totals,
				reservationReference, payment == null ? null : payment.id(), risk, null, "203.0.113.7", shopperTokenHash);
	}

	/** Lets a test pass "no payment" without a cast. */
	public record PaymentIntentIdHolder(dev.shopwright.payments.PaymentIntentId id) {
	}

	public PlaceOrder simple(OrderId id, String currency, String unitPrice) {
		return order(id, currency, List.of(new Item("SKU-" + id.value().toString().substring(0, 6), 1, unitPrice)),
				PlaceOrder.Risk.NOT_ASSESSED, null, null, null, null);
	}

	/** Pays for the order with a sandbox card, as checkout does before it places the order. */
	public PaymentIntent payByCard(StoreId store, OrderId order, Money amount, String cardNumber) {
		return payments.start(store, new StartPayment(order.toString(), amount, PaymentMethod.CARD,
				new CardInput(cardNumber, 12, YearMonth.now().getYear() + 2, "123"), null, null, "checkout:" + order));
	}

	/** A new product with one variant of this SKU (inventory starts tracking it), in a EUR store. */
	public String newSku(dev.shopwright.catalog.CatalogManagement catalog, StoreId store) {
		String sku = "ORD-" + UUID.randomUUID().toString().substring(0, 8);
		catalog.create(store, dev.shopwright.catalog.ProductDraft.of("Order test " + sku,
				new dev.shopwright.catalog.ProductDraft.VariantDraft(null, sku, null, Money.of("9.00", "EUR"), null, null,
						null, null, null, null, null, null, dev.shopwright.catalog.InventoryPolicy.DENY, null)));
		return sku;
	}

	public static <T> T await(Supplier<T> read, java.util.function.Predicate<T> done) {
		long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
		T value = read.get();
		while (!done.test(value)) {
			if (System.nanoTime() > deadline) {
				throw new AssertionError("still " + value + " after 15 s");
			}
			try {
				Thread.sleep(50);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new AssertionError(ex);
			}
			value = read.get();
		}
		return value;
	}

	public static <T> List<T> runAtOnce(List<Callable<T>> work) throws Exception {
		CountDownLatch start = new CountDownLatch(1);
		try (ExecutorService pool = Executors.newFixedThreadPool(work.size())) {
			List<Future<T>> futures = new ArrayList<>();
			for (Callable<T> task : work) {
				futures.add(pool.submit(() -> {
					start.await();
					return task.call();
				}));
			}
			start.countDown();
			List<T> results = new ArrayList<>();
			for (Future<T> future : futures) {
				results.add(future.get());
			}
			return results;
		}
	}
}
