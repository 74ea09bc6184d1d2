package dev.shopwright.orders.rest;

import java.net.URI;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.shopwright.orders.FulfillmentStatus;
import dev.shopwright.orders.Order;
import dev.shopwright.orders.OrderId;
import dev.shopwright.orders.OrderListing;
import dev.shopwright.orders.OrderManagement;
import dev.shopwright.orders.OrderStatus;
import dev.shopwright.orders.PaymentState;
import dev.shopwright.orders.RiskLevel;
import dev.shopwright.orders.TimelineEntry;
import dev.shopwright.platform.CurrentStore;
import dev.shopwright.shared.Money;
import dev.shopwright.shared.Page;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Orders through the Admin API: list and search, read, the timeline, and the staff actions. */
@RestController
@Tag(name = "Orders")
class OrdersRestController {

	private static final String BASE = "/api/admin/v1/orders";

	private static final String KEY_HEADER = "Idempotency-Key";

	record CancelRequest(@Nullable @Size(max = 500) String reason, @Nullable Boolean restock) {
	}

	record HoldRequest(@Nullable @Size(max = 500) String reason) {
	}

	record AmountRequest(@Nullable Money amount) {
	}

	record RefundRequest(@Nullable Money amount, @Nullable @Size(max = 500) String reason) {
	}

	record NoteRequest(@NotBlank @Size(max = 5000) String note) {
	}

	record TagsRequest(@NotNull @Size(max = 40) List<@NotBlank @Size(max = 60) String> tags,
			@Schema(description = "The order version you read; the change is refused (409 ORDER_VERSION_CONFLICT) if it moved on")
			@Nullable Integer version) {
	}

	record FulfillmentLine(@NotNull UUID lineId, @Min(1) @Max(1_000_000) int quantity) {
	}

	record FulfillmentRequest(@NotBlank @Size(max = 200) String shipmentReference,
			@NotEmpty @Size(max = 250) List<@Valid @NotNull FulfillmentLine> lines) {
	}

	private final OrderManagement orders;

	private final CurrentStore currentStore;

	OrdersRestController(OrderManagement orders, CurrentStore currentStore) {
		this.orders = orders;
		this.currentStore = currentStore;
	}

	@GetMapping(BASE)
	@PreAuthorize("hasAuthority('ORDERS_READ')")
	@Operation(summary = "List orders, newest first: search q (order number such as #1001, or part of the email) and filter")
	Page<Order> list(@RequestParam(required = false) @Nullable String q,
			@RequestParam(required = false) @Nullable OrderStatus status,
			@RequestParam(required = false) @Nullable PaymentState paymentState,
			@RequestParam(required = false) @Nullable FulfillmentStatus fulfillmentStatus,
			@RequestParam(required = false) @Nullable String channel,
			@RequestParam(required = false) @Nullable RiskLevel riskLevel,
			@Parameter(description = "Placed at or after (ISO-8601 instant)") @RequestParam(required = false)
			@DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) @Nullable Instant placedFrom,
			@Parameter(description = "Placed before (ISO-8601 instant)") @RequestParam(required = false)
			@DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) @Nullable Instant placedTo,
			@RequestParam(required = false) @Nullable String cursor,
			@RequestParam(defaultValue = "50") @Min(1) @Max(100) int limit) {
		return orders.list(currentStore.id(), new OrderListing(q, status, paymentState, fulfillmentStatus, channel,
				riskLevel, placedFrom, placedTo, null), cursor, limit);
	}

	@GetMapping(BASE + "/{id}")
	@PreAuthorize("hasAuthority('ORDERS_READ')")
	@Operation(summary = "Get an order with its lines, totals (presentment and store currency), tax lines and risk")
	Order get(@PathVariable UUID id) {
		return orders.get(currentStore.id(), new OrderId(id));
	}

	@GetMapping(BASE + "/{id}/timeline")
	@PreAuthorize("hasAuthority('ORDERS_READ')")
	@Operation(summary = "Everything that happened to the order, oldest first (one page: the timeline is short)")
	Page<TimelineEntry> timeline(@PathVariable UUID id) {
		return new Page<>(orders.timeline(currentStore.id(), new OrderId(id)), null);
	}

	@GetMapping(BASE + "/{id}/invoice.pdf")
	@PreAuthorize("hasAuthority('ORDERS_READ')")
	@Operation(summary = "The order's invoice as a PDF", responses = @ApiResponse(responseCode = "200",
			description = "The PDF", content = @Content(mediaType = MediaType.APPLICATION_PDF_VALUE,
					schema = @Schema(type = "string", format = "binary"))))
	ResponseEntity<byte[]> invoice(@PathVariable UUID id) {
		OrderId order = new OrderId(id);
		byte[] pdf = orders.invoicePdf(currentStore.id(), order);
		String number = orders.get(currentStore.id(), order).number().replace("#", "");
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.inline().filename("invoice-" + number + ".pdf").build().toString())
			.body(pdf);
	}

	@PostMapping(BASE + "/{id}/cancel")
	@PreAuthorize("hasAuthority('ORDERS_WRITE')")
	@Operation(summary = "Cancel: releases held stock (restock puts sold units back), voids or refunds the payments",
			description = "409 ORDER_ALREADY_FULFILLED once anything has shipped. Cancelling a cancelled order again "
					+ "only finishes money steps a gateway outage left undone.")
	Order cancel(@PathVariable UUID id, @Valid @RequestBody(required = false) @Nullable CancelRequest request) {
		return orders.cancel(currentStore.id(), new OrderId(id),
				request == null || request.reason() == null ? "" : request.reason(),
				request != null && Boolean.TRUE.equals(request.restock()));
	}

	@PostMapping(BASE + "/{id}/hold")
	@PreAuthorize("hasAuthority('ORDERS_WRITE')")
	@Operation(summary = "Put an open order on hold; fulfilment waits (409 ORDER_NOT_OPEN otherwise)")
	Order hold(@PathVariable UUID id, @Valid @RequestBody(required = false) @Nullable HoldRequest request) {
		return orders.hold(currentStore.id(), new OrderId(id),
				request == null || request.reason() == null ? "" : request.reason());
	}

	@PostMapping(BASE + "/{id}/release")
	@PreAuthorize("hasAuthority('ORDERS_WRITE')")
	@Operation(summary = "Release a held order for fulfilment (409 ORDER_NOT_ON_HOLD otherwise)")
	Order release(@PathVariable UUID id) {
		return orders.release(currentStore.id(), new OrderId(id));
	}

	@PostMapping(BASE + "/{id}/capture")
	@PreAuthorize("hasAuthority('ORDERS_WRITE')")
	@Operation(summary = "Capture all (no amount) or part of what the order's payments hold",
			description = "Never more than is authorised: 409 CAPTURE_EXCEEDS_AUTHORIZED; 409 NOTHING_TO_CAPTURE.")
	Order capture(@PathVariable UUID id, @Valid @RequestBody(required = false) @Nullable AmountRequest request,
			@RequestHeader(name = KEY_HEADER, required = false) @Nullable String idempotencyKey) {
		return orders.capture(currentStore.id(), new OrderId(id), request == null ? null : request.amount(),
				keyOrRandom(idempotencyKey));
	}

	@PostMapping(BASE + "/{id}/refund")
	@PreAuthorize("hasAuthority('ORDERS_WRITE')")
	@Operation(summary = "Refund all (no amount) or part of what was paid, with a reason for the timeline",
			description = "Never more than was paid and not refunded: 409 REFUND_EXCEEDS_PAID; 409 NOTHING_TO_REFUND.")
	Order refund(@PathVariable UUID id, @Valid @RequestBody(required = false) @Nullable RefundRequest request,
			@RequestHeader(name = KEY_HEADER, required = false) @Nullable String idempotencyKey) {
		return orders.refund(currentStore.id(), new OrderId(id), request == null ? null : request.amount(),
				request == null || request.reason() == null ? "" : request.reason(), keyOrRandom(idempotencyKey));
	}

	@PostMapping(BASE + "/{id}/notes")
	@PreAuthorize("hasAuthority('ORDERS_WRITE')")
	@Operation(summary = "Add a staff note to the order's timeline")
	ResponseEntity<TimelineEntry> addNote(@PathVariable UUID id, @Valid @RequestBody NoteRequest request) {
		TimelineEntry entry = orders.addNote(currentStore.id(), new OrderId(id), request.note());
		return ResponseEntity.created(URI.create(BASE + "/" + id + "/timeline")).body(entry);
	}

	@PutMapping(BASE + "/{id}/tags")
	@PreAuthorize("hasAuthority('ORDERS_WRITE')")
	@Operation(summary = "Replace the order's tags (optimistic: send the version you read)")
	Order setTags(@PathVariable UUID id, @Valid @RequestBody TagsRequest request) {
		return orders.setTags(currentStore.id(), new OrderId(id), Set.copyOf(request.tags()), request.version());
	}

	@PostMapping(BASE + "/{id}/fulfillments")
	@PreAuthorize("hasAuthority('ORDERS_WRITE')")
	@Operation(summary = "Record a shipment of some units (once per shipmentReference)",
			description = "409 FULFILLMENT_EXCEEDS_QUANTITY when a line would ship more than is left; 409 ORDER_ON_HOLD.")
	Order recordFulfillment(@PathVariable UUID id, @Valid @RequestBody FulfillmentRequest request) {
		Map<UUID, Integer> quantities = new LinkedHashMap<>();
		request.lines().forEach(line -> quantities.merge(line.lineId(), line.quantity(), Integer::sum));
		return orders.recordFulfillment(currentStore.id(), new OrderId(id), quantities, request.shipmentReference());
	}

	private static String keyOrRandom(@Nullable String idempotencyKey) {
		return idempotencyKey == null || idempotencyKey.isBlank() ? UUID.randomUUID().toString() : idempotencyKey;
	}
}
