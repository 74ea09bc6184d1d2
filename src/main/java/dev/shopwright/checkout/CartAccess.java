package dev.shopwright.checkout;

import org.jspecify.annotations.Nullable;

import dev.shopwright.customers.CustomerId;

/**
 * Who asks for a cart: the holder of the cart's token (a guest, header {@code X-Cart-Token}) and/or a signed-in
 * customer. A customer reaches their own carts without the token; anyone with the token reaches the cart. Anything
 * else is answered as if the cart did not exist (404 {@code CART_NOT_FOUND}), so cart ids cannot be probed.
 */
public record CartAccess(@Nullable String token, @Nullable CustomerId customer) {

	public static CartAccess guest(@Nullable String token) {
		return new CartAccess(token, null);
	}

	public static CartAccess customer(CustomerId customer) {
		return new CartAccess(null, customer);
	}

	@Override
	public String toString() {
		return "CartAccess[token=" + (token == null ? "none" : "****") + ", customer=" + customer + "]";
	}
}
