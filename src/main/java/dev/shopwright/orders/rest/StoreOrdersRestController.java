package dev.shopwright.orders.rest;

import java.util.UUID;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.shopwright.customers.CustomerId;
import dev.shopwright.customers.CustomerPrincipal;
import dev.shopwright.orders.OrderId;
import dev.shopwright.orders.OrderListing;
import dev.shopwright.orders.OrderManagement;
import dev.shopwright.orders.ShopperOrder;
import dev.shopwright.platform.CurrentStore;
import dev.shopwright.platform.ResourceNotFound;
import dev.shopwright.shared.Page;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The shopper's orders through the Store API: the order status page's data, and a signed-in customer's history. */
@RestController
@Tag(name = "Store API: orders")
class StoreOrdersRestController {

	private static final String PROBLEM = "#/components/schemas/Problem";

	private final OrderManagement orders;

	private final CurrentStore currentStore;

	StoreOrdersRestController(OrderManagement orders, CurrentStore currentStore) {
		this.orders = orders;
		this.currentStore = currentStore;
	}

	@GetMapping("/api/store/v1/orders/{id}")
	@Operation(summary = "An order for its shopper: with the cart token the checkout used, or as the signed-in customer "
			+ "who placed it (customer token optional)")
	@ApiResponse(responseCode = "200", description = "The order")
	@ApiResponse(responseCode = "404", description = "No such order, or not this shopper's (the two look the same)",
			content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = PROBLEM)))
	ResponseEntity<ShopperOrder> get(@PathVariable UUID id,
			@Parameter(description = "The cart token of the checkout that placed the order")
			@RequestHeader(name = "X-Cart-Token", required = false) @Nullable String cartToken,
			@AuthenticationPrincipal @Nullable CustomerPrincipal shopper) {
		OrderId order = new OrderId(id);
		ShopperOrder found = orders.findForShopper(currentStore.id(), order, cartToken, owner(shopper))
			.map(ShopperOrder::of)
			.orElseThrow(() -> new ResourceNotFound("Order", id.toString()));
		return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(found);
	}

	@GetMapping("/api/store/v1/customers/me/orders")
	@Operation(summary = "The signed-in customer's orders, newest first", security = @SecurityRequirement(name = "customer"))
	@ApiResponse(responseCode = "401", description = "No valid customer token",
			content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = PROBLEM)))
	Page<ShopperOrder> mine(@AuthenticationPrincipal CustomerPrincipal shopper,
			@RequestParam(required = false) @Nullable String cursor,
			@RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit) {
		var page = orders.list(shopper.storeId(), OrderListing.ofCustomer(shopper.customerId()), cursor, limit);
		return new Page<>(page.items().stream().map(ShopperOrder::of).toList(), page.nextCursor());
	}

	private @Nullable CustomerId owner(@Nullable CustomerPrincipal shopper) {
		return shopper != null && shopper.storeId().equals(currentStore.id()) ? shopper.customerId() : null;
	}
}
