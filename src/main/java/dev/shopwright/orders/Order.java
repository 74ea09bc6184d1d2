package dev.shopwright.orders;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import dev.shopwright.customers.AddressDetails;
import dev.shopwright.customers.CustomerId;
import dev.shopwright.shared.Money;
import dev.shopwright.shared.StoreId;

/**
 * An order as staff, the shopper and other modules see it. Amounts are in the presentment {@code currency} (what the
 * shopper paid in); {@code storeCurrency} holds the same totals in the store's currency with the rate used.
 * {@code number} is gap-free per store ("#1001", "#1002" …).
 */
public record Order(StoreId storeId, OrderId id, String number, String channel, OrderStatus status,
		PaymentState paymentState, FulfillmentStatus fulfillmentStatus, @Nullable CustomerId customerId, String email,
		List<Line> lines, @Nullable AddressDetails shippingAddress, @Nullable AddressDetails billingAddress,
		@Nullable ShippingLine shipping, Totals totals, StoreCurrencyTotals storeCurrency, List<TaxLine> taxLines,
		Risk risk, Set<String> tags, @Nullable String note, @Nullable String cancelReason, Instant placedAt,
		@Nullable Instant cancelledAt, @Nullable Instant closedAt, int version) {

	public Order {
		lines = List.copyOf(lines);
		taxLines = List.copyOf(taxLines);
		tags = Set.copyOf(tags);
	}

	/** {@code total = quantity × unitPrice − discount + tax} where tax is added, else the gross amount. */
	public record Line(UUID id, String sku, @Nullable UUID productId, @Nullable UUID variantId, String title,
			@Nullable String variantTitle, int quantity, int fulfilledQuantity, int cancelledQuantity, Money unitPrice,
			Money discount, Money tax, Money total, @Nullable String taxClass, @Nullable Integer grams,
			boolean requiresShipping) {
	}

	public record ShippingLine(String methodId, String name, Money price, Money tax, @Nullable LocalDate promisedBy) {
	}

	public record Totals(boolean pricesIncludeTax, Money subtotal, Money discountTotal, Money shipping, Money taxTotal,
			Money total) {
	}

	public record StoreCurrencyTotals(@Nullable BigDecimal exchangeRate, Money subtotal, Money discountTotal,
			Money shipping, Money taxTotal, Money total) {
	}

	public record TaxLine(String name, BigDecimal percent, Money taxable, Money amount) {
	}

	public record Risk(int score, RiskLevel level, List<String> reasons) {

		public Risk {
			reasons = List.copyOf(reasons);
		}
	}
}
