package dev.shopwright.inventory.purchasing.rest;

import java.net.URI;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.shopwright.inventory.purchasing.PurchaseOrder;
import dev.shopwright.inventory.purchasing.PurchaseOrderDraft;
import dev.shopwright.inventory.purchasing.PurchaseOrderStatus;
import dev.shopwright.inventory.purchasing.Purchasing;
import dev.shopwright.inventory.purchasing.Receipt;
import dev.shopwright.platform.CurrentStore;
import dev.shopwright.shared.Page;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Purchase orders through the Admin API: write drafts, send, receive, cancel, download the PDF. */
@RestController
@Tag(name = "Purchasing")
class PurchaseOrdersRestController {

	private static final String BASE = "/api/admin/v1/inventory/purchase-orders";

	private final Purchasing purchasing;

	private final CurrentStore currentStore;

	PurchaseOrdersRestController(Purchasing purchasing, CurrentStore currentStore) {
		this.purchasing = purchasing;
		this.currentStore = currentStore;
	}

	@GetMapping(BASE)
	@PreAuthorize("hasAuthority('INVENTORY_READ')")
	@Operation(summary = "List purchase orders, newest number first, optionally by status or supplier")
	Page<PurchaseOrder> list(@RequestParam(required = false) @Nullable PurchaseOrderStatus status,
			@RequestParam(required = false) @Nullable UUID supplierId,
			@RequestParam(required = false) @Nullable String cursor,
			@RequestParam(defaultValue = "50") @Min(1) @Max(250) int limit) {
		return purchasing.purchaseOrders(currentStore.id(), status, supplierId, cursor, limit);
	}

	@GetMapping(BASE + "/{id}")
	@PreAuthorize("hasAuthority('INVENTORY_READ')")
	@Operation(summary = "Get a purchase order with its lines")
	PurchaseOrder get(@PathVariable UUID id) {
		return purchasing.purchaseOrder(currentStore.id(), id);
	}

	@GetMapping(BASE + "/{id}/pdf")
	@PreAuthorize("hasAuthority('INVENTORY_READ')")
	@Operation(summary = "The purchase order as the PDF the supplier receives", responses = @ApiResponse(
			responseCode = "200", description = "The PDF",
			content = @Content(mediaType = MediaType.APPLICATION_PDF_VALUE, schema = @Schema(type = "string", format = "binary"))))
	ResponseEntity<byte[]> pdf(@PathVariable UUID id) {
		PurchaseOrder order = purchasing.purchaseOrder(currentStore.id(), id);
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.inline().filename(order.number() + ".pdf").build().toString())
			.body(purchasing.pdf(currentStore.id(), id));
	}

	@PostMapping(BASE)
	@PreAuthorize("hasAuthority('INVENTORY_WRITE')")
	@Operation(summary = "Create a draft purchase order (lines without unitCost take the supplier's cost)")
	ResponseEntity<PurchaseOrder> create(@Valid @RequestBody PurchaseOrderDraft draft) {
		PurchaseOrder order = purchasing.createPurchaseOrder(currentStore.id(), draft);
		return ResponseEntity.created(URI.create(BASE + "/" + order.id())).body(order);
	}

	@PutMapping(BASE + "/{id}")
	@PreAuthorize("hasAuthority('INVENTORY_WRITE')")
	@Operation(summary = "Replace a draft's supplier, destination and lines (409 PURCHASE_ORDER_WRONG_STATUS once sent)")
	PurchaseOrder update(@PathVariable UUID id, @Valid @RequestBody PurchaseOrderDraft draft) {
		return purchasing.updatePurchaseOrder(currentStore.id(), id, draft);
	}

	@DeleteMapping(BASE + "/{id}")
	@PreAuthorize("hasAuthority('INVENTORY_WRITE')")
	@Operation(summary = "Delete a draft (sent orders are cancelled instead)")
	ResponseEntity<Void> delete(@PathVariable UUID id) {
		purchasing.deletePurchaseOrder(currentStore.id(), id);
		return ResponseEntity.noContent().build();
	}

	@PostMapping(BASE + "/{id}/send")
	@PreAuthorize("hasAuthority('INVENTORY_WRITE')")
	@Operation(summary = "Send a draft: its quantities become incoming, and the supplier is emailed the PDF")
	PurchaseOrder send(@PathVariable UUID id) {
		return purchasing.send(currentStore.id(), id);
	}

	@PostMapping(BASE + "/{id}/receipts")
	@PreAuthorize("hasAuthority('INVENTORY_WRITE')")
	@Operation(summary = "Receive units (by SKU, barcode or supplier code, optionally into a bin) at the order's cost; "
			+ "more than ordered is refused with 409 RECEIVED_MORE_THAN_ORDERED and nothing is received")
	PurchaseOrder receive(@PathVariable UUID id, @Valid @RequestBody Receipt receipt) {
		return purchasing.receive(currentStore.id(), id, receipt);
	}

	@PostMapping(BASE + "/{id}/cancel")
	@PreAuthorize("hasAuthority('INVENTORY_WRITE')")
	@Operation(summary = "Cancel an order that is not fully received; what has not arrived is no longer incoming")
	PurchaseOrder cancel(@PathVariable UUID id) {
		return purchasing.cancel(currentStore.id(), id);
	}
}
