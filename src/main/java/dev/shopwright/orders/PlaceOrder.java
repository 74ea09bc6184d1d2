package dev.shopwright.orders;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import dev.shopwright.customers.AddressDetails;
import dev.shopwright.customers.CustomerId;
import dev.shopwright.payments.PaymentIntentId;
import dev.shopwright.pricing.PriceBreakdown;
import dev.shopwright.shared.Money;

/**
 * Everything checkout knows when it turns a paid (or authorised, or manual-pending) cart into an order. Placing the
 * same {@code id} again returns the order already placed and changes nothing, so checkout may retry freely.
 * <p>
 * {@code totals} is the exact calculation the shopper agreed to; its line references are the lines'
 * {@code reference}s. {@code reservationReference} is the inventory reservation holding the units (already
 * confirmed as sold, or to be confirmed by the order); {@code payment} the intent paying for it (null only for a
 * zero total). {@code channel} names where the order came from: {@value #ONLINE_STORE}, {@value #STORE_API} or
 * {@value #DRAFT}.
 * {@code shopperTokenHash} is the SHA-256 (lower-case hex) of the cart token the checkout used: whoever holds that
 * token may open the order status page (see {@link ShopperTokens}).
 */
public record PlaceOrder(OrderId id, String channel, @Nullable CustomerId customer, String email,
		List<Line> lines, @Nullable AddressDetails shippingAddress, @Nullable AddressDetails billingAddress,
		@Nullable Shipping shipping, PriceBreakdown totals, @Nullable String reservationReference,
		@Nullable PaymentIntentId payment, Risk risk, @Nullable String note, @Nullable String clientAddress,
		@Nullable String shopperTokenHash) {

	public static final String ONLINE_STORE = "online_store";

	public static final String STORE_API = "store_api";

	public static final String DRAFT = "draft";

	public PlaceOrder {
		lines = List.copyOf(lines);
	}

	/**
	 * One bought item, with the catalog's words for it at the time of purchase (titles change later; the order
	 * does not). {@code reference} is unique within the order and matches the line in {@code totals}.
	 */
	public record Line(String reference, String sku, @Nullable UUID productId, @Nullable UUID variantId, String title,
			@Nullable String variantTitle, int quantity, Money unitPrice, @Nullable String taxClass,
			@Nullable Integer grams, boolean requiresShipping) {
	}

	/** The shipping method chosen; its price is {@code totals.shipping}. */
	public record Shipping(String methodId, String name, @Nullable LocalDate promisedBy) {
	}

	/** The fraud screening result: a score 0–100, its level and the rules that fired, in words. */
	public record Risk(int score, RiskLevel level, List<String> reasons) {

		public static final Risk NOT_ASSESSED = new Risk(0, RiskLevel.LOW, List.of());

		public Risk {
			reasons = List.copyOf(reasons);
		}
	}
}
