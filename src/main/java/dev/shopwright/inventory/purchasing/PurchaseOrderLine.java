package dev.shopwright.inventory.purchasing;

import org.jspecify.annotations.Nullable;

import dev.shopwright.shared.Money;

/** One SKU on a purchase order: how many were ordered at what unit cost, and how many have arrived. */
public record PurchaseOrderLine(int lineNo, String sku, String title, @Nullable String barcode,
		@Nullable String supplierCode, int quantity, int received, Money unitCost, Money total) {

	public int outstanding() {
		return quantity - received;
	}
}
