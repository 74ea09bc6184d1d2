package dev.shopwright.orders;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.UUID;

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
record OrderFixtures(StoreManagement stores, PaymentManagement payments) {

	static final BigDecimal VAT = new BigDecimal("0.19");

	StoreId newStore(String currency) {
		String handle = "ord-" + UUID.randomUUID().toString().substring(0, 8);
		return stores.create(StoreSettings.named("Orders " + handle, handle, currency)).id();
	}

	static AddressDetails address(String name) {
		return new AddressDetails(name, "Shopper", null, null,
				new Address("Hauptstraße 1", null, "Berlin", null, "10115", "DE"));
	}

	/** A line to buy: sku, quantity, unit price (net). */
	record Item(String sku, int quantity, String unitPrice) {
	}

	PlaceOrder order(OrderId id, String currencyCode, List<Item> items, PlaceOrder.Risk risk,
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
	record PaymentIntentIdHolder(dev.shopwright.payments.PaymentIntentId id) {
	}

	PlaceOrder simple(OrderId id, String currency, String unitPrice) {
		return order(id, currency, List.of(new Item("SKU-" + id.value().toString().substring(0, 6), 1, unitPrice)),
				PlaceOrder.Risk.NOT_ASSESSED, null, null, null, null);
	}

	/** Pays for the order with a sandbox card, as checkout does before it places the order. */
	PaymentIntent payByCard(StoreId store, OrderId order, Money amount, String cardNumber) {
		return payments.start(store, new StartPayment(order.toString(), amount, PaymentMethod.CARD,
				new CardInput(cardNumber, 12, YearMonth.now().getYear() + 2, "123"), null, null, "checkout:" + order));
	}
}
