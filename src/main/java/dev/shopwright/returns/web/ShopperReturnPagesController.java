package dev.shopwright.returns.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

import dev.shopwright.customers.CustomerPrincipal;
import dev.shopwright.customers.security.ShopperSessions;
import dev.shopwright.orders.Order;
import dev.shopwright.orders.OrderId;
import dev.shopwright.orders.OrderManagement;
import dev.shopwright.platform.BusinessRuleViolation;
import dev.shopwright.platform.CurrentStore;
import dev.shopwright.returns.RequestReturn;
import dev.shopwright.returns.ReturnManagement;
import dev.shopwright.returns.ReturnReason;
import dev.shopwright.returns.ReturnRequest;
import dev.shopwright.stores.Store;
import dev.shopwright.stores.StoreManagement;

/**
 * The storefront's "return items" page, reached from the order status page: the same visitors may open it (the
 * cart token from checkout in {@code ?token=}, or the signed-in customer who placed the order); anyone else gets 404.
 */
@Controller
class ShopperReturnPagesController {

	private final ReturnManagement returns;

	private final OrderManagement orders;

	private final ShopperSessions sessions;

	private final CurrentStore currentStore;

	private final StoreManagement stores;

	ShopperReturnPagesController(ReturnManagement returns, OrderManagement orders, ShopperSessions sessions,
			CurrentStore currentStore, StoreManagement stores) {
		this.returns = returns;
		this.orders = orders;
		this.sessions = sessions;
		this.currentStore = currentStore;
		this.stores = stores;
	}

	@ModelAttribute("store")
	@Nullable Store store() {
		return currentStore.find().flatMap(stores::find).orElse(null);
	}

	@GetMapping("/orders/{id}/return")
	String form(@PathVariable UUID id, @RequestParam(required = false) @Nullable String token,
			HttpServletRequest request, Model model) {
		return page(shoppersOrder(id, token, request), token, model);
	}

	/** The return label by the unguessable key in its address: the link in the approval email needs no session. */
	@GetMapping("/return-labels/{key}.pdf")
	ResponseEntity<byte[]> label(@PathVariable UUID key) {
		return returns.labelPdfByKey(currentStore.id(), key)
			.map(pdf -> ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
				.header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"return-label.pdf\"").body(pdf))
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

	@PostMapping("/orders/{id}/return")
	String submit(@PathVariable UUID id, @RequestParam(required = false) @Nullable String token,
			@RequestParam Map<String, String> form, HttpServletRequest request, Model model, RedirectAttributes redirect) {
		Order order = shoppersOrder(id, token, request);
		List<RequestReturn.Item> items = new ArrayList<>();
		for (Order.Line line : order.lines()) {
			String units = form.getOrDefault("quantity." + line.id(), "").strip();
			if (units.isEmpty() || units.equals("0")) {
				continue;
			}
			ReturnReason reason;
			try {
				reason = ReturnReason.valueOf(form.getOrDefault("reason." + line.id(), "OTHER"));
			}
			catch (IllegalArgumentException ex) {
				reason = ReturnReason.OTHER;
			}
			int quantity;
			try {
				quantity = Integer.parseInt(units);
			}
			catch (NumberFormatException ex) {
				quantity = 0;
			}
			items.add(new RequestReturn.Item(line.id(), quantity, reason, form.get("comment." + line.id())));
		}
		try {
			ReturnRequest opened = returns.request(currentStore.id(), new RequestReturn(order.id(), items, form.get("note")),
					ReturnManagement.SHOPPER);
			redirect.addFlashAttribute("requested", opened.number());
		}
		catch (BusinessRuleViolation refused) {
			model.addAttribute("formError", refused.getMessage());
			model.addAttribute("fieldErrors", refused.fieldErrors());
			return page(order, token, model);
		}
		return "redirect:" + UriComponentsBuilder.fromPath("/orders/{id}/return")
			.queryParamIfPresent("token", java.util.Optional.ofNullable(token))
			.buildAndExpand(id)
			.encode()
			.toUriString();
	}

	private String page(Order order, @Nullable String token, Model model) {
		model.addAttribute("order", order);
		model.addAttribute("token", token);
		model.addAttribute("returnable", returns.returnable(currentStore.id(), order));
		model.addAttribute("reasons", ReturnReason.values());
		java.util.List<ReturnRequest> earlier = returns.forOrder(currentStore.id(), order.id());
		model.addAttribute("earlier", earlier);
		java.util.Map<dev.shopwright.returns.ReturnId, java.util.List<ReturnManagement.ParcelStep>> parcels = new java.util.HashMap<>();
		earlier.forEach(r -> parcels.put(r.id(), returns.parcelTimeline(currentStore.id(), r.id())));
		model.addAttribute("parcels", parcels);
		model.addAttribute("deadline", returns.deadline(currentStore.id(), order));
		return "returns/shopper-return";
	}

	private Order shoppersOrder(UUID id, @Nullable String token, HttpServletRequest request) {
		CustomerPrincipal shopper = sessions.current(request).orElse(null);
		return orders.findForShopper(currentStore.id(), new OrderId(id), token,
				shopper == null ? null : shopper.customerId())
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}
}
