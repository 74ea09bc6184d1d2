package dev.shopwright.returns.rest;

import java.math.BigDecimal;
import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.http.MediaType;
import org.springframework.http.HttpHeaders;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.shopwright.customers.CustomerId;
import dev.shopwright.inventory.LocationId;
import dev.shopwright.orders.OrderId;
import dev.shopwright.platform.CurrentStore;
import dev.shopwright.returns.Inspection;
import dev.shopwright.returns.RequestReturn;
import dev.shopwright.returns.Resolution;
import dev.shopwright.returns.ReturnId;
import dev.shopwright.returns.ReturnListing;
import dev.shopwright.returns.ReturnManagement;
import dev.shopwright.returns.ReturnPolicy;
import dev.shopwright.returns.ReturnRateRow;
import dev.shopwright.returns.ReturnReason;
import dev.shopwright.returns.ReturnRequest;
import dev.shopwright.returns.ReturnStatus;
import dev.shopwright.returns.Settlement;
import dev.shopwright.returns.StoreCredit;
import dev.shopwright.shared.Money;
import dev.shopwright.shared.Page;
import dev.shopwright.stores.StoreManagement;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Returns (RMA) through the Admin API: list, open, approve, reject, receive, inspect, resolve; policy; store credit. */
@RestController
@Validated
@Tag(name = "Returns")
class ReturnsRestController {

	static final String PROBLEM = "#/components/schemas/Problem";

	record ItemRequest(@NotNull UUID orderLineId, @Min(1) @Max(1_000_000) int quantity, @NotNull ReturnReason reason,
			@Size(max = 1000) @Nullable String comment) {
	}

	record ReturnBody(@NotNull UUID orderId, @NotEmpty @Size(max = 250) List<@Valid @NotNull ItemRequest> items,
			@Size(max = 2000) @Nullable String note) {
	}

	record RejectBody(@NotBlank @Size(max = 500) String reason) {
	}

	record InspectionRequest(@NotNull UUID itemId, @Min(0) int restock, @Min(0) int damaged,
			@Schema(description = "Where restocked units go; the store's default location when omitted") @Nullable UUID locationId) {
	}

	record InspectBody(@NotEmpty @Size(max = 250) List<@Valid @NotNull InspectionRequest> items) {
	}

	record ExchangeLineRequest(@NotBlank @Size(max = 255) String sku, @Min(1) @Max(1_000_000) int quantity) {
	}

	record ResolveBody(@NotNull Resolution resolution,
			@Schema(description = "EXCHANGE only: the SKUs and quantities of the new order") @Size(max = 50)
			@Nullable List<@Valid @NotNull ExchangeLineRequest> exchange) {
	}

	record PolicyBody(@Min(0) @Max(3650) int windowDays, @Size(max = 500) @Nullable List<@NotBlank @Size(max = 255) String> nonReturnableSkus,
			@Size(max = 500) @Nullable List<@NotBlank @Size(max = 255) String> nonReturnableTags,
			@NotNull @DecimalMin("0") @DecimalMax("100") BigDecimal restockingFeePercent,
			@NotNull ReturnPolicy.ShippingPaidBy returnShippingPaidBy,
			@Schema(description = "Mark a return RECEIVED when the carrier reports its parcel delivered (default false)")
			@Nullable Boolean autoReceiveOnDelivery) {
	}

	record CreditBody(@NotNull Money amount, @NotBlank @Size(max = 500) String note) {
	}

	private final ReturnManagement returns;

	private final CurrentStore currentStore;

	private final StoreManagement stores;

	ReturnsRestController(ReturnManagement returns, CurrentStore currentStore, StoreManagement stores) {
		this.returns = returns;
		this.currentStore = currentStore;
		this.stores = stores;
	}

	@GetMapping("/api/admin/v1/returns")
	@PreAuthorize("hasAuthority('ORDERS_READ')")
	@Operation(summary = "List returns, newest first; filter by status, order, customer, or a query matching the RMA "
			+ "number (R1001), the order number or the email")
	Page<ReturnRequest> list(@RequestParam(required = false) @Nullable ReturnStatus status,
			@RequestParam(required = false) @Nullable UUID orderId, @RequestParam(required = false) @Nullable UUID customerId,
			@RequestParam(required = false) @Size(max = 200) @Nullable String query,
			@Parameter(description = "true: only approved returns whose parcel the carrier delivered to the store but "
					+ "that nobody marked received yet")
			@RequestParam(defaultValue = "false") boolean parcelDelivered,
			@RequestParam(required = false) @Nullable String cursor,
			@RequestParam(defaultValue = "50") @Min(1) @Max(100) int limit) {
		return returns.list(currentStore.id(), new ReturnListing(status, orderId == null ? null : new OrderId(orderId),
				customerId == null ? null : new CustomerId(customerId), query, parcelDelivered), cursor, limit);
	}

	@GetMapping("/api/admin/v1/returns/{id}")
	@PreAuthorize("hasAuthority('ORDERS_READ')")
	@Operation(summary = "A return with its items, inspection results and settlement")
	ReturnRequest get(@PathVariable UUID id) {
		return returns.get(currentStore.id(), new ReturnId(id));
	}

	@PostMapping("/api/admin/v1/returns")
	@PreAuthorize("hasAuthority('ORDERS_WRITE')")
	@Operation(summary = "Open a return for an order on the shopper's behalf (RETURN_WINDOW_CLOSED, ITEM_NOT_RETURNABLE, "
			+ "RETURN_EXCEEDS_RETURNABLE when refused)")
	@ApiResponse(responseCode = "201", description = "the return, REQUESTED")
	@ApiResponse(responseCode = "409", description = "More units than delivered and not yet returned, or the order is cancelled",
			content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = PROBLEM)))
	ResponseEntity<ReturnRequest> open(@Valid @RequestBody ReturnBody body,
			@Parameter(description = "Makes a retry safe: the same key and body open one return")
			@RequestHeader(name = "Idempotency-Key", required = false) @Nullable String idempotencyKey) {
		ReturnRequest opened = returns.request(currentStore.id(), command(body), ReturnManagement.STAFF);
		return ResponseEntity.created(URI.create("/api/admin/v1/returns/" + opened.id())).body(opened);
	}

	static RequestReturn command(ReturnBody body) {
		return new RequestReturn(new OrderId(body.orderId()), body.items()
			.stream()
			.map(i -> new RequestReturn.Item(i.orderLineId(), i.quantity(), i.reason(), i.comment()))
			.toList(), body.note());
	}

	@PostMapping("/api/admin/v1/returns/{id}/approve")
	@PreAuthorize("hasAuthority('ORDERS_WRITE')")
	@Operation(summary = "Approve a requested return and buy its return label; when the customer pays return shipping the "
			+ "label's cost, in the order's currency, becomes returnShippingCharge; the shopper is emailed")
	@ApiResponse(responseCode = "409", description = "RETURN_NOT_IN_STATUS, RETURN_SHIPPING_NOT_CONVERTIBLE", content = @Content(
			mediaType = "application/problem+json", schema = @Schema(ref = PROBLEM)))
	ReturnRequest approve(@PathVariable UUID id) {
		return returns.approve(currentStore.id(), new ReturnId(id));
	}

	@GetMapping(path = "/api/admin/v1/returns/{id}/label", produces = { MediaType.APPLICATION_PDF_VALUE, "application/problem+json" })
	@PreAuthorize("hasAuthority('ORDERS_READ')")
	@Operation(summary = "The return label (4×6 in PDF, Code 128 barcode of its tracking number), bought on approval")
	@ApiResponse(responseCode = "200", description = "the label", content = @Content(mediaType = MediaType.APPLICATION_PDF_VALUE))
	@ApiResponse(responseCode = "404", description = "RESOURCE_NOT_FOUND: no such return, or it has no label", content = @Content(
			mediaType = "application/problem+json", schema = @Schema(ref = PROBLEM)))
	ResponseEntity<byte[]> label(@PathVariable UUID id) {
		return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"return-label-" + id + ".pdf\"")
			.body(returns.labelPdf(currentStore.id(), new ReturnId(id)));
	}

	@GetMapping("/api/admin/v1/returns/{id}/parcel")
	@PreAuthorize("hasAuthority('ORDERS_READ')")
	@Operation(summary = "The return parcel's tracking timeline, oldest first (label created → in transit → delivered "
			+ "to the store); empty without a label")
	List<ReturnManagement.ParcelStep> parcel(@PathVariable UUID id) {
		ReturnId returnId = new ReturnId(id);
		returns.get(currentStore.id(), returnId);
		return returns.parcelTimeline(currentStore.id(), returnId);
	}

	@PostMapping("/api/admin/v1/returns/{id}/void-label")
	@PreAuthorize("hasAuthority('ORDERS_WRITE')")
	@Operation(summary = "Void the return label of an approved return whose parcel has not moved: the carrier is told, "
			+ "the link stops working and no return shipping is charged")
	@ApiResponse(responseCode = "409", description = "NO_RETURN_LABEL, LABEL_IN_USE", content = @Content(
			mediaType = "application/problem+json", schema = @Schema(ref = PROBLEM)))
	ReturnRequest voidLabel(@PathVariable UUID id) {
		return returns.voidLabel(currentStore.id(), new ReturnId(id));
	}

	@PostMapping("/api/admin/v1/returns/{id}/reject")
	@PreAuthorize("hasAuthority('ORDERS_WRITE')")
	@Operation(summary = "Reject a requested return with a reason; its units may be asked for again")
	@ApiResponse(responseCode = "409", description = "RETURN_NOT_IN_STATUS", content = @Content(
			mediaType = "application/problem+json", schema = @Schema(ref = PROBLEM)))
	ReturnRequest reject(@PathVariable UUID id, @Valid @RequestBody RejectBody body) {
		return returns.reject(currentStore.id(), new ReturnId(id), body.reason());
	}

	@PostMapping("/api/admin/v1/returns/{id}/receive")
	@PreAuthorize("hasAuthority('ORDERS_WRITE')")
	@Operation(summary = "Record that the approved return's parcel arrived")
	@ApiResponse(responseCode = "409", description = "RETURN_NOT_IN_STATUS", content = @Content(
			mediaType = "application/problem+json", schema = @Schema(ref = PROBLEM)))
	ReturnRequest receive(@PathVariable UUID id) {
		return returns.receive(currentStore.id(), new ReturnId(id));
	}

	@PostMapping("/api/admin/v1/returns/{id}/inspect")
	@PreAuthorize("hasAuthority('ORDERS_WRITE')")
	@Operation(summary = "Inspect items of a received return: restocked units go back on hand through the stock ledger "
			+ "(RETURNED, source the RMA number), damaged units are written off; INSPECTED once every item is")
	@ApiResponse(responseCode = "409", description = "RETURN_NOT_IN_STATUS", content = @Content(
			mediaType = "application/problem+json", schema = @Schema(ref = PROBLEM)))
	ReturnRequest inspect(@PathVariable UUID id, @Valid @RequestBody InspectBody body) {
		return returns.inspect(currentStore.id(), new ReturnId(id), body.items()
			.stream()
			.map(i -> new Inspection(i.itemId(), i.restock(), i.damaged(),
					i.locationId() == null ? null : new LocationId(i.locationId())))
			.toList());
	}

	@PostMapping("/api/admin/v1/returns/{id}/resolve")
	@PreAuthorize("hasAuthority('ORDERS_WRITE')")
	@Operation(summary = "Settle an inspected return by REFUND (to the original payment, less the restocking fee and "
			+ "returnShippingCharge, never below zero nor more than paid and not yet refunded), STORE_CREDIT (the same "
			+ "amount) or EXCHANGE (a new order, the difference refunded or left to pay, the return shipping charge "
			+ "taken off the credit)")
	@ApiResponse(responseCode = "409", description = "RETURN_NOT_IN_STATUS, REFUND_EXCEEDS_PAID, NOTHING_TO_REFUND",
			content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = PROBLEM)))
	@ApiResponse(responseCode = "503", description = "The payment gateway did not answer; resolve again with the same "
			+ "resolution once it is back", content = @Content(mediaType = "application/problem+json",
					schema = @Schema(ref = PROBLEM)))
	ReturnRequest resolve(@PathVariable UUID id, @Valid @RequestBody ResolveBody body) {
		List<Settlement.ExchangeLine> exchange = body.exchange() == null ? List.of()
				: body.exchange().stream().map(l -> new Settlement.ExchangeLine(l.sku(), l.quantity())).toList();
		return returns.resolve(currentStore.id(), new ReturnId(id), new Settlement(body.resolution(), exchange, null));
	}

	@GetMapping("/api/admin/v1/returns/report")
	@PreAuthorize("hasAuthority('ORDERS_READ')")
	@Operation(summary = "Return rate and reasons per SKU: units sold, units returned (not rejected), highest rate first")
	List<ReturnRateRow> report() {
		return returns.report(currentStore.id());
	}

	@GetMapping("/api/admin/v1/return-policy")
	@PreAuthorize("hasAuthority('ORDERS_READ')")
	@Operation(summary = "The store's return policy (defaults until saved: 30 days, no fee, the shopper pays shipping)")
	ReturnPolicy policy() {
		return returns.policy(currentStore.id());
	}

	@PutMapping("/api/admin/v1/return-policy")
	@PreAuthorize("hasAuthority('ORDERS_WRITE')")
	@Operation(summary = "Set the return window (days from the order's placement), non-returnable SKUs and product tags, "
			+ "restocking fee, who pays return shipping and whether a delivered return parcel marks the return received")
	ReturnPolicy updatePolicy(@Valid @RequestBody PolicyBody body) {
		return returns.updatePolicy(currentStore.id(), new ReturnPolicy(body.windowDays(),
				body.nonReturnableSkus() == null ? List.of() : body.nonReturnableSkus(),
				body.nonReturnableTags() == null ? List.of() : body.nonReturnableTags(), body.restockingFeePercent(),
				body.returnShippingPaidBy(), Boolean.TRUE.equals(body.autoReceiveOnDelivery())));
	}

	@GetMapping("/api/admin/v1/customers/{customerId}/store-credit")
	@PreAuthorize("hasAuthority('ORDERS_READ')")
	@Operation(summary = "A customer's store credit balance in a currency (the store's own when omitted) and its ledger")
	StoreCredit storeCredit(@PathVariable UUID customerId,
			@RequestParam(required = false) @Size(min = 3, max = 3) @Nullable String currency) {
		return returns.storeCredit(currentStore.id(), new CustomerId(customerId),
				currency == null ? stores.get(currentStore.id()).defaultCurrency()
						: dev.shopwright.pricing.PricingManagement.currency(currency.toUpperCase(java.util.Locale.ROOT), "currency"));
	}

	@PostMapping("/api/admin/v1/customers/{customerId}/store-credit")
	@PreAuthorize("hasAuthority('ORDERS_WRITE')")
	@Operation(summary = "Add (positive) or take (negative) store credit; STORE_CREDIT_INSUFFICIENT below zero")
	@ApiResponse(responseCode = "409", description = "STORE_CREDIT_INSUFFICIENT", content = @Content(
			mediaType = "application/problem+json", schema = @Schema(ref = PROBLEM)))
	StoreCredit adjustStoreCredit(@PathVariable UUID customerId, @Valid @RequestBody CreditBody body) {
		return returns.adjustStoreCredit(currentStore.id(), new CustomerId(customerId), body.amount(), body.note());
	}
}
