package dev.shopwright.checkout;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import dev.shopwright.customers.AddressDetails;
import dev.shopwright.customers.CustomerId;
import dev.shopwright.orders.OrderId;
import dev.shopwright.pricing.PriceBreakdown;
import dev.shopwright.shared.Money;

/**
 * A cart as the shopper sees it, priced now: every unit price comes from the catalog (converted or taken from the
 * currency's price list by pricing), and {@code totals} is {@code PricingManagement.calculate} of exactly these lines,
 * the chosen shipping and the shipping address (tax exempt for an exempt signed-in customer). A line whose product
 * can no longer be bought is listed with {@code available = false}, no price, and left out of the totals;
 * completing such a cart is refused until it is removed. {@code shipping} is null until a method that still applies
 * to the address is chosen.
 */
public record Cart(CartId id, CartStatus status, Currency currency, @Nullable CustomerId customerId,
		@Nullable String email, List<Line> lines, @Nullable AddressDetails shippingAddress,
		@Nullable AddressDetails billingAddress, @Nullable ChosenShipping shipping, PriceBreakdown totals,
		boolean requiresShipping, @Nullable OrderId orderId, int version, Instant createdAt, Instant updatedAt) {

	public Cart {
		lines = List.copyOf(lines);
	}

	/** {@code lineTotal} is what the line costs after discounts, with tax where tax is added (its line in totals). */
	public record Line(UUID id, String sku, UUID productId, UUID variantId, String title, @Nullable String variantTitle,
			int quantity, boolean available, @Nullable Money unitPrice, @Nullable Money compareAtPrice,
			@Nullable Money lineTotal, @Nullable Integer grams) {
	}

	public record ChosenShipping(UUID methodId, String name, Money price, LocalDate deliveryFrom, LocalDate deliveryTo) {
	}

	/** Units in the cart, over all lines. */
	public int itemCount() {
		return lines.stream().mapToInt(Line::quantity).sum();
	}
}
