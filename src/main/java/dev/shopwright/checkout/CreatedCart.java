package dev.shopwright.checkout;

/**
 * A new cart and its token: the secret a guest sends as {@code X-Cart-Token} with every later call. It is shown only
 * here (the cart keeps its hash), so a client must keep it.
 */
public record CreatedCart(Cart cart, String token) {

	@Override
	public String toString() {
		return "CreatedCart[" + cart.id() + ", token=****]";
	}
}
