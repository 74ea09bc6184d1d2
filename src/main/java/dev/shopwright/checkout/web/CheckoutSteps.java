package dev.shopwright.checkout.web;

import dev.shopwright.checkout.Cart;

/** The checkout's steps in order, with where each lives and whether a cart has done it (public: templates read it). */
public enum CheckoutSteps {

	CONTACT("contact"), ADDRESS("address"), SHIPPING("shipping"), PAYMENT("payment");

	private final String name;

	CheckoutSteps(String name) {
		this.name = name;
	}

	public String path() {
		return "/checkout/" + name;
	}

	public String template() {
		return name;
	}

	/** The message key of the step's name (the step list at the top of each page). */
	public String label() {
		return "checkout.page.step." + name;
	}

	public boolean doneBy(Cart cart) {
		return switch (this) {
			case CONTACT -> cart.email() != null;
			case ADDRESS -> cart.shippingAddress() != null;
			case SHIPPING -> cart.shipping() != null || !cart.requiresShipping();
			case PAYMENT -> cart.orderId() != null;
		};
	}

	/** The earliest step the cart has not done: where "Continue" leads. */
	static String next(Cart cart) {
		for (CheckoutSteps step : values()) {
			if (!step.doneBy(cart)) {
				return step.path();
			}
		}
		return PAYMENT.path();
	}
}
