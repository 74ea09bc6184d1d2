package dev.shopwright.orders.drafts.web;

import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.server.ResponseStatusException;

import dev.shopwright.orders.drafts.DraftOrder;
import dev.shopwright.orders.drafts.DraftOrderStatus;
import dev.shopwright.orders.drafts.DraftOrders;
import dev.shopwright.orders.drafts.PayLinks;
import dev.shopwright.platform.BusinessRuleViolation;
import dev.shopwright.platform.ConsoleForms;
import dev.shopwright.platform.CurrentStore;
import dev.shopwright.stores.StoreManagement;
import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;

/**
 * The draft order screens: a list with search and status filter, the form to create or change a draft (line rows,
 * no JavaScript needed), and the detail with its totals and actions — send the invoice, mark as paid, delete.
 */
@Controller
class DraftOrderAdminController {

	private static final int PAGE_SIZE = 50;

	private final DraftOrders drafts;

	private final PayLinks links;

	private final CurrentStore currentStore;

	private final StoreManagement stores;

	private final ConsoleForms forms;

	DraftOrderAdminController(DraftOrders drafts, PayLinks links, CurrentStore currentStore, StoreManagement stores,
			ConsoleForms forms) {
		this.forms = forms;
		this.drafts = drafts;
		this.links = links;
		this.currentStore = currentStore;
		this.stores = stores;
	}

	@GetMapping("/admin/draft-orders")
	@PreAuthorize("hasAuthority('ORDERS_READ')")
	String list(@RequestParam(required = false) @Nullable DraftOrderStatus status,
			@RequestParam(required = false) @Nullable String query,
			@RequestParam(required = false) @Nullable String cursor, HtmxRequest htmx, Model model) {
		String q = query == null || query.isBlank() ? null : query.strip();
		model.addAttribute("page", drafts.list(currentStore.id(), status, q,
				cursor == null || cursor.isBlank() ? null : cursor, PAGE_SIZE));
		model.addAttribute("status", status);
		model.addAttribute("query", q);
		model.addAttribute("statuses", DraftOrderStatus.values());
		return htmx.isHtmxRequest() && cursor != null ? "orders/drafts/list :: rows" : "orders/drafts/list";
	}

	@GetMapping("/admin/draft-orders/new")
	@PreAuthorize("hasAuthority('ORDERS_WRITE')")
	String newDraft(Model model) {
		DraftForm form = new DraftForm();
		form.setCurrency(stores.get(currentStore.id()).defaultCurrency().getCurrencyCode());
		return form(model, form.withEmptyRows(), null);
	}

	@PostMapping("/admin/draft-orders")
	@PreAuthorize("hasAuthority('ORDERS_WRITE')")
	String create(@ModelAttribute("form") DraftForm form, Model model, RedirectAttributes redirect) {
		DraftOrder[] created = new DraftOrder[1];
		if (!forms.submit(form, () -> created[0] = drafts.create(currentStore.id(), form.details()), model)) {
			return form(model, form.withEmptyRows(), null);
		}
		redirect.addFlashAttribute("notice", "Draft " + created[0].number() + " created.");
		return "redirect:/admin/draft-orders/" + created[0].id();
	}

	@GetMapping("/admin/draft-orders/{id}")
	@PreAuthorize("hasAuthority('ORDERS_READ')")
	String detail(@PathVariable UUID id, Authentication authentication, Model model) {
		DraftOrder draft = drafts.find(currentStore.id(), id)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		model.addAttribute("canWrite", authentication.getAuthorities().stream()
			.anyMatch(a -> "ORDERS_WRITE".equals(a.getAuthority())));
		return form(model, DraftForm.of(draft).withEmptyRows(), draft);
	}

	@PostMapping("/admin/draft-orders/{id}")
	@PreAuthorize("hasAuthority('ORDERS_WRITE')")
	String update(@PathVariable UUID id, @ModelAttribute("form") DraftForm form, Model model,
			RedirectAttributes redirect) {
		if (!forms.submit(form, () -> drafts.update(currentStore.id(), id, form.details(), form.getVersion()), model)) {
			model.addAttribute("canWrite", true);
			return form(model, form.withEmptyRows(), drafts.get(currentStore.id(), id));
		}
		redirect.addFlashAttribute("notice", "Draft saved.");
		return "redirect:/admin/draft-orders/" + id;
	}

	@PostMapping("/admin/draft-orders/{id}/send-invoice")
	@PreAuthorize("hasAuthority('ORDERS_WRITE')")
	String sendInvoice(@PathVariable UUID id, HttpServletRequest request, RedirectAttributes redirect) {
		forms.act(redirect, "Invoice sent.", () -> drafts.sendInvoice(currentStore.id(), id,
				links.base(currentStore.id(), request)));
		return "redirect:/admin/draft-orders/" + id;
	}

	@PostMapping("/admin/draft-orders/{id}/mark-paid")
	@PreAuthorize("hasAuthority('ORDERS_WRITE')")
	String markPaid(@PathVariable UUID id, @RequestParam String idempotencyKey, RedirectAttributes redirect) {
		forms.act(redirect, "Marked as paid: the draft is now an order.",
				() -> drafts.markPaid(currentStore.id(), id, idempotencyKey));
		return "redirect:/admin/draft-orders/" + id;
	}

	@PostMapping("/admin/draft-orders/{id}/delete")
	@PreAuthorize("hasAuthority('ORDERS_WRITE')")
	String delete(@PathVariable UUID id, RedirectAttributes redirect) {
		try {
			drafts.delete(currentStore.id(), id);
			redirect.addFlashAttribute("notice", "Draft deleted.");
			return "redirect:/admin/draft-orders";
		}
		catch (BusinessRuleViolation refused) {
			redirect.addFlashAttribute("error", refused.getMessage());
			return "redirect:/admin/draft-orders/" + id;
		}
	}

	private String form(Model model, DraftForm form, @Nullable DraftOrder draft) {
		model.addAttribute("form", form);
		model.addAttribute("draft", draft);
		model.addAttribute("currencies", stores.get(currentStore.id()).currencies());
		model.addAttribute("actionKey", UUID.randomUUID().toString());
		return "orders/drafts/detail";
	}
}
