package dev.shopwright.inventory.purchasing;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

import dev.shopwright.shared.Money;

/** One of our SKUs as a supplier sells it: their code, their unit cost and pack size, and whether they are primary. */
public record SupplierSku(UUID supplierId, String supplierName, String sku, String title, @Nullable String supplierCode,
		Money unitCost, int packSize, boolean primary) {
}
