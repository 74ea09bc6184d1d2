package dev.shopwright.checkout.web;

import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.shopwright.checkout.CartId;
import dev.shopwright.checkout.CheckoutManagement;
import dev.shopwright.checkout.CreatedCart;
import dev.shopwright.platform.BusinessRuleViolation;
import dev.shopwright.stores.Store;

/**
 * Where the recovery mail's link leads: a valid, unexpired signature reopens the abandoned cart and puts it in this
 * browser's cart cookie, then shows the cart (priced now). A changed or expired link is a 404; a cart that has become
 * an order meanwhile gets an empty cart with a sentence saying so.
 */
@Controller
class RecoveryPageController {

	private final CheckoutManagement checkout;

	private final ShopperPage page;

	private final RecoveryLinks links;

	private final CartCookie cookie;

	RecoveryPageController(CheckoutManagement checkout, ShopperPage page, RecoveryLinks links, CartCookie cookie) {
		this.checkout = checkout;
		this.page = page;
		this.links = links;
		this.cookie = cookie;
	}

	@GetMapping("/cart/recover/{id}")
	String recover(@PathVariable UUID id, @RequestParam(defaultValue = "0") long expires,
			@RequestParam(required = false) String signature, HttpServletRequest request, HttpServletResponse response,
			Model model, RedirectAttributes redirect) {
		Store store = page.store(model);
		CartId cart = new CartId(id);
		if (!links.valid(store.id(), cart, expires, signature)) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		try {
			CreatedCart reopened = checkout.recoverAbandoned(store.id(), cart, page.customer(model));
			cookie.write(request, response, new CartCookie.Held(store.id(), cart, reopened.token()));
			redirect.addFlashAttribute("cartNotice", page.text("checkout.page.cart.recovered"));
		}
		catch (BusinessRuleViolation ex) {
			redirect.addFlashAttribute("cartError", page.text("checkout.page.cart.notRecoverable"));
		}
		return "redirect:/cart";
	}
}
