package dev.shopwright.returns.events;

import org.jspecify.annotations.Nullable;

import dev.shopwright.orders.OrderId;
import dev.shopwright.returns.Resolution;
import dev.shopwright.returns.ReturnId;
import dev.shopwright.shared.Money;
import dev.shopwright.shared.StoreId;

/**
 * The return was settled: {@code refunded} to the original payment, {@code storeCredit} onto the customer's balance,
 * or {@code exchangeOrderId} placed (zero amounts when not used). {@code returnShippingCharge} is what the return
 * label cost the shopper, already taken off those amounts (zero when the merchant paid it).
 */
public record ReturnResolved(StoreId storeId, ReturnId returnId, String number, OrderId orderId, String email,
		Resolution resolution, Money refunded, Money storeCredit, @Nullable OrderId exchangeOrderId,
		Money returnShippingCharge) {
}
