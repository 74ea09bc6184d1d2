package dev.shopwright.returns.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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

import dev.shopwright.inventory.InventoryManagement;
import dev.shopwright.inventory.LocationId;
import dev.shopwright.orders.Order;
import dev.shopwright.orders.OrderId;
import dev.shopwright.orders.OrderListing;
import dev.shopwright.orders.OrderManagement;
import dev.shopwright.platform.BusinessRuleViolation;
import dev.shopwright.platform.ConsoleForms;
import dev.shopwright.platform.CurrentStore;
import dev.shopwright.returns.Inspection;
import dev.shopwright.returns.RequestReturn;
import dev.shopwright.returns.Resolution;
import dev.shopwright.returns.ReturnId;
import dev.shopwright.returns.ReturnListing;
import dev.shopwright.returns.ReturnManagement;
import dev.shopwright.returns.ReturnPolicy;
import dev.shopwright.returns.ReturnReason;
import dev.shopwright.returns.ReturnRequest;
import dev.shopwright.returns.ReturnStatus;
import dev.shopwright.returns.Settlement;
import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;

/**
 * The returns screens: a filterable list, a return's detail with the actions its status allows (approve, reject,
 * receive, inspect per item, resolve), opening a return for an order, the policy settings and the return report.
 */
@Controller
class ReturnAdminController {

	private static final int PAGE_SIZE = 50;

	private final ReturnManagement returns;

	private final OrderManagement orders;

	private final InventoryManagement inventory;

	private final CurrentStore currentStore;

	private final ConsoleForms forms;

	ReturnAdminController(ReturnManagement returns, OrderManagement orders, InventoryManagement inventory,
			CurrentStore currentStore, ConsoleForms forms) {
		this.returns = returns;
		this.orders = orders;
		this.inventory = inventory;
		this.currentStore = currentStore;
		this.forms = forms;
	}

	@GetMapping("/admin/returns")
	@PreAuthorize("hasAuthority('ORDERS_READ')")
	String list(@RequestParam(required = false) @Nullable ReturnStatus status,
			@RequestParam(required = false) @Nullable String q, @RequestParam(defaultValue = "false") boolean parcelDelivered,
			@RequestParam(required = false) @Nullable String cursor, HtmxRequest htmx, Model model) {
		String query = q == null || q.isBlank() ? null : q.strip();
		model.addAttribute("page", returns.list(currentStore.id(),
				new ReturnListing(status, null, null, query, parcelDelivered), cursor == null || cursor.isBlank() ? null
						: cursor, PAGE_SIZE));
		model.addAttribute("status", status);
		model.addAttribute("parcelDelivered", parcelDelivered);
		model.addAttribute("q", query);
		model.addAttribute("statuses", ReturnStatus.values());
		return htmx.isHtmxRequest() && cursor != null ? "returns/list :: rows" : "returns/list";
	}

	@GetMapping("/admin/returns/{id}")
	@PreAuthorize("hasAuthority('ORDERS_READ')")
	String detail(@PathVariable UUID id, Authentication authentication, Model model) {
		ReturnRequest request = returns.get(currentStore.id(), new ReturnId(id));
		model.addAttribute("rma", request);
		model.addAttribute("parcel", returns.parcelTimeline(currentStore.id(), request.id()));
		model.addAttribute("canWrite", authentication.getAuthorities()
			.stream()
			.anyMatch(authority -> "ORDERS_WRITE".equals(authority.getAuthority())));
		model.addAttribute("locations", inventory.locations(currentStore.id()));
		model.addAttribute("resolutions", Resolution.values());
		return "returns/detail";
	}

	@PostMapping("/admin/returns/{id}/approve")
	@PreAuthorize("hasAuthority('ORDERS_WRITE')")
	String approve(@PathVariable UUID id, RedirectAttributes redirect) {
		forms.act(redirect, "Return approved; the shopper was emailed.",
				() -> returns.approve(currentStore.id(), new ReturnId(id)));
		return "redirect:/admin/returns/" + id;
	}

	@PostMapping("/admin/returns/{id}/void-label")
	@PreAuthorize("hasAuthority('ORDERS_WRITE')")
	String voidLabel(@PathVariable UUID id, RedirectAttributes redirect) {
		forms.act(redirect, "Return label voided; no return shipping is charged.",
				() -> returns.voidLabel(currentStore.id(), new ReturnId(id)));
		return "redirect:/admin/returns/" + id;
	}

	@PostMapping("/admin/returns/{id}/reject")
	@PreAuthorize("hasAuthority('ORDERS_WRITE')")
	String reject(@PathVariable UUID id, @RequestParam(defaultValue = "") String reason, RedirectAttributes redirect) {
		forms.act(redirect, "Return rejected.", () -> returns.reject(currentStore.id(), new ReturnId(id), reason));
		return "redirect:/admin/returns/" + id;
	}

	@PostMapping("/admin/returns/{id}/receive")
	@PreAuthorize("hasAuthority('ORDERS_WRITE')")
	String receive(@PathVariable UUID id, RedirectAttributes redirect) {
		forms.act(redirect, "Parcel received.", () -> returns.receive(currentStore.id(), new ReturnId(id)));
		return "redirect:/admin/returns/" + id;
	}

	/** One form for every item not yet inspected: {@code restock.<item>}, {@code damaged.<item>}, {@code location.<item>}. */
	@PostMapping("/admin/returns/{id}/inspect")
	@PreAuthorize("hasAuthority('ORDERS_WRITE')")
	String inspect(@PathVariable UUID id, @RequestParam Map<String, String> form, RedirectAttributes redirect) {
		forms.act(redirect, "Inspection recorded.", () -> {
			ReturnRequest request = returns.get(currentStore.id(), new ReturnId(id));
			List<Inspection> inspections = new ArrayList<>();
			for (ReturnRequest.Item item : request.items()) {
				if (item.inspectedAt() != null || !form.containsKey("restock." + item.id())) {
					continue;
				}
				String location = form.getOrDefault("location." + item.id(), "");
				inspections.add(new Inspection(item.id(), count(form.get("restock." + item.id()), item.sku()),
						count(form.get("damaged." + item.id()), item.sku()),
						location.isBlank() ? null : new LocationId(UUID.fromString(location))));
			}
			returns.inspect(currentStore.id(), request.id(), inspections);
		});
		return "redirect:/admin/returns/" + id;
	}

	private static int count(@Nullable String typed, String sku) {
		try {
			return typed == null || typed.isBlank() ? 0 : Integer.parseInt(typed.strip());
		}
		catch (NumberFormatException ex) {
			throw BusinessRuleViolation.ofField("INVALID_INSPECTION", "items", "Enter whole units for " + sku);
		}
	}

	@PostMapping("/admin/returns/{id}/resolve")
	@PreAuthorize("hasAuthority('ORDERS_WRITE')")
	String resolve(@PathVariable UUID id, @RequestParam Resolution resolution,
			@RequestParam(defaultValue = "") String exchangeSku, @RequestParam(defaultValue = "1") String exchangeQuantity,
			RedirectAttributes redirect) {
		forms.act(redirect, "Return resolved.", () -> {
			List<Settlement.ExchangeLine> exchange = resolution == Resolution.EXCHANGE && !exchangeSku.isBlank()
					? List.of(new Settlement.ExchangeLine(exchangeSku.strip(), count(exchangeQuantity, exchangeSku)))
					: List.of();
			returns.resolve(currentStore.id(), new ReturnId(id), new Settlement(resolution, exchange, null));
		});
		return "redirect:/admin/returns/" + id;
	}

	// opening a return for an order

	@GetMapping("/admin/returns/new")
	@PreAuthorize("hasAuthority('ORDERS_WRITE')")
	String openForm(@RequestParam(defaultValue = "") String order, Model model) {
		model.addAttribute("orderQuery", order);
		model.addAttribute("reasons", ReturnReason.values());
		if (!order.isBlank()) {
			Order found = findOrder(order.strip());
			if (found == null) {
				model.addAttribute("error", "No order " + order.strip() + " in this store.");
			}
			else {
				model.addAttribute("order", found);
				model.addAttribute("returnable", returns.returnable(currentStore.id(), found));
			}
		}
		return "returns/new";
	}

	@PostMapping("/admin/returns/new")
	@PreAuthorize("hasAuthority('ORDERS_WRITE')")
	String open(@RequestParam UUID orderId, @RequestParam Map<String, String> form, Model model,
			RedirectAttributes redirect) {
		Order order = orders.get(currentStore.id(), new OrderId(orderId));
		List<RequestReturn.Item> items = new ArrayList<>();
		for (Order.Line line : order.lines()) {
			String quantity = form.getOrDefault("quantity." + line.id(), "").strip();
			if (!quantity.isEmpty() && !quantity.equals("0")) {
				int units;
				try {
					units = Integer.parseInt(quantity);
				}
				catch (NumberFormatException ex) {
					units = -1;
				}
				items.add(new RequestReturn.Item(line.id(), units,
						ReturnReason.valueOf(form.getOrDefault("reason." + line.id(), "OTHER")),
						form.get("comment." + line.id())));
			}
		}
		RequestReturn command = new RequestReturn(order.id(), items, form.get("note"));
		ReturnRequest[] opened = new ReturnRequest[1];
		if (!forms.submit(command, () -> opened[0] = returns.request(currentStore.id(), command, ReturnManagement.STAFF),
				model)) {
			model.addAttribute("orderQuery", order.number());
			model.addAttribute("reasons", ReturnReason.values());
			model.addAttribute("order", order);
			model.addAttribute("returnable", returns.returnable(currentStore.id(), order));
			return "returns/new";
		}
		redirect.addFlashAttribute("notice", "Return " + opened[0].number() + " opened.");
		return "redirect:/admin/returns/" + opened[0].id();
	}

	private @Nullable Order findOrder(String reference) {
		try {
			return orders.find(currentStore.id(), OrderId.of(reference)).orElse(null);
		}
		catch (IllegalArgumentException notAnId) {
			List<Order> found = orders.list(currentStore.id(), new OrderListing(reference, null, null, null, null, null,
					null, null, null), null, 2).items();
			return found.stream().filter(o -> o.number().equals(reference) || o.number().equals("#" + reference))
				.findFirst()
				.orElse(null);
		}
	}

	// policy and report

	@GetMapping("/admin/settings/returns")
	@PreAuthorize("hasAuthority('ORDERS_READ')")
	String policy(Model model) {
		return policyPage(returns.policy(currentStore.id()), model);
	}

	@PostMapping("/admin/settings/returns")
	@PreAuthorize("hasAuthority('ORDERS_WRITE')")
	String savePolicy(@RequestParam(defaultValue = "") String windowDays,
			@RequestParam(defaultValue = "0") String restockingFeePercent,
			@RequestParam(defaultValue = "CUSTOMER") ReturnPolicy.ShippingPaidBy returnShippingPaidBy,
			@RequestParam(defaultValue = "") String nonReturnableSkus,
			@RequestParam(defaultValue = "") String nonReturnableTags,
			@RequestParam(defaultValue = "false") boolean autoReceiveOnDelivery, Model model, RedirectAttributes redirect) {
		ReturnPolicy typed;
		try {
			typed = new ReturnPolicy(Integer.parseInt(windowDays.strip()), lines(nonReturnableSkus),
					lines(nonReturnableTags), new BigDecimal(restockingFeePercent.strip()), returnShippingPaidBy,
					autoReceiveOnDelivery);
		}
		catch (NumberFormatException ex) {
			model.addAttribute("formError", "Enter the window in whole days and the fee as a percentage such as 10 or 12.5");
			model.addAttribute("fieldErrors", Map.of("windowDays", "a whole number of days",
					"restockingFeePercent", "a percentage such as 10"));
			return policyPage(returns.policy(currentStore.id()), model);
		}
		if (!forms.submit(typed, () -> returns.updatePolicy(currentStore.id(), typed), model)) {
			return policyPage(typed, model);
		}
		redirect.addFlashAttribute("notice", "Return policy saved.");
		return "redirect:/admin/settings/returns";
	}

	private static List<String> lines(String text) {
		return text.lines().flatMap(line -> java.util.Arrays.stream(line.split(","))).map(String::strip)
			.filter(s -> !s.isEmpty())
			.toList();
	}

	private String policyPage(ReturnPolicy policy, Model model) {
		model.addAttribute("policy", policy);
		model.addAttribute("skusText", String.join("\n", policy.nonReturnableSkus()));
		model.addAttribute("tagsText", String.join("\n", policy.nonReturnableTags()));
		model.addAttribute("payers", ReturnPolicy.ShippingPaidBy.values());
		return "returns/policy";
	}

	@GetMapping("/admin/returns/report")
	@PreAuthorize("hasAuthority('ORDERS_READ')")
	String report(Model model) {
		model.addAttribute("rows", returns.report(currentStore.id()));
		model.addAttribute("reasons", ReturnReason.values());
		return "returns/report";
	}
}
