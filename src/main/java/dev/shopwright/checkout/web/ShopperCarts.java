package dev.shopwright.checkout.web;

import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import dev.shopwright.checkout.Cart;
import dev.shopwright.checkout.CartAccess;
import dev.shopwright.checkout.CartId;
import dev.shopwright.checkout.CartStatus;
import dev.shopwright.checkout.CheckoutManagement;
import dev.shopwright.checkout.CheckoutRefused;
import dev.shopwright.checkout.CreatedCart;
import dev.shopwright.customers.CustomerId;
import dev.shopwright.shared.StoreId;

/**
 * The cart of the browser making the request: the one its {@link CartCookie} names, opened with the cookie's token
 * and (when signed in) as the customer. A cart that has become an order is still found (the confirmation shows it);
 * anything that changes the cart asks for {@link #forChange}, which opens a new cart once the old one is no longer
 * ACTIVE. A new cart of a signed-in shopper is tied to the customer; a guest cart read by a shopper who has signed in
 * since is signed in with them ({@link CheckoutManagement#adoptGuestCart}: theirs now, their other carts merged in).
 */
@Component
class ShopperCarts {

	/** A cart and how this browser opens it. */
	record Opened(CartId id, CartAccess access, Cart cart) {
	}

	private final CheckoutManagement checkout;

	private final CartCookie cookie;

	ShopperCarts(CheckoutManagement checkout, CartCookie cookie) {
		this.checkout = checkout;
		this.cookie = cookie;
	}

	/** The browser's cart as it is now, if it has one this store still knows. */
	Optional<Opened> current(StoreId store, @Nullable CustomerId customer, HttpServletRequest request) {
		return cookie.read(request, store).flatMap(held -> {
			CartAccess access = new CartAccess(held.token(), customer);
			try {
				Cart cart = checkout.cart(store, held.cart(), access);
				if (cart.status() == CartStatus.ABANDONED) {
					cart = checkout.resume(store, held.cart(), access); // the shopper is back in the same browser
				}
				if (customer != null && cart.customerId() == null && cart.status() == CartStatus.ACTIVE) {
					// signed in since the cart was made: it becomes theirs, with their other open carts' lines
					cart = checkout.adoptGuestCart(store, held.cart(), held.token(), customer);
				}
				return Optional.of(new Opened(held.cart(), access, cart));
			}
			catch (CheckoutRefused ex) {
				if ("CART_NOT_FOUND".equals(ex.code())) {
					return Optional.empty(); // removed, or the cookie of a database that was reset
				}
				throw ex;
			}
		});
	}

	/** The browser's cart if it can still change; else a new empty one, remembered in the cookie. */
	Opened forChange(StoreId store, @Nullable CustomerId customer, HttpServletRequest request,
			HttpServletResponse response) {
		Optional<Opened> current = current(store, customer, request)
			.filter(opened -> opened.cart().status() == dev.shopwright.checkout.CartStatus.ACTIVE);
		if (current.isPresent()) {
			return current.get();
		}
		CreatedCart created = checkout.createCart(store, customer, null, null);
		cookie.write(request, response, new CartCookie.Held(store, created.cart().id(), created.token()));
		return new Opened(created.cart().id(), new CartAccess(created.token(), customer), created.cart());
	}
}
