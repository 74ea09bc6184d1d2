package dev.shopwright.orders.edits.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.server.ResponseStatusException;

import dev.shopwright.orders.Order;
import dev.shopwright.orders.OrderId;
import dev.shopwright.orders.OrderManagement;
import dev.shopwright.orders.drafts.PayLinks;
import dev.shopwright.orders.edits.EditOrder;
import dev.shopwright.orders.edits.OrderEdits;
import dev.shopwright.platform.BusinessRuleViolation;
import dev.shopwright.platform.CurrentStore;

/**
 * The order edit screen: each open line's quantity (0 removes it), rows to add SKUs, a reason; Preview shows the
 * new totals and what would be collected or refunded, Commit applies it at the version the page was loaded with.
 * A plain form: no JavaScript needed.
 */
@Controller
class OrderEditAdminController {

	static final int ADD_ROWS = 3;

	private final OrderEdits edits;

	private final OrderManagement orders;

	private final PayLinks links;

	private final CurrentStore currentStore;

	OrderEditAdminController(OrderEdits edits, OrderManagement orders, PayLinks links, CurrentStore currentStore) {
		this.edits = edits;
		this.orders = orders;
		this.links = links;
		this.currentStore = currentStore;
	}

	@GetMapping("/admin/orders/{id}/edit")
	@PreAuthorize("hasAuthority('ORDERS_WRITE')")
	String show(@PathVariable UUID id, Model model) {
		Order order = found(id);
		Map<String, String> typed = new LinkedHashMap<>();
		order.lines().forEach(l -> typed.put("qty." + l.id(), String.valueOf(l.quantity() - l.cancelledQuantity())));
		typed.put("expectedVersion", String.valueOf(order.version()));
		return page(model, order, typed);
	}

	@PostMapping("/admin/orders/{id}/edit")
	@PreAuthorize("hasAuthority('ORDERS_WRITE')")
	String submit(@PathVariable UUID id, @RequestParam Map<String, String> params,
			@RequestParam(defaultValue = "preview") String action, HttpServletRequest request, Model model,
			RedirectAttributes redirect) {
		OrderId orderId = new OrderId(id);
		Order order = found(id);
		try {
			EditOrder edit = edit(order, params);
			if (action.equals("commit")) {
				OrderEdits.Committed done = edits.commit(currentStore.id(), orderId, edit,
						links.base(currentStore.id(), request));
				StringBuilder notice = new StringBuilder("Edit " + done.editNumber() + " saved: total "
						+ done.order().totals().total() + ".");
				if (done.payLinkSentTo() != null) {
					notice.append(" A pay link for ").append(done.preview().toCollect()).append(" was emailed to ")
						.append(done.payLinkSentTo()).append('.');
				}
				if (done.refunded().amount().signum() > 0) {
					notice.append(" Refunded ").append(done.refunded()).append('.');
				}
				done.moneyProblems().forEach(p -> notice.append(' ').append(p));
				redirect.addFlashAttribute("notice", notice.toString());
				return "redirect:/admin/orders/" + id + "/edit";
			}
			model.addAttribute("preview", edits.preview(currentStore.id(), orderId, edit));
		}
		catch (BusinessRuleViolation refused) {
			model.addAttribute("formError", refused.getMessage());
			model.addAttribute("fieldErrors", refused.fieldErrors());
		}
		return page(model, order, params);
	}

	private Order found(UUID id) {
		return orders.find(currentStore.id(), new OrderId(id))
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

	private String page(Model model, Order order, Map<String, String> typed) {
		model.addAttribute("order", order);
		model.addAttribute("typed", typed);
		model.addAttribute("addRows", java.util.stream.IntStream.range(0, ADD_ROWS).boxed().toList());
		model.addAttribute("history", edits.history(currentStore.id(), order.id()));
		return "orders/edits/edit";
	}

	/** The form as an edit: changed quantities (0 removes), filled add rows. */
	private static EditOrder edit(Order order, Map<String, String> params) {
		Map<String, String> errors = new LinkedHashMap<>();
		List<EditOrder.Change> changes = new ArrayList<>();
		for (Order.Line line : order.lines()) {
			int current = line.quantity() - line.cancelledQuantity();
			String typed = params.get("qty." + line.id());
			if (current == 0 || typed == null || typed.isBlank()) {
				continue;
			}
			Integer quantity = parse(typed);
			if (quantity == null || quantity < 0) {
				errors.put("qty." + line.id(), "enter 0 or more for " + line.sku());
			}
			else if (quantity == 0) {
				changes.add(EditOrder.Change.remove(line.id()));
			}
			else if (quantity != current) {
				changes.add(EditOrder.Change.setQuantity(line.id(), quantity));
			}
		}
		for (int i = 0; i < ADD_ROWS; i++) {
			String sku = params.getOrDefault("addSku" + i, "").strip();
			if (sku.isEmpty()) {
				continue;
			}
			Integer quantity = parse(params.getOrDefault("addQty" + i, "1"));
			if (quantity == null || quantity < 1) {
				errors.put("addQty" + i, "enter 1 or more for " + sku);
				continue;
			}
			changes.add(EditOrder.Change.add(sku, quantity));
		}
		if (!errors.isEmpty()) {
			throw new BusinessRuleViolation("INVALID_ORDER_EDIT", 422, "Please correct the marked fields.", errors);
		}
		if (changes.isEmpty()) {
			throw new BusinessRuleViolation("INVALID_ORDER_EDIT", 422, "Change a quantity or add a line first.");
		}
		Integer version = parse(params.getOrDefault("expectedVersion", ""));
		String reason = params.getOrDefault("reason", "");
		return new EditOrder(version == null ? order.version() : version, changes, reason.isBlank() ? null : reason);
	}

	private static @Nullable Integer parse(String typed) {
		try {
			return Integer.parseInt(typed.strip());
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}
}
