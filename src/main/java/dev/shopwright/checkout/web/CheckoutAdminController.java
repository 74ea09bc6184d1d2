package dev.shopwright.checkout.web;

import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.shopwright.checkout.AbandonedListing;
import dev.shopwright.checkout.CartId;
import dev.shopwright.checkout.CartStatus;
import dev.shopwright.checkout.CheckoutManagement;
import dev.shopwright.platform.ConsoleForms;
import dev.shopwright.platform.CurrentStore;
import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;

/**
 * The checkouts screen: the store's carts with where their checkout stands, and for a checkout that stalled (a crash,
 * a shopper gone during 3-D Secure) a button that resolves it now instead of waiting for the reconciler.
 */
@Controller
class CheckoutAdminController {

	private static final int PAGE_SIZE = 50;

	private final CheckoutManagement checkout;

	private final CurrentStore currentStore;

	private final ConsoleForms forms;

	CheckoutAdminController(CheckoutManagement checkout, CurrentStore currentStore, ConsoleForms forms) {
		this.checkout = checkout;
		this.currentStore = currentStore;
		this.forms = forms;
	}

	@GetMapping("/admin/checkouts")
	@PreAuthorize("hasAuthority('ORDERS_READ')")
	String list(@RequestParam(required = false) @Nullable CartStatus status,
			@RequestParam(required = false) @Nullable String cursor, Authentication authentication, HtmxRequest htmx,
			Model model) {
		model.addAttribute("page", checkout.carts(currentStore.id(), status, cursor == null || cursor.isBlank() ? null
				: cursor, PAGE_SIZE));
		model.addAttribute("status", status);
		model.addAttribute("statuses", CartStatus.values());
		model.addAttribute("stalledBefore", java.time.Instant.now().minus(CheckoutManagement.STALLED_AFTER));
		model.addAttribute("canWrite", authentication.getAuthorities().stream()
			.anyMatch(authority -> "ORDERS_WRITE".equals(authority.getAuthority())));
		return htmx.isHtmxRequest() && cursor != null ? "checkout/carts :: rows" : "checkout/carts";
	}

	@GetMapping("/admin/checkouts/abandoned")
	@PreAuthorize("hasAuthority('ORDERS_READ')")
	String abandoned(@RequestParam(defaultValue = "ABANDONED") AbandonedListing show,
			@RequestParam(required = false) @Nullable String cursor, Authentication authentication, HtmxRequest htmx,
			Model model) {
		model.addAttribute("page", checkout.abandonedCheckouts(currentStore.id(), show,
				cursor == null || cursor.isBlank() ? null : cursor, PAGE_SIZE));
		model.addAttribute("show", show);
		model.addAttribute("listings", AbandonedListing.values());
		var hours = checkout.automaticRecoveryHours(currentStore.id());
		model.addAttribute("autoSendHours", hours.isPresent() ? hours.getAsInt() : null);
		model.addAttribute("canWrite", has(authentication, "ORDERS_WRITE"));
		model.addAttribute("canManage", has(authentication, "SETTINGS_MANAGE"));
		return htmx.isHtmxRequest() && cursor != null ? "checkout/abandoned :: rows" : "checkout/abandoned";
	}

	@PostMapping("/admin/checkouts/{id}/recovery-email")
	@PreAuthorize("hasAuthority('ORDERS_WRITE')")
	String sendRecovery(@PathVariable UUID id, @RequestParam(defaultValue = "false") boolean again,
			RedirectAttributes redirect) {
		forms.act(redirect, "Recovery email sent.",
				() -> checkout.sendRecoveryMail(currentStore.id(), new CartId(id), again));
		return "redirect:/admin/checkouts/abandoned";
	}

	@PostMapping("/admin/checkouts/recovery-settings")
	@PreAuthorize("hasAuthority('SETTINGS_MANAGE')")
	String recoverySettings(@RequestParam(required = false) @Nullable String autoSendHours,
			RedirectAttributes redirect) {
		forms.act(redirect, "Recovery email settings saved.", () -> {
			Integer hours;
			try {
				hours = autoSendHours == null || autoSendHours.isBlank() ? null : Integer.valueOf(autoSendHours.strip());
			}
			catch (NumberFormatException ex) {
				throw dev.shopwright.platform.BusinessRuleViolation.ofField("VALIDATION_FAILED", "autoSendHours",
						"Enter a number of hours, or leave it empty to send only by hand");
			}
			checkout.setAutomaticRecoveryHours(currentStore.id(), hours);
		});
		return "redirect:/admin/checkouts/abandoned";
	}

	private static boolean has(Authentication authentication, String permission) {
		return authentication.getAuthorities().stream().anyMatch(authority -> permission.equals(authority.getAuthority()));
	}

	@PostMapping("/admin/checkouts/{id}/resolve")
	@PreAuthorize("hasAuthority('ORDERS_WRITE')")
	String resolve(@PathVariable UUID id, RedirectAttributes redirect) {
		forms.act(redirect, "Checkout resolved.", () -> checkout.resolveStalled(currentStore.id(), new CartId(id)));
		return "redirect:/admin/checkouts?status=COMPLETING";
	}
}
