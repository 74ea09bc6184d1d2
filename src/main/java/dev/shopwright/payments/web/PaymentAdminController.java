package dev.shopwright.payments.web;

import java.math.BigDecimal;
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

import dev.shopwright.payments.PaymentIntent;
import dev.shopwright.payments.PaymentIntentId;
import dev.shopwright.payments.PaymentListing;
import dev.shopwright.payments.PaymentManagement;
import dev.shopwright.payments.PaymentMethod;
import dev.shopwright.payments.PaymentStatus;
import dev.shopwright.platform.BusinessRuleViolation;
import dev.shopwright.platform.ConsoleForms;
import dev.shopwright.platform.CurrentStore;
import dev.shopwright.shared.Money;
import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;

/**
 * The payments screens: a filterable list and a payment's detail with its transaction timeline and the actions its
 * state allows. Each action form carries an idempotency key made when the page was rendered, so a double-submitted
 * form captures or refunds once.
 */
@Controller
class PaymentAdminController {

	private static final int PAGE_SIZE = 50;

	private final PaymentManagement payments;

	private final CurrentStore currentStore;

	private final ConsoleForms forms;

	PaymentAdminController(PaymentManagement payments, CurrentStore currentStore, ConsoleForms forms) {
		this.payments = payments;
		this.currentStore = currentStore;
		this.forms = forms;
	}

	@GetMapping("/admin/payments")
	@PreAuthorize("hasAuthority('ORDERS_READ')")
	String list(@RequestParam(required = false) @Nullable String order,
			@RequestParam(required = false) @Nullable PaymentStatus status,
			@RequestParam(required = false) @Nullable PaymentMethod method,
			@RequestParam(required = false) @Nullable String cursor, HtmxRequest htmx, Model model) {
		String orderReference = order == null || order.isBlank() ? null : order.strip();
		model.addAttribute("page", payments.list(currentStore.id(), new PaymentListing(orderReference, status, method),
				cursor == null || cursor.isBlank() ? null : cursor, PAGE_SIZE));
		model.addAttribute("order", orderReference);
		model.addAttribute("status", status);
		model.addAttribute("method", method);
		model.addAttribute("statuses", PaymentStatus.values());
		model.addAttribute("methods", PaymentMethod.values());
		return htmx.isHtmxRequest() && cursor != null ? "payments/list :: rows" : "payments/list";
	}

	@GetMapping("/admin/payments/{id}")
	@PreAuthorize("hasAuthority('ORDERS_READ')")
	String detail(@PathVariable UUID id, Authentication authentication, Model model) {
		PaymentIntent payment = payments.get(currentStore.id(), new PaymentIntentId(id));
		model.addAttribute("payment", payment);
		model.addAttribute("actionKey", UUID.randomUUID().toString());
		model.addAttribute("canWrite", authentication.getAuthorities().stream()
			.anyMatch(authority -> "ORDERS_WRITE".equals(authority.getAuthority())));
		return "payments/detail";
	}

	@PostMapping("/admin/payments/{id}/capture")
	@PreAuthorize("hasAuthority('ORDERS_WRITE')")
	String capture(@PathVariable UUID id, @RequestParam(defaultValue = "") String amount,
			@RequestParam String idempotencyKey, RedirectAttributes redirect) {
		PaymentIntentId payment = new PaymentIntentId(id);
		forms.act(redirect, "Payment captured.", () -> payments.capture(currentStore.id(), payment,
				amount(payment, amount), idempotencyKey));
		return "redirect:/admin/payments/" + id;
	}

	@PostMapping("/admin/payments/{id}/refund")
	@PreAuthorize("hasAuthority('ORDERS_WRITE')")
	String refund(@PathVariable UUID id, @RequestParam(defaultValue = "") String amount,
			@RequestParam String idempotencyKey, RedirectAttributes redirect) {
		PaymentIntentId payment = new PaymentIntentId(id);
		forms.act(redirect, "Refund recorded.", () -> payments.refund(currentStore.id(), payment,
				amount(payment, amount), idempotencyKey));
		return "redirect:/admin/payments/" + id;
	}

	@PostMapping("/admin/payments/{id}/void")
	@PreAuthorize("hasAuthority('ORDERS_WRITE')")
	String voidPayment(@PathVariable UUID id, @RequestParam String idempotencyKey, RedirectAttributes redirect) {
		forms.act(redirect, "Payment voided.",
				() -> payments.voidPayment(currentStore.id(), new PaymentIntentId(id), idempotencyKey));
		return "redirect:/admin/payments/" + id;
	}

	@PostMapping("/admin/payments/{id}/mark-paid")
	@PreAuthorize("hasAuthority('ORDERS_WRITE')")
	String markPaid(@PathVariable UUID id, @RequestParam String idempotencyKey, RedirectAttributes redirect) {
		forms.act(redirect, "Payment marked as paid.",
				() -> payments.markPaid(currentStore.id(), new PaymentIntentId(id), idempotencyKey));
		return "redirect:/admin/payments/" + id;
	}

	/** The typed amount in the payment's currency; blank means "all that remains". */
	private @Nullable Money amount(PaymentIntentId id, String typed) {
		if (typed.isBlank()) {
			return null;
		}
		PaymentIntent payment = payments.get(currentStore.id(), id);
		try {
			return new Money(new BigDecimal(typed.strip()), payment.amount().currency());
		}
		catch (IllegalArgumentException ex) { // NumberFormatException included
			throw BusinessRuleViolation.ofField("VALIDATION_FAILED", "amount",
					"Enter an amount such as 12.50 in " + payment.amount().currency().getCurrencyCode());
		}
	}
}
