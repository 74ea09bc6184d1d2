package dev.shopwright.customers.web;

import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.shopwright.customers.AddressDetails;
import dev.shopwright.customers.Customer;
import dev.shopwright.customers.CustomerAddress;
import dev.shopwright.customers.CustomerLoginThrottled;
import dev.shopwright.customers.CustomerManagement;
import dev.shopwright.customers.CustomerPrincipal;
import dev.shopwright.customers.InvalidCustomerCredentials;
import dev.shopwright.customers.ProfileChanges;
import dev.shopwright.customers.Registration;
import dev.shopwright.customers.security.ShopperSessions;
import dev.shopwright.customers.security.StorefrontOrigin;
import dev.shopwright.platform.ConsoleForms;
import dev.shopwright.platform.CurrentStore;
import dev.shopwright.shared.Address;
import dev.shopwright.stores.StoreManagement;

/**
 * The shopper's account pages on the storefront: register, sign in and out, profile, addresses and password
 * reset. Plain forms and redirects, so everything works without JavaScript.
 */
@Controller
class AccountController {

	record SignInForm(@NotBlank String email, @NotBlank String password) {
	}

	record AddressForm(@Size(max = 100) @Nullable String firstName, @Size(max = 100) @Nullable String lastName,
			@Size(max = 200) @Nullable String company, @Size(max = 40) @Nullable String phone,
			@Size(max = 200) @Nullable String line1, @Size(max = 200) @Nullable String line2,
			@Size(max = 100) @Nullable String city, @Size(max = 100) @Nullable String region,
			@Size(max = 20) @Nullable String postalCode, @Size(max = 2) @Nullable String country) {

		static AddressForm empty() {
			return new AddressForm(null, null, null, null, null, null, null, null, null, null);
		}

		static AddressForm of(CustomerAddress saved) {
			Address a = saved.address();
			return new AddressForm(saved.firstName(), saved.lastName(), saved.company(), saved.phone(), a.line1(),
					a.line2(), a.city(), a.region(), a.postalCode(), a.country());
		}

		AddressDetails details() {
			return new AddressDetails(firstName, lastName, company, phone, new Address(line1, line2, city, region,
					postalCode, country == null || country.isBlank() ? null : country.strip().toUpperCase(java.util.Locale.ROOT)));
		}
	}

	record ResetRequestForm(@NotBlank @Email @Size(max = 254) String email) {
	}

	record NewPasswordForm(@NotBlank @Size(min = CustomerManagement.MINIMUM_PASSWORD_LENGTH, max = 200) String password) {
	}

	private final CustomerManagement customers;

	private final ShopperSessions sessions;

	private final StorefrontOrigin origin;

	private final CurrentStore currentStore;

	private final StoreManagement stores;

	private final ConsoleForms forms;

	AccountController(CustomerManagement customers, ShopperSessions sessions, StorefrontOrigin origin,
			CurrentStore currentStore, StoreManagement stores, ConsoleForms forms) {
		this.customers = customers;
		this.sessions = sessions;
		this.origin = origin;
		this.currentStore = currentStore;
		this.stores = stores;
		this.forms = forms;
	}

	@ModelAttribute("store")
	Object store() {
		return stores.get(currentStore.id());
	}

	// ---- sign in, register, sign out ----

	@GetMapping("/account/login")
	String signInPage(Model model) {
		model.addAttribute("form", new SignInForm("", ""));
		return "customers/login";
	}

	@PostMapping("/account/login")
	String signIn(@ModelAttribute("form") SignInForm form, Model model, HttpServletRequest request,
			HttpServletResponse response) {
		try {
			sessions.signIn(customers.authenticate(currentStore.id(), form.email(), form.password(), request.getRemoteAddr()),
					request, response);
			return "redirect:/account";
		}
		catch (InvalidCustomerCredentials | CustomerLoginThrottled ex) {
			model.addAttribute("form", new SignInForm(form.email(), ""));
			model.addAttribute("formError", ex.getMessage());
			response.setStatus(ex.status());
			return "customers/login";
		}
	}

	@GetMapping("/account/register")
	String registerPage(Model model) {
		model.addAttribute("form", new Registration("", "", null, null, null, false));
		return "customers/register";
	}

	@PostMapping("/account/register")
	String register(@ModelAttribute("form") Registration form, Model model, HttpServletRequest request,
			HttpServletResponse response) {
		Customer[] created = new Customer[1];
		if (!forms.submit(form, () -> created[0] = customers.register(currentStore.id(), form), model)) {
			model.addAttribute("form", new Registration(form.email(), "", form.firstName(), form.lastName(), form.phone(),
					form.acceptsMarketing()));
			response.setStatus(422);
			return "customers/register";
		}
		sessions.signIn(new CustomerPrincipal(currentStore.id(), created[0].id(), created[0].email()), request, response);
		return "redirect:/account";
	}

	@PostMapping("/account/logout")
	String signOut(HttpServletRequest request) {
		sessions.signOut(request);
		return "redirect:/account/login?signedOut";
	}

	// ---- the account ----

	@GetMapping("/account")
	String account(Authentication authentication, Model model, HttpServletRequest request) {
		CustomerPrincipal shopper = signedIn(authentication, request);
		if (shopper == null) {
			return "redirect:/account/login";
		}
		Customer customer = customers.get(shopper.storeId(), shopper.customerId());
		model.addAttribute("customer", customer);
		if (!model.containsAttribute("profile")) {
			model.addAttribute("profile", new ProfileChanges(customer.firstName(), customer.lastName(), customer.phone(),
					customer.acceptsMarketing()));
		}
		if (!model.containsAttribute("address")) {
			model.addAttribute("address", AddressForm.empty());
		}
		return "customers/account";
	}

	@PostMapping("/account/profile")
	String updateProfile(Authentication authentication, @ModelAttribute("profile") ProfileChanges profile, Model model,
			HttpServletRequest request, RedirectAttributes redirect) {
		CustomerPrincipal shopper = signedIn(authentication, request);
		if (shopper == null) {
			return "redirect:/account/login";
		}
		ProfileChanges changes = new ProfileChanges(nonNull(profile.firstName()), nonNull(profile.lastName()),
				nonNull(profile.phone()), Boolean.TRUE.equals(profile.acceptsMarketing()));
		if (!forms.submit(changes, () -> customers.updateProfile(shopper.storeId(), shopper.customerId(), changes), model)) {
			return account(authentication, model, request);
		}
		redirect.addFlashAttribute("notice", "Your details were saved.");
		return "redirect:/account";
	}

	@PostMapping("/account/addresses")
	String addAddress(Authentication authentication, @ModelAttribute("address") AddressForm form, Model model,
			HttpServletRequest request, RedirectAttributes redirect) {
		CustomerPrincipal shopper = signedIn(authentication, request);
		if (shopper == null) {
			return "redirect:/account/login";
		}
		if (!forms.submit(form, () -> customers.addAddress(shopper.storeId(), shopper.customerId(), form.details(), false,
				false), model)) {
			model.addAttribute("addressErrors", true);
			return account(authentication, model, request);
		}
		redirect.addFlashAttribute("notice", "Address saved.");
		return "redirect:/account";
	}

	@GetMapping("/account/addresses/{id}")
	String editAddress(Authentication authentication, @PathVariable UUID id, Model model, HttpServletRequest request) {
		CustomerPrincipal shopper = signedIn(authentication, request);
		if (shopper == null) {
			return "redirect:/account/login";
		}
		CustomerAddress saved = customers.get(shopper.storeId(), shopper.customerId()).addresses().stream()
			.filter(address -> address.id().equals(id)).findFirst()
			.orElseThrow(() -> new dev.shopwright.platform.ResourceNotFound("Address", id.toString()));
		model.addAttribute("addressId", id);
		if (!model.containsAttribute("address")) {
			model.addAttribute("address", AddressForm.of(saved));
		}
		return "customers/address-edit";
	}

	@PostMapping("/account/addresses/{id}")
	String updateAddress(Authentication authentication, @PathVariable UUID id, @ModelAttribute("address") AddressForm form,
			Model model, HttpServletRequest request, RedirectAttributes redirect) {
		CustomerPrincipal shopper = signedIn(authentication, request);
		if (shopper == null) {
			return "redirect:/account/login";
		}
		if (!forms.submit(form, () -> customers.updateAddress(shopper.storeId(), shopper.customerId(), id, form.details()),
				model)) {
			return editAddress(authentication, id, model, request);
		}
		redirect.addFlashAttribute("notice", "Address saved.");
		return "redirect:/account";
	}

	@PostMapping("/account/addresses/{id}/delete")
	String deleteAddress(Authentication authentication, @PathVariable UUID id, HttpServletRequest request,
			RedirectAttributes redirect) {
		CustomerPrincipal shopper = signedIn(authentication, request);
		if (shopper == null) {
			return "redirect:/account/login";
		}
		forms.act(redirect, "Address deleted.", () -> customers.deleteAddress(shopper.storeId(), shopper.customerId(), id));
		return "redirect:/account";
	}

	@PostMapping("/account/addresses/{id}/default")
	String makeDefault(Authentication authentication, @PathVariable UUID id, @RequestParam String kind,
			HttpServletRequest request, RedirectAttributes redirect) {
		CustomerPrincipal shopper = signedIn(authentication, request);
		if (shopper == null) {
			return "redirect:/account/login";
		}
		boolean shipping = kind.equals("shipping") || kind.equals("both");
		boolean billing = kind.equals("billing") || kind.equals("both");
		forms.act(redirect, "Default address changed.",
				() -> customers.makeDefaultAddress(shopper.storeId(), shopper.customerId(), id, shipping, billing));
		return "redirect:/account";
	}

	// ---- password reset ----

	@GetMapping("/account/reset")
	String resetRequestPage(Model model) {
		model.addAttribute("form", new ResetRequestForm(""));
		return "customers/reset-request";
	}

	@PostMapping("/account/reset")
	String requestReset(@ModelAttribute("form") ResetRequestForm form, Model model, HttpServletRequest request) {
		if (!forms.submit(form, () -> {
			customers.requestPasswordReset(currentStore.id(), form.email(), origin.of(currentStore.id(), request),
					request.getRemoteAddr());
			return null;
		}, model)) {
			return "customers/reset-request";
		}
		model.addAttribute("sent", true);
		return "customers/reset-request";
	}

	@GetMapping("/account/reset/{token}")
	String resetPage(@PathVariable String token, Model model) {
		model.addAttribute("token", token);
		model.addAttribute("live", customers.isPasswordResetLinkLive(token));
		model.addAttribute("form", new NewPasswordForm(""));
		return "customers/reset";
	}

	@PostMapping("/account/reset/{token}")
	String reset(@PathVariable String token, @ModelAttribute("form") NewPasswordForm form, Model model,
			HttpServletResponse response) {
		if (!forms.submit(form, () -> customers.resetPassword(token, form.password()), model)) {
			model.addAttribute("token", token);
			model.addAttribute("live", customers.isPasswordResetLinkLive(token));
			model.addAttribute("form", new NewPasswordForm(""));
			response.setStatus(422);
			return "customers/reset";
		}
		return "redirect:/account/login?reset";
	}

	/** The signed-in shopper, or null (and signed out) if the account was disabled or deleted meanwhile. */
	private @Nullable CustomerPrincipal signedIn(@Nullable Authentication authentication, HttpServletRequest request) {
		if (authentication == null || !(authentication.getPrincipal() instanceof CustomerPrincipal shopper)) {
			return null;
		}
		if (!customers.isActive(shopper)) {
			sessions.signOut(request);
			return null;
		}
		return shopper;
	}

	private static String nonNull(@Nullable String value) {
		return value == null ? "" : value;
	}

}
