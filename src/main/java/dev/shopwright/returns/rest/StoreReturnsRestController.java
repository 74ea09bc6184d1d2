package dev.shopwright.returns.rest;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import dev.shopwright.customers.CustomerId;
import dev.shopwright.customers.CustomerPrincipal;
import dev.shopwright.orders.Order;
import dev.shopwright.orders.OrderId;
import dev.shopwright.orders.OrderManagement;
import dev.shopwright.platform.CurrentStore;
import dev.shopwright.platform.ResourceNotFound;
import dev.shopwright.returns.ReturnManagement;
import dev.shopwright.returns.ReturnRequest;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * Shoppers ask for a return from their order: the same access as {@code GET /api/store/v1/orders/{id}} (the orders
 * module's {@code findForShopper}: the checkout's cart token, or the signed-in customer who placed it). Anyone else
 * sees "no such order".
 */
@RestController
@Tag(name = "Store API: returns")
class StoreReturnsRestController {

	record ShopperReturnBody(@NotEmpty @Size(max = 250) List<ReturnsRestController.@Valid @NotNull ItemRequest> items,
			@Size(max = 2000) @Nullable String note) {
	}

	private final ReturnManagement returns;

	private final OrderManagement orders;

	private final CurrentStore currentStore;

	StoreReturnsRestController(ReturnManagement returns, OrderManagement orders, CurrentStore currentStore) {
		this.returns = returns;
		this.orders = orders;
		this.currentStore = currentStore;
	}

	@PostMapping("/api/store/v1/orders/{id}/returns")
	@Operation(summary = "Ask to return items of an order (with its cart token, or as the customer who placed it); "
			+ "RETURN_WINDOW_CLOSED, ITEM_NOT_RETURNABLE, RETURN_EXCEEDS_RETURNABLE when refused")
	@ApiResponse(responseCode = "201", description = "The return, REQUESTED; staff approve it")
	@ApiResponse(responseCode = "404", description = "No such order, or not this shopper's (the two look the same)",
			content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = ReturnsRestController.PROBLEM)))
	@ApiResponse(responseCode = "409", description = "More units than delivered and not yet returned, or a cancelled order",
			content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = ReturnsRestController.PROBLEM)))
	ResponseEntity<ReturnRequest> request(@PathVariable UUID id, @Valid @RequestBody ShopperReturnBody body,
			@Parameter(description = "The cart token of the checkout that placed the order")
			@RequestHeader(name = "X-Cart-Token", required = false) @Nullable String cartToken,
			@Parameter(description = "Makes a retry safe: the same key and body open one return")
			@RequestHeader(name = "Idempotency-Key", required = false) @Nullable String idempotencyKey,
			@AuthenticationPrincipal @Nullable CustomerPrincipal shopper) {
		Order order = shoppersOrder(id, cartToken, shopper);
		ReturnRequest opened = returns.request(currentStore.id(), ReturnsRestController.command(
				new ReturnsRestController.ReturnBody(order.id().value(), body.items(), body.note())), ReturnManagement.SHOPPER);
		return ResponseEntity.created(URI.create("/api/store/v1/orders/" + id + "/returns"))
			.cacheControl(CacheControl.noStore())
			.body(opened);
	}

	@GetMapping("/api/store/v1/orders/{id}/returns")
	@Operation(summary = "The returns of an order, oldest first, for the same shopper")
	@ApiResponse(responseCode = "404", description = "No such order, or not this shopper's",
			content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = ReturnsRestController.PROBLEM)))
	ResponseEntity<List<ReturnRequest>> list(@PathVariable UUID id,
			@RequestHeader(name = "X-Cart-Token", required = false) @Nullable String cartToken,
			@AuthenticationPrincipal @Nullable CustomerPrincipal shopper) {
		Order order = shoppersOrder(id, cartToken, shopper);
		return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(returns.forOrder(currentStore.id(), order.id()));
	}

	private Order shoppersOrder(UUID id, @Nullable String cartToken, @Nullable CustomerPrincipal shopper) {
		CustomerId owner = shopper != null && shopper.storeId().equals(currentStore.id()) ? shopper.customerId() : null;
		return orders.findForShopper(currentStore.id(), new OrderId(id), cartToken, owner)
			.orElseThrow(() -> new ResourceNotFound("Order", id.toString()));
	}
}
