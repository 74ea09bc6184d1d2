package dev.shopwright.orders.drafts.rest;

import java.net.URI;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.shopwright.orders.Order;
import dev.shopwright.orders.PaymentState;
import dev.shopwright.orders.drafts.DraftOrder;
import dev.shopwright.orders.drafts.DraftOrderDetails;
import dev.shopwright.orders.drafts.DraftOrderStatus;
import dev.shopwright.orders.drafts.DraftOrders;
import dev.shopwright.orders.drafts.PayLinks;
import dev.shopwright.platform.CurrentStore;
import dev.shopwright.shared.Money;
import dev.shopwright.shared.Page;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Draft orders through the Admin API: build, change, delete, email the invoice with its pay link, mark paid. */
@RestController
@Tag(name = "Draft orders")
class DraftOrdersRestController {

	/** The order a completed draft became. */
	record Completed(UUID draftId, UUID orderId, String orderNumber, PaymentState paymentState, Money total) {

		static Completed of(UUID draft, Order order) {
			return new Completed(draft, order.id().value(), order.number(), order.paymentState(), order.totals().total());
		}
	}

	private final DraftOrders drafts;

	private final PayLinks links;

	private final CurrentStore currentStore;

	DraftOrdersRestController(DraftOrders drafts, PayLinks links, CurrentStore currentStore) {
		this.drafts = drafts;
		this.links = links;
		this.currentStore = currentStore;
	}

	@GetMapping("/api/admin/v1/draft-orders")
	@PreAuthorize("hasAuthority('ORDERS_READ')")
	@Operation(summary = "List draft orders, newest first; filter by status, or search the number (D1001) or email")
	Page<DraftOrder> list(@RequestParam(required = false) @Nullable DraftOrderStatus status,
			@RequestParam(required = false) @Nullable String query,
			@RequestParam(required = false) @Nullable String cursor,
			@RequestParam(defaultValue = "50") @Min(1) @Max(100) int limit) {
		return drafts.list(currentStore.id(), status, query, cursor, limit);
	}

	@GetMapping("/api/admin/v1/draft-orders/{id}")
	@PreAuthorize("hasAuthority('ORDERS_READ')")
	@Operation(summary = "A draft order priced now (catalog or custom unit prices, totals from pricing)")
	DraftOrder get(@PathVariable UUID id) {
		return drafts.get(currentStore.id(), id);
	}

	@PostMapping("/api/admin/v1/draft-orders")
	@PreAuthorize("hasAuthority('ORDERS_WRITE')")
	@Operation(summary = "Create a draft order: customer or email, lines by SKU (a custom price needs a reason), "
			+ "shipping address, a shipping line typed by staff")
	@ApiResponse(responseCode = "201", description = "the draft, numbered D1001, D1002 …")
	ResponseEntity<DraftOrder> create(@Valid @RequestBody DraftOrderDetails details) {
		DraftOrder draft = drafts.create(currentStore.id(), details);
		return ResponseEntity.created(URI.create("/api/admin/v1/draft-orders/" + draft.id())).body(draft);
	}

	@PutMapping("/api/admin/v1/draft-orders/{id}")
	@PreAuthorize("hasAuthority('ORDERS_WRITE')")
	@Operation(summary = "Replace what the draft says; 409 DRAFT_ORDER_COMPLETED once it is an order, "
			+ "DRAFT_ORDER_CONFLICT on a stale expectedVersion or while the shopper is paying")
	DraftOrder update(@PathVariable UUID id, @Valid @RequestBody DraftOrderDetails details,
			@Parameter(description = "The version the change was made from (optimistic check)")
			@RequestParam(required = false) @Nullable @Min(0) Integer expectedVersion) {
		return drafts.update(currentStore.id(), id, details, expectedVersion);
	}

	@DeleteMapping("/api/admin/v1/draft-orders/{id}")
	@PreAuthorize("hasAuthority('ORDERS_WRITE')")
	@Operation(summary = "Delete a draft that has not become an order")
	@ApiResponse(responseCode = "204", description = "deleted")
	ResponseEntity<Void> delete(@PathVariable UUID id) {
		drafts.delete(currentStore.id(), id);
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/api/admin/v1/draft-orders/{id}/send-invoice")
	@PreAuthorize("hasAuthority('ORDERS_WRITE')")
	@Operation(summary = "Email the shopper the invoice with a pay link /pay/{id}?token=… (a new token each time; "
			+ "the earlier link stops working); 503 MAIL_NOT_SENT when the mail server refused it")
	DraftOrder sendInvoice(@PathVariable UUID id, HttpServletRequest request) {
		return drafts.sendInvoice(currentStore.id(), id, links.base(currentStore.id(), request));
	}

	@PostMapping("/api/admin/v1/draft-orders/{id}/complete")
	@PreAuthorize("hasAuthority('ORDERS_WRITE')")
	@Operation(summary = "Mark the draft paid (a bank transfer or cash payment the store offers) and turn it into an "
			+ "order with channel draft; completing again returns the same order. 409 INSUFFICIENT_STOCK when the "
			+ "items are gone, MANUAL_PAYMENT_NOT_OFFERED when the store offers no manual method")
	@ApiResponse(responseCode = "200", description = "the order the draft became")
	Completed complete(@PathVariable UUID id,
			@RequestHeader(name = "Idempotency-Key", required = false) @Nullable String idempotencyKey) {
		String key = idempotencyKey == null || idempotencyKey.isBlank() ? "api" : idempotencyKey;
		return Completed.of(id, drafts.markPaid(currentStore.id(), id, key));
	}
}
