package dev.shopwright.checkout.web;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import dev.shopwright.checkout.Cart;
import dev.shopwright.checkout.CheckoutManagement;
import dev.shopwright.checkout.ShippingOption;
import dev.shopwright.customers.AddressDetails;
import dev.shopwright.customers.CustomerPrincipal;
import dev.shopwright.platform.BusinessRuleViolation;
import dev.shopwright.shared.Address;
import dev.shopwright.stores.Store;

/**
 * The checkout's first steps, one server-rendered form each: contact (email) → shipping address → shipping method.
 * A step posts to the façade; a refusal re-renders the form with the message beside its field, success redirects to
 * the next step. Opening a later step before an earlier one is done sends the shopper back to the earliest missing
 * step; without a cart that can be checked out, to the cart. The payment step is {@link PaymentPageController}.
 */
@Controller
class CheckoutPagesController {

	/** The shipping address form; accessor names as the customers module's address fields fragment reads them. */
	record AddressForm(@Nullable String firstName, @Nullable String lastName, @Nullable String company,
			@Nullable String phone, @Nullable String line1, @Nullable String line2, @Nullable String city,
			@Nullable String region, @Nullable String postalCode, @Nullable String country) {

		static AddressForm of(@Nullable AddressDetails saved) {
			if (saved == null) {
				return new AddressForm(null, null, null, null, null, null, null, null, null, null);
			}
			Address a = saved.address();
			return new AddressForm(saved.firstName(), saved.lastName(), saved.company(), saved.phone(), a.line1(),
					a.line2(), a.city(), a.region(), a.postalCode(), a.country());
		}

		AddressDetails details() {
			return new AddressDetails(blankToNull(firstName), blankToNull(lastName), blankToNull(company),
					blankToNull(phone), new Address(blankToNull(line1), blankToNull(line2), blankToNull(city),
							blankToNull(region), blankToNull(postalCode),
							country == null || country.isBlank() ? null : country.strip().toUpperCase(Locale.ROOT)));
		}
	}

	/** The billing address form shown when "Same as shipping" is unchecked; its fields carry a {@code billing} prefix. */
	record BillingForm(@Nullable String billingFirstName, @Nullable String billingLastName,
			@Nullable String billingCompany, @Nullable String billingLine1, @Nullable String billingLine2,
			@Nullable String billingCity, @Nullable String billingRegion, @Nullable String billingPostalCode,
			@Nullable String billingCountry) {

		static BillingForm of(@Nullable AddressDetails saved) {
			AddressForm a = AddressForm.of(saved);
			return new BillingForm(a.firstName(), a.lastName(), a.company(), a.line1(), a.line2(), a.city(), a.region(),
					a.postalCode(), a.country());
		}

		AddressDetails details() {
			return new AddressForm(billingFirstName, billingLastName, billingCompany, null, billingLine1, billingLine2,
					billingCity, billingRegion, billingPostalCode, billingCountry).details();
		}
	}

	private final CheckoutManagement checkout;

	private final ShopperPage page;

	CheckoutPagesController(CheckoutManagement checkout, ShopperPage page) {
		this.checkout = checkout;
		this.page = page;
	}

	@GetMapping("/checkout")
	String start(HttpServletRequest request, Model model) {
		Store store = page.store(model);
		return page.checkoutCart(store, model, request).map(opened -> "redirect:" + CheckoutSteps.next(opened.cart()))
			.orElse("redirect:/cart");
	}

	// ---- contact -----------------------------------------------------------------------------------------------

	@GetMapping("/checkout/contact")
	String contact(HttpServletRequest request, Model model) {
		Store store = page.store(model);
		Optional<ShopperCarts.Opened> opened = page.checkoutCart(store, model, request);
		if (opened.isEmpty()) {
			return "redirect:/cart";
		}
		Cart cart = opened.get().cart();
		String email = cart.email() != null ? cart.email()
				: model.getAttribute("shopper") instanceof CustomerPrincipal shopper ? shopper.email() : null;
		return contactPage(cart, email, null, model);
	}

	@PostMapping("/checkout/contact")
	String saveContact(@RequestParam(defaultValue = "") String email, HttpServletRequest request, Model model) {
		Store store = page.store(model);
		Optional<ShopperCarts.Opened> opened = page.checkoutCart(store, model, request);
		if (opened.isEmpty()) {
			return "redirect:/cart";
		}
		try {
			Cart cart = checkout.setEmail(store.id(), opened.get().id(), opened.get().access(), email);
			return "redirect:" + CheckoutSteps.next(cart);
		}
		catch (BusinessRuleViolation ex) {
			return contactPage(opened.get().cart(), email, page.refusal(ex), model);
		}
	}

	private String contactPage(Cart cart, @Nullable String email, @Nullable String error, Model model) {
		model.addAttribute("email", email);
		model.addAttribute("emailError", error);
		return step(CheckoutSteps.CONTACT, cart, model);
	}

	// ---- shipping address ----------------------------------------------------------------------------------------

	@GetMapping("/checkout/address")
	String address(HttpServletRequest request, Model model) {
		Store store = page.store(model);
		Optional<ShopperCarts.Opened> opened = page.checkoutCart(store, model, request);
		if (opened.isEmpty()) {
			return "redirect:/cart";
		}
		Cart cart = opened.get().cart();
		if (cart.email() == null) {
			return "redirect:" + CheckoutSteps.CONTACT.path();
		}
		return addressPage(cart, AddressForm.of(cart.shippingAddress()), cart.billingAddress() == null,
				BillingForm.of(cart.billingAddress()), null, model);
	}

	/**
	 * Saves the shipping address and the billing choice. The form always carries {@code billingChoice}; an unchecked
	 * "Same as shipping" box sends nothing, so without it the billing fields count. A post without the marker (an
	 * older form) keeps billing the same as shipping.
	 */
	@PostMapping("/checkout/address")
	String saveAddress(@ModelAttribute AddressForm form, @ModelAttribute BillingForm billing,
			@RequestParam(required = false) @Nullable String sameAsShipping,
			@RequestParam(required = false) @Nullable String billingChoice, HttpServletRequest request, Model model) {
		Store store = page.store(model);
		Optional<ShopperCarts.Opened> opened = page.checkoutCart(store, model, request);
		if (opened.isEmpty()) {
			return "redirect:/cart";
		}
		boolean same = sameAsShipping != null || billingChoice == null;
		ShopperCarts.Opened cart = opened.get();
		try {
			checkout.setShippingAddress(store.id(), cart.id(), cart.access(), form.details());
		}
		catch (BusinessRuleViolation ex) {
			model.addAttribute("fieldErrors", ex.fieldErrors());
			return addressPage(cart.cart(), form, same, billing, page.refusal(ex), model);
		}
		try {
			Cart saved = same ? checkout.useShippingAddressForBilling(store.id(), cart.id(), cart.access())
					: checkout.setBillingAddress(store.id(), cart.id(), cart.access(), billing.details());
			return "redirect:" + CheckoutSteps.next(saved);
		}
		catch (BusinessRuleViolation ex) {
			model.addAttribute("billingFieldErrors", ex.fieldErrors());
			return addressPage(cart.cart(), form, false, billing, page.refusal(ex), model);
		}
	}

	private String addressPage(Cart cart, AddressForm form, boolean sameAsShipping, BillingForm billing,
			@Nullable String error, Model model) {
		model.addAttribute("address", form);
		model.addAttribute("sameAsShipping", sameAsShipping);
		model.addAttribute("billing", billing);
		model.addAttribute("formError", error);
		return step(CheckoutSteps.ADDRESS, cart, model);
	}

	// ---- shipping method -----------------------------------------------------------------------------------------

	@GetMapping("/checkout/shipping")
	String shipping(HttpServletRequest request, Model model) {
		Store store = page.store(model);
		Optional<ShopperCarts.Opened> opened = page.checkoutCart(store, model, request);
		if (opened.isEmpty()) {
			return "redirect:/cart";
		}
		Cart cart = opened.get().cart();
		if (cart.email() == null || cart.shippingAddress() == null) {
			return "redirect:" + CheckoutSteps.next(cart);
		}
		return shippingPage(store, opened.get(), null, model);
	}

	@PostMapping("/checkout/shipping")
	String chooseShipping(@RequestParam(required = false) @Nullable String option, HttpServletRequest request,
			Model model) {
		Store store = page.store(model);
		Optional<ShopperCarts.Opened> opened = page.checkoutCart(store, model, request);
		if (opened.isEmpty()) {
			return "redirect:/cart";
		}
		UUID chosen;
		try {
			chosen = UUID.fromString(String.valueOf(option));
		}
		catch (IllegalArgumentException ex) {
			return shippingPage(store, opened.get(), page.text("checkout.page.shipping.choose"), model);
		}
		try {
			Cart cart = checkout.chooseShippingOption(store.id(), opened.get().id(), opened.get().access(), chosen);
			return "redirect:" + CheckoutSteps.next(cart);
		}
		catch (BusinessRuleViolation ex) {
			return shippingPage(store, opened.get(), page.refusal(ex), model);
		}
	}

	private String shippingPage(Store store, ShopperCarts.Opened opened, @Nullable String error, Model model) {
		List<ShippingOption> options = checkout.shippingOptions(store.id(), opened.id(), opened.access());
		model.addAttribute("options", options);
		model.addAttribute("chosen", opened.cart().shipping() == null ? null : opened.cart().shipping().methodId());
		model.addAttribute("formError", error);
		return step(CheckoutSteps.SHIPPING, opened.cart(), model);
	}

	private static String step(CheckoutSteps step, Cart cart, Model model) {
		model.addAttribute("cart", cart);
		model.addAttribute("step", step);
		model.addAttribute("steps", CheckoutSteps.values());
		return "checkout/storefront/" + step.template();
	}

	private static @Nullable String blankToNull(@Nullable String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}
}
