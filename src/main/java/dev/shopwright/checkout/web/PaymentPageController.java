package dev.shopwright.checkout.web;

import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;

import dev.shopwright.checkout.Cart;
import dev.shopwright.checkout.CartStatus;
import dev.shopwright.checkout.CheckoutManagement;
import dev.shopwright.checkout.CheckoutPayment;
import dev.shopwright.checkout.CheckoutRefused;
import dev.shopwright.checkout.CheckoutResult;
import dev.shopwright.orders.Order;
import dev.shopwright.orders.OrderManagement;
import dev.shopwright.orders.PlaceOrder;
import dev.shopwright.payments.PaymentManagement;
import dev.shopwright.payments.PaymentMethod;
import dev.shopwright.platform.BusinessRuleViolation;
import dev.shopwright.stores.Store;

/**
 * The payment step and what follows it. Paying completes the cart through the façade (exactly once, whatever the
 * double clicks): placed → the confirmation; a card that needs 3-D Secure → the challenge page, which sends the
 * shopper back to {@code /checkout/payment/return} where the completion is confirmed. A declined card, stock that
 * ran out meanwhile, or any other refusal comes back as a readable message on this step with the cart intact.
 */
@Controller
class PaymentPageController {

	static final String RETURN_PATH = "/checkout/payment/return";

	private final CheckoutManagement checkout;

	private final PaymentManagement payments;

	private final OrderManagement orders;

	private final ShopperPage page;

	PaymentPageController(CheckoutManagement checkout, PaymentManagement payments, OrderManagement orders,
			ShopperPage page) {
		this.checkout = checkout;
		this.payments = payments;
		this.orders = orders;
		this.page = page;
	}

	@GetMapping("/checkout/payment")
	String payment(HttpServletRequest request, Model model) {
		Store store = page.store(model);
		Optional<ShopperCarts.Opened> opened = page.cart(store, model, request);
		if (opened.isEmpty()) {
			return "redirect:/cart";
		}
		Cart cart = opened.get().cart();
		if (cart.status() == CartStatus.COMPLETED) {
			return "redirect:/checkout/confirmation";
		}
		if (cart.status() == CartStatus.COMPLETING) {
			return finish(store, opened.get(), model); // left the 3-D Secure page and came back
		}
		if (cart.status() != CartStatus.ACTIVE || cart.lines().stream().noneMatch(Cart.Line::available)) {
			return "redirect:/cart";
		}
		if (!CheckoutSteps.SHIPPING.doneBy(cart) || !CheckoutSteps.ADDRESS.doneBy(cart) || cart.email() == null) {
			return "redirect:" + CheckoutSteps.next(cart);
		}
		List<PaymentMethod> offered = payments.settings(store.id()).offeredMethods();
		return paymentPage(cart, new PaymentForm(offered.isEmpty() ? null : offered.getFirst().name(), null, null, null,
				null), Map.of(), null, model, offered);
	}

	@PostMapping("/checkout/payment")
	String pay(@ModelAttribute PaymentForm form, HttpServletRequest request, Model model) {
		Store store = page.store(model);
		Optional<ShopperCarts.Opened> opened = page.cart(store, model, request);
		if (opened.isEmpty()) {
			return "redirect:/cart";
		}
		Cart cart = opened.get().cart();
		if (cart.status() == CartStatus.COMPLETED) {
			return "redirect:/checkout/confirmation"; // a second click after the first one placed the order
		}
		List<PaymentMethod> offered = payments.settings(store.id()).offeredMethods();
		Map<String, String> problems = form.problems(offered, YearMonth.now(store.timezone()));
		if (!problems.isEmpty()) {
			Map<String, String> messages = new LinkedHashMap<>();
			problems.forEach((field, key) -> messages.put(field, page.text(key)));
			return paymentPage(cart, form.withoutCard(), messages, null, model, offered);
		}
		PaymentMethod method = java.util.Objects.requireNonNull(form.chosenMethod());
		CheckoutPayment payment = method == PaymentMethod.CARD
				? new CheckoutPayment(PaymentMethod.CARD, form.card(), null, RETURN_PATH)
				: CheckoutPayment.manual(method);
		try {
			CheckoutResult result = checkout.complete(store.id(), opened.get().id(), opened.get().access(), payment,
					PlaceOrder.ONLINE_STORE, request.getRemoteAddr());
			return afterCompletion(result);
		}
		catch (BusinessRuleViolation ex) {
			if ("CHECKOUT_INCOMPLETE".equals(ex.code())) {
				return "redirect:" + CheckoutSteps.next(cart);
			}
			Cart now = checkout.cart(store.id(), opened.get().id(), opened.get().access());
			return paymentPage(now, form.withoutCard(), Map.of(), message(ex, now), model, offered);
		}
	}

	/** Where the 3-D Secure page sends the shopper back: the completion finishes (or says why it did not). */
	@GetMapping(RETURN_PATH)
	String returned(HttpServletRequest request, Model model) {
		Store store = page.store(model);
		Optional<ShopperCarts.Opened> opened = page.cart(store, model, request);
		if (opened.isEmpty()) {
			return "redirect:/cart";
		}
		if (opened.get().cart().status() == CartStatus.COMPLETED) {
			return "redirect:/checkout/confirmation";
		}
		if (opened.get().cart().status() == CartStatus.ACTIVE) {
			return "redirect:/checkout/payment"; // a reload after the failure was already shown
		}
		return finish(store, opened.get(), model);
	}

	/** The order as just placed, with the link to its status page (opened by the order's status key, as in the mail). */
	@GetMapping("/checkout/confirmation")
	String confirmation(HttpServletRequest request, Model model) {
		Store store = page.store(model);
		Optional<ShopperCarts.Opened> opened = page.cart(store, model, request);
		if (opened.isEmpty() || opened.get().cart().orderId() == null
				|| opened.get().cart().status() != CartStatus.COMPLETED) {
			return "redirect:/cart";
		}
		Order order = orders.get(store.id(), java.util.Objects.requireNonNull(opened.get().cart().orderId()));
		model.addAttribute("order", order);
		model.addAttribute("statusUrl", orders.statusPath(store.id(), order.id()));
		return "checkout/storefront/confirmation";
	}

	private String finish(Store store, ShopperCarts.Opened opened, Model model) {
		List<PaymentMethod> offered = payments.settings(store.id()).offeredMethods();
		PaymentForm card = new PaymentForm(PaymentMethod.CARD.name(), null, null, null, null);
		try {
			CheckoutResult result = checkout.confirm(store.id(), opened.id(), opened.access());
			if (result.outcome() == CheckoutResult.Outcome.REQUIRES_ACTION) {
				model.addAttribute("challengeUrl", result.nextActionUrl());
				Cart now = checkout.cart(store.id(), opened.id(), opened.access());
				return paymentPage(now, card, Map.of(), page.text("checkout.page.payment.challengePending"), model,
						offered);
			}
			return afterCompletion(result);
		}
		catch (BusinessRuleViolation ex) {
			Cart now = checkout.cart(store.id(), opened.id(), opened.access());
			return paymentPage(now, card, Map.of(), message(ex, now), model, offered);
		}
	}

	private static String afterCompletion(CheckoutResult result) {
		if (result.outcome() == CheckoutResult.Outcome.REQUIRES_ACTION && result.nextActionUrl() != null) {
			return "redirect:" + result.nextActionUrl();
		}
		return "redirect:/checkout/confirmation";
	}

	/**
	 * A refusal in the shopper's words: a declined card by the gateway's reason, stock that ran out by naming the
	 * items (their titles from the cart, matched by SKU), anything else by its code's sentence or its own detail.
	 */
	String message(BusinessRuleViolation refusal, Cart cart) {
		if (refusal instanceof CheckoutRefused refused && "PAYMENT_DECLINED".equals(refused.code())) {
			String reason = refused.reason() == null ? "card_declined" : refused.reason();
			return page.textOr("checkout.page.declined." + reason, page.text("checkout.page.declined.other", reason));
		}
		if (List.of("INSUFFICIENT_STOCK", "OUT_OF_STOCK", "LINES_UNAVAILABLE").contains(refusal.code())) {
			String said = refusal.getMessage() + " " + String.join(" ", refusal.fieldErrors().values());
			String items = cart.lines().stream().filter(l -> said.contains(l.sku()))
				.map(l -> l.title() + (l.variantTitle() == null ? "" : " — " + l.variantTitle()))
				.collect(Collectors.joining(", "));
			return page.text("checkout.page.refused.stock", items.isEmpty() ? refusal.getMessage() : items);
		}
		return page.refusal(refusal);
	}

	private String paymentPage(Cart cart, PaymentForm form, Map<String, String> fieldErrors, @Nullable String error,
			Model model, List<PaymentMethod> offered) {
		model.addAttribute("cart", cart);
		model.addAttribute("step", CheckoutSteps.PAYMENT);
		model.addAttribute("steps", CheckoutSteps.values());
		model.addAttribute("form", form);
		model.addAttribute("methods", offered);
		model.addAttribute("fieldErrors", fieldErrors);
		model.addAttribute("paymentError", error);
		model.addAttribute("years", java.util.stream.IntStream.rangeClosed(YearMonth.now().getYear(),
				YearMonth.now().getYear() + 15).boxed().toList());
		return "checkout/storefront/payment";
	}
}
