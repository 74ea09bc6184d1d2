package dev.shopwright.checkout.web;

import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.web.server.ResponseStatusException;

import dev.shopwright.checkout.Cart;
import dev.shopwright.customers.CustomerId;
import dev.shopwright.customers.CustomerPrincipal;
import dev.shopwright.platform.BusinessRuleViolation;
import dev.shopwright.platform.CurrentStore;
import dev.shopwright.stores.Store;
import dev.shopwright.stores.StoreManagement;

/**
 * What every cart and checkout page starts from: the store the request acts on, the signed-in shopper (put into the
 * model as {@code shopper} by the customers module for the storefront header) and the browser's cart.
 */
@Component
class ShopperPage {

	private final StoreManagement stores;

	private final CurrentStore currentStore;

	private final ShopperCarts carts;

	private final MessageSource messages;

	ShopperPage(StoreManagement stores, CurrentStore currentStore, ShopperCarts carts, MessageSource messages) {
		this.stores = stores;
		this.currentStore = currentStore;
		this.carts = carts;
		this.messages = messages;
	}

	/** A text of the checkout bundle in the request's language. */
	String text(String key, Object... arguments) {
		return messages.getMessage(key, arguments, LocaleContextHolder.getLocale());
	}

	/** A text of the bundle, or {@code fallback} when the bundle has no such key. */
	String textOr(String key, String fallback) {
		return messages.getMessage(key, null, fallback, LocaleContextHolder.getLocale());
	}

	/**
	 * A refusal as a shopper should read it: the bundle's sentence for its code ({@code checkout.page.refused.CODE})
	 * where there is one, else the rule's own detail.
	 */
	String refusal(BusinessRuleViolation refusal) {
		return messages.getMessage("checkout.page.refused." + refusal.code(), null, refusal.getMessage(),
				LocaleContextHolder.getLocale());
	}

	Store store(Model model) {
		Store store = currentStore.find().flatMap(stores::find)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no store is set up yet"));
		model.addAttribute("store", store);
		return store;
	}

	@Nullable CustomerId customer(Model model) {
		return model.getAttribute("shopper") instanceof CustomerPrincipal principal ? principal.customerId() : null;
	}

	/** The browser's cart, if it has one. */
	Optional<ShopperCarts.Opened> cart(Store store, Model model, HttpServletRequest request) {
		return carts.current(store.id(), customer(model), request);
	}

	/** The browser's cart while it may still be checked out: ACTIVE and holding something to buy. */
	Optional<ShopperCarts.Opened> checkoutCart(Store store, Model model, HttpServletRequest request) {
		return cart(store, model, request).filter(opened -> opened.cart().status() == dev.shopwright.checkout.CartStatus.ACTIVE
				&& opened.cart().lines().stream().anyMatch(Cart.Line::available));
	}
}
