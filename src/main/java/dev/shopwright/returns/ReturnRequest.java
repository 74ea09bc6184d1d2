package dev.shopwright.returns;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import dev.shopwright.customers.CustomerId;
import dev.shopwright.fulfillment.ShipmentStatus;
import dev.shopwright.inventory.LocationId;
import dev.shopwright.orders.OrderId;
import dev.shopwright.shared.Money;

/**
 * A return (RMA) as staff and the shopper see it. {@code number} is gap-free per store ("R1001"…). The amounts are
 * set when it is resolved: {@code credit} is the value of the returned units as paid, {@code fee} the restocking fee
 * kept, {@code refunded} what went back to the payment, {@code storeCredit} what went onto the customer's balance.
 * {@code labelCost} is what the return label cost the store (store currency); {@code returnShippingCharge} what the
 * shopper pays for it in the order's currency (0 when the merchant pays or the label was voided, null without a
 * label), deducted from the refund or store credit. {@code parcelStatus} follows the return parcel's tracking.
 */
public record ReturnRequest(ReturnId id, String number, OrderId orderId, String orderNumber,
		@Nullable CustomerId customerId, String email, ReturnStatus status, String openedBy, @Nullable String note,
		BigDecimal restockingFeePercent, ReturnPolicy.ShippingPaidBy returnShippingPaidBy,
		@Nullable String rejectionReason, @Nullable String labelUrl, @Nullable String labelCarrier,
		@Nullable String labelTrackingNumber, List<Item> items, @Nullable Resolution resolution,
		@Nullable Money credit, @Nullable Money fee, @Nullable Money refunded, @Nullable Money storeCredit,
		@Nullable OrderId exchangeOrderId, Instant requestedAt, @Nullable Instant approvedAt,
		@Nullable Instant rejectedAt, @Nullable Instant receivedAt, @Nullable Instant inspectedAt,
		@Nullable Instant resolvedAt, int version, @Nullable Money labelCost, @Nullable Money returnShippingCharge,
		@Nullable Instant labelVoidedAt, @Nullable ShipmentStatus parcelStatus, @Nullable Instant parcelDeliveredAt) {

	public ReturnRequest {
		items = List.copyOf(items);
	}

	/** The value of all returned units as paid (tax and discounts included). */
	public Money value() {
		return items.stream().map(Item::value).reduce(Money::plus).orElseThrow();
	}

	/** What is deducted for return shipping when the return resolves: the charge, else nothing. */
	public Money shippingDeduction() {
		Money value = value();
		return returnShippingCharge == null ? Money.zero(value.currency()) : returnShippingCharge;
	}

	/** The carrier delivered the parcel to the store but nobody marked the return received yet. */
	public boolean parcelDeliveredAwaitingReceipt() {
		return status == ReturnStatus.APPROVED && parcelStatus == ShipmentStatus.DELIVERED;
	}

	public int units() {
		return items.stream().mapToInt(Item::quantity).sum();
	}

	public boolean allInspected() {
		return items.stream().allMatch(item -> item.inspectedAt() != null);
	}

	/** One returned order line: {@code unitValue} is what one unit cost the shopper (tax and discount included). */
	public record Item(UUID id, UUID orderLineId, String sku, @Nullable UUID productId, String title,
			@Nullable String variantTitle, int quantity, ReturnReason reason, @Nullable String comment, Money unitValue,
			int restockedQuantity, int damagedQuantity, @Nullable LocationId restockLocationId,
			@Nullable Instant inspectedAt) {

		public Money value() {
			return unitValue.times(quantity);
		}
	}
}
