package dev.shopwright.returns;

import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.shopwright.catalog.CatalogManagement;
import dev.shopwright.catalog.Product;
import dev.shopwright.catalog.ProductDraft;
import dev.shopwright.customers.AddressDetails;
import dev.shopwright.customers.CustomerId;
import dev.shopwright.inventory.InventoryManagement;
import dev.shopwright.inventory.StockAdjustment;
import dev.shopwright.orders.Order;
import dev.shopwright.orders.OrderId;
import dev.shopwright.orders.OrderManagement;
import dev.shopwright.orders.PlaceOrder;
import dev.shopwright.payments.CardInput;
import dev.shopwright.payments.PaymentIntent;
import dev.shopwright.payments.PaymentManagement;
import dev.shopwright.payments.PaymentMethod;
import dev.shopwright.payments.StartPayment;
import dev.shopwright.pricing.PriceBreakdown;
import dev.shopwright.pricing.PriceCalculation;
import dev.shopwright.pricing.PricingManagement;
import dev.shopwright.shared.Address;
import dev.shopwright.shared.Money;
import dev.shopwright.shared.StoreId;
import dev.shopwright.stores.Store;
import dev.shopwright.stores.StoreManagement;
import dev.shopwright.stores.StoreSettings;

/**
 * Test data for returns: a fresh store with products in the catalog and stock, orders placed as checkout places
 * them (priced by pricing, paid by a sandbox card captured at once) and marked delivered.
 */
@org.springframework.stereotype.Component
public record ReturnFixtures(StoreManagement stores, CatalogManagement catalog, InventoryManagement inventory,
		PricingManagement pricing, OrderManagement orders, PaymentManagement payments, JdbcClient jdbc) {

	public static final String CARD = "4242424242424242";

	public Store newStore(String currency) {
		String handle = "ret-" + UUID.randomUUID().toString().substring(0, 8);
		return stores.create(StoreSettings.named("Returns " + handle, handle, currency));
	}

	/** A product with one variant per SKU at {@code price}, tagged, with 10 units on hand each. */
	public Product product(StoreId store, String title, String price, List<String> tags, String... skus) {
		Currency currency = stores.get(store).defaultCurrency();
		List<ProductDraft.VariantDraft> variants = new ArrayList<>();
		for (int i = 0; i < skus.length; i++) {
			variants.add(ProductDraft.VariantDraft.priced(skus[i], new Money(new java.math.BigDecimal(price), currency),
					skus.length == 1 ? new String[0] : new String[] { "Size " + i }));
		}
		ProductDraft draft = new ProductDraft(title, null, null, null, null, tags, null, null, null, null,
				skus.length == 1 ? null : List.of(new ProductDraft.OptionDraft("Size", null)), variants, null, null, null,
				null);
		Product product = catalog.create(store, draft);
		inventory.track(store, product);
		for (String sku : skus) {
			inventory.adjust(store, StockAdjustment.to(sku, 10));
		}
		return product;
	}

	public record Item(Product product, String sku, int quantity) {
	}

	/** Places and pays an order for the items, as checkout would, and marks every unit delivered. */
	public Order deliveredOrder(StoreId store, @Nullable CustomerId customer, @Nullable String tokenHash, Item... items) {
		Order order = paidOrder(store, customer, tokenHash, items);
		markDelivered(store, order);
		return orders.get(store, order.id());
	}

	public Order paidOrder(StoreId store, @Nullable CustomerId customer, @Nullable String tokenHash, Item... items) {
		return paidOrderIn(store, stores.get(store).defaultCurrency(), customer, tokenHash, items);
	}

	/** As {@link #paidOrder}, priced and paid in another of the store's currencies (at its current rate). */
	public Order paidOrderIn(StoreId store, Currency currency, @Nullable CustomerId customer, @Nullable String tokenHash,
			Item... items) {
		List<PlaceOrder.Line> lines = new ArrayList<>();
		List<PriceCalculation.Line> priced = new ArrayList<>();
		for (int i = 0; i < items.length; i++) {
			Item item = items[i];
			var variant = item.product().variants().stream().filter(v -> item.sku().equals(v.sku())).findFirst().orElseThrow();
			Money price = pricing.convert(store, variant.price(), currency);
			lines.add(new PlaceOrder.Line("line-" + i, item.sku(), item.product().id().value(), variant.id().value(),
					item.product().title(), variant.title(), item.quantity(), price, null, 300, true));
			priced.add(new PriceCalculation.Line("line-" + i, price, item.quantity(), null, true));
		}
		Address address = new Address("Hauptstraße 1", null, "Berlin", null, "10115", "DE");
		PriceBreakdown totals = pricing.calculate(store, new PriceCalculation(currency, priced,
				Money.of("4.90", currency.getCurrencyCode()), null, List.of(), address, false));
		OrderId id = OrderId.random();
		PaymentIntent payment = payments.start(store, new StartPayment(id.toString(), totals.total(), PaymentMethod.CARD,
				new CardInput(CARD, 12, YearMonth.now().getYear() + 2, "123"), null, null, "checkout:" + id));
		AddressDetails details = new AddressDetails("Ada", "Shopper", null, null, address);
		return orders.place(store, new PlaceOrder(id, PlaceOrder.ONLINE_STORE, customer,
				"shopper-" + id.value().toString().substring(0, 8) + "@example.com", lines, details, details,
				new PlaceOrder.Shipping("standard", "Standard", null), totals, null, payment.id(),
				PlaceOrder.Risk.NOT_ASSESSED, null, null, tokenHash));
	}

	/** Ships every unit, as fulfilment reports a shipment to orders. */
	public void markDelivered(StoreId store, Order order) {
		java.util.Map<UUID, Integer> all = new java.util.HashMap<>();
		order.lines().forEach(line -> all.put(line.id(), line.quantity()));
		orders.recordFulfillment(store, order.id(), all, "shipment-" + order.id());
	}

	public void placedDaysAgo(StoreId store, Order order, int days) {
		jdbc.sql("update orders.customer_order set placed_at = :at where store_id = :store and id = :order")
			.param("at", java.sql.Timestamp.from(Instant.now().minus(java.time.Duration.ofDays(days))))
			.param("store", store.value()).param("order", order.id().value())
			.update();
	}

	public int onHand(StoreId store, String sku) {
		return inventory.stock(store, sku).onHand();
	}

	public PaymentIntent payment(StoreId store, Order order) {
		return payments.forOrder(store, order.id().toString()).getFirst();
	}
}
