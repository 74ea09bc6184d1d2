package dev.shopwright.checkout;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import dev.shopwright.catalog.CatalogManagement;
import dev.shopwright.catalog.InventoryPolicy;
import dev.shopwright.catalog.Product;
import dev.shopwright.catalog.Variant;
import dev.shopwright.checkout.shipping.QuoteRequest;
import dev.shopwright.checkout.shipping.ShippingQuote;
import dev.shopwright.checkout.shipping.ShippingRates;
import dev.shopwright.customers.CustomerManagement;
import dev.shopwright.pricing.PriceBreakdown;
import dev.shopwright.pricing.PriceCalculation;
import dev.shopwright.pricing.PricingManagement;
import dev.shopwright.shared.Money;
import dev.shopwright.shared.StoreId;
import dev.shopwright.stores.StoreManagement;

/**
 * Prices a cart from the server's own figures, never the client's: each line's variant is looked up by SKU in the
 * catalog (an ACTIVE product published to shoppers, else the line is unavailable), its price taken in the cart's
 * currency from pricing, shipping quoted for the shipping address, and the totals calculated by pricing.
 */
@Component
class CartPricing {

	/** A variant a shopper may buy now, with the product it belongs to. */
	record Sellable(Product product, Variant variant) {

		boolean deniesOverselling() {
			return variant.inventoryPolicy() == InventoryPolicy.DENY;
		}
	}

	/** One line priced: {@code sellable} null when it can no longer be bought. */
	record PricedLine(Carts.LineRow row, @Nullable Sellable sellable, @Nullable Money unitPrice,
			@Nullable Money compareAtPrice) {
	}

	/** The cart priced, with the shipping methods its address may choose from and the one chosen (if it applies). */
	record Priced(Cart cart, List<PricedLine> lines, List<ShippingQuote> options, @Nullable ShippingQuote chosen) {
	}

	private final CatalogManagement catalog;

	private final PricingManagement pricing;

	private final ShippingRates shipping;

	private final CustomerManagement customers;

	private final StoreManagement stores;

	CartPricing(CatalogManagement catalog, PricingManagement pricing, ShippingRates shipping,
			CustomerManagement customers, StoreManagement stores) {
		this.catalog = catalog;
		this.pricing = pricing;
		this.shipping = shipping;
		this.customers = customers;
		this.stores = stores;
	}

	/** The variant with this SKU if shoppers may buy it: its product ACTIVE and published. */
	Optional<Sellable> sellable(StoreId store, String sku) {
		return catalog.findBySku(store, sku).filter(Product::visibleToShoppers)
			.flatMap(p -> p.variants().stream().filter(v -> sku.equals(v.sku())).findFirst()
				.map(v -> new Sellable(p, v)));
	}

	Priced price(Carts.Row row, List<Carts.LineRow> rows) {
		StoreId store = row.store();
		boolean storeCurrency = stores.get(store).defaultCurrency().equals(row.currency());
		List<PricedLine> lines = new ArrayList<>();
		Money subtotal = Money.zero(row.currency());
		long grams = 0;
		for (Carts.LineRow line : rows) {
			Sellable sellable = sellable(store, line.sku()).orElse(null);
			if (sellable == null) {
				lines.add(new PricedLine(line, null, null, null));
				continue;
			}
			Variant variant = sellable.variant();
			Money unit = storeCurrency ? variant.price()
					: pricing.priceIn(store, line.sku(), variant.price(), row.currency()).price();
			Money compareAt = storeCurrency ? variant.compareAtPrice() : null;
			lines.add(new PricedLine(line, sellable, unit, compareAt));
			subtotal = subtotal.plus(unit.times(line.quantity()));
			grams += (long) (variant.weightGrams() == null ? 0 : variant.weightGrams()) * line.quantity();
		}
		boolean requiresShipping = lines.stream().anyMatch(l -> l.sellable() != null);
		List<ShippingQuote> options = List.of();
		if (requiresShipping && row.shippingAddress() != null && row.shippingAddress().address().country() != null) {
			options = shipping.quote(store, new QuoteRequest(row.shippingAddress().address(), grams, subtotal,
					row.currency(), Instant.now()));
		}
		ShippingQuote chosen = options.stream().filter(q -> q.methodId().equals(row.shippingMethodId())).findFirst()
			.orElse(null);
		boolean taxExempt = row.customer() != null && customers.isTaxExempt(store, row.customer());
		List<PriceCalculation.Line> calculationLines = lines.stream().filter(l -> l.unitPrice() != null)
			.map(l -> new PriceCalculation.Line(l.row().sku(), l.unitPrice(), l.row().quantity(), null,
					l.sellable().variant().taxable()))
			.toList();
		PriceBreakdown totals = pricing.calculate(store, new PriceCalculation(row.currency(), calculationLines,
				chosen == null ? null : chosen.price(), chosen == null ? null : chosen.taxClass(), List.of(),
				row.shippingAddress() == null ? null : row.shippingAddress().address(), taxExempt));
		Map<String, PriceBreakdown.LineTotal> byReference = totals.lines().stream()
			.collect(Collectors.toMap(PriceBreakdown.LineTotal::reference, Function.identity()));
		List<Cart.Line> viewLines = lines.stream().map(l -> {
			Carts.LineRow r = l.row();
			PriceBreakdown.LineTotal total = byReference.get(r.sku());
			return new Cart.Line(r.id(), r.sku(), r.productId(), r.variantId(), r.title(), r.variantTitle(), r.quantity(),
					l.sellable() != null, l.unitPrice(), l.compareAtPrice(), total == null ? null : total.total(),
					l.sellable() == null ? null : l.sellable().variant().weightGrams());
		}).toList();
		Cart cart = new Cart(row.id(), row.status(), row.currency(), row.customer(), row.email(), viewLines,
				row.shippingAddress(), row.billingAddress(), chosen == null ? null
						: new Cart.ChosenShipping(chosen.methodId(), chosen.name(), chosen.price(), chosen.deliveryFrom(),
								chosen.deliveryTo()),
				totals, requiresShipping, row.orderId(), row.version(), row.createdAt(), row.updatedAt());
		return new Priced(cart, lines, options, chosen);
	}

	static ShippingOption option(ShippingQuote quote) {
		return new ShippingOption(quote.methodId(), quote.name(), quote.kind().name(), quote.price(),
				quote.deliveryFrom(), quote.deliveryTo());
	}
}
