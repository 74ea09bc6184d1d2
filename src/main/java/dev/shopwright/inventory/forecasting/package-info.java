/**
 * Demand forecasting per SKU: daily sales history (seeded for the demo store, plus the ledger's committed sales),
 * Holt-Winters forecasts with their accuracy as MASE against a seasonal-naive forecast, and the reorder points and
 * order-up-to levels derived from them. Internal to the inventory module.
 */
@NullMarked
package dev.shopwright.inventory.forecasting;

import org.jspecify.annotations.NullMarked;
