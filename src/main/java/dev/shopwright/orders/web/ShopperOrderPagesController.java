package dev.shopwright.orders.web;

import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

import dev.shopwright.customers.CustomerPrincipal;
import dev.shopwright.customers.security.ShopperSessions;
import dev.shopwright.orders.OrderId;
import dev.shopwright.orders.OrderListing;
import dev.shopwright.orders.OrderManagement;
import dev.shopwright.orders.ShopperOrder;
import dev.shopwright.platform.CurrentStore;
import dev.shopwright.stores.Store;
import dev.shopwright.stores.StoreManagement;

/**
 * The shopper's order pages on the storefront: the order status page (opened with the cart token from checkout, or
 * by the signed-in customer who placed it) and the account's order history. An order the visitor may not see is a
 * plain 404, the same as one that does not exist.
 */
@Controller
class ShopperOrderPagesController {

	private static final int PAGE_SIZE = 20;

	private final OrderManagement orders;

	private final ShopperSessions sessions;

	private final CurrentStore currentStore;

	private final StoreManagement stores;

	ShopperOrderPagesController(OrderManagement orders, ShopperSessions sessions, CurrentStore currentStore,
			StoreManagement stores) {
		this.orders = orders;
		this.sessions = sessions;
		this.currentStore = currentStore;
		this.stores = stores;
	}

	@ModelAttribute("store")
	@Nullable Store store() {
		return currentStore.find().flatMap(stores::find).orElse(null);
	}

	@ModelAttribute("shopper")
	@Nullable CustomerPrincipal shopper(HttpServletRequest request) {
		return sessions.current(request).orElse(null);
	}

	@GetMapping("/orders/{id}")
	String status(@PathVariable UUID id, @RequestParam(required = false) @Nullable String token,
			HttpServletRequest request, Model model) {
		CustomerPrincipal shopper = sessions.current(request).orElse(null);
		ShopperOrder order = orders.findForShopper(currentStore.id(), new OrderId(id), token,
				shopper == null ? null : shopper.customerId())
			.map(ShopperOrder::of)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		model.addAttribute("order", order);
		model.addAttribute("token", token);
		model.addAttribute("shipments", orders.shipments(currentStore.id(), order.id()));
		model.addAttribute("zone", stores.get(currentStore.id()).timezone());
		return "orders/shopper-order";
	}

	@GetMapping("/account/orders")
	String history(@RequestParam(required = false) @Nullable String cursor, HttpServletRequest request, Model model) {
		CustomerPrincipal shopper = signedIn(request);
		var page = orders.list(currentStore.id(), OrderListing.ofCustomer(shopper.customerId()),
				cursor == null || cursor.isBlank() ? null : cursor, PAGE_SIZE);
		model.addAttribute("orders", page.items().stream().map(ShopperOrder::of).toList());
		model.addAttribute("nextCursor", page.nextCursor());
		model.addAttribute("zone", stores.get(currentStore.id()).timezone());
		return "orders/shopper-history";
	}

	@GetMapping("/account/orders/{id}")
	String accountOrder(@PathVariable UUID id, HttpServletRequest request, Model model) {
		CustomerPrincipal shopper = signedIn(request);
		ShopperOrder order = orders.findForShopper(currentStore.id(), new OrderId(id), null, shopper.customerId())
			.map(ShopperOrder::of)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		model.addAttribute("order", order);
		model.addAttribute("shipments", orders.shipments(currentStore.id(), order.id()));
		model.addAttribute("fromAccount", true);
		model.addAttribute("zone", stores.get(currentStore.id()).timezone());
		return "orders/shopper-order";
	}

	/** The account chain has already sent anyone not signed in to the login page; this is the shopper it let in. */
	private CustomerPrincipal signedIn(HttpServletRequest request) {
		return sessions.current(request).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}
}
