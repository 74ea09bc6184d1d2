/**
 * Stock: locations and bins, stock levels per SKU and location, the append-only movement ledger,
 * reservations, transfers, counts, suppliers, purchase orders and demand forecasts.
 */
@ApplicationModule(allowedDependencies = { "shared", "platform", "platform :: web", "stores", "catalog",
		"catalog :: events" })
@NullMarked
package dev.shopwright.inventory;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
