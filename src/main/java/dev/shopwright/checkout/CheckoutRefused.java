package dev.shopwright.checkout;

import java.time.Duration;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import dev.shopwright.platform.BusinessRuleViolation;

/**
 * A checkout rule that refused a request, with its stable code. Some carry more for the client: a declined card its
 * gateway {@code reason}; a checkout too busy to take more shoppers now a {@code retryAfter}.
 */
public class CheckoutRefused extends BusinessRuleViolation {

	private final @Nullable String reason;

	private final @Nullable Duration retryAfter;

	CheckoutRefused(String code, int status, String detail, Map<String, String> fieldErrors, @Nullable String reason,
			@Nullable Duration retryAfter) {
		super(code, status, detail, fieldErrors);
		this.reason = reason;
		this.retryAfter = retryAfter;
	}

	CheckoutRefused(String code, int status, String detail, Map<String, String> fieldErrors) {
		this(code, status, detail, fieldErrors, null, null);
	}

	CheckoutRefused(String code, int status, String detail) {
		this(code, status, detail, Map.of());
	}

	/** The gateway's code for a declined payment ({@code card_declined}, {@code insufficient_funds} …). */
	public @Nullable String reason() {
		return reason;
	}

	/** How long to wait before trying again, for refusals that pass. */
	public @Nullable Duration retryAfter() {
		return retryAfter;
	}

	static CheckoutRefused cartNotFound(CartId id) {
		return new CheckoutRefused("CART_NOT_FOUND", 404,
				"Cart " + id + " was not found (or the X-Cart-Token does not open it)");
	}

	static CheckoutRefused lineNotFound(java.util.UUID lineId) {
		return new CheckoutRefused("CART_LINE_NOT_FOUND", 404, "The cart has no line " + lineId);
	}

	static CheckoutRefused notActive(CartStatus status) {
		return switch (status) {
			case COMPLETING -> inProgress();
			case COMPLETED -> new CheckoutRefused("CART_COMPLETED", 409,
					"The cart has become an order and cannot change any more; start a new cart");
			default -> new CheckoutRefused("CART_NOT_ACTIVE", 409, "The cart is " + status + " and cannot change");
		};
	}

	static CheckoutRefused inProgress() {
		return new CheckoutRefused("CHECKOUT_IN_PROGRESS", 409,
				"This cart is being checked out by another request; wait for it, then read the cart");
	}

	static CheckoutRefused field(String code, String field, String detail) {
		return new CheckoutRefused(code, 422, detail, Map.of(field, detail));
	}

	static CheckoutRefused declined(@Nullable String reason, @Nullable String message) {
		String code = reason == null ? "card_declined" : reason;
		return new CheckoutRefused("PAYMENT_DECLINED", 402,
				"The payment was declined (" + code + ")" + (message == null ? "" : ": " + message)
						+ ". Nothing was charged; the cart is open again for another payment.",
				Map.of("payment", code), code, null);
	}

	static CheckoutRefused busy(Duration retryAfter) {
		return new CheckoutRefused("CHECKOUT_BUSY", 503,
				"Too many checkouts at once; nothing was done. Retry after " + retryAfter.toSeconds() + " s.", Map.of(),
				null, retryAfter);
	}

	static CheckoutRefused paymentPending(Duration retryAfter) {
		return new CheckoutRefused("PAYMENT_PENDING", 503,
				"The payment gateway has not answered yet; the checkout finishes by itself once it does. "
						+ "Read the cart again later.",
				Map.of(), null, retryAfter);
	}
}
