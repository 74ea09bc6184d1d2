package dev.shopwright.orders.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.shopwright.orders.FulfillmentStatus;
import dev.shopwright.orders.Order;
import dev.shopwright.orders.OrderId;
import dev.shopwright.orders.OrderListing;
import dev.shopwright.orders.OrderManagement;
import dev.shopwright.orders.OrderStatus;
import dev.shopwright.orders.PaymentState;
import dev.shopwright.orders.PlaceOrder;
import dev.shopwright.orders.RiskLevel;
import dev.shopwright.payments.PaymentManagement;
import dev.shopwright.platform.BusinessRuleViolation;
import dev.shopwright.platform.ConsoleForms;
import dev.shopwright.platform.CurrentStore;
import dev.shopwright.shared.Money;
import dev.shopwright.stores.StoreManagement;
import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;

/**
 * The orders screens: a searchable, filterable list, and an order's detail with its lines, totals, payments and
 * timeline and the actions its state allows. Money action forms carry an idempotency key made when the page was
 * rendered, so a double-submitted form captures or refunds once.
 */
@Controller
class OrderAdminController {

	private static final int PAGE_SIZE = 50;

	private final OrderManagement orders;

	private final PaymentManagement payments;

	private final CurrentStore currentStore;

	private final StoreManagement stores;

	private final ConsoleForms forms;

	OrderAdminController(OrderManagement orders, PaymentManagement payments, CurrentStore currentStore,
			StoreManagement stores, ConsoleForms forms) {
		this.orders = orders;
		this.payments = payments;
		this.currentStore = currentStore;
		this.stores = stores;
		this.forms = forms;
	}

	@GetMapping("/admin/orders")
	@PreAuthorize("hasAuthority('ORDERS_READ')")
	String list(@RequestParam(required = false) @Nullable String q,
			@RequestParam(required = false) @Nullable OrderStatus status,
			@RequestParam(required = false) @Nullable PaymentState paymentState,
			@RequestParam(required = false) @Nullable FulfillmentStatus fulfillmentStatus,
			@RequestParam(required = false) @Nullable String channel,
			@RequestParam(required = false) @Nullable RiskLevel riskLevel,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to,
			@RequestParam(required = false) @Nullable String cursor, HtmxRequest htmx, Model model) {
		ZoneId zone = stores.get(currentStore.id()).timezone();
		String query = q == null || q.isBlank() ? null : q.strip();
		String channelFilter = channel == null || channel.isBlank() ? null : channel;
		OrderListing filter = new OrderListing(query, status, paymentState, fulfillmentStatus, channelFilter, riskLevel,
				from == null ? null : from.atStartOfDay(zone).toInstant(),
				to == null ? null : to.plusDays(1).atStartOfDay(zone).toInstant(), null);
		model.addAttribute("page", orders.list(currentStore.id(), filter,
				cursor == null || cursor.isBlank() ? null : cursor, PAGE_SIZE));
		model.addAttribute("q", query);
		model.addAttribute("status", status);
		model.addAttribute("paymentState", paymentState);
		model.addAttribute("fulfillmentStatus", fulfillmentStatus);
		model.addAttribute("channel", channelFilter);
		model.addAttribute("riskLevel", riskLevel);
		model.addAttribute("from", from);
		model.addAttribute("to", to);
		model.addAttribute("statuses", OrderStatus.values());
		model.addAttribute("paymentStates", PaymentState.values());
		model.addAttribute("fulfillmentStatuses", FulfillmentStatus.values());
		model.addAttribute("riskLevels", RiskLevel.values());
		model.addAttribute("channels", new String[] { PlaceOrder.ONLINE_STORE, PlaceOrder.STORE_API, PlaceOrder.DRAFT });
		model.addAttribute("zone", zone);
		return htmx.isHtmxRequest() && cursor != null ? "orders/list :: rows" : "orders/list";
	}

	@GetMapping("/admin/orders/{id}")
	@PreAuthorize("hasAuthority('ORDERS_READ')")
	String detail(@PathVariable UUID id, Authentication authentication, Model model) {
		OrderId orderId = new OrderId(id);
		Order order = existing(orderId);
		model.addAttribute("order", order);
		model.addAttribute("timeline", orders.timeline(currentStore.id(), orderId).reversed());
		model.addAttribute("payments", payments.forOrder(currentStore.id(), orderId.toString()));
		model.addAttribute("zone", stores.get(currentStore.id()).timezone());
		model.addAttribute("actionKey", UUID.randomUUID().toString());
		model.addAttribute("canWrite", authentication.getAuthorities().stream()
			.anyMatch(authority -> "ORDERS_WRITE".equals(authority.getAuthority())));
		return "orders/detail";
	}

	@GetMapping("/admin/orders/{id}/invoice.pdf")
	@PreAuthorize("hasAuthority('ORDERS_READ')")
	ResponseEntity<byte[]> invoice(@PathVariable UUID id) {
		OrderId orderId = new OrderId(id);
		String number = existing(orderId).number().replace("#", "");
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename("invoice-" + number + ".pdf").build().toString())
			.body(orders.invoicePdf(currentStore.id(), orderId));
	}

	@PostMapping("/admin/orders/{id}/capture")
	@PreAuthorize("hasAuthority('ORDERS_WRITE')")
	String capture(@PathVariable UUID id, @RequestParam(defaultValue = "") String amount,
			@RequestParam String idempotencyKey, RedirectAttributes redirect) {
		OrderId order = new OrderId(id);
		forms.act(redirect, "Payment captured.",
				() -> orders.capture(currentStore.id(), order, amount(order, amount), idempotencyKey));
		return redirectTo(id);
	}

	@PostMapping("/admin/orders/{id}/refund")
	@PreAuthorize("hasAuthority('ORDERS_WRITE')")
	String refund(@PathVariable UUID id, @RequestParam(defaultValue = "") String amount,
			@RequestParam(defaultValue = "") String reason, @RequestParam String idempotencyKey,
			RedirectAttributes redirect) {
		OrderId order = new OrderId(id);
		forms.act(redirect, "Refund recorded.",
				() -> orders.refund(currentStore.id(), order, amount(order, amount), reason, idempotencyKey));
		return redirectTo(id);
	}

	@PostMapping("/admin/orders/{id}/cancel")
	@PreAuthorize("hasAuthority('ORDERS_WRITE')")
	String cancel(@PathVariable UUID id, @RequestParam(defaultValue = "") String reason,
			@RequestParam(defaultValue = "false") boolean restock, RedirectAttributes redirect) {
		forms.act(redirect, "Order cancelled.", () -> orders.cancel(currentStore.id(), new OrderId(id), reason, restock));
		return redirectTo(id);
	}

	@PostMapping("/admin/orders/{id}/hold")
	@PreAuthorize("hasAuthority('ORDERS_WRITE')")
	String hold(@PathVariable UUID id, @RequestParam(defaultValue = "") String reason, RedirectAttributes redirect) {
		forms.act(redirect, "Order put on hold.", () -> orders.hold(currentStore.id(), new OrderId(id), reason));
		return redirectTo(id);
	}

	@PostMapping("/admin/orders/{id}/release")
	@PreAuthorize("hasAuthority('ORDERS_WRITE')")
	String release(@PathVariable UUID id, RedirectAttributes redirect) {
		forms.act(redirect, "Order released.", () -> orders.release(currentStore.id(), new OrderId(id)));
		return redirectTo(id);
	}

	@PostMapping("/admin/orders/{id}/notes")
	@PreAuthorize("hasAuthority('ORDERS_WRITE')")
	String addNote(@PathVariable UUID id, @RequestParam(defaultValue = "") String note, RedirectAttributes redirect) {
		forms.act(redirect, "Note added.", () -> orders.addNote(currentStore.id(), new OrderId(id), note));
		return redirectTo(id);
	}

	@PostMapping("/admin/orders/{id}/tags")
	@PreAuthorize("hasAuthority('ORDERS_WRITE')")
	String setTags(@PathVariable UUID id, @RequestParam(defaultValue = "") String tags, @RequestParam int version,
			RedirectAttributes redirect) {
		Set<String> parsed = Arrays.stream(tags.split(","))
			.map(String::strip)
			.filter(tag -> !tag.isEmpty())
			.collect(Collectors.toCollection(LinkedHashSet::new));
		forms.act(redirect, "Tags saved.", () -> orders.setTags(currentStore.id(), new OrderId(id), parsed, version));
		return redirectTo(id);
	}

	private Order existing(OrderId id) {
		return orders.find(currentStore.id(), id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

	private static String redirectTo(UUID id) {
		return "redirect:/admin/orders/" + id;
	}

	/** The typed amount in the order's currency; blank means "all that remains". */
	private @Nullable Money amount(OrderId id, String typed) {
		if (typed.isBlank()) {
			return null;
		}
		var currency = orders.get(currentStore.id(), id).totals().total().currency();
		try {
			return new Money(new BigDecimal(typed.strip()), currency);
		}
		catch (IllegalArgumentException ex) { // NumberFormatException included
			throw BusinessRuleViolation.ofField("VALIDATION_FAILED", "amount",
					"Enter an amount such as 12.50 in " + currency.getCurrencyCode());
		}
	}
}
