package dev.shopwright.inventory.purchasing;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import dev.shopwright.inventory.LocationId;
import dev.shopwright.shared.Money;

/**
 * An order to a supplier for stock delivered to one location. The number ({@code PO-1001}, …) is gap-free per store.
 * Its guards name the rule that a requested transition breaks; the repository then applies the transition only if
 * the status is still what was checked.
 */
public record PurchaseOrder(UUID id, String number, UUID supplierId, String supplierName, @Nullable String supplierEmail,
		LocationId locationId, String locationName, Currency currency, PurchaseOrderStatus status, @Nullable String note,
		@Nullable LocalDate expectedOn, List<PurchaseOrderLine> lines, Money total, @Nullable String emailedTo,
		@Nullable Instant emailedAt, @Nullable Instant sentAt, @Nullable Instant closedAt, Instant createdAt,
		Instant updatedAt) {

	public static String number(int sequence) {
		return "PO-" + sequence;
	}

	public int unitsOrdered() {
		return lines.stream().mapToInt(PurchaseOrderLine::quantity).sum();
	}

	public int unitsReceived() {
		return lines.stream().mapToInt(PurchaseOrderLine::received).sum();
	}

	void requireEditable() {
		if (!status.editable()) {
			throw PurchasingProblems.wrongStatus(this, "changed", "a draft");
		}
	}

	void requireSendable() {
		if (!status.sendable()) {
			throw PurchasingProblems.wrongStatus(this, "sent", "a draft");
		}
		if (lines.isEmpty()) {
			throw PurchasingProblems.noLines(number);
		}
	}

	void requireReceivable() {
		if (!status.receivable()) {
			throw PurchasingProblems.wrongStatus(this, "received", "sent or partially received");
		}
	}

	void requireCancellable() {
		if (!status.cancellable()) {
			throw PurchasingProblems.wrongStatus(this, "cancelled", "a draft, sent or partially received");
		}
	}
}
