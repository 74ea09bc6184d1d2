package dev.shopwright.orders.edits.rest;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import dev.shopwright.orders.OrderId;
import dev.shopwright.orders.PaymentState;
import dev.shopwright.orders.drafts.PayLinks;
import dev.shopwright.orders.edits.EditOrder;
import dev.shopwright.orders.edits.EditPreview;
import dev.shopwright.orders.edits.OrderEdits;
import dev.shopwright.platform.CurrentStore;
import dev.shopwright.shared.Money;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Order edits through the Admin API: preview, commit, and the history of an order's edits. */
@RestController
@Tag(name = "Order edits")
class OrderEditsRestController {

	/** A committed edit: the order's new version, totals and states, and what happened to the money. */
	record CommittedEdit(UUID orderId, int editNumber, int version, Money total, PaymentState paymentState,
			EditPreview preview, @Nullable String payLinkSentTo, Money refunded, List<String> moneyProblems) {
	}

	private final OrderEdits edits;

	private final PayLinks links;

	private final CurrentStore currentStore;

	OrderEditsRestController(OrderEdits edits, PayLinks links, CurrentStore currentStore) {
		this.edits = edits;
		this.links = links;
		this.currentStore = currentStore;
	}

	@PostMapping("/api/admin/v1/orders/{id}/edits/preview")
	@PreAuthorize("hasAuthority('ORDERS_READ')")
	@Operation(summary = "What an edit would do (new lines and totals, what to collect or refund); changes nothing")
	@ApiResponse(responseCode = "200", description = "the preview")
	EditPreview preview(@PathVariable UUID id, @Valid @RequestBody EditOrder edit) {
		return edits.preview(currentStore.id(), new OrderId(id), edit);
	}

	@PostMapping("/api/admin/v1/orders/{id}/edits")
	@PreAuthorize("hasAuthority('ORDERS_WRITE')")
	@Operation(summary = "Commit an edit before fulfilment: 409 ORDER_VERSION_CONFLICT when the order changed since "
			+ "expectedVersion, INSUFFICIENT_STOCK for added units that are not there, LINE_ALREADY_FULFILLED, "
			+ "ORDER_NOT_EDITABLE (cancelled, closed or fulfilled). A higher total is collected through a pay link "
			+ "emailed to the shopper, a lower one refunded")
	@ApiResponse(responseCode = "201", description = "the committed edit")
	ResponseEntity<CommittedEdit> commit(@PathVariable UUID id, @Valid @RequestBody EditOrder edit,
			HttpServletRequest request) {
		OrderEdits.Committed done = edits.commit(currentStore.id(), new OrderId(id), edit,
				links.base(currentStore.id(), request));
		return ResponseEntity.created(URI.create("/api/admin/v1/orders/" + id + "/edits"))
			.body(new CommittedEdit(id, done.editNumber(), done.order().version(), done.order().totals().total(),
					done.order().paymentState(), done.preview(), done.payLinkSentTo(), done.refunded(),
					done.moneyProblems()));
	}

	@GetMapping("/api/admin/v1/orders/{id}/edits")
	@PreAuthorize("hasAuthority('ORDERS_READ')")
	@Operation(summary = "The order's committed edits, first first, with the totals before and after")
	List<dev.shopwright.orders.edits.OrderEdit> history(@PathVariable UUID id) {
		return edits.history(currentStore.id(), new OrderId(id));
	}
}
