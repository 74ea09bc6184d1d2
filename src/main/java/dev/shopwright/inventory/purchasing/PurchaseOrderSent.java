package dev.shopwright.inventory.purchasing;

import java.util.UUID;

import dev.shopwright.shared.StoreId;

/** A purchase order went to its supplier; the email with its PDF follows through the event outbox. */
record PurchaseOrderSent(StoreId storeId, UUID purchaseOrderId) {
}
