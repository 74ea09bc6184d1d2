/**
 * Purchasing and replenishment inside the inventory module: suppliers and their SKUs, purchase orders from draft to
 * received (PDF and email to the supplier, receiving by scan), low-stock alerts and reorder suggestions. It changes
 * stock only through {@link dev.shopwright.inventory.InventoryManagement}.
 */
@NullMarked
package dev.shopwright.inventory.purchasing;

import org.jspecify.annotations.NullMarked;
